// The temporal index: which relations are in view at a date, in a window or cumulatively, what changed between two dates, and where events cluster.
//
// Every relation becomes a half-open day interval [lo, hi) of the days it is shown:
//   state relation: from the earliest day its start may denote to the last day its end may denote
//                   (no end: +Infinity, in force as far as the sources know; a type that lasts
//                   until superseded: until the first day of the pair's next record in its family,
//                   a derived end marked `supersededBy`, see persistence.ts);
//   event relation: from the earliest day of its date to the last day of its date (or of its end)
//                   plus the event window (default 30 days).
// Complexity, n relations, k results, m changes:
//   build                      O(n log n)  (sorts; typed arrays)
//   activeAt(t), inWindow(a,b) O(log n + k)  (implicit interval tree over the closed intervals; the
//                              open-ended ones are a prefix/suffix by binary search; answers of
//                              k > n/16 are listed by marking, O(n), instead of sorting)
//   upTo(t) (cumulative)       O(log n + k)  (binary search in the start order)
//   step(t1, t2)               O(log n + m') where m' counts relations starting or ending between t1
//                              and t2; falls back to two stabbing queries when m' is large (tests and
//                              benchmarks only: the app asks activeAt / inWindow / upTo for each date
//                              and the adapter diffs that against what it shows)
//   previous/next change       O(log n)     (binary search in the sorted change days)
//   histogram over B buckets   O(B · T · log n) for T relation types
import { hasClaimDates, supportedSpan, type DatePair } from './claim-dates';
import { edtf, type Day, type EdtfDate } from './dates';
import { IntervalTree } from './interval-tree';
import { supersessions } from './persistence';
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
  /**
   * Present when the end is derived, not reported (a state that lasts until superseded, with no end):
   * the ordinal of the pair's next record in the family, which ended it on its first day (`hi`), or
   * null while no later record has (it holds as far as the records go).
   */
  readonly supersededBy?: number | null;
}

/**
 * The spans with derived ends: a state of a type that lasts until superseded, with no reported end,
 * ends on the first day of the pair's next record in its family (src/model/persistence.ts). Spans of
 * other relations are returned as they are (the same objects).
 */
export function withDerivedEnds(
  spans: readonly RelationSpan[],
  dataset: Pick<Dataset, 'relations' | 'relationTypes'>,
): RelationSpan[] {
  const ended = supersessions(
    dataset.relations,
    dataset.relationTypes,
    Float64Array.from(spans, (s) => s.lo),
  );
  return spans.map((s, i) => {
    const by = ended[i] as number;
    if (by === -2) return s;
    const hi = by >= 0 ? (spans[by] as RelationSpan).lo : Infinity;
    return { ...s, hi, certainUntil: hi, supersededBy: by >= 0 ? by : null };
  });
}

/** Computes the display span of one relation (or of one pair of dates). */
export function spanOf(
  relation: DatePair,
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

/**
 * The display span of a relation from all its claims: its own dates, or, when claims carry their own,
 * what the asserting claims support (claim-dates.ts). The lens narrows it further (lens-spans.ts).
 */
export function relationSpan(
  relation: Relation,
  isEvent: boolean,
  eventWindow: number,
  parse: (text: string) => EdtfDate = edtf,
): RelationSpan {
  const own = (d: DatePair): RelationSpan => spanOf(d, isEvent, eventWindow, parse);
  return (hasClaimDates(relation) && supportedSpan(relation, own)) || own(relation);
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
export interface SortedKeys {
  readonly keys: Float64Array;
  readonly ids: Int32Array;
}
/** Some relations sorted by a key (ties by ordinal), with the keys alongside for binary search. */
function sortSubset(ids: number[], key: Float64Array): SortedKeys {
  const sorted = Int32Array.from(ids).sort(
    (a, b) => (key[a] as number) - (key[b] as number) || a - b,
  );
  return { keys: Float64Array.from(sorted, (i) => key[i] as number), ids: sorted };
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
  /** Interval tree over the closed relations only (both ends finite); its payloads index `closedIds`. */
  private readonly tree: IntervalTree;
  private readonly closedIds: Int32Array;
  /** Open-ended relations (finite start, no end) sorted by start: in view at t iff start ≤ t, a prefix. */
  private readonly openEnd: SortedKeys;
  /** Open-started relations (no start, finite end) sorted by end: in view at t iff t < end, a suffix. */
  private readonly openStart: SortedKeys;
  /** Relations with neither bound: always in view. */
  private readonly always: Int32Array;
  private readonly buffer: Int32Array;
  /** One byte per relation, all zero between queries: marks a big answer to list it in order. */
  private readonly marks: Uint8Array;
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
    this.spans = withDerivedEnds(
      rels.map((r) => relationSpan(r, eventTypes.has(r.type), this.eventWindow, parse)),
      dataset,
    );
    this.lo = Float64Array.from(this.spans, (s) => s.lo);
    this.hi = Float64Array.from(this.spans, (s) => s.hi);
    // Open-ended relations would defeat the tree: a subtree whose max end is +∞ cannot be pruned, so
    // a walk visited every interval starting before t. They are answered apart, as ranges of arrays
    // sorted by their one finite bound; the tree holds the closed intervals alone.
    const closed: number[] = [];
    const openEnd: number[] = [];
    const openStart: number[] = [];
    const always: number[] = [];
    for (let i = 0; i < rels.length; i++) {
      const fl = Number.isFinite(this.lo[i]!);
      const fh = Number.isFinite(this.hi[i]!);
      (fl && fh ? closed : fl ? openEnd : fh ? openStart : always).push(i);
    }
    this.closedIds = Int32Array.from(closed);
    this.tree = new IntervalTree(
      Float64Array.from(closed, (i) => this.lo[i]!),
      Float64Array.from(closed, (i) => this.hi[i]!),
    );
    this.openEnd = sortSubset(openEnd, this.lo);
    this.openStart = sortSubset(openStart, this.hi);
    this.always = Int32Array.from(always);
    this.buffer = new Int32Array(rels.length);
    this.marks = new Uint8Array(rels.length);
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

  /** Every relation by first day shown (ties by ordinal), with the days alongside; read-only. */
  get startOrder(): SortedKeys {
    return this.byLo;
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

  /**
   * Relations in view at some day of [qs, qe), ascending: the closed ones from the tree, the open-ended
   * ones as a prefix (start < qe), the open-started ones as a suffix (end > qs), and those always in
   * view. A small answer is sorted as integers; a big one (over 1/16 of all relations) is marked in a
   * byte array and read back in order, O(n) instead of O(k log k): at 1M relations, 88,000 in view,
   * sorting them cost as much as a linear scan of the whole index.
   */
  private query(qs: number, qe: number): number[] {
    const buf = this.buffer;
    let k = this.tree.collect(qs, qe, buf);
    const closedIds = this.closedIds;
    for (let j = 0; j < k; j++) buf[j] = closedIds[buf[j]!]!;
    const oe = this.openEnd;
    const e = lowerBound(oe.keys, qe);
    buf.set(oe.ids.subarray(0, e), k);
    k += e;
    const os = this.openStart;
    const s = upperBound(os.keys, qs);
    buf.set(os.ids.subarray(s), k);
    k += os.ids.length - s;
    buf.set(this.always, k);
    k += this.always.length;
    const n = this.lo.length;
    if (k * 16 < n) return Array.from(buf.subarray(0, k).sort());
    const marks = this.marks;
    for (let j = 0; j < k; j++) marks[buf[j]!] = 1;
    const out = new Array<number>(k);
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (marks[i] === 1) {
        marks[i] = 0;
        out[w++] = i;
      }
    }
    return out;
  }

  /** Ordinals of every relation that has started by day `t` (the cumulative view), ascending. */
  upTo(t: Day): number[] {
    const end = upperBound(this.byLo.keys, t);
    return Array.from(this.byLo.ids.slice(0, end).sort());
  }

  /**
   * What enters and leaves view when the date moves from `from` to `to`. Not the app's path: the view
   * asks `activeAt`, `inWindow` or `upTo` at each date (`selectVisible`) and the adapter diffs that
   * against what it shows; the unit tests check this against those queries, and the model benchmark
   * measures it.
   */
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
