// The claims lens: which relations and claims count under filters (sources, statuses, types, actor kinds) and an "as known on" date.
import { edtf, type Day } from './dates';
import type { Model } from './index';
import { statusOf } from './status';
import type { ActorId, Claim, Status } from './types';

/** Filters and the as-known-on date; `null` in a facet means "all". */
export interface Lens {
  readonly sources: readonly string[] | null;
  readonly statuses: readonly Status[] | null;
  readonly types: readonly string[] | null;
  readonly kinds: readonly string[] | null;
  /** Only claims of sources published (for certain) on or before this day count. */
  readonly knownOn: Day | null;
}

/** The lens that keeps everything. */
export const OPEN_LENS: Lens = {
  sources: null,
  statuses: null,
  types: null,
  kinds: null,
  knownOn: null,
};

/** True when a lens filters nothing. */
export function isOpen(lens: Lens): boolean {
  return !lens.sources && !lens.statuses && !lens.types && !lens.kinds && lens.knownOn === null;
}

/**
 * The last day a source's publication date may denote: under "as known on", a source counts from the
 * day it was certainly out (a source dated "2014-10~" counts from 31 October 2014). Undated sources
 * always count.
 */
export function publishedBy(model: Model): Map<string, Day> {
  const out = new Map<string, Day>();
  for (const s of model.dataset.sources) {
    out.set(s.id, s.published ? edtf(s.published).latest : -Infinity);
  }
  return out;
}

/** A claim filter for the lens's source set and as-known-on date. */
export function claimFilter(
  model: Model,
  lens: Pick<Lens, 'sources' | 'knownOn'>,
): ((c: Claim) => boolean) | undefined {
  if (!lens.sources && lens.knownOn === null) return undefined;
  const sources = lens.sources ? new Set(lens.sources) : null;
  const published = lens.knownOn === null ? null : publishedBy(model);
  const knownOn = lens.knownOn;
  return (c) =>
    (!sources || sources.has(c.source)) &&
    (published === null || knownOn === null || (published.get(c.source) ?? -Infinity) <= knownOn);
}

/**
 * Status of every relation under the lens, recomputed from the claims that remain (a tie asserted by
 * one source and disputed by a filtered-out one is `reported`); null where the lens hides the relation
 * (no claim left, or its type, status or an actor's kind filtered out). O(total claims).
 */
export function lensStatuses(model: Model, lens: Lens): (Status | null)[] {
  if (isOpen(lens)) return [...model.statuses];
  const keep = claimFilter(model, lens);
  const types = lens.types ? new Set(lens.types) : null;
  const statuses = lens.statuses ? new Set(lens.statuses) : null;
  const kinds = lens.kinds ? new Set(lens.kinds) : null;
  const kindOf = (id: ActorId): string => model.actorById.get(id)?.kind ?? 'group';
  return model.dataset.relations.map((r) => {
    if (types && !types.has(r.type)) return null;
    if (kinds && (!kinds.has(kindOf(r.source)) || !kinds.has(kindOf(r.target)))) return null;
    const status = statusOf(r.claims, keep);
    if (status === null || (statuses && !statuses.has(status))) return null;
    return status;
  });
}
