// Where a big dataset's first graph spends its main-thread time: a V8 CPU profile of the page load, by function.
//
// `node scripts/profile-load.mjs [--case=g20k|collegemsg] [--top=25] [--steps=30]` builds the app without
// minification (so Cytoscape's and React's functions keep their names) into bench/dist-profile/,
// serves it on 127.0.0.1 with the dataset the benchmark uses for that case, opens `?data=` in
// Chromium (the flags of playwright.config.ts), records the renderer's CPU profile from navigation
// until two seconds after the first graph, and prints self and inclusive time by function. The
// benchmark (`npm run bench`) measures; this explains. Unminified code runs at about the same speed,
// but read the figures as shares, not as the benchmark's times.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const OUT = join(ROOT, 'bench/dist-profile');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const CASE = args.get('case') ?? 'g20k';
const TOP = Number(args.get('top') ?? 25);
/** With `--steps=N`: profile N key presses (→ → PageUp) after the final layout instead of the load. */
const STEPS = Number(args.get('steps') ?? 0);
/** With `--trace` (and `--steps`): a DevTools timeline trace of the steps, summed by event (script, style, layout, paint). */
const TRACE = args.has('trace');
const COLLEGEMSG = process.env.TIELINE_COLLEGEMSG ?? '/work/shared/data/CollegeMsg.txt';
/** Chromium path and flags, read from the Playwright config as the benchmark does. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The benchmark's static server (bench/browser.ts): the build at /, datasets at /bench-*.json. */
let serve;

async function dataset() {
  const { createServer: vite } = await import('vite');
  const server = await vite({
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const gen = await server.ssrLoadModule('/bench/generate.ts');
    const { CHROMIUM_ARGS } = await server.ssrLoadModule('/playwright.config.ts');
    serve = (await server.ssrLoadModule('/bench/browser.ts')).serve;
    if (CASE === 'collegemsg')
      return {
        body: JSON.stringify(gen.collegeMsgDataset(COLLEGEMSG)),
        t: '2004-06-01',
        CHROMIUM_ARGS,
      };
    const [actors, relations] =
      CASE === 'g5k' ? [500, 5000] : CASE === 'g100k' ? [5000, 100000] : [2000, 20000];
    return {
      body: JSON.stringify(gen.generateDataset({ actors, relations, seed: actors + relations })),
      t: '2015-01-01',
      CHROMIUM_ARGS,
    };
  } finally {
    await server.close();
  }
}

/** Self and inclusive time by function (name, file, line) in a CPU profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (cf) =>
    `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
  const self = new Map();
  const incl = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const cf = byId.get(id).callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') return;
    total += us;
    self.set(label(cf), (self.get(label(cf)) ?? 0) + us);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = label(byId.get(x).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  });
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return { total, self: top(self), incl: top(incl) };
}

/** Starts a DevTools timeline trace (the Performance panel's categories). */
async function startTrace(cdp) {
  cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: process.env.TRACE_CATS
        ? process.env.TRACE_CATS.split(',')
        : ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    },
  });
}
const traceEvents = [];

/** Stops the trace; sums the renderer main thread's complete events by name, nested ones included. */
async function stopTrace(cdp, steps) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const main = traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const sums = new Map();
  for (const e of traceEvents) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
  }
  const lines = [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([k, us]) => `${(us / 1000 / steps).toFixed(2).padStart(8)} ms  ${k}`);
  return [...lines, '', ...betweenInputAndFrame(main)];
}

/**
 * What runs after a key press's task and before the next animation frame (the benchmark's "wait"):
 * the main thread's tasks in that gap, named by the first timeline event inside each.
 */
function betweenInputAndFrame(main) {
  if (!main) return [];
  const on = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = on.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const inside = (t) =>
    on.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur);
  const keys = on.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const sums = new Map();
  let gaps = 0;
  for (const k of keys) {
    const keyTask = tasks.find((t) => t.ts <= k.ts && k.ts <= t.ts + t.dur);
    if (!keyTask) continue;
    const frame = tasks.find(
      (t) => t.ts > keyTask.ts && inside(t).some((e) => e.name === 'FireAnimationFrame'),
    );
    if (!frame) continue;
    gaps++;
    const idle = frame.ts - (keyTask.ts + keyTask.dur);
    sums.set('(gap, task to frame)', (sums.get('(gap, task to frame)') ?? 0) + idle);
    for (const t of tasks) {
      if (t.ts <= keyTask.ts || t.ts >= frame.ts) continue;
      const kids = inside(t).sort((a, b) => a.ts - b.ts);
      const first = kids[0];
      const what = first
        ? `${first.name}${first.args?.data?.type ? ' ' + first.args.data.type : ''}${first.args?.data?.functionName ? ' ' + first.args.data.functionName : ''}`
        : '(empty task)';
      sums.set(what, (sums.get(what) ?? 0) + t.dur);
    }
  }
  if (process.env.TRACE_DETAIL) {
    for (const k of keys.slice(3, 6)) {
      const keyTask = tasks.find((t) => t.ts <= k.ts && k.ts <= t.ts + t.dur);
      if (!keyTask) continue;
      console.log('--- key at', ((k.ts - keyTask.ts) / 1000).toFixed(2));
      for (const e of on
        .filter((e) => e.ts >= keyTask.ts && e.ts < keyTask.ts + 60000)
        .sort((a, b) => a.ts - b.ts)) {
        if ((e.dur ?? 0) < 200) continue;
        console.log(
          ((e.ts - keyTask.ts) / 1000).toFixed(2).padStart(8),
          ((e.dur ?? 0) / 1000).toFixed(2).padStart(7),
          e.name,
          e.args?.data?.type ?? '',
          e.args?.data?.functionName ?? '',
          e.args?.data?.url?.split('/').pop() ?? '',
        );
      }
    }
  }
  return [
    `tasks between a key's task and the next frame, per step (${gaps} steps):`,
    ...[...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, us]) => `${(us / 1000 / Math.max(1, gaps)).toFixed(2).padStart(8)} ms  ${k}`),
  ];
}

const { body, t, CHROMIUM_ARGS } = await dataset();
console.log(`building without minification into ${OUT} …`);
// NODE_ENV as for any production build (Vite's dev server, used above for the generator, set it).
execFileSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', OUT, '--emptyOutDir'], {
  stdio: 'ignore',
  env: { ...process.env, NODE_ENV: 'production' },
});
const { chromium } = await import('@playwright/test');
const server = await serve(OUT, OUT, new Map([['bench-profile.json', body]]));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Same origin first, so the profiled navigation stays in this renderer process.
  await page.goto(`${base}/nothing`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (!STEPS) await cdp.send('Profiler.start');
  await page.goto(`${base}/?data=bench-profile.json&t=${t}`);
  await page.waitForFunction(() => window.__tieline?.ready === true, undefined, {
    timeout: 60_000,
  });
  if (STEPS) {
    // Steps instead of the load: after the final layout, STEPS presses of → → PageUp, each to its frame.
    await page.waitForFunction(() => (window.__tieline?.layouts ?? 0) > 0, undefined, {
      timeout: 180_000,
    });
    await page.locator('input[aria-label="Timeline"]').focus();
    await page.waitForTimeout(1000);
    if (TRACE) await startTrace(cdp);
    else await cdp.send('Profiler.start');
    for (let i = 0; i < STEPS; i++) {
      await page.keyboard.press(['ArrowRight', 'ArrowRight', 'PageUp'][i % 3]);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
  } else await page.waitForTimeout(2000);
  if (TRACE) {
    console.log(`\n${CASE}: main-thread time by timeline event over ${STEPS} steps (per step)\n`);
    console.log((await stopTrace(cdp, STEPS)).join('\n'));
  } else {
    const { profile } = await cdp.send('Profiler.stop');
    const s = summarise(profile);
    console.log(
      `\n${CASE}: ${(s.total / 1000).toFixed(0)} ms of main-thread JavaScript (and GC) sampled\n`,
    );
    console.log('self time\n' + s.self.join('\n'));
    console.log('\ninclusive time\n' + s.incl.join('\n'));
  }
} finally {
  await browser.close();
  server.close();
  rmSync(OUT, { recursive: true, force: true });
}
