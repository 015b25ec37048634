// Dates spread across a dataset's events: where a strip of small multiples looks when the user pinned none.
import type { Day } from './dates';
import type { Model } from './index';

/**
 * `n` dates spread across the events of a dataset, for the strip when the user pinned none: the
 * quantiles of the change days (so dates cluster where events do), sorted, distinct and within the
 * extent. When the dataset has fewer change days than `n`, all of them are used and the largest gaps
 * between them are split with days in between, up to the number of days in the extent.
 */
export function spreadDates(model: Model, n: number): Day[] {
  const extent = model.index.extent;
  const want = Math.min(Math.max(0, Math.floor(n)), extent ? extent.last - extent.first + 1 : 0);
  if (!extent || want === 0) return [];
  const days = model.index.changes.filter((d) => d >= extent.first && d <= extent.last);
  const m = days.length;
  if (m >= want) {
    if (want === 1) return [days[Math.round((m - 1) / 2)]!];
    // Steps of (m-1)/(want-1) ≥ 1 round to distinct, increasing indices.
    return Array.from({ length: want }, (_, k) => days[Math.round((k * (m - 1)) / (want - 1))]!);
  }
  const out = new Set<Day>(days);
  out.add(extent.first);
  if (out.size < want) out.add(extent.last);
  let sorted = [...out].sort((x, y) => x - y);
  while (sorted.length < want) {
    let gap = 1;
    let at = -1;
    for (let k = 0; k + 1 < sorted.length; k++) {
      const g = sorted[k + 1]! - sorted[k]!;
      if (g > gap) {
        gap = g;
        at = k;
      }
    }
    if (at < 0) break;
    const mid = sorted[at]! + Math.floor(gap / 2);
    sorted = [...sorted.slice(0, at + 1), mid, ...sorted.slice(at + 1)];
  }
  return sorted.slice(0, want);
}
