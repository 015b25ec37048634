// The lint fence: every forbidden import between the folders of src/ fails lint, static or dynamic, at any depth.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import layersPlugin, { LAYERS } from '../../scripts/eslint-layers.mjs';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });
type Layer = keyof typeof LAYERS;
const layers = Object.keys(LAYERS) as Layer[];

/** Lints `code` as if it were a file `sub` folders deep in src/<layer>/; returns the layer-rule messages. */
async function fence(layer: Layer, depth: number, code: string): Promise<string[]> {
  const dirs = ['deep', 'deeper', 'deepest'].slice(0, depth - 1);
  const filePath = path.resolve(__dirname, '../../src', layer, ...dirs, 'probe.ts');
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'tieline/layers').map((m) => m.message);
}

/** The path from a probe `depth` folders into src/<from>/ to a module in src/<to>/. */
const toward = (depth: number, to: string): string => `${'../'.repeat(depth)}${to}/probe-target`;

const edges = layers.flatMap((from) =>
  layers
    .filter((to) => to !== from)
    .map((to) => ({ from, to, allowed: LAYERS[from].includes(to) })),
);

describe('the layer fence (tieline/layers in eslint.config.js)', () => {
  it('covers every pair of layers, and at least one edge is forbidden for each but ui', () => {
    expect(edges.length).toBe(layers.length * (layers.length - 1));
    for (const from of layers.filter((l) => l !== 'ui'))
      expect(edges.some((e) => e.from === from && !e.allowed)).toBe(true);
  });

  for (const depth of [1, 3]) {
    it(`fails each forbidden edge at depth ${depth}: import, export from, import(), import type`, async () => {
      for (const { from, to } of edges.filter((e) => !e.allowed)) {
        const target = toward(depth, to);
        const forms = [
          `import { x } from '${target}';\nexport const y = x;`,
          `export { x } from '${target}';`,
          `export async function f() {\n  return import('${target}');\n}`,
          `export async function f() {\n  return import(\`${target}\`);\n}`,
          `import type { X } from '${target}';\nexport type Y = X;`,
        ];
        for (const code of forms) {
          const messages = await fence(from, depth, code);
          expect(messages, `${from} → ${to} at depth ${depth}: ${code}`).toHaveLength(1);
          expect(messages[0]).toContain(`src/${from}/ may not import src/${to}/`);
        }
      }
    });

    it(`passes each allowed edge at depth ${depth}, static and dynamic`, async () => {
      for (const { from, to } of edges.filter((e) => e.allowed)) {
        const target = toward(depth, to);
        expect(
          await fence(from, depth, `import { x } from '${target}';\nexport const y = x;`),
        ).toEqual([]);
        expect(await fence(from, depth, `export const f = () => import('${target}');`)).toEqual([]);
      }
    });
  }

  it('reads a folder index (`../model`) as that layer, and src/ itself as no layer anyone may import', async () => {
    expect(await fence('io', 2, `export * from '../../model';`)).toEqual([]);
    expect(await fence('io', 2, `export * from '../../store';`)).toHaveLength(1);
    expect(await fence('graph', 1, `export const f = () => import('../main');`)).toHaveLength(1);
  });

  it('keeps cytoscape in graph/, React in ui/, the store libraries out of model/, io/ and graph/', async () => {
    const bad: [Layer, string][] = [
      ['ui', 'cytoscape'],
      ['model', 'cytoscape-fcose'],
      ['app', 'cytoscape'],
      ['model', 'react'],
      ['graph', 'react-dom/client'],
      ['store', 'react'],
      ['model', 'zustand'],
      ['io', 'immer'],
      ['graph', 'zustand/vanilla'],
    ];
    for (const [layer, pkg] of bad) {
      expect(
        await fence(layer, 2, `import x from '${pkg}';\nexport default x;`),
        `${pkg} in ${layer}`,
      ).toHaveLength(1);
      expect(
        await fence(layer, 2, `export const f = () => import('${pkg}');`),
        `import('${pkg}') in ${layer}`,
      ).toHaveLength(1);
    }
    expect(await fence('graph', 3, `import x from 'cytoscape';\nexport default x;`)).toEqual([]);
    expect(await fence('ui', 3, `export const f = () => import('react');`)).toEqual([]);
    expect(await fence('store', 1, `export const f = () => import('immer');`)).toEqual([]);
  });

  it('refuses an import() whose path it cannot read', async () => {
    expect(await fence('model', 2, `export const f = (p: string) => import(p);`)).toHaveLength(1);
    expect(await fence('io', 1, 'export const f = (p: string) => import(`../${p}`);')).toHaveLength(
      1,
    );
  });

  it('finds no forbidden import in src/ as it is', async () => {
    // The layer rule alone (the full config's other rules take a minute over all of src/).
    const only = new ESLint({
      cwd: path.resolve(__dirname, '../..'),
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['src/**/*.{ts,tsx}'],
          languageOptions: { parser: tseslint.parser },
          plugins: { tieline: layersPlugin },
          rules: { 'tieline/layers': 'error' },
        },
      ],
    });
    const results = await only.lintFiles(['src']);
    const hits = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'tieline/layers')
        .map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(hits).toEqual([]);
  });
});
