// Lint rules for Tieline, including the one-way import boundaries of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noUiLibs = [
  { name: 'react', message: 'model/ is pure: no React.' },
  { name: 'react-dom', message: 'model/ is pure: no React.' },
  { name: 'zustand', message: 'model/ is pure: no store.' },
  { name: 'immer', message: 'model/ is pure: no store.' },
  { name: 'cytoscape', message: 'Only src/graph/ may import cytoscape.' },
];
const cytoscapeOnlyInGraph = {
  patterns: [
    { group: ['cytoscape', 'cytoscape-*'], message: 'Only src/graph/ may import cytoscape.' },
  ],
};
export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'test-results',
      'bench/dist-common',
      'bench/dist-app',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': ['error', cytoscapeOnlyInGraph],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The domain core is pure: no UI libraries, no DOM, no other layer.
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noUiLibs,
          patterns: [
            { group: ['cytoscape-*', 'react-*', '@testing-library/*'], message: 'model/ is pure.' },
            {
              group: [
                '../io/*',
                '../store/*',
                '../graph/*',
                '../ui/*',
                '../io',
                '../store',
                '../graph',
                '../ui',
              ],
              message: 'model/ imports no other layer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'HTMLElement',
          'fetch',
          'location',
          'history',
        ].map((name) => ({ name, message: 'model/ is pure: no DOM.' })),
      ],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noUiLibs,
          patterns: [
            ...cytoscapeOnlyInGraph.patterns,
            {
              group: ['../store/*', '../graph/*', '../ui/*', '../store', '../graph', '../ui'],
              message: 'io/ may import only model/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'cytoscape', message: 'Only src/graph/ may import cytoscape.' },
            { name: 'react-dom', message: 'store/ has no DOM rendering.' },
          ],
          patterns: [
            ...cytoscapeOnlyInGraph.patterns,
            {
              group: ['../graph/*', '../ui/*', '../graph', '../ui'],
              message: 'store/ may import model/ and io/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may reach into any layer, cytoscape included (the adapter is tested headless).
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../ui/*', '../ui'], message: 'graph/ may not import ui/.' }] },
      ],
    },
  },
);
