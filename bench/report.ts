// Turns the benchmark result into the target table (stdout) and docs/benchmarks.md, with the measured breakdowns of every missed target.
import type { AdapterResult } from './adapter.bench';
import type { BrowserCaseResult, BrowserResult, LatencyFigure } from './browser';
import { MIX } from './generate';
import type { ModelSizeResult } from './model.bench';
import type { ProfileSummary } from './profile';

/** Gzip size of one built file. */
export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** The bundle figures scripts/bench.mjs computes from dist/. */
export interface BundleResult {
  initial: FileSize[];
  initialGzip: number;
  lazy: FileSize[];
  css: FileSize[];
  /** Gzip of the JavaScript the page actually fetched before its first graph (bundled dataset). */
  beforeFirstGraph?: { files: FileSize[]; gzip: number };
}

/** Everything one `npm run bench` measured. */
export interface BenchResult {
  date: string;
  quick: boolean;
  machine: {
    nproc: number;
    memoryGiB: number;
    cpu: string;
    /** 1, 5 and 15-minute load averages when the run started and ended (other work on the machine). */
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    os: string;
    node: string;
    chromium: string;
  };
  seconds: Record<string, number>;
  model: ModelSizeResult[] | { error: string };
  adapter: AdapterResult | { error: string };
  browser: BrowserResult | { error: string };
  bundle: BundleResult;
  targets?: Target[];
}

/** One target of DESIGN.md §4 and what this run measured for it. */
export interface Target {
  readonly area: string;
  readonly figure: string;
  readonly target: string;
  readonly measured: string;
  /** null: not measured in this run. */
  readonly met: boolean | null;
}

const ok = <T extends object>(x: T | { error: string }): x is T => !('error' in x);
const ms = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : x >= 100
      ? `${Math.round(x).toLocaleString('en')} ms`
      : `${Number(x.toPrecision(3))} ms`;
const times = (x: number): string => `${Number(x.toPrecision(3))}×`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const pct = (x: number): string => `${Math.round(x * 100)} %`;
const n = (x: number): string => x.toLocaleString('en');

function caseOf(b: BrowserResult, name: string): BrowserCaseResult | undefined {
  return b.cases.find((c) => c.name === name);
}

/** Import and draw of a dataset given by URL: request of the file → first painted graph. */
export function importDraw(c: BrowserCaseResult): number {
  return c.tieline.paintedMs - (c.tieline.dataRequestMs ?? 0);
}

/** The longest task between the dataset request and the first painted graph. */
export function importLongest(c: BrowserCaseResult): number {
  const from = c.tieline.dataRequestMs ?? 0;
  return Math.max(
    0,
    ...c.tieline.longTasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration),
  );
}

/** Every target, met or not. */
export function targets(r: BenchResult): Target[] {
  const out: Target[] = [];
  const add = (
    area: string,
    figure: string,
    target: string,
    measured: string,
    met: boolean | null,
  ) => out.push({ area, figure, target, measured, met });
  if (ok(r.model)) {
    const m100k = r.model.find((s) => s.relations === 100_000);
    const m1m = r.model.find((s) => s.relations === 1_000_000);
    if (m100k) {
      add(
        'Model',
        'one-day step at 100k (p50)',
        '≤ 0.1 ms',
        ms(m100k.step.p50),
        m100k.step.p50 <= 0.1,
      );
      add(
        'Model',
        'jump (activeAt, random t) at 100k (p50)',
        '≤ 2 ms',
        ms(m100k.jump.p50),
        m100k.jump.p50 <= 2,
      );
    }
    if (m1m) {
      add(
        'Model',
        'one-day step vs re-scan at 1M',
        '≥ 100×',
        times(m1m.stepSpeedup),
        m1m.stepSpeedup >= 100,
      );
      add(
        'Model',
        'jump vs scan at 1M (jump ≤ scan)',
        '≥ 1×',
        times(m1m.jumpSpeedup),
        m1m.jumpSpeedup >= 1,
      );
    }
  } else add('Model', 'all', '', `failed: ${r.model.error}`, null);
  if (ok(r.adapter)) {
    const a = r.adapter;
    add(
      'Adapter',
      `apply, one-day step at 20k (p50; ≤ ${a.dayStep.maxChanged} changes)`,
      '≤ 2 ms',
      ms(a.dayStep.p50),
      a.dayStep.p50 <= 2,
    );
    add(
      'Adapter',
      `apply, one-month step at 20k (p50; ≤ ${a.monthStep.maxChanged} changes)`,
      '≤ 2 ms',
      ms(a.monthStep.p50),
      a.monthStep.p50 <= 2,
    );
  } else add('Adapter', 'all', '', `failed: ${r.adapter.error}`, null);
  if (ok(r.browser)) {
    const b = r.browser;
    // DESIGN §4: the floor of a step is the limit page (same picture, same keys, interleaved).
    for (const c of b.cases.filter((x) => x.stepOverLimit && x.limit)) {
      const lim = c.limit as LatencyFigure;
      const sl = c.stepOverLimit!;
      const keys = `${c.keys.n} keys, ${c.keys.months} month steps`;
      add(
        'Browser',
        `step ÷ limit, ${c.name} (p50; ${keys})`,
        '≤ 1.5',
        `${sl.p50} (${ms(c.tieline.step.p50)} ÷ ${ms(lim.p50)})`,
        sl.p50 <= 1.5,
      );
      add(
        'Browser',
        `step ÷ limit, ${c.name} (p95)`,
        '≤ 2',
        `${sl.p95} (${ms(c.tieline.step.p95)} ÷ ${ms(lim.p95)})`,
        sl.p95 <= 2,
      );
      const sg = c.sigma;
      if (sg && !('error' in sg)) {
        add(
          'Browser',
          `ahead of sigma.js, ${c.name} (step p50 / p95)`,
          '< sigma',
          `${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} vs ${ms(sg.p50)} / ${ms(sg.p95)}`,
          c.tieline.step.p50 < sg.p50 && c.tieline.step.p95 < sg.p95,
        );
      } else if (sg)
        add(
          'Browser',
          `ahead of sigma.js, ${c.name}`,
          '< sigma',
          `sigma failed: ${sg.error}`,
          null,
        );
    }
    const bundled = caseOf(b, 'bundled');
    const idle = bundled?.tieline.idleFloor?.all;
    if (bundled && idle)
      add(
        'Browser',
        'bundled step p95 vs the idle frame p95 + 4 ms',
        `≤ ${ms(idle.p95 + 4)}`,
        `${ms(bundled.tieline.step.p95)} (idle p95 ${ms(idle.p95)})`,
        bundled.tieline.step.p95 <= idle.p95 + 4,
      );
    const g20 = caseOf(b, 'g20k');
    if (g20 && g20.tieline.dataLoadedMs !== null)
      add(
        'Browser',
        'first painted frame at 20k, after the data',
        '≤ 1,000 ms',
        `${ms(g20.tieline.paintedMs - g20.tieline.dataLoadedMs)} (data ${ms(g20.tieline.dataLoadedMs)}, painted ${ms(g20.tieline.paintedMs)})`,
        g20.tieline.paintedMs - g20.tieline.dataLoadedMs <= 1000,
      );
    if (g20)
      add(
        'Browser',
        'first graph at 20k (navigation → painted)',
        '≤ 2,500 ms',
        ms(g20.tieline.paintedMs),
        g20.tieline.paintedMs <= 2500,
      );
    const cm = caseOf(b, 'collegemsg');
    if (cm) {
      add(
        'Browser',
        'CollegeMsg import + draw (request → painted graph)',
        '≤ 3,000 ms',
        ms(importDraw(cm)),
        importDraw(cm) <= 3000,
      );
      add(
        'Browser',
        'longest main-thread block during the import',
        '≤ 300 ms',
        ms(importLongest(cm)),
        importLongest(cm) <= 300,
      );
    }
  } else add('Browser', 'all', '', `failed: ${r.browser.error}`, null);
  add(
    'Bundle',
    'initial JavaScript, gzip -9',
    '≤ 230 KB',
    kb(r.bundle.initialGzip),
    r.bundle.initialGzip <= 230_000,
  );
  return out;
}

/** The compact table printed to stdout. */
export function table(ts: readonly Target[]): string {
  const rows = ts.map((t) => [
    t.area,
    t.figure,
    t.measured,
    t.target,
    t.met === null ? '?' : t.met ? 'met' : 'MISSED',
  ]);
  const head = ['area', 'figure', 'measured', 'target', ''];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(w[i] as number)).join('  ');
  return [line(head), line(w.map((x) => '-'.repeat(x))), ...rows.map(line)].join('\n');
}

function mdTable(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function profileText(p: ProfileSummary | null | undefined, top = 5): string {
  if (!p) return 'not profiled';
  return p.top
    .slice(0, top)
    .map((l) => `\`${l.fn}\` (${l.at.replace(/^dist\//, '')}) ${pct(l.share)}`)
    .join(', ');
}

function parts(l: LatencyFigure): string[] {
  const p = l.parts;
  return [
    ms(p.inputTask),
    ms(p.cyBatch),
    ms(p.cyBeforeRender),
    ms(p.cyDraw),
    ms(p.cyZSort),
    ms(p.waitForFrame),
    ms(p.frameRest),
  ];
}

function timeline(c: BrowserCaseResult): string {
  const t = c.tieline;
  const marks = t.marks
    .map(
      (m) =>
        `${m.name} ${Math.round(m.start)}–${Number.isFinite(m.end) && m.end !== null ? Math.round(m.end) : '?'}`,
    )
    .join(', ');
  return `dataset requested ${ms(t.dataRequestMs)}, received ${ms(t.dataLoadedMs)}; ${marks || 'no adapter calls seen'}; ready ${ms(t.readyMs)}, painted ${ms(t.paintedMs)}`;
}

/** docs/benchmarks.md. */
export function render(r: BenchResult): string {
  const ts = r.targets ?? targets(r);
  const missed = ts.filter((t) => t.met === false);
  const L: string[] = [];
  const p = (s = ''): void => void L.push(s);
  /** A section: heading, optional lead paragraph, then a table (or any block). */
  const section = (title: string, lead: string | null, block: string): void => {
    p(`## ${title}`);
    p();
    if (lead) {
      p(lead);
      p();
    }
    p(block);
    p();
  };
  p('# Benchmarks');
  p();
  p(
    '<!-- Generated by `npm run bench` (scripts/bench.mjs and bench/); edit those, not this file. -->',
  );
  p();
  p(
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' with `--quick` (reduced repetitions; not for comparison)' : ''}, in ${Math.round(r.seconds.total ?? 0)} s (build ${r.seconds.build} s, model ${r.seconds.model} s, adapter ${r.seconds.adapter} s, browser ${r.seconds.browser} s). Raw figures: [\`bench/results/latest.json\`](../bench/results/latest.json).`,
  );
  p();
  const rerun = (r as { rerun?: { cases: string[]; date: string } }).rerun;
  if (rerun) {
    p(
      `Browser cases ${rerun.cases.map((c) => `\`${c}\``).join(', ')} re-run ${rerun.date.slice(0, 16).replace('T', ' ')} UTC with \`node scripts/bench.mjs --parts=browser --cases=…\` and merged (\`--report-only --merge-partial\`): the full run's five-minute deadline had cut their side-by-side pages.`,
    );
    p();
  }
  p(
    mdTable(
      ['machine', ''],
      [
        ['CPU', `${r.machine.cpu}, \`nproc\` = ${r.machine.nproc}`],
        ['memory', `${r.machine.memoryGiB} GiB`],
        [
          'load average (1, 5, 15 min)',
          `${r.machine.loadAverageAtStart.join(', ')} at the start, ${r.machine.loadAverageAtEnd.join(', ')} at the end${Math.max(...r.machine.loadAverageAtStart, ...r.machine.loadAverageAtEnd) > r.machine.nproc ? ' — other work was running on the machine, so absolute times are inflated and noisy' : ''}`,
        ],
        ['OS', r.machine.os],
        ['Node', r.machine.node],
        [
          'Chromium',
          `${ok(r.browser) ? r.browser.chromium : '?'} (${r.machine.chromium}), headless, no GPU (\`--disable-gpu\`), flags of playwright.config.ts`,
        ],
      ],
    ),
  );
  p();
  p('## How to reproduce');
  p();
  p('```sh');
  p('npm ci                # Chromium: Debian package at /usr/bin/chromium, or CHROMIUM_PATH');
  p(
    'npm run bench         # about 4–5 minutes on 2 cores; `node scripts/bench.mjs --quick` for a smoke run',
  );
  p('node scripts/bench.mjs --report-only   # re-render this file from bench/results/latest.json');
  p('```');
  p();
  p(
    "It builds the app (the project's `vite.config.ts`, output to `bench/dist-app/` rather than `dist/`, which concurrent `npm run build` and e2e runs rewrite) and the common-way reference page (`bench/vite.common.config.ts` → `bench/dist-common/`); both folders are git-ignored and deleted after the run (`--keep-builds` keeps them). Then it runs three parts, each in a fresh Node process loading the TypeScript through Vite's SSR loader: `bench/model.bench.ts`, `bench/adapter.bench.ts`, `bench/browser.ts` (Playwright driving the production build, served by a small static server on 127.0.0.1 with a free port). Datasets come from `bench/generate.ts` (seeded, deterministic).",
  );
  p();
  section(
    'Targets',
    null,
    mdTable(
      ['area', 'figure', 'measured', 'target', 'met?'],
      ts.map((t) => [
        t.area,
        t.figure,
        t.measured,
        t.target,
        t.met === null ? 'not measured' : t.met ? 'met' : '**not met**',
      ]),
    ),
  );
  p(
    `${ts.filter((t) => t.met).length} of ${ts.length} targets met. Every missed one has its breakdown under [Where the time goes](#where-the-time-goes).`,
  );
  p();

  // Model
  if (ok(r.model)) {
    p('## Model (Node, `TemporalIndex`)');
    p();
    p(
      `Generated relations over ten years from 2010 (\`generateDataset\`): states ${pct(MIX.state)} (${MIX.stateTypes}; start ${MIX.stateStart}; end ${MIX.stateEnd}), events ${pct(MIX.event)} (${MIX.eventTypes}; ${MIX.eventDate}). Step: \`index.step(t, t+1)\` over a walk of consecutive days, applied to a maintained \`Uint8Array\` (checked against \`activeAt\` at the end). Re-scan / scan: one pass over the index's \`lo\`/\`hi\` Float64Arrays (\`lo <= t && t < hi\`), in the same process. Jump: \`activeAt\` at random days over the whole extent, the scan at the same days. Medians of per-call \`performance.now()\` times.`,
    );
    p();
    p(
      mdTable(
        [
          'relations',
          'open intervals',
          'in view (mean)',
          'changes / day',
          'build index',
          'of which spans',
          'step p50 / p95',
          'activeAt next day p50',
          're-scan p50',
          'step speed-up',
          'jump p50 / p95',
          'scan p50',
          'jump speed-up',
          'set verified',
        ],
        r.model.map((s) => [
          n(s.relations),
          `${n(s.openIntervals)} (${pct(s.openIntervals / s.relations)})`,
          n(s.meanActive),
          String(s.meanChangesPerStep),
          ms(s.buildIndexMs),
          ms(s.buildSpansMs),
          `${ms(s.step.p50)} / ${ms(s.step.p95)}`,
          ms(s.nextDayActiveAt.p50),
          ms(s.rescan.p50),
          times(s.stepSpeedup),
          `${ms(s.jump.p50)} / ${ms(s.jump.p95)}`,
          ms(s.scan.p50),
          times(s.jumpSpeedup),
          s.verified ? 'yes' : '**no**',
        ]),
      ),
    );
    p();
    p(
      `Repetitions: ${r.model.map((s) => `${n(s.relations)}: ${s.step.n} steps, ${s.jump.n} jumps, ${s.rescan.n} re-scans`).join('; ')} (fewer at 1M, where each scan or activeAt costs milliseconds).`,
    );
    p();
  }

  // Adapter
  if (ok(r.adapter)) {
    const a = r.adapter;
    p('## Adapter (Node, headless Cytoscape)');
    p();
    p(
      `\`new GraphAdapter(null)\`, \`setModel\` with grid positions (no layout), ${n(a.actors)} actors / ${n(a.relations)} relations (${n(a.meanVisible)} in view on average). JS time of \`adapter.apply\`; the visible set is computed outside the timing. setModel took ${ms(a.setModelMs)}.`,
    );
    p();
    p(
      mdTable(
        ['apply', 'p50', 'p95', 'n', 'changes (mean / max)'],
        [
          [
            'one-day step',
            ms(a.dayStep.p50),
            ms(a.dayStep.p95),
            a.dayStep.n,
            `${a.dayStep.meanChanged} / ${a.dayStep.maxChanged}`,
          ],
          [
            'one-month step (PageUp)',
            ms(a.monthStep.p50),
            ms(a.monthStep.p95),
            a.monthStep.n,
            `${a.monthStep.meanChanged} / ${a.monthStep.maxChanged}`,
          ],
          [
            'one-day step, an actor selected',
            ms(a.dayStepSelected.p50),
            ms(a.dayStepSelected.p95),
            a.dayStepSelected.n,
            `${a.dayStepSelected.meanChanged} / ${a.dayStepSelected.maxChanged}`,
          ],
          [
            'first day ↔ last day',
            ms(a.extentJump.p50),
            ms(a.extentJump.p95),
            a.extentJump.n,
            `${a.extentJump.meanChanged} / ${a.extentJump.maxChanged}`,
          ],
          [
            'nothing ↔ all 20,000 (worst jump)',
            ms(a.allJump.p50),
            ms(a.allJump.p95),
            a.allJump.n,
            `${a.allJump.meanChanged} / ${a.allJump.maxChanged}`,
          ],
          [
            '(reference) bare `edges.addClass/removeClass("hidden")` on all edges in one batch',
            ms(a.bareToggleAllMs),
            '',
            '',
            '20,000',
          ],
          [
            '(reference) store `stepTime(1)` on this dataset, no view',
            ms(a.storeStep?.p50),
            ms(a.storeStep?.p95),
            a.storeStep?.n ?? '',
            '',
          ],
          ['(reference) `index.activeAt(t)`', ms(a.activeAtMs), '', '', ''],
        ],
      ),
    );
    p();
  }

  // Browser
  if (ok(r.browser)) {
    const b = r.browser;
    p('## Browser (Playwright, production build, Chromium)');
    p();
    p(
      `Viewport ${b.viewport.width}×${b.viewport.height}. Each generated dataset and CollegeMsg is served over HTTP by the benchmark's static server (127.0.0.1, from memory, no compression; each case in a fresh browser context, so no HTTP or code cache) and opened as \`?data=bench-….json&t=…\`; the bundled one as \`?t=…\`. **CollegeMsg path measured:** \`bench/generate.ts\` converts CollegeMsg.txt to tieline/1 JSON (one \`message\` event per line, dated by its UTC day) and the page loads it through \`?data=\`, the app's own URL-loading path (fetch, import, model, layout), so the figure is the whole import as a user opening that URL gets it; the import dialog (file input, CSV mapping) was not driven. First graph: *ready* is when the page sets its ready flag (the first view applied to Cytoscape), *painted* the end of Cytoscape's first canvas draw after that.`,
    );
    p();
    p(
      "Step latency: a `keydown` listener (capture, on `window`) records `performance.now()`, then `requestAnimationFrame` + `setTimeout(0)` marks the end of the next frame; the key presses are real (`page.keyboard.press('ArrowRight')` on the focused Timeline slider; ArrowLeft once the extent's end is reached). Floor: `cy.forceRender()` on the same view, measured the same way, interleaved with the steps. The common way: `bench/common-way/` (React + react-cytoscapejs, `<CytoscapeComponent elements={filtered}>` re-rendered on each key press) with Tieline's stylesheet, element data, positions, zoom, pan and canvas size copied from Tieline's page.",
    );
    p();
    p(
      mdTable(
        [
          'dataset',
          'first graph: ready / painted',
          'final layout / shown edges created (final layout when reopened)',
          'longest task to first graph',
          'JS heap after load (after GC)',
          'step p50 / p95 / p99 (n)',
          'floor p50 / p95 (n)',
          'step ÷ floor',
          'common way step p50 / p95 (n)',
          'common ÷ Tieline',
          'play fps (days / 3 s)',
          'PNG export',
        ],
        b.cases.map((c) => {
          const t = c.tieline;
          return [
            c.label,
            `${ms(t.readyMs)} / ${ms(t.paintedMs)}`,
            `${ms(t.layoutDoneMs)} / ${ms(t.completeMs)}${t.reopened ? ` (${ms(t.reopened.layoutDoneMs)}, ${t.reopened.from === 'cache' ? 'from the layout cache' : (t.reopened.from ?? 'computed')})` : ''}`,
            ms(t.longestTaskMs),
            `${t.heapUsedMB} MB (${t.heapUsedAfterGcMB} MB)`,
            `${ms(t.step.p50)} / ${ms(t.step.p95)} / ${ms(t.step.p99)} (${t.step.n})`,
            `${ms(t.floor.p50)} / ${ms(t.floor.p95)} (${t.floor.n})`,
            `${c.stepOverFloor.p50} (p95 ${c.stepOverFloor.p95})`,
            c.common
              ? `${ms(c.common.step.p50)} / ${ms(c.common.step.p95)} (${c.common.step.n})`
              : 'not measured',
            c.commonOverTieline ? times(c.commonOverTieline.p50) : '–',
            t.play ? `${t.play.fps} (${t.play.daysAdvanced})` : 'not measured',
            t.exportPngMs === null
              ? 'not measured'
              : t.exportPngError
                ? `failed after ${ms(t.exportPngMs)}: ${t.exportPngError}`
                : `${ms(t.exportPngMs)} (${kb(t.exportPngBytes ?? 0)})`,
          ];
        }),
      ),
    );
    p();
    p(
      "Where a step's time goes (medians over the steps; the floor below each): **input task** = keydown handler start → end of the keydown dispatch (React, store, selectors and the adapter's apply, which runs in an effect flushed in that task); **cy.batch** = the adapter's `apply` (all of it runs in one `cy.batch`; for the common way, react-cytoscapejs' patch); **pre-render** = Cytoscape's before-render callbacks (style and geometry of dirty elements); **draw** = Cytoscape's canvas `render` (recording the draw calls), **of which z-sort** = rebuilding the renderer's z-ordered draw list, which Cytoscape redoes whenever an element's `display` changes (Tieline: the shown elements only, ordered by `zOrder` from z-styles read once, whose reads also compute the style of elements the step restyled; the common way: all its elements, by Cytoscape's comparator); **wait** = the rest until the rAF callback (waiting for the frame, other callbacks); **frame rest** = rAF callback → `setTimeout(0)`: the browser's style, layout, paint and raster of that frame, including the canvas.",
    );
    p();
    p(
      mdTable(
        [
          'dataset',
          'page',
          'what',
          'input task',
          'cy.batch',
          'pre-render',
          'draw',
          'of which z-sort',
          'wait',
          'frame rest',
          'total p50',
        ],
        b.cases.flatMap((c) => {
          const rows: string[][] = [
            [c.name, 'Tieline', 'step', ...parts(c.tieline.step), ms(c.tieline.step.p50)],
            [c.name, 'Tieline', 'floor', ...parts(c.tieline.floor), ms(c.tieline.floor.p50)],
          ];
          if (c.common) {
            rows.push([
              c.name,
              'common way',
              'step',
              ...parts(c.common.step),
              ms(c.common.step.p50),
            ]);
            rows.push([
              c.name,
              'common way',
              'floor',
              ...parts(c.common.floor),
              ms(c.common.floor.p50),
            ]);
          }
          return rows;
        }),
      ),
    );
    p();
    const idle = b.cases.filter((c) => c.tieline.idleFloor);
    if (idle.length) {
      p(
        'What the hidden edges cost every frame: forced redraws on an idle page (600 ms of quiet, then redraws 200 ms apart, each to the end of its frame), first with every edge in Cytoscape, then after removing the edges Tieline hides (`.hidden`, `display: none`) at the end of the run:',
      );
      p();
      p(
        mdTable(
          [
            'dataset',
            'edges hidden',
            'idle redraw, all edges (p50 / draw / z-sort)',
            'idle redraw, hidden edges removed (p50 / draw)',
          ],
          idle.map((c) => {
            const f = c.tieline.idleFloor!;
            return [
              c.name,
              n(f.hiddenRemoved),
              `${ms(f.all.p50)} / ${ms(f.all.parts.cyDraw)} / ${ms(f.all.parts.cyZSort)}`,
              f.withoutHidden
                ? `${ms(f.withoutHidden.p50)} / ${ms(f.withoutHidden.parts.cyDraw)}`
                : '–',
            ];
          }),
        ),
      );
      p();
    }
    p(
      'Load timelines (navigation-relative; adapter calls seen by wrapping them when the page sets `window.__tieline`; `layout` is asynchronous and includes the worker):',
    );
    p();
    for (const c of b.cases) {
      p(
        `- **${c.name}**: ${timeline(c)}. Long tasks up to the first graph: ${c.tieline.longTasks.length ? c.tieline.longTasks.map((t) => `${t.duration} ms at ${t.start}`).join(', ') : 'none'}.${c.common ? ` Common way: first graph ${ms(c.common.paintedMs)}, longest task ${ms(c.common.longestTaskMs)}.` : ''}`,
      );
    }
    p();
    const reduced = b.cases.filter(
      (c) => c.tieline.step.n < 200 || (c.common && c.common.step.n < 200),
    );
    if (reduced.length) {
      p(
        `Fewer than 200 steps: ${reduced.map((c) => `${c.name} (Tieline ${c.tieline.step.n}${c.common ? `, common way ${c.common.step.n}` : ''})`).join('; ')}. Each page gets a time budget for its steps (scripts/bench.mjs) so the whole run stays under five minutes; when a step costs hundreds of milliseconds the budget runs out first. The percentiles are over the steps actually measured.`,
      );
      p();
    }
    const slow = b.cases.filter((c) => c.tieline.step.noDraw > 0);
    if (slow.length) {
      p(
        `Steps after which Cytoscape did not draw in the measured frame (nothing visible changed that day, or the draw came a frame later): ${slow.map((c) => `${c.name} ${c.tieline.step.noDraw} of ${c.tieline.step.n}`).join(', ')}.`,
      );
      p();
    }
  }

  if (ok(r.browser)) sideBySide(r.browser, p);

  // Bundle
  p('## Bundle');
  p();
  p(
    'Gzip (zlib level 9) of what `dist/index.html` loads (its module scripts, modulepreloads and their static imports) and of every other chunk (loaded lazily). 1 KB = 1,000 bytes, as Vite prints it.',
  );
  p();
  p(
    mdTable(
      ['chunk', 'kind', 'bytes', 'gzip'],
      [
        ...r.bundle.initial.map((f) => [`\`${f.file}\``, 'initial', n(f.bytes), kb(f.gzip)]),
        ...r.bundle.lazy.map((f) => [`\`${f.file}\``, 'lazy', n(f.bytes), kb(f.gzip)]),
        ...r.bundle.css.map((f) => [`\`${f.file}\``, 'CSS (initial)', n(f.bytes), kb(f.gzip)]),
      ],
    ),
  );
  p();
  p(
    `Initial JavaScript: **${kb(r.bundle.initialGzip)}** gzip.${r.bundle.beforeFirstGraph ? ` JavaScript the page actually fetched before its first graph (bundled dataset; the lazily loaded adapter with Cytoscape included): ${kb(r.bundle.beforeFirstGraph.gzip)} (${r.bundle.beforeFirstGraph.files.map((f) => `\`${f.file}\``).join(', ')}).` : ''}`,
  );
  p();

  // Before and after
  section(
    'Before and after',
    'What each technique changed. *Before* is the figure of the run named in the last column; *after* is this run (same machine, same benchmark code; the machine is noisy, so read differences under ~15 % as noise).',
    mdTable(
      ['technique', 'figure', 'before', 'after (this run)', 'before measured in'],
      BEFORE_AFTER.map((x) => [
        x.technique,
        x.figure,
        x.before,
        x.after(r) ?? 'not measured',
        x.where,
      ]),
    ),
  );

  p(
    "Changes to how the browser part measures, which move the load figures without any change to the app (so load figures before them are not comparable): since the third session each case opens in a fresh browser context (a first visit: no HTTP cache, no code cache, no layout cache); since the fourth, (1) the datasets come over HTTP from the benchmark's server instead of Playwright's `route.fulfill`, which passed each body through the DevTools protocol (g20k: requested → received 1.2 s → 0.3 s); (2) Chromium runs with the omnibox-popup WebUI features disabled (`playwright.config.ts`): headless Chromium 156 otherwise built that hidden page in a renderer of its own in about half of the windows, 1.5–2.9 s of CPU while the page under test loaded (traces: 4 of 9 windows without the flag, 0 of 11 with it); (3) *ready* is taken when the page sets its flag and *painted* at the end of Cytoscape's first draw after it, where *painted* was a task queued one or two frames later, which could also count the redraw of the next edge slice (≈ 0.5 s at 20k).",
  );
  p();

  // Proposals
  p('## Targets as written, and what we propose');
  p();
  p(
    'Some DESIGN §4 targets measure something no implementation on this stack can reach, for reasons the figures above show. Each is kept as written in the table (and reported as missed); here is why, and the figure we propose to hold the code to instead.',
  );
  p();
  for (const line of PROPOSALS) {
    p(`- ${line}`);
  }
  p();

  // Analysis
  p('## Where the time goes');
  p();
  if (!missed.length) p('Every target was met in this run.');
  for (const line of analysis(r)) {
    p(line);
    p();
  }
  return L.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** The side-by-side section: Tieline, the limit page and sigma.js on the same picture and keys. */
function sideBySide(b: BrowserResult, p: (s?: string) => void): void {
  const cases = b.cases.filter((c) => c.limit);
  const ranked = b.cases.filter((c) => c.keys && c.keys.n > 0);
  p('## Side by side: the limit page and sigma.js');
  p();
  p(
    "Every page gets the same key presses: → → PageUp over and over (a day, a day, a month), reversing (← ← PageDown) at the ends of the extent (`bench/peers.ts`), each measured from the key press to the end of the next frame. On the big cases three pages are open in one browser context and take the keys in turn, ten at a time (interleaved, so machine load hits all three alike). **Limit**: `bench/common-way/limit.ts`, the least a browser must do to draw Tieline's picture — one 2D canvas, the spans scanned for what is active at t, each line (actor pair and type) once, one path per colour, then the actors as circles (dimmed without a tie), at Tieline's positions, zoom, pan and size. **sigma.js**: `bench/common-way/sigma.ts`, sigma.js 3 (WebGL; software GL here) over a graphology graph with the same actors at the same positions and one edge per line, a date applied the way sigma's docs filter a graph (edge and node reducers, then `refresh()`). Tieline's *Cytoscape redraw* is its floor: `cy.forceRender()` plus the tie layer's redraw of the same view, interleaved with its steps.",
  );
  p();
  const f = (l: LatencyFigure | null | undefined): string =>
    l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} (${l.n})` : 'not measured';
  p(
    mdTable(
      [
        'dataset',
        'keys (month steps)',
        'Tieline step p50 / p95 / p99 (n)',
        'limit p50 / p95 / p99 (n)',
        'step ÷ limit p50 / p95 / p99',
        'sigma.js p50 / p95 / p99 (n)',
        'Cytoscape redraw (floor) p50 / p95',
      ],
      ranked.map((c) => [
        c.name,
        `${c.keys.n} (${c.keys.months})`,
        f(c.tieline.step),
        f(c.limit),
        c.stepOverLimit
          ? `${c.stepOverLimit.p50} / ${c.stepOverLimit.p95} / ${c.stepOverLimit.p99}`
          : '–',
        c.sigma ? ('error' in c.sigma ? `failed: ${c.sigma.error}` : f(c.sigma)) : 'not measured',
        `${ms(c.tieline.floor.p50)} / ${ms(c.tieline.floor.p95)}`,
      ]),
    ),
  );
  p();
  if (!cases.length) return;
  p(
    "Where Tieline's step goes (medians): **input task** = key handler → end of the keydown dispatch (React, store, selectors, the adapter's apply, and on big graphs the tie layer's draw calls); **apply** = the adapter's `cy.batch`; **tie layer** = `TieLayer.drawNow` (recording the batches' paths; the pixels are rasterised in the frame); **Cytoscape pre-render / draw** = its style pass and canvas render (a big graph's actors and ties are the tie layer's, so Cytoscape draws nothing there); **wait** = to the rAF callback; **frame rest** = the browser's own frame work (style, layout, paint, raster) until `setTimeout(0)`.",
  );
  p();
  p(
    mdTable(
      [
        'dataset',
        'input task',
        'apply',
        'tie layer',
        'Cytoscape pre-render / draw',
        'wait',
        'frame rest',
        'limit: input / wait / frame rest',
      ],
      cases.map((c) => {
        const s = c.tieline.step.parts;
        const l = (c.limit as LatencyFigure).parts;
        return [
          c.name,
          ms(s.inputTask),
          ms(s.cyBatch),
          ms(s.tieDraw ?? 0),
          `${ms(s.cyBeforeRender)} / ${ms(s.cyDraw)}`,
          ms(s.waitForFrame),
          ms(s.frameRest),
          `${ms(l.inputTask)} / ${ms(l.waitForFrame)} / ${ms(l.frameRest)}`,
        ];
      }),
    ),
  );
  p();
}

/** One technique with the figure it moved: before (a cited earlier run), after (this run). */
interface BeforeAfter {
  readonly technique: string;
  readonly figure: string;
  readonly before: string;
  /** This run's figure, or null when this run did not measure it. */
  readonly after: (r: BenchResult) => string | null;
  readonly where: string;
}

const PREVIOUS_RUN = 'full run of 2026-11-22 04:10 UTC (commit 49979e7)';

/** The last full run of the second session, before the third session's changes. */
const SECOND_SESSION_RUN = 'full run of 2026-11-22 06:41 UTC (commit 0dc5d3f)';

/** The first full run of the fourth session, on the code as that session found it. */
const FOURTH_SESSION_START =
  'full run of 2026-12-02 05:02 UTC (commit bf29304), before the fourth session’s changes';

/** A figure of one browser case in this run, or null when the case was not measured. */
function ofCase(
  name: string,
  f: (c: BrowserCaseResult) => string,
): (r: BenchResult) => string | null {
  return (r) => {
    const c = ok(r.browser) ? caseOf(r.browser, name) : undefined;
    return c ? f(c) : null;
  };
}

/** One figure per named browser case in this run, joined by " / " ('–' for a case not measured). */
function ofCases(
  names: readonly string[],
  f: (c: BrowserCaseResult) => string,
): (r: BenchResult) => string | null {
  return (r) => {
    if (!ok(r.browser)) return null;
    const b = r.browser;
    return names
      .map((name) => {
        const c = caseOf(b, name);
        return c ? f(c) : '–';
      })
      .join(' / ');
  };
}

/**
 * The techniques of issue #6 and what each changed. "Before" figures come from the run named in
 * `where` (the full run before the change, or the partial run of the same session that isolated it);
 * "after" is read from this run, so the table stays true as the code moves.
 */
const BEFORE_AFTER: readonly BeforeAfter[] = [
  {
    technique:
      'Tie layer (#16): a big graph’s ties and actors drawn by Tieline’s own batched Canvas2D renderer, one path per style; Cytoscape hit-tests',
    figure: 'CollegeMsg step p50 / p95 (→ → PageUp, interleaved with the limit page)',
    before: '138 ms / 693 ms (limit page 25.6 / 35.0 ms)',
    after: ofCase('collegemsg', (c) =>
      c.limit
        ? `${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} (limit ${ms(c.limit.p50)} / ${ms(c.limit.p95)})`
        : `${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)}`,
    ),
    where:
      'side-by-side run quoted in issue #16 (2026-12-02, 3 rounds, Cytoscape drawing every tie)',
  },
  {
    technique: 'Tie layer (#16): complete frames, no edges created in slices',
    figure: 'g20k first painted frame after the data; frames after a first-visit step complete',
    before: `${ms(2478 - 657)} after the data (painted 2,478 ms); shown edges created 1.3–1.9 s after a step`,
    after: ofCase('g20k', (c) =>
      c.tieline.dataLoadedMs === null
        ? '–'
        : `${ms(c.tieline.paintedMs - c.tieline.dataLoadedMs)} after the data (painted ${ms(c.tieline.paintedMs)}); every frame complete (tests/e2e/big.spec.ts)`,
    ),
    where: 'full run of 2026-12-02 06:57 UTC (commit 7dba520)',
  },
  {
    technique:
      'Hidden ties out of the renderer’s draw list (`src/graph/zsort.ts`: the z-sorted list holds what is shown, not all 20,000 edges)',
    figure: 'g20k step p50 / floor p50',
    before: '277 ms / 206 ms',
    after: ofCase('g20k', (c) => `${ms(c.tieline.step.p50)} / ${ms(c.tieline.floor.p50)}`),
    where: `${PREVIOUS_RUN}; isolated in a partial run (\`--parts=browser --cases=g20k\`): 296 → 130 ms step`,
  },
  {
    technique: 'Same, the z-sort inside a step',
    figure: 'g20k z-sort per step (median)',
    before: '29.5 ms',
    after: ofCase('g20k', (c) => ms(c.tieline.step.parts.cyZSort)),
    where: PREVIOUS_RUN,
  },
  {
    technique: 'Class toggles written per class as one collection (`ClassWriter`), not per element',
    figure: 'adapter one-month step at 20k, p50',
    before: '2.33 ms',
    after: (r) => (ok(r.adapter) ? ms(r.adapter.monthStep.p50) : null),
    where: 'partial run `--parts=adapter` before and after the change (same session)',
  },
  {
    technique:
      'Memoised actor rows and `content-visibility: auto` (only rows whose count changed re-render)',
    figure: 'g20k input task per step (React, store, apply)',
    before: '16.6 ms',
    after: ofCase('g20k', (c) => ms(c.tieline.step.parts.inputTask)),
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Big graphs: an edge is created when a date first shows it (≤ 1,000 in the apply, the rest in slices), the load split into three tasks, fit from positions, no text style on big graphs, dataset frozen before immer, each date text parsed once',
    figure: 'CollegeMsg request → painted graph / longest block',
    before: '3,511 ms / 852 ms',
    after: ofCase('collegemsg', (c) => `${ms(importDraw(c))} / ${ms(importLongest(c))}`),
    where: PREVIOUS_RUN,
  },
  {
    technique: 'Same, at 20k',
    figure: 'g20k navigation → ready / painted',
    before: '3,095 ms / 4,325 ms',
    after: ofCase('g20k', (c) => `${ms(c.tieline.readyMs)} / ${ms(c.tieline.paintedMs)}`),
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Index: open-ended relations answered as ranges of arrays sorted by their finite bound, the tree over closed intervals only, big answers listed by marking a byte array instead of sorting',
    figure: 'jump (activeAt) at 100k / 1M, p50',
    before: '1.69 ms / 25.1 ms',
    after: (r) => {
      const a = ok(r.model) ? r.model.find((x) => x.relations === 100_000) : undefined;
      const b = ok(r.model) ? r.model.find((x) => x.relations === 1_000_000) : undefined;
      return a && b ? `${ms(a.jump.p50)} / ${ms(b.jump.p50)}` : null;
    },
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Each distinct date text parsed once per index build; `dayOf` by arithmetic instead of a `Date`',
    figure: 'index build at 100k (model bench)',
    before: '376 ms',
    after: (r) => {
      const m = ok(r.model) ? r.model.find((x) => x.relations === 100_000) : undefined;
      return m ? ms(m.buildIndexMs) : null;
    },
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Draw list ordered from each element’s z-styles read once (`zOrder`), edges listed in creation order (Cytoscape’s tie-break), instead of Cytoscape’s comparator over a list in relation order',
    figure: 'z-sort per step, median: g5k / g20k / CollegeMsg',
    before: '2.5 ms / 11.3 ms / 60.6 ms',
    after: ofCases(['g5k', 'g20k', 'collegemsg'], (c) => ms(c.tieline.step.parts.cyZSort)),
    where: SECOND_SESSION_RUN,
  },
  {
    technique:
      'Events fade through two shades instead of four on graphs over 5,000 relations (`fadeSteps`): half the class changes a day on CollegeMsg',
    figure: 'CollegeMsg pre-render per step / step ÷ floor, p50',
    before: '142 ms / 1.62',
    after: ofCase(
      'collegemsg',
      (c) => `${ms(c.tieline.step.parts.cyBeforeRender)} / ${c.stepOverFloor.p50}`,
    ),
    where: `${SECOND_SESSION_RUN}; isolated in a partial run (\`--parts=browser --cases=collegemsg\`): pre-render 146 → 101 ms, step ÷ floor 1.43 → 1.30`,
  },
  {
    technique:
      'The first view of a big graph applied in the task that adds the actors (one first frame with actors and ties, not actors alone and then ties); no deep freeze in the import worker; each date text parsed once in validation',
    figure: 'g20k navigation → ready / painted',
    before: '2,329 ms / 3,259 ms',
    after: ofCase('g20k', (c) => `${ms(c.tieline.readyMs)} / ${ms(c.tieline.paintedMs)}`),
    where: SECOND_SESSION_RUN,
  },
  {
    technique: 'Same, CollegeMsg',
    figure: 'CollegeMsg request → painted graph / longest block',
    before: '3,599 ms / 540 ms',
    after: ofCase('collegemsg', (c) => `${ms(importDraw(c))} / ${ms(importLongest(c))}`),
    where: SECOND_SESSION_RUN,
  },
  {
    technique:
      'Histogram bars built once per dataset; a date step re-renders only its cursor (it rewrote the props of every month bar)',
    figure: 'input task per step, median: g5k / g20k',
    before: '4.9 ms / 8.8 ms',
    after: ofCases(['g5k', 'g20k'], (c) => ms(c.tieline.step.parts.inputTask)),
    where: SECOND_SESSION_RUN,
  },
  {
    technique:
      'The validator (valibot) loaded as its own chunk alongside the bundled dataset, not in the first script',
    figure: 'initial JavaScript (what index.html loads), gzip',
    before: '94.0 KB',
    after: (r) => kb(r.bundle.initialGzip),
    where: `${SECOND_SESSION_RUN}; the size budget's figure, which also counts the adapter chunk: 229.7 → 226.0 KB (\`npm run size\`)`,
  },
  {
    technique:
      'Big graphs’ layouts kept in the browser (IndexedDB, keyed by a hash of the layout input): a dataset opened again gets its final layout without the worker run',
    figure: 'g20k final layout: first visit / opened again',
    before: 'both computed: about 7,100 ms',
    after: ofCase(
      'g20k',
      (c) =>
        `${ms(c.tieline.layoutDoneMs)} / ${c.tieline.reopened ? ms(c.tieline.reopened.layoutDoneMs) : 'not measured'}`,
    ),
    where: `${SECOND_SESSION_RUN} (first visit; every visit computed the layout then)`,
  },
  {
    technique:
      'Big graphs draw one edge per line: the ties of one type between the same two actors (haystack lines on the same pixels) drawn once, from the freshest, at the shade of all of them stacked; only drawn edges are created and restyled (`GraphAdapter.drawnOf`)',
    figure: 'CollegeMsg step p50 / floor p50 / JS heap after load',
    before: '740 ms / 500 ms / 269 MB',
    after: ofCase(
      'collegemsg',
      (c) => `${ms(c.tieline.step.p50)} / ${ms(c.tieline.floor.p50)} / ${c.tieline.heapUsedMB} MB`,
    ),
    where: `${FOURTH_SESSION_START}; 37,382 ties in view at the start date fall on 8,971 lines`,
  },
  {
    technique: 'Same, play',
    figure: 'CollegeMsg frames per second while playing',
    before: '2.78 fps',
    after: ofCase('collegemsg', (c) =>
      c.tieline.play ? `${c.tieline.play.fps} fps` : 'not measured',
    ),
    where: `${SECOND_SESSION_RUN} (the fourth session's first run did not reach play on CollegeMsg)`,
  },
  {
    technique:
      '`?data=` loads fetch the import client alongside the file and start the import worker during the download (`prewarm`), not after it',
    figure: 'dataset received → `setModel`: g20k / CollegeMsg',
    before: '1,810 ms / 1,643 ms',
    after: ofCases(['g20k', 'collegemsg'], (c) => {
      const sm = c.tieline.marks.find((m) => m.name === 'setModel');
      return sm && c.tieline.dataLoadedMs !== null ? ms(sm.start - c.tieline.dataLoadedMs) : '–';
    }),
    where:
      'partial runs (`--parts=browser --cases=g20k,collegemsg`) before and after the change, the second also with the Chromium flag change below',
  },
  {
    technique:
      'Store clamps against the plain state, not an immer draft (the model was rebuilt on every key press)',
    figure: 'store `stepTime(1)` at 20k',
    before: '344 ms',
    after: (r) => (ok(r.adapter) && r.adapter.storeStep ? ms(r.adapter.storeStep.p50) : null),
    where: 'first session, profile of the store step (fixed before the first full run)',
  },
];

/** Targets that cannot be met as written: why, and a measurable replacement (static text, reviewed by hand). */
const PROPOSALS: readonly string[] = [
  'None open: DESIGN §4 has ruled on the proposals of earlier runs (the jump at 1M is held to the scan; the bundled step to the idle frame + 4 ms; the first graph to 1 s after the data; the import to blocks of 300 ms) and replaced the floor, the worst-jump and the common-way targets by the limit page and sigma.js.',
];

/** Which part of a load a main-thread task at `start` falls in, by the adapter calls seen. */
function phaseOf(c: BrowserCaseResult, start: number): string {
  const t = c.tieline;
  const setModel = t.marks.find((m) => m.name === 'setModel');
  const apply = t.marks.find((m) => m.name === 'apply');
  if (t.dataLoadedMs !== null && start < t.dataLoadedMs) return 'before the dataset arrived';
  if (setModel && start < setModel.start) return 'import, model and React before setModel';
  if (setModel && start <= setModel.end) return 'setModel';
  if (apply && start < apply.start)
    return 'first draw of the actors (their styles) while the layout runs';
  if (start <= t.paintedMs) return 'first apply and its frame';
  return 'after the first graph';
}

/** Paragraphs explaining each missed target from the measured breakdowns. */
function analysis(r: BenchResult): string[] {
  const out: string[] = [];
  if (ok(r.model)) {
    const m100k = r.model.find((s) => s.relations === 100_000);
    const m1m = r.model.find((s) => s.relations === 1_000_000);
    if ((m100k && m100k.jump.p50 > 2) || (m1m && m1m.jumpSpeedup < 100)) {
      const s = (m1m ?? m100k) as ModelSizeResult;
      const j = s.jumpBreakdown;
      out.push(
        `**Model, jump (activeAt).** At ${n(s.relations)} relations \`activeAt\` returns ${n(s.meanActive)} relations on average (${pct(s.meanActive / s.relations)} of all) in ${ms(j.activeAt)}, against ${ms(s.scan.p50)} for the linear scan (${times(s.jumpSpeedup)}). How it answers: the ${n(s.openIntervals)} open-ended or open-started relations (${pct(s.openIntervals / s.relations)}) are ranges of arrays sorted by their one finite bound (a prefix and a suffix found by binary search); only the closed ones are in the interval tree, whose walk takes ${ms(j.walk)} (${n(Math.round(j.closedOnlyResults / Math.max(1, s.jump.n)))} results on average); a big answer is listed in ascending order by marking a byte per relation and reading the bytes back, O(n) with no comparisons, where a typed sort of the answer would cost ${ms(j.sortAnswer)}. Before this design (open-ended relations in the tree, answers sorted) the jump took 1.69 ms at 100k and 25.1 ms at 1M. What is left is proportional to the answer (${n(s.meanActive)} ordinals written into an array) and to n (the read-back), so no query that lists its answer can be 100× a scan that produces the same list; ≥ 100× holds for steps, which return a delta (${times(s.stepSpeedup)} a re-scan at this size).`,
      );
    }
    if (m100k && m100k.step.p50 > 0.1) {
      out.push(
        `**Model, step.** ${ms(m100k.step.p50)} at 100k for ${m100k.meanChangesPerStep} changes a day.`,
      );
    }
  }
  if (ok(r.adapter)) {
    const a = r.adapter;
    if (a.monthStep.p50 > 2 || a.allJump.p50 > 10) {
      const perChange = (a.monthStep.p50 * 1000) / Math.max(1, a.monthStep.meanChanged);
      out.push(
        `**Adapter, month step and jumps.** \`apply\` costs about ${Math.round(perChange)} µs per changed relation (month step: ${a.monthStep.meanChanged} changes in ${ms(a.monthStep.p50)}; first ↔ last day: ${n(a.extentJump.meanChanged)} in ${ms(a.extentJump.p50)}; all 20,000: ${ms(a.allJump.p50)}). Cytoscape's class machinery is the cost, not the diff: the bare \`edges.addClass('hidden')\` / \`removeClass\` on all 20,000 edges as one collection in one batch costs ${ms(a.bareToggleAllMs)} by itself, over the ${ms(10)} budget before anything else (per-node \`dim\`, per-edge fuzzy/fade/status classes) is written; each class change emits a \`class\` event and marks the element's style dirty for the end of the batch. CPU profile of the all-jump (self time): ${profileText(a.profiles.allJump)}. Month steps: ${profileText(a.profiles.monthStep)}.`,
      );
    }
    if (a.dayStepSelected.p50 > 2) {
      out.push(
        `**Adapter, steps with an actor selected** (not a DESIGN target, but it is what a user scrubbing around a selected actor gets): ${ms(a.dayStepSelected.p50)} per one-day step vs ${ms(a.dayStep.p50)} without a selection, because \`applyFocus\` re-toggles \`faded\`/\`selected\` on every node and \`faded\`/\`focus\` on every shown edge on every apply, changed or not. Profile: ${profileText(a.profiles.dayStepSelected)}.`,
      );
    }
  }
  if (ok(r.browser)) {
    const b = r.browser;
    const overLimit = b.cases.filter(
      (c) => c.stepOverLimit && (c.stepOverLimit.p50 > 1.5 || c.stepOverLimit.p95 > 2),
    );
    if (overLimit.length) {
      const rows = overLimit.map((c) => {
        const s = c.tieline.step.parts;
        const l = (c.limit as LatencyFigure).parts;
        return `${c.name}: step ${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} vs limit ${ms(c.limit!.p50)} / ${ms(c.limit!.p95)} (p50 / p95); Tieline's input task ${ms(s.inputTask)} (of which the adapter's apply ${ms(s.cyBatch)} and the tie layer's draw calls ${ms(s.tieDraw ?? 0)}; the rest is React and the store), Cytoscape ${ms(s.cyBeforeRender + s.cyDraw)}, waiting for the frame ${ms(s.waitForFrame)}, the browser's frame ${ms(s.frameRest)}; the limit page's input ${ms(l.inputTask)}, wait ${ms(l.waitForFrame)}, frame ${ms(l.frameRest)}`;
      });
      out.push(
        `**Browser, step ÷ limit.** Medians: ${rows.join('; ')}. The ties and actors cost about what the limit page pays (the tie layer draws them the same way, one path per style), and Cytoscape draws nothing of a big graph. What the limit page does not do is the rest of the application on each step: React re-renders what depends on the date (the time bar, the actor list's counts for 2,000 actors, the ties panel) and the browser then styles, lays out and paints those DOM changes in the frame (the frame-rest excess), and the label layer chooses labels again; the excess of the input task is that work plus the store's selectors. \`node scripts/profile-load.mjs --case=g20k --steps=30\` profiles the steps by function (at 20k under load: React's render and commit about two thirds of the JavaScript, the adapter's apply about a third, of which the tie layer's drawing about half).`,
      );
    }
    const behindSigma = b.cases.filter(
      (c) =>
        c.sigma &&
        !('error' in c.sigma) &&
        (c.tieline.step.p50 >= c.sigma.p50 || c.tieline.step.p95 >= c.sigma.p95),
    );
    if (behindSigma.length) {
      out.push(
        `**Browser, behind sigma.js** on ${behindSigma.map((c) => `${c.name} (${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} vs ${ms((c.sigma as LatencyFigure).p50)} / ${ms((c.sigma as LatencyFigure).p95)})`).join(', ')}: see the step ÷ limit paragraph; sigma's page has no application around its canvas either.`,
      );
    }
    const bundled = caseOf(b, 'bundled');
    const idle = bundled?.tieline.idleFloor?.all;
    if (bundled && idle && bundled.tieline.step.p95 > idle.p95 + 4) {
      const s = bundled.tieline.step.parts;
      out.push(
        `**Browser, p95 on the bundled dataset** = ${ms(bundled.tieline.step.p95)} (p50 ${ms(bundled.tieline.step.p50)}; floor p50 ${ms(bundled.tieline.floor.p50)}, p95 ${ms(bundled.tieline.floor.p95)}). Parts (medians): input task ${ms(s.inputTask)}, apply ${ms(s.cyBatch)}, draw ${ms(s.cyDraw)}, wait ${ms(s.waitForFrame)}, frame rest ${ms(s.frameRest)}. Measured key press → end of the next frame, so on a 60 Hz frame clock a step pays the wait for the next frame on top of its work: ${bundled.tieline.floor.p50 >= 16.7 ? `the floor alone (p50 ${ms(bundled.tieline.floor.p50)}, p95 ${ms(bundled.tieline.floor.p95)}) already exceeds one 60 Hz frame, so a p95 ≤ 16.7 ms measured this way is out of reach for any step; the step's own work (input task, apply, draw) is a few milliseconds.` : `a floor p50 of ${ms(bundled.tieline.floor.p50)} leaves ${ms(16.7 - bundled.tieline.floor.p50)} for the step's own work at the median, and the p95 also carries the worst frame alignment (floor p95 ${ms(bundled.tieline.floor.p95)}).`}`,
      );
    }
    const g20 = caseOf(b, 'g20k');
    if (
      g20 &&
      (g20.tieline.paintedMs > 2500 ||
        (g20.tieline.dataLoadedMs !== null &&
          g20.tieline.paintedMs - g20.tieline.dataLoadedMs > 1000))
    ) {
      const t = g20.tieline;
      const setModel = t.marks.find((m) => m.name === 'setModel');
      const apply = t.marks.find((m) => m.name === 'apply');
      out.push(
        `**Browser, first graph at 20k** = ${ms(t.readyMs)} to ready (${ms(t.paintedMs)} painted; final layout at ${ms(t.layoutDoneMs)}, every shown edge created at ${ms(t.completeMs)}). Timeline: ${timeline(g20)}.` +
          (setModel && t.dataLoadedMs !== null
            ? ` From the dataset's arrival (${ms(t.dataLoadedMs)}) to \`setModel\` (${ms(setModel.start)}): ${ms(setModel.start - t.dataLoadedMs)} of importing (parse and validation), building the model, rendering React and loading the lazy adapter chunk.`
            : '') +
          (setModel && apply
            ? ` From \`setModel\` to the first \`apply\`: ${ms(apply.start - setModel.start)}; \`ready\` turns true at that first applied view, which may stand on provisional positions until the final layout arrives.`
            : '') +
          ` Long tasks up to the first graph: ${t.longTasks.map((x) => `${x.duration} ms at ${x.start}`).join(', ') || 'none'}.${ok(r.adapter) ? ` (In Node, a headless \`setModel\` adding all 22,000 elements at once takes ${ms(r.adapter.setModelMs)}.)` : ''} Where the main thread's time goes, by function: \`node scripts/profile-load.mjs --case=g20k\` (summarised under the first-graph proposal above).`,
      );
    }
    const cm = caseOf(b, 'collegemsg');
    if (cm && (importDraw(cm) > 3000 || importLongest(cm) > 300)) {
      const t = cm.tieline;
      const from = t.dataRequestMs ?? 0;
      const blocks = t.longTasks
        .filter((x) => x.start + x.duration >= from && x.duration > 300)
        .map((x) => `${x.duration} ms at ${x.start} (${phaseOf(cm, x.start)})`);
      out.push(
        `**Browser, CollegeMsg import** = ${ms(importDraw(cm))} from the request of the file to the painted graph; longest main-thread block ${ms(importLongest(cm))}. Timeline: ${timeline(cm)}. Main-thread blocks over 300 ms: ${blocks.join(', ') || 'none'}. The final layout came at ${ms(t.layoutDoneMs)} and the last edge the view shows at ${ms(t.completeMs)} (edges are created when a date first shows them).`,
      );
    }
    const plays = b.cases.filter((c) => c.tieline.play && c.tieline.play.fps < 30);
    if (plays.length) {
      out.push(
        `**Play (not a DESIGN target).** Frames per second while playing a day per tick: ${plays.map((c) => `${c.name} ${c.tieline.play!.fps} fps, longest frame ${ms(c.tieline.play!.longestFrameMs)}, ${c.tieline.play!.daysAdvanced} days in ${c.tieline.play!.seconds} s`).join('; ')}. Each tick is a step, so it pays what a key press pays.`,
      );
    }
  }
  if (r.bundle.initialGzip > 230_000) {
    out.push(
      `**Bundle.** Initial JavaScript ${kb(r.bundle.initialGzip)}: ${r.bundle.initial.map((f) => `\`${f.file}\` ${kb(f.gzip)}`).join(', ')}.`,
    );
  }
  return out;
}
