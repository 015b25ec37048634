// The time bar's histogram bins: bar boundaries (months, runs of months or of steps), their labels, totals per bin.
import { typeColors } from '../../graph/palette';
import {
  addMonths,
  monthName,
  partsOf,
  startOfMonth,
  timeScaleOf,
  type Day,
  type Model,
  type TimeScale,
} from '../../model';

/** Bins of at most this many steps' worth: a time bar of 5,000 steps still has about 200 bars. */
const STEP_BARS = 200;

/** Bar boundaries covering [first, last]: months on the calendar, runs of whole steps on a step scale. */
function barEdges(first: Day, last: Day, scale: TimeScale): Day[] {
  if (scale === 'calendar') return monthEdges(first, last);
  const width = Math.max(1, Math.ceil((last - first + 1) / STEP_BARS));
  const edges: Day[] = [];
  for (let d = first; d <= last; d += width) edges.push(d);
  edges.push((edges[edges.length - 1] ?? first) + width);
  return edges;
}

/** What one bar covers, for its tooltip: "March 2014", or "step 8" / "steps 8–11". */
export function barLabel(from: Day, to: Day, scale: TimeScale): string {
  if (scale === 'steps') return to - from <= 1 ? `step ${from}` : `steps ${from}–${to - 1}`;
  const p = partsOf(from);
  return `${monthName(p.month)} ${p.year}`;
}

/** Most bars the histogram draws: a span of centuries is binned by years or decades, not months. */
export const MAX_BARS = 480;

/** Bar boundaries covering [first, last]: months, or runs of months (whole years past 40 years). */
export function monthEdges(first: Day, last: Day): Day[] {
  const months = Math.max(1, Math.ceil((last - first) / 30.4) + 1);
  const step = months <= MAX_BARS ? 1 : Math.ceil(months / MAX_BARS / 12) * 12;
  const edges: Day[] = [];
  for (let d = startOfMonth(first); d <= last && edges.length <= MAX_BARS; d = addMonths(d, step)) {
    edges.push(d);
  }
  edges.push(addMonths(edges[edges.length - 1] ?? startOfMonth(first), step));
  return edges;
}

/** Relation starts per bin, all types together: one binary search per relation. */
function totalsOf(starts: ArrayLike<number>, edges: readonly Day[]): number[] {
  const totals = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
  for (let i = 0; i < starts.length; i++) {
    const d = starts[i] as number;
    if (!Number.isFinite(d)) continue;
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((edges[mid] as number) <= d) lo = mid;
      else hi = mid - 1;
    }
    if (lo < totals.length && d >= (edges[0] as number)) totals[lo] = (totals[lo] as number) + 1;
  }
  return totals;
}

/** The largest of many numbers (Math.max(...list) overflows the stack past ~100,000 arguments). */
function maxOf(list: readonly number[]): number {
  let m = 1;
  for (const v of list) if (v > m) m = v;
  return m;
}

/** Past this many relation types the histogram stacks no colours: one bar of all types per bin. */
const MAX_STACKED_TYPES = 24;

/**
 * The histogram's bins over [first, last]: their edges, the relation starts per bin (per type and
 * colour when stacked, else totals only), and the tallest bin.
 */
export function binsOf(model: Model, first: Day, last: Day) {
  const edges = barEdges(first, last, timeScaleOf(model.dataset));
  const types = model.dataset.relationTypes;
  if (types.length > MAX_STACKED_TYPES) {
    // Many types: one bar of all of them per bin (stacking thousands of slivers draws nothing legible).
    const totals = totalsOf(model.index.lo, edges);
    return { edges, counts: null, colors: null, totals, max: maxOf(totals), types: [] };
  }
  const counts = model.index.histogram(edges);
  const colors = typeColors(types);
  const totals = edges.slice(0, -1).map((_, j) => {
    let sum = 0;
    for (const c of counts.values()) sum += c[j] ?? 0;
    return sum;
  });
  return { edges, counts, colors, totals, max: maxOf(totals), types };
}
