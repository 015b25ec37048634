// The temporal index: which relations are in view at a date, in a window or cumulatively, what changed between two dates, and where events cluster.
//
// Every relation becomes a half-open day interval [lo, hi) of the days it is shown:
//   state relation: from the earliest day its start may denote to the last day its end may denote
//                   (no end: +Infinity, in force as far as the sources know);
//   event relation: from the earliest day of its date to the last day of its date (or of its end)
//                   plus the event window (default 30 days).
// Complexity, n relations, k results, m changes:
//   build                      O(n log n)  (sorts; typed arrays)
//   activeAt(t), inWindow(a,b) O(log n + k)  (implicit interval tree)
//   upTo(t) (cumulative)       O(log n + k)  (binary search in the start order)
//   step(t1, t2)               O(log n + m') where m' counts relations starting or ending between t1
//                              and t2; falls back to two stabbing queries when m' is large
//   previous/next change       O(log n)     (binary search in the sorted change days)
//   histogram over B buckets   O(B · T · log n) for T relation types
import { edtf, type Day, type EdtfDate } from './dates';
import { IntervalTree } from './interval-tree';
import type { Dataset, Relation, RelationTypeId } from './types';

/** Default number of days an event stays on the graph after its date. */
export const DEFAULT_EVENT_WINDOW = 30;

/** What a relation's dates mean for display: when it is shown, and which part of that is uncertain. */
export interface RelationSpan {
  /** First day shown (−Infinity for an open start). */
  readonly lo: Day;
  /** First day no longer shown (exclusive; +Infinity when open-ended). */
  readonly hi: Day;
  /** Days before this are within the uncertain span of a fuzzy start (the start's latest day). */
  readonly certainFrom: Day;
  /** Days on or after this are within the uncertain span of a fuzzy end (state relations with an end). */
  readonly certainUntil: Day;
  /** For events: the last day of the event itself, after which it fades through the window. */
  readonly eventDay: Day | null;
}

/** Computes the display span of one relation. */
export function spanOf(
  relation: Relation,
  isEvent: boolean,
  eventWindow: number,
  parse: (text: string) => EdtfDate = edtf,
): RelationSpan {
  const start = parse(relation.start);
  const end = relation.end ? parse(relation.end) : null;
  if (isEvent) {
    const last = end ? end.latest : start.latest;
    return {
      lo: start.earliest,
      hi: last + 1 + eventWindow,
      certainFrom: start.latest,
      certainUntil: last + 1 + eventWindow,
      eventDay: last,
    };
  }
  return {
    lo: start.earliest,
    hi: end ? end.latest + 1 : Infinity,
    certainFrom: start.latest,
    certainUntil: end ? end.earliest : Infinity,
    eventDay: null,
  };
}

/** The relations entering and leaving view between two dates (ordinals into `dataset.relations`). */
export interface StepDiff {
  readonly entered: number[];
  readonly exited: number[];
}

/** Index of the first element ≥ x in a sorted array. */
export function lowerBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > x in a sorted array. */
export function upperBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Relations sorted by a key, with the keys alongside for binary search. */
interface SortedKeys {
  readonly keys: Float64Array;
  readonly ids: Int32Array;
}
function sortBy(key: Float64Array): SortedKeys {
  const ids = Int32Array.from({ length: key.length }, (_, i) => i).sort(
    (a, b) => (key[a] as number) - (key[b] as number) || a - b,
  );
  const keys = Float64Array.from(ids, (i) => key[i] as number);
  return { keys, ids };
}

/** Options of the index. */
export interface IndexOptions {
  /** Days an event stays in view after its date. */
  readonly eventWindow?: number;
}

/** A read-only index over one dataset's relations for one event window. */
export class TemporalIndex {
  /** Display span of each relation, by ordinal. */
  readonly spans: readonly RelationSpan[];
  /** Event window this index was built for. */
  readonly eventWindow: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  private readonly tree: IntervalTree;
  private readonly buffer: Int32Array;
  private readonly byLo: SortedKeys;
  private readonly byHi: SortedKeys;
  private readonly changeDays: Float64Array;
  private readonly startsByType: Map<RelationTypeId, Float64Array>;
  /** First and last finite day any relation touches, or null for an empty dataset. */
  readonly extent: { readonly first: Day; readonly last: Day } | null;

  constructor(dataset: Pick<Dataset, 'relations' | 'relationTypes'>, options: IndexOptions = {}) {
    this.eventWindow = options.eventWindow ?? DEFAULT_EVENT_WINDOW;
    const eventTypes = new Set(
      dataset.relationTypes.filter((t) => t.kind === 'event').map((t) => t.id),
    );
    const rels = dataset.relations;
    // Datasets repeat their dates (CollegeMsg: 59,835 messages on a few hundred days), so each
    // distinct text is parsed once per build.
    const parsed = new Map<string, EdtfDate>();
    const parse = (text: string): EdtfDate => {
      let d = parsed.get(text);
      if (!d) parsed.set(text, (d = edtf(text)));
      return d;
    };
    this.spans = rels.map((r) => spanOf(r, eventTypes.has(r.type), this.eventWindow, parse));
    this.lo = Float64Array.from(this.spans, (s) => s.lo);
    this.hi = Float64Array.from(this.spans, (s) => s.hi);
    this.tree = new IntervalTree(this.lo, this.hi);
    this.buffer = new Int32Array(rels.length);
    this.byLo = sortBy(this.lo);
    this.byHi = sortBy(this.hi);

    // Days on which something starts, or a state relation ends (its first day out of force).
    const days = new Set<number>();
    let first = Infinity;
    let last = -Infinity;
    for (const s of this.spans) {
      if (Number.isFinite(s.lo)) {
        days.add(s.lo);
        first = Math.min(first, s.lo);
        last = Math.max(last, s.lo);
      }
      const endDay = s.eventDay ?? (Number.isFinite(s.hi) ? s.hi : null);
      if (endDay !== null) {
        if (s.eventDay === null) days.add(endDay);
        first = Math.min(first, endDay);
        last = Math.max(last, s.eventDay ?? endDay - 1);
      }
      if (s.certainFrom !== s.lo && Number.isFinite(s.certainFrom)) {
        last = Math.max(last, s.certainFrom);
      }
    }
    this.changeDays = Float64Array.from([...days].sort((a, b) => a - b));
    this.extent = Number.isFinite(first) ? { first, last } : null;

    const byType = new Map<RelationTypeId, number[]>();
    rels.forEach((r, i) => {
      const s = this.spans[i] as RelationSpan;
      if (!Number.isFinite(s.lo)) return;
      let list = byType.get(r.type);
      if (!list) byType.set(r.type, (list = []));
      list.push(s.lo);
    });
    this.startsByType = new Map(
      [...byType].map(([t, l]) => [t, Float64Array.from(l.sort((a, b) => a - b))]),
    );
  }

  /** Number of relations indexed. */
  get size(): number {
    return this.lo.length;
  }

  /** Whether relation `i` is in view at day `t`. O(1). */
  isActive(i: number, t: Day): boolean {
    return (this.lo[i] as number) <= t && t < (this.hi[i] as number);
  }

  /** Ordinals of the relations in view at day `t`, ascending. */
  activeAt(t: Day): number[] {
    return this.query(t, t + 1);
  }

  /** Ordinals of the relations shown at any day in [a, b] (both inclusive), ascending. */
  inWindow(a: Day, b: Day): number[] {
    return b < a ? [] : this.query(a, b + 1);
  }

  /** Overlap query into a reused typed buffer, sorted as integers (typed sort: no comparator calls). */
  private query(qs: number, qe: number): number[] {
    const k = this.tree.collect(qs, qe, this.buffer);
    return Array.from(this.buffer.subarray(0, k).sort());
  }

  /** Ordinals of every relation that has started by day `t` (the cumulative view), ascending. */
  upTo(t: Day): number[] {
    const end = upperBound(this.byLo.keys, t);
    return Array.from(this.byLo.ids.slice(0, end).sort());
  }

  /** What enters and leaves view when the date moves from `from` to `to`. */
  step(from: Day, to: Day): StepDiff {
    const entered: number[] = [];
    const exited: number[] = [];
    if (from === to) return { entered, exited };
    const [a, b] = from < to ? [from, to] : [to, from];
    // Candidates: relations whose first shown day or first hidden day lies in (a, b].
    const l0 = upperBound(this.byLo.keys, a);
    const l1 = upperBound(this.byLo.keys, b);
    const h0 = upperBound(this.byHi.keys, a);
    const h1 = upperBound(this.byHi.keys, b);
    if (l1 - l0 + (h1 - h0) > this.size / 4) return this.fullDiff(from, to);
    const seen = new Set<number>();
    const consider = (i: number): void => {
      if (seen.has(i)) return;
      seen.add(i);
      const was = this.isActive(i, from);
      const now = this.isActive(i, to);
      if (now && !was) entered.push(i);
      else if (was && !now) exited.push(i);
    };
    for (let j = l0; j < l1; j++) consider(this.byLo.ids[j] as number);
    for (let j = h0; j < h1; j++) consider(this.byHi.ids[j] as number);
    entered.sort((x, y) => x - y);
    exited.sort((x, y) => x - y);
    return { entered, exited };
  }

  private fullDiff(from: Day, to: Day): StepDiff {
    const before = this.activeAt(from);
    const after = this.activeAt(to);
    const wasSet = new Set(before);
    const nowSet = new Set(after);
    return {
      entered: after.filter((i) => !wasSet.has(i)),
      exited: before.filter((i) => !nowSet.has(i)),
    };
  }

  /** The latest day before `t` on which something starts or ends, or null. */
  previousChange(t: Day): Day | null {
    const i = lowerBound(this.changeDays, t) - 1;
    return i >= 0 ? (this.changeDays[i] as number) : null;
  }

  /** The earliest day after `t` on which something starts or ends, or null. */
  nextChange(t: Day): Day | null {
    const i = upperBound(this.changeDays, t);
    return i < this.changeDays.length ? (this.changeDays[i] as number) : null;
  }

  /** All days on which something starts or ends, ascending. */
  get changes(): readonly number[] {
    return Array.from(this.changeDays);
  }

  /**
   * Counts of relations starting in each bucket, per type. `edges` are the bucket boundaries
   * (ascending days): bucket j is [edges[j], edges[j+1]). Open starts are not counted.
   */
  histogram(edges: readonly Day[]): Map<RelationTypeId, number[]> {
    const out = new Map<RelationTypeId, number[]>();
    for (const [type, starts] of this.startsByType) {
      const counts: number[] = [];
      for (let j = 0; j + 1 < edges.length; j++) {
        counts.push(
          lowerBound(starts, edges[j + 1] as number) - lowerBound(starts, edges[j] as number),
        );
      }
      out.set(type, counts);
    }
    return out;
  }
}
