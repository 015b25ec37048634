// Turns the benchmark result into the target table (stdout) and docs/benchmarks.md, with the measured breakdowns of every missed target.
import type { AdapterResult } from './adapter.bench';
import type { BrowserResult, LatencyFigure } from './browser';
import type { ModelSizeResult } from './model.bench';
import { caseOf, importDraw, importLongest, kb, ms, ok, times } from './report/format';
import { sideBySide } from './report/side-by-side';
import {
  adapterPart,
  analysisPart,
  beforeAfterPart,
  browserPart,
  bundlePart,
  Doc,
  headerPart,
  modelPart,
  reproducePart,
  targetsPart,
} from './report/sections';

export { importDraw, importLongest };

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
      const mo = c.months;
      if (mo) {
        add(
          'Browser',
          `month steps ÷ limit, ${c.name} (p50 / p95; ${c.keys.months} steps)`,
          '≤ 1.5 / ≤ 2',
          `${mo.over.p50} / ${mo.over.p95} (${ms(mo.tieline.p50)} / ${ms(mo.tieline.p95)} ÷ ${ms(mo.limit.p50)} / ${ms(mo.limit.p95)})`,
          mo.over.p50 <= 1.5 && mo.over.p95 <= 2,
        );
      }
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

/** docs/benchmarks.md: the parts of bench/report/sections.ts in order. */
export function render(r: BenchResult): string {
  const ts = r.targets ?? targets(r);
  const d = new Doc();
  headerPart(d, r);
  reproducePart(d);
  targetsPart(d, ts);
  modelPart(d, r);
  adapterPart(d, r);
  browserPart(d, r);
  if (ok(r.browser)) sideBySide(r.browser, d.p);
  bundlePart(d, r);
  beforeAfterPart(d, r);
  analysisPart(d, r, ts);
  return d.text();
}
