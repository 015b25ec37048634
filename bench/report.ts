// Turns the benchmark result into the target table (stdout) and docs/benchmarks.md, with the measured breakdowns of every missed target.
import type { AdapterResult } from './adapter.bench';
import type { BrowserResult } from './browser';
import type { ModelSizeResult } from './model.bench';
import { caseOf, importDraw, importLongest, kb, ms, ok, times } from './report/format';
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
      add('Model', 'jump vs scan at 1M', '≥ 100×', times(m1m.jumpSpeedup), m1m.jumpSpeedup >= 100);
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
    add(
      'Adapter',
      'apply, worst jump at 20k (p50; all 20,000 change)',
      '≤ 10 ms',
      ms(a.allJump.p50),
      a.allJump.p50 <= 10,
    );
  } else add('Adapter', 'all', '', `failed: ${r.adapter.error}`, null);
  if (ok(r.browser)) {
    const b = r.browser;
    for (const c of b.cases.filter((x) => !x.query)) {
      add(
        'Browser',
        `step ÷ floor, ${c.name} (p50)`,
        '≤ 1.25',
        `${c.stepOverFloor.p50} (${ms(c.tieline.step.p50)} ÷ ${ms(c.tieline.floor.p50)})`,
        c.stepOverFloor.p50 <= 1.25,
      );
    }
    const g20 = caseOf(b, 'g20k');
    if (g20?.commonOverTieline && g20.common) {
      add(
        'Browser',
        'common way ÷ Tieline at 20k (step p50)',
        '≥ 10×',
        `${times(g20.commonOverTieline.p50)} (${ms(g20.common.step.p50)} ÷ ${ms(g20.tieline.step.p50)})`,
        g20.commonOverTieline.p50 >= 10,
      );
    }
    const bundled = caseOf(b, 'bundled');
    if (bundled)
      add(
        'Browser',
        'step latency p95, bundled dataset',
        '≤ 16.7 ms',
        ms(bundled.tieline.step.p95),
        bundled.tieline.step.p95 <= 16.7,
      );
    if (g20)
      add(
        'Browser',
        'first graph at 20k (navigation → ready)',
        '≤ 1,500 ms',
        ms(g20.tieline.readyMs),
        g20.tieline.readyMs <= 1500,
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
        '≤ 200 ms',
        ms(importLongest(cm)),
        importLongest(cm) <= 200,
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
  bundlePart(d, r);
  beforeAfterPart(d, r);
  analysisPart(d, r, ts);
  return d.text();
}
