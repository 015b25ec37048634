// The lens as the filters panel and citable exports show it: how many relations each option leaves, and the lens in words.
import { formatDay } from './dates';
import type { Model } from './index';
import { claimFilter, lensStatuses, type Lens } from './lens';
import type { ActorId, Status } from './types';

/** How many relations each option of each facet would leave, given the other facets as they are. */
export interface FacetCounts {
  readonly sources: ReadonlyMap<string, number>;
  readonly statuses: ReadonlyMap<Status, number>;
  readonly types: ReadonlyMap<string, number>;
  readonly kinds: ReadonlyMap<string, number>;
  /** Relations the whole lens leaves. */
  readonly total: number;
}

/** Counts per filter option: each counts relations passing every other facet and having that option. */
export function facetCounts(model: Model, lens: Lens): FacetCounts {
  const without = (facet: keyof Omit<Lens, 'knownOn'>): (Status | null)[] =>
    lensStatuses(model, { ...lens, [facet]: null });
  const count = <K>(
    statuses: (Status | null)[],
    keysOf: (i: number) => readonly K[],
  ): Map<K, number> => {
    const m = new Map<K, number>();
    statuses.forEach((s, i) => {
      if (s === null) return;
      for (const k of new Set(keysOf(i))) m.set(k, (m.get(k) ?? 0) + 1);
    });
    return m;
  };
  const rels = model.dataset.relations;
  const keep = claimFilter(model, { sources: null, knownOn: lens.knownOn });
  const kindOf = (id: ActorId): string => model.actorById.get(id)?.kind ?? 'group';
  const bySource = without('sources');
  const byStatus = without('statuses');
  return {
    sources: count(bySource, (i) =>
      rels[i]!.claims.filter((c) => !keep || keep(c)).map((c) => c.source),
    ),
    statuses: count(byStatus, (i) => [byStatus[i]!]),
    types: count(without('types'), (i) => [rels[i]!.type]),
    kinds: count(without('kinds'), (i) => [kindOf(rels[i]!.source), kindOf(rels[i]!.target)]),
    total: lensStatuses(model, lens).filter((s) => s !== null).length,
  };
}

/** The lens in words, for citable exports: "Filters: status disputed; types Truce, Attack" or "Filters: none". */
export function describeLens(model: Model, lens: Lens): string[] {
  const parts: string[] = [];
  // The lens's ids are text from the address or the filters: looked up by any string, the dataset's
  // own ids found, the others written as they are.
  const names = <V>(
    ids: readonly string[],
    byId: ReadonlyMap<string, V>,
    name: (v: V) => string,
  ): string => {
    const named = ids.map((id) => {
      const v = byId.get(id);
      return v === undefined ? id : name(v);
    });
    return named.join(', ') || '(none)';
  };
  if (lens.sources) parts.push(`sources ${names(lens.sources, model.sourceById, (s) => s.title)}`);
  if (lens.statuses) parts.push(`status ${lens.statuses.join(', ') || '(none)'}`);
  if (lens.types) parts.push(`types ${names(lens.types, model.typeById, (t) => t.label)}`);
  if (lens.kinds) parts.push(`actor kinds ${lens.kinds.join(', ') || '(none)'}`);
  const lines = [`Filters: ${parts.length ? parts.join('; ') : 'none'}`];
  lines.push(
    lens.knownOn === null
      ? 'As known on: everything the sources report'
      : `As known on: ${formatDay(lens.knownOn)}`,
  );
  return lines;
}
