// Vite build and Vitest configuration; the production build gets a Content-Security-Policy without inline scripts.
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** The policy of the production page: scripts only from the app's own origin (no inline, no eval). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Cytoscape adds one inline <style> element for its container (tests/e2e/csp.spec.ts sees
  // style-src-elem blocked without this); scripts stay locked, so styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // ?data= may name a dataset anywhere; datasets are data, validated, never executed.
  "connect-src 'self' blob: data: https: http:",
  // Vite emits each worker (import, layout) as a file of its own: no blob: workers.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * `_headers` for static hosts that read one (Netlify, Cloudflare Pages): the same policy as a real
 * header, where `frame-ancestors` also works (a meta tag cannot carry it), and two safe defaults.
 */
export const HEADERS = [
  '/*',
  `  Content-Security-Policy: ${CSP}; frame-ancestors 'none'`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '',
].join('\n');

// Only in the build: the dev server's React refresh preamble is an inline script. The policy is
// written once (CSP above) and lands in the page as a meta tag and in dist/_headers.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'tieline-csp',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: HEADERS });
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'threads',
    // A safety net, not a speed check: on a loaded 2-core machine a component test can take over
    // Vitest's default 5 s to render; a hang still fails.
    testTimeout: 30_000,
  },
});
