// Pair histories: every record between two actors as segments of a lane over the whole extent, and an actor's busiest partners.
import type { Day } from './dates';
import type { Model } from './index';
import type { ActorId, Relation } from './types';

/** One record of a pair, placed on its lane. */
export interface LaneSegment {
  readonly ordinal: number;
  /** First day shown (clamped to the extent for an open start). */
  readonly from: Day;
  /** First day no longer shown (exclusive; the extent's end + 1 while it holds). */
  readonly to: Day;
  /** An event (drawn as a mark at its date) rather than a state (a bar). */
  readonly event: boolean;
  /** Its end is derived from the pair's next record, not reported (the ordinal of that record, or null while none has come). */
  readonly supersededBy?: number | null;
  /** Row within the lane, so records that overlap (states with reported ends, same-day records) do not hide each other. */
  readonly row: number;
}

/** Whether a relation joins the two actors, in either direction. */
function joins(r: Relation, a: ActorId, b: ActorId): boolean {
  return (r.source === a && r.target === b) || (r.source === b && r.target === a);
}

/**
 * Every record between actors a and b (either direction), ordered by first day then file order, as
 * lane segments: states from their start to their end (reported, or derived from the pair's next
 * record), events at their date. Overlapping segments get separate rows. O(d log d) for the d
 * relations of a.
 */
export function pairHistory(model: Model, a: ActorId, b: ActorId): LaneSegment[] {
  const ord = model.actorOrdinal.get(a);
  const extent = model.index.extent;
  if (ord === undefined || !extent) return [];
  const rels = model.dataset.relations;
  const spans = model.index.spans;
  const ordinals = (model.incident[ord] ?? []).filter((i) => joins(rels[i]!, a, b));
  ordinals.sort((x, y) => spans[x]!.lo - spans[y]!.lo || x - y);
  const rowEnds: Day[] = [];
  return ordinals.map((i) => {
    const s = spans[i]!;
    const event = s.eventDay !== null;
    const from = Math.max(s.lo, extent.first);
    const to = event ? (s.eventDay as Day) + 1 : Math.min(s.hi, extent.last + 1);
    let row = rowEnds.findIndex((end) => end <= from);
    if (row < 0) row = rowEnds.push(to) - 1;
    else rowEnds[row] = to;
    return {
      ordinal: i,
      from,
      to,
      event,
      row,
      ...(s.supersededBy !== undefined ? { supersededBy: s.supersededBy } : {}),
    };
  });
}

/** An actor's partners by how many records they share, most first (ties by name order of ids); at most `limit`. */
export function topPartners(model: Model, actor: ActorId, limit = 5): ActorId[] {
  const ord = model.actorOrdinal.get(actor);
  if (ord === undefined) return [];
  const rels = model.dataset.relations;
  const counts = new Map<ActorId, number>();
  for (const i of model.incident[ord] ?? []) {
    const r = rels[i]!;
    const other = r.source === actor ? r.target : r.source;
    counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * Each relation's actor ordinals, [source, target, …] (−1 for an actor the dataset lacks), computed
 * once per model: the store's counts and the adapter's read the same array.
 */
export function relationEnds(model: Model): Int32Array {
  let ends = endsOf.get(model);
  if (!ends) {
    const rels = model.dataset.relations;
    ends = new Int32Array(2 * rels.length);
    for (let i = 0; i < rels.length; i++) {
      ends[2 * i] = model.actorOrdinal.get(rels[i]!.source) ?? -1;
      ends[2 * i + 1] = model.actorOrdinal.get(rels[i]!.target) ?? -1;
    }
    endsOf.set(model, ends);
  }
  return ends;
}
const endsOf = new WeakMap<Model, Int32Array>();
