// Model benchmark (Node): TemporalIndex build, one-day step and random jump at 10k/100k/1M relations, against a linear scan.
import { buildModel, spanOf, TemporalIndex, type Dataset } from '../src/model';
import { IntervalTree } from '../src/model/interval-tree';
import { GEN_START, generateDataset, mulberry32 } from './generate';
import { median, quantile, round, time } from './stats';

/** How many repetitions each size gets (fewer at 1M, where a scan or an activeAt costs milliseconds). */
interface SizePlan {
  readonly relations: number;
  readonly builds: number;
  readonly stepWalk: number;
  readonly nextDayWalk: number;
  readonly scanWalk: number;
  readonly jumps: number;
}

const PLANS: readonly SizePlan[] = [
  { relations: 10_000, builds: 5, stepWalk: 3000, nextDayWalk: 1000, scanWalk: 1000, jumps: 500 },
  { relations: 100_000, builds: 3, stepWalk: 3000, nextDayWalk: 200, scanWalk: 200, jumps: 200 },
  { relations: 1_000_000, builds: 1, stepWalk: 2000, nextDayWalk: 25, scanWalk: 25, jumps: 25 },
];

/** Figures of one size, in milliseconds unless named otherwise. */
export interface ModelSizeResult {
  relations: number;
  actors: number;
  buildIndexMs: number;
  /** Of the build: computing every relation's span (EDTF parsing, one object each); not timed at 1M. */
  buildSpansMs: number | null;
  buildModelMs: number | null;
  /** Relations with an open end or an open start (±Infinity in the index). */
  openIntervals: number;
  /** Mean relations in view at the days queried. */
  meanActive: number;
  /** Mean relations entering or leaving per one-day step. */
  meanChangesPerStep: number;
  step: { p50: number; p95: number; n: number };
  nextDayActiveAt: { p50: number; p95: number; n: number };
  rescan: { p50: number; p95: number; n: number };
  jump: { p50: number; p95: number; n: number };
  scan: { p50: number; p95: number; n: number };
  /** rescan p50 ÷ step p50. */
  stepSpeedup: number;
  /** scan p50 ÷ jump p50. */
  jumpSpeedup: number;
  /**
   * Where activeAt's time goes, at the jump days (medians, ms): the index's interval-tree walk alone
   * (its tree holds the closed intervals only; into a preallocated buffer), the whole activeAt, what a
   * typed sort of the whole answer would cost (the index marks big answers instead), and the walk of a
   * tree built here over the closed intervals (the same work, as a check).
   */
  jumpBreakdown: {
    walk: number;
    activeAt: number;
    sortAnswer: number;
    closedOnlyWalk: number;
    closedOnlyResults: number;
  };
  /** The maintained set equals activeAt at the end of the walk. */
  verified: boolean;
}

/** The naive baseline: one pass over the lo/hi arrays. */
function scan(lo: Float64Array, hi: Float64Array, t: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < lo.length; i++) {
    if ((lo[i] as number) <= t && t < (hi[i] as number)) out.push(i);
  }
  return out;
}

interface TreeLike {
  overlapping(a: number, b: number, visit: (i: number) => void): void;
  /** Newer trees write into a caller's buffer (no callback). */
  collect?: (a: number, b: number, out: Int32Array) => number;
}

/** Times one walk of `tree` at day t; returns the count found. */
function walkOnce(tree: TreeLike, t: number, buf: Int32Array): number {
  if (tree.collect) return tree.collect(t, t + 1, buf);
  let c = 0;
  tree.overlapping(t, t + 1, () => c++);
  return c;
}

function stats(xs: number[]): { p50: number; p95: number; n: number } {
  return { p50: round(median(xs), 3), p95: round(quantile(xs, 0.95), 3), n: xs.length };
}

function benchSize(plan: SizePlan, log: (s: string) => void): ModelSizeResult {
  const n = plan.relations;
  const actors = Math.min(20_000, Math.max(100, Math.round(n / 10)));
  const t0 = performance.now();
  const dataset: Dataset = generateDataset({ actors, relations: n, seed: 1000 + n });
  log(`model ${n}: generated in ${Math.round(performance.now() - t0)} ms`);
  let sink = 0;

  const builds: number[] = [];
  let index: TemporalIndex | null = null;
  for (let k = 0; k < plan.builds; k++) {
    index = null;
    builds.push(time(() => (index = new TemporalIndex(dataset))));
  }
  const idx = index as unknown as TemporalIndex;
  const eventTypes = new Set(
    dataset.relationTypes.filter((ty) => ty.kind === 'event').map((ty) => ty.id),
  );
  const buildSpansMs =
    n <= 100_000
      ? time(
          () =>
            void dataset.relations.map((r) => spanOf(r, eventTypes.has(r.type), idx.eventWindow)),
        )
      : null;
  const buildModelMs = n <= 100_000 ? time(() => void buildModel(dataset)) : null;
  const { lo, hi } = idx;
  const tree = (idx as unknown as { tree: TreeLike }).tree;
  let openIntervals = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lo[i] as number) || !Number.isFinite(hi[i] as number)) openIntervals++;
  }

  // One-day steps over a walk of consecutive days, applied to a maintained set.
  const start = GEN_START + 180;
  const active = new Uint8Array(n);
  for (const i of idx.activeAt(start)) active[i] = 1;
  const stepTimes: number[] = [];
  let changes = 0;
  let t = start;
  for (let k = 0; k < 50; k++) sink += idx.step(start + k, start + k + 1).entered.length;
  for (let k = 0; k < plan.stepWalk; k++, t++) {
    const a = performance.now();
    const d = idx.step(t, t + 1);
    for (const i of d.entered) active[i] = 1;
    for (const i of d.exited) active[i] = 0;
    stepTimes.push(performance.now() - a);
    changes += d.entered.length + d.exited.length;
  }
  const check = idx.activeAt(t);
  let count = 0;
  for (let i = 0; i < n; i++) count += active[i] as number;
  const verified = count === check.length && check.every((i) => active[i] === 1);

  // The same walk answered by activeAt of the next day (what the app's selector does), and by re-scanning.
  const nextDay: number[] = [];
  const rescan: number[] = [];
  let activeSum = 0;
  for (let k = 0; k < 10; k++)
    sink += idx.activeAt(start + k).length + scan(lo, hi, start + k).length;
  for (let k = 0; k < plan.nextDayWalk; k++) {
    const day = start + Math.floor((k * plan.stepWalk) / plan.nextDayWalk) + 1;
    const a = performance.now();
    const r = idx.activeAt(day);
    nextDay.push(performance.now() - a);
    sink += r.length;
  }
  for (let k = 0; k < plan.scanWalk; k++) {
    const day = start + Math.floor((k * plan.stepWalk) / plan.scanWalk) + 1;
    const a = performance.now();
    const r = scan(lo, hi, day);
    rescan.push(performance.now() - a);
    activeSum += r.length;
  }

  // Random jumps over the whole extent: activeAt against the scan, on the same days.
  const rnd = mulberry32(7 + n);
  const ext = idx.extent ?? { first: GEN_START, last: GEN_START + 3650 };
  const days = Array.from(
    { length: plan.jumps },
    () => ext.first + Math.floor(rnd() * (ext.last - ext.first)),
  );
  const jump: number[] = [];
  const scanT: number[] = [];
  const walk: number[] = [];
  const sortAnswer: number[] = [];
  const closedWalk: number[] = [];
  let closedResults = 0;
  const buf = new Int32Array(n);
  const closed: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(lo[i] as number) && Number.isFinite(hi[i] as number)) closed.push(i);
  }
  const closedTree = new IntervalTree(
    Float64Array.from(closed, (i) => lo[i] as number),
    Float64Array.from(closed, (i) => hi[i] as number),
  ) as unknown as TreeLike;
  for (const day of days) {
    let a = performance.now();
    const answer = idx.activeAt(day);
    sink += answer.length;
    jump.push(performance.now() - a);
    // What a typed sort of the whole answer would cost (the index lists big answers by marking instead).
    const unsorted = Int32Array.from(answer).reverse();
    a = performance.now();
    sink += unsorted.sort().length;
    sortAnswer.push(performance.now() - a);
    a = performance.now();
    sink += scan(lo, hi, day).length;
    scanT.push(performance.now() - a);
    a = performance.now();
    const k = walkOnce(tree, day, buf);
    walk.push(performance.now() - a);
    sink += k;
    a = performance.now();
    closedResults += walkOnce(closedTree, day, buf);
    closedWalk.push(performance.now() - a);
  }
  if (sink === -1) log('unreachable');
  const step = stats(stepTimes);
  const res = stats(rescan);
  const j = stats(jump);
  const sc = stats(scanT);
  return {
    relations: n,
    actors,
    buildIndexMs: round(median(builds), 3),
    buildSpansMs: buildSpansMs === null ? null : round(buildSpansMs, 3),
    buildModelMs: buildModelMs === null ? null : round(buildModelMs, 3),
    openIntervals,
    meanActive: Math.round(activeSum / Math.max(1, plan.scanWalk)),
    meanChangesPerStep: round(changes / plan.stepWalk, 3),
    step,
    nextDayActiveAt: stats(nextDay),
    rescan: res,
    jump: j,
    scan: sc,
    stepSpeedup: round(res.p50 / step.p50, 3),
    jumpSpeedup: round(sc.p50 / j.p50, 3),
    jumpBreakdown: {
      walk: round(median(walk), 3),
      activeAt: j.p50,
      sortAnswer: round(median(sortAnswer), 3),
      closedOnlyWalk: round(median(closedWalk), 3),
      closedOnlyResults: Math.round(closedResults / days.length),
    },
    verified,
  };
}

/** Runs the model benchmark at every size. */
export function runModelBench(log: (s: string) => void = () => {}): ModelSizeResult[] {
  const out: ModelSizeResult[] = [];
  for (const plan of PLANS) {
    const r = benchSize(plan, log);
    log(
      `model ${r.relations}: build ${r.buildIndexMs} ms, step p50 ${r.step.p50} ms (rescan ${r.rescan.p50}, ×${r.stepSpeedup}), ` +
        `jump p50 ${r.jump.p50} ms (scan ${r.scan.p50}, ×${r.jumpSpeedup}), active ≈ ${r.meanActive}, verified ${r.verified}`,
    );
    out.push(r);
  }
  return out;
}
