// Fails the test run when the initial JavaScript of the production build grows past its gzip budget.
// Counted: the scripts dist/index.html loads or preloads, plus the chunks every visit loads at once to draw
// the first graph (the Cytoscape adapter, fetched in parallel with the dataset). Listed, not counted: the
// chunks loaded on demand (layout, importers, export, dialogs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.TIELINE_JS_BUDGET_KB ?? 230);
const html = readFileSync('dist/index.html', 'utf8');
const STARTUP = [/^adapter-/];
const fromHtml = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const startup = readdirSync('dist/assets')
  .filter((f) => STARTUP.some((re) => re.test(f)))
  .map((f) => `assets/${f}`);
const initial = [...new Set([...fromHtml, ...startup])];
if (fromHtml.length === 0) {
  console.error('size budget: no script found in dist/index.html; run `npm run build` first.');
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(join('dist', file)), { level: 9 }).length / 1024;
const total = initial.reduce((sum, f) => sum + gz(f), 0);
const lazy = readdirSync('dist/assets').filter(
  (f) => f.endsWith('.js') && !initial.includes(`assets/${f}`),
);
for (const f of initial) console.log(`initial  ${gz(f).toFixed(1).padStart(7)} KB  ${f}`);
for (const f of lazy)
  console.log(`lazy     ${gz(`assets/${f}`).toFixed(1).padStart(7)} KB  assets/${f}`);
console.log(`Initial JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB).`);
if (total > BUDGET_KB) {
  console.error(
    `Over budget by ${(total - BUDGET_KB).toFixed(1)} KB: move code behind a dynamic import() or remove it.`,
  );
  process.exit(1);
}
