// The "current state" view (each pair's latest record at a date, one line per pair) and the date a view opens on.
import type { Day } from './dates';
import type { Model } from './index';
import { IntervalTree } from './interval-tree';
import { familyGroups, familyKey, pairKey } from './persistence';
import { upperBound } from './temporal';
import type { Dataset, Status } from './types';

/** What the current-state view needs of a dataset, built once per dataset (not per event window). */
interface CurrentIndex {
  /** Per relation: its line (an unordered pair in a family, or in its type when it has none). */
  readonly lineOf: Int32Array;
  /** Events of a declared family, kept as their pair's latest word until the pair's next record. */
  readonly stickyIds: Int32Array;
  readonly sticky: IntervalTree;
  readonly buffer: Int32Array;
}

const built = new WeakMap<Dataset, CurrentIndex>();

function currentIndex(model: Model): CurrentIndex {
  const { dataset } = model;
  let c = built.get(dataset);
  if (c) return c;
  const rels = dataset.relations;
  const lo = model.index.lo;
  const lines = new Map<string, number>();
  const lineOf = new Int32Array(rels.length);
  rels.forEach((r, i) => {
    const type = model.typeById.get(r.type);
    const key = pairKey(r, familyKey(type) ?? 'T:' + r.type);
    let line = lines.get(key);
    if (line === undefined) lines.set(key, (line = lines.size));
    lineOf[i] = line;
  });
  // A family's events (a split, a merger) stay the pair's latest word until its next record.
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const list of familyGroups(rels, model.typeById, lo).values()) {
    list.forEach((i, j) => {
      if (model.typeById.get(rels[i]!.type)?.kind !== 'event') return;
      const from = lo[i] as number;
      let next = Infinity;
      for (let k = j + 1; k < list.length; k++) {
        const d = lo[list[k]!] as number;
        if (d > from) {
          next = d;
          break;
        }
      }
      ids.push(i);
      starts.push(from);
      ends.push(next);
    });
  }
  c = {
    lineOf,
    stickyIds: Int32Array.from(ids),
    sticky: new IntervalTree(starts, ends),
    buffer: new Int32Array(ids.length),
  };
  built.set(dataset, c);
  return c;
}

/**
 * The current state at day t: for each pair of actors (per family; a type without a family is a family
 * of its own), the latest of its records in force at t (latest first day; the later in the file on the
 * same day), or, when none is, the latest event of a declared family started by t and not yet
 * followed by another record (a split, a merger stays the pair's latest word). One relation per line,
 * ascending. `shown(i)` drops relations the lens hides before choosing. O(k + log n) for k in force.
 */
export function currentStateAt(
  model: Model,
  t: Day,
  shown: (i: number) => boolean = () => true,
): number[] {
  const c = currentIndex(model);
  const lo = model.index.lo;
  const best = new Map<number, number>();
  const consider = (i: number): void => {
    if (!shown(i)) return;
    const line = c.lineOf[i] as number;
    const cur = best.get(line);
    if (
      cur === undefined ||
      (lo[i] as number) > (lo[cur] as number) ||
      (lo[i] === lo[cur] && i > cur)
    )
      best.set(line, i);
  };
  for (const i of model.index.activeAt(t)) consider(i);
  const k = c.sticky.collect(t, t + 1, c.buffer);
  for (let j = 0; j < k; j++) consider(c.stickyIds[c.buffer[j]!]!);
  return [...best.values()].sort((a, b) => a - b);
}

/**
 * The date a view opens on when the address gives none: the day that shows the most ties at a date
 * (ties hidden by having no asserting claim are not counted); of equal days the latest, so data made
 * of lasting states opens on the latest state of everything. A day on which a record starts (or the
 * time bar's first day, where undated ties ending early are shown), never an empty one unless every
 * day is; null when nothing is dated. O(n log n).
 */
export function openingDate(
  model: Pick<Model, 'index'> & { statuses: readonly (Status | null)[] },
): Day | null {
  const { lo, hi } = model.index;
  // Typed arrays sort numerically without a comparator (100,000 relations: a few ms).
  const startList = new Float64Array(lo.length);
  const endList = new Float64Array(lo.length);
  let ns = 0;
  let ne = 0;
  let always = 0;
  for (let i = 0; i < lo.length; i++) {
    if (model.statuses[i] === null) continue;
    const a = lo[i] as number;
    const b = hi[i] as number;
    if (Number.isFinite(a)) startList[ns++] = a;
    else always++;
    if (Number.isFinite(b)) endList[ne++] = b;
  }
  if (ns === 0) return null;
  const starts = startList.subarray(0, ns).sort();
  const ends = endList.subarray(0, ne).sort();
  // The time bar's first day too: undated ties ending before the first start can outnumber any start day.
  const first = model.index.extent?.first ?? (starts[0] as number);
  let best = first;
  let most = always + upperBound(starts, first) - upperBound(ends, first);
  for (let j = 0; j < starts.length; j++) {
    const day = starts[j] as number;
    if (j + 1 < starts.length && starts[j + 1] === day) continue;
    const count = always + (j + 1) - upperBound(ends, day);
    if (count >= most) {
      most = count;
      best = day;
    }
  }
  return best;
}

/**
 * The first day after t on which a record the view keeps starts (the "Next event" a date with
 * nothing in view offers), or null. Walks the starts in order: O(log n + skipped).
 */
export function nextStart(
  model: Pick<Model, 'index'>,
  t: Day,
  shown: (i: number) => boolean = () => true,
): Day | null {
  const order = model.index.startOrder;
  for (let j = upperBound(order.keys, t); j < order.keys.length; j++) {
    if (shown(order.ids[j] as number)) return order.keys[j] as number;
  }
  return null;
}
