// `npm run bench`: builds, runs the model, adapter, browser and bundle benchmarks, writes bench/results/latest.json and docs/benchmarks.md.
//
// Each part runs in its own Node process (a fresh heap: the 1M-relation model must not slow the
// others down) that loads the TypeScript benchmarks through Vite's SSR loader. `--quick` cuts the
// repetitions for a smoke run; `--part=<name> --out=<file>` is the child mode.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = process.cwd();
const RESULTS = join(ROOT, 'bench/results');
/** The app's production build for the benchmark: its own folder, so a concurrent `npm run build` or e2e run cannot swap dist/ mid-run. */
const APP_DIST = join(ROOT, 'bench/dist-app');
/** The common-way reference page's build (bench/vite.common.config.ts). */
const COMMON_DIST = join(ROOT, 'bench/dist-common');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const QUICK = args.has('quick');
/**
 * `--parts=adapter,browser` and `--cases=g20k,collegemsg`: a partial run for working on one figure. It
 * writes bench/results/partial.json and prints the figures, and leaves latest.json and the doc alone.
 */
const PARTS = args.get('parts')?.split(',') ?? null;
const CASES = args.get('cases')?.split(',') ?? null;
/** CollegeMsg (SNAP), read from the shared data folder, never committed (see /work/shared/data/README.md). */
const COLLEGEMSG = process.env.TIELINE_COLLEGEMSG ?? '/work/shared/data/CollegeMsg.txt';
const T0 = Number(args.get('t0') ?? Date.now());
const log = (s) =>
  console.log(`[${String(Math.round((Date.now() - T0) / 1000)).padStart(3)} s] ${s}`);

// -------------------------------------------------------------------------------------------------
// Child mode: one part, its JSON written to --out.

async function runPart(part, out) {
  const { createServer } = await import('vite');
  const server = await createServer({
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const load = (p) => server.ssrLoadModule(p);
  // The adapter's constructor sets a wheel sensitivity, which Cytoscape warns about on every instance.
  const warn = console.warn;
  console.warn = (...a) => {
    if (!String(a[0]).includes('wheel sensitivity')) warn(...a);
  };
  try {
    let result;
    if (part === 'model') result = (await load('/bench/model.bench.ts')).runModelBench(log);
    else if (part === 'adapter')
      result = await (await load('/bench/adapter.bench.ts')).runAdapterBench(log);
    else if (part === 'browser') result = await browserPart(load);
    else throw new Error(`unknown part ${part}`);
    writeFileSync(out, JSON.stringify(result));
  } finally {
    await server.close();
  }
}

async function browserPart(load) {
  const gen = await load('/bench/generate.ts');
  const { runBrowserBench } = await load('/bench/browser.ts');
  const q = QUICK ? 0.25 : 1;
  const plan = (max, budgetS, floorEvery, min = 10) => ({
    max: Math.max(4, Math.round(max * q)),
    min: Math.max(3, Math.round(min * q)),
    budgetMs: budgetS * 1000 * q,
    floorEvery,
  });
  const generated = (actors, relations) =>
    JSON.stringify(gen.generateDataset({ actors, relations, seed: actors + relations }));
  // Every page gets the same keys: → → PageUp repeated, reversing at the ends (bench/peers.ts). The big
  // cases also open the limit page and the sigma.js peer on Tieline's picture, measured interleaved.
  const cases = [
    {
      name: 'bundled',
      label: 'Bundled dataset (33 actors, 74 relations)',
      body: null,
      actors: 33,
      relations: 74,
      startIso: '2014-06-01',
      steps: plan(100, 8, 1),
      common: null,
      extras: true,
      // The idle frame the bundled step is held to (forced redraws of an idle page).
      idleFloors: 20,
    },
    {
      name: 'g5k',
      label: 'Generated: 500 actors, 5,000 relations',
      body: generated(500, 5000),
      actors: 500,
      relations: 5000,
      startIso: '2015-01-01',
      steps: plan(100, 8, 2),
      common: null,
      extras: false,
      idleFloors: 0,
    },
    {
      name: 'g20k',
      label: 'Generated: 2,000 actors, 20,000 relations',
      body: generated(2000, 20000),
      actors: 2000,
      relations: 20000,
      startIso: '2015-01-01',
      steps: plan(100, 30, 2, 30),
      common: null,
      extras: true,
      idleFloors: 0,
      peers: true,
    },
    existsSync(COLLEGEMSG) && {
      name: 'collegemsg',
      label: 'CollegeMsg (1,899 actors, 59,835 message events, 30-day window)',
      body: JSON.stringify(gen.collegeMsgDataset(COLLEGEMSG)),
      actors: 1899,
      relations: 59835,
      startIso: '2004-06-01',
      steps: plan(100, 40, 2, 30),
      common: null,
      extras: true,
      idleFloors: 0,
      peers: true,
    },
    {
      name: 'g100k',
      label: 'Generated: 5,000 actors, 100,000 relations',
      body: generated(5000, 100000),
      actors: 5000,
      relations: 100000,
      startIso: '2015-01-01',
      steps: plan(100, 30, 2, 20),
      common: null,
      // PNG export and play too, as at the other sizes (issue #6 asks for both at every size).
      extras: true,
      idleFloors: 0,
      peers: true,
    },
  ]
    .filter(Boolean)
    .filter((c) => !CASES || CASES.includes(c.name));
  return runBrowserBench({
    appDir: APP_DIST,
    commonDir: COMMON_DIST,
    cases,
    deadline: Number(args.get('deadline') ?? Infinity),
    log,
  });
}

if (args.has('part')) {
  await runPart(args.get('part'), args.get('out'));
  process.exit(0);
}

/** Loads bench/report.ts and writes docs/benchmarks.md (prettier-formatted) from a result; returns the target table. */
async function writeReport(result) {
  const { createServer } = await import('vite');
  const server = await createServer({
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
  });
  try {
    const report = await server.ssrLoadModule('/bench/report.ts');
    result.targets = report.targets(result);
    // Formatted as `npm run lint` (prettier --check .) expects.
    const prettier = await import('prettier');
    const docPath = join(ROOT, 'docs/benchmarks.md');
    const docOptions = { ...(await prettier.resolveConfig(docPath)), filepath: docPath };
    writeFileSync(docPath, await prettier.format(report.render(result), docOptions));
    return report.table(result.targets);
  } finally {
    await server.close();
  }
}

// `--report-only`: re-render docs/benchmarks.md from bench/results/latest.json (after editing bench/report.ts).
// With `--merge-partial`, the browser cases of bench/results/partial.json (a `--parts=browser` run)
// first replace the same cases of latest.json, and the report says which cases were re-run when.
if (args.has('report-only')) {
  const result = JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8'));
  if (args.has('merge-partial')) {
    const partial = JSON.parse(readFileSync(join(RESULTS, 'partial.json'), 'utf8'));
    const rerun = partial.parts?.browser?.result?.cases ?? [];
    const names = new Set(rerun.map((c) => c.name));
    if (result.browser?.cases) {
      result.browser.cases = [...result.browser.cases.filter((c) => !names.has(c.name)), ...rerun];
      result.rerun = { cases: [...names], date: partial.date };
      delete result.targets;
      writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    }
  }
  log(await writeReport(result));
  process.exit(0);
}

// -------------------------------------------------------------------------------------------------
// Parent mode.

/** When the browser part must stop measuring extra steps so the whole run stays under five minutes. */
const DEADLINE = Date.now() + 235_000;

function child(part) {
  const out = join(RESULTS, `${part}.tmp`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [
        '--max-old-space-size=6144',
        'scripts/bench.mjs',
        `--part=${part}`,
        `--out=${out}`,
        `--deadline=${DEADLINE}`,
        `--t0=${T0}`,
        ...(QUICK ? ['--quick'] : []),
        ...(CASES ? [`--cases=${CASES.join(',')}`] : []),
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    p.on('exit', (code) => {
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      try {
        if (code !== 0) throw new Error(`exited with ${code}`);
        resolve({ seconds, result: JSON.parse(readFileSync(out, 'utf8')) });
      } catch (e) {
        resolve({ seconds, error: e instanceof Error ? e.message : String(e) });
      }
    });
  });
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? '?';
  const mhz = /cpu MHz\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim();
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // keep Node's count
  }
  let chromium = '?';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported by the browser part instead
  }
  return {
    nproc,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpu: model + (mhz ? ` (${Math.round(Number(mhz))} MHz)` : ''),
    loadAverageAtStart: LOAD_AT_START,
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
  };
}

/** Gzip sizes (level 9) of the initial JavaScript (entry + modulepreload + their static imports) and of each lazy chunk. */
function bundle() {
  const dist = APP_DIST;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1].replace(/^\.?\//, ''));
  const initial = new Set();
  const queue = [...refs];
  while (queue.length) {
    const rel = queue.shift();
    if (initial.has(rel)) continue;
    initial.add(rel);
    const text = readFileSync(join(dist, rel), 'utf8');
    const dir = rel.split('/').slice(0, -1).join('/');
    // Static imports and re-exports of sibling chunks (dynamic `import(` calls are lazy).
    for (const m of text.matchAll(
      /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g,
    )) {
      queue.push((dir ? dir + '/' : '') + m[1].slice(2));
    }
  }
  const size = (rel) => {
    const buf = readFileSync(join(dist, rel));
    return { file: rel, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const init = [...initial].map(size);
  const lazy = all.filter((f) => !initial.has(f)).map(size);
  const css = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => size(`assets/${f}`));
  return {
    initial: init,
    initialGzip: init.reduce((a, b) => a + b.gzip, 0),
    lazy: lazy.sort((a, b) => b.gzip - a.gzip),
    css,
  };
}

async function buildAll() {
  const { build } = await import('vite');
  const t0 = Date.now();
  await build({ logLevel: 'warn', build: { outDir: APP_DIST, emptyOutDir: true } });
  await build({ configFile: 'bench/vite.common.config.ts', logLevel: 'warn' });
  return Math.round((Date.now() - t0) / 100) / 10;
}

const started = Date.now();
const LOAD_AT_START = os.loadavg().map((x) => Math.round(x * 100) / 100);
mkdirSync(RESULTS, { recursive: true });
log(`Tieline benchmark${QUICK ? ' (quick)' : ''}: ${new Date().toISOString()}`);
const buildSeconds = await buildAll();
log(`built in ${buildSeconds} s`);
const bundleResult = bundle();
const parts = {};
for (const part of PARTS ?? ['model', 'adapter', 'browser']) {
  log(`--- ${part}`);
  parts[part] = await child(part);
  if (parts[part].error) log(`${part} failed: ${parts[part].error}`);
}
if (PARTS || CASES) {
  const out = join(RESULTS, 'partial.json');
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), parts }, null, 2) + '\n');
  for (const part of Object.keys(parts)) rmSync(join(RESULTS, `${part}.tmp`), { force: true });
  if (!args.has('keep-builds')) {
    for (const dir of [APP_DIST, COMMON_DIST]) rmSync(dir, { recursive: true, force: true });
  }
  log(`partial run: wrote ${out}`);
  process.exit(0);
}
if (parts.browser.result) {
  // The JavaScript the page really fetched before its first graph (bundled dataset), sized like the bundle.
  const bundled = parts.browser.result.cases.find((c) => c.name === 'bundled');
  const files = [...new Set(bundled?.tieline.scriptsBeforePaint ?? [])]
    .map((path) => path.replace(/^\//, ''))
    .filter((f) => f.startsWith('assets/'))
    .map((f) => {
      const buf = readFileSync(join(APP_DIST, f));
      return { file: f, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    });
  if (files.length) {
    bundleResult.beforeFirstGraph = { files, gzip: files.reduce((a, b) => a + b.gzip, 0) };
  }
}
const result = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine: machine(),
  seconds: {
    build: buildSeconds,
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.seconds])),
  },
  model: parts.model.result ?? { error: parts.model.error },
  adapter: parts.adapter.result ?? { error: parts.adapter.error },
  browser: parts.browser.result ?? { error: parts.browser.error },
  bundle: bundleResult,
};
result.seconds.total = Math.round((Date.now() - started) / 100) / 10;
const tableText = await writeReport(result);
writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
// The builds are scratch: removed so `eslint .` and `prettier --check .` never see them (--keep-builds keeps them).
if (!args.has('keep-builds')) {
  for (const dir of [APP_DIST, COMMON_DIST]) rmSync(dir, { recursive: true, force: true });
}
for (const part of Object.keys(parts)) rmSync(join(RESULTS, `${part}.tmp`), { force: true });
log('');
log(tableText);
log('');
log(`wrote bench/results/latest.json and docs/benchmarks.md in ${result.seconds.total} s`);
