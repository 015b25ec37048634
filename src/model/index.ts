// The derived, read-only model of one dataset: lookups, incidence, statuses and the temporal index.
import { statusOf } from './status';
import { TemporalIndex, type IndexOptions } from './temporal';
import type {
  Actor,
  ActorId,
  Dataset,
  Relation,
  RelationType,
  RelationTypeId,
  Source,
  SourceId,
  Status,
} from './types';

export * from './types';
export * from './dates';
export * from './status';
export * from './temporal';
export * from './describe';
export * from './lens';
export * from './lens-facets';
export * from './compare';
export * from './random';
export * from './names';
export * from './claim-dates';
export * from './lens-spans';
export * from './disagreements';
export * from './support';
export * from './errors';
export * from './spread';
export * from './persistence';
export * from './current';
export * from './pairs';

/** Everything the views derive from a dataset once, so each query is a lookup. */
export interface Model {
  readonly dataset: Dataset;
  readonly index: TemporalIndex;
  readonly actorById: ReadonlyMap<ActorId, Actor>;
  readonly actorOrdinal: ReadonlyMap<ActorId, number>;
  readonly typeById: ReadonlyMap<RelationTypeId, RelationType>;
  readonly sourceById: ReadonlyMap<SourceId, Source>;
  /** Ordinals of each actor's relations, by actor ordinal, ordered by start. */
  readonly incident: readonly (readonly number[])[];
  /** Status of each relation from all its claims. */
  readonly statuses: readonly (Status | null)[];
}

/** Builds the model of a validated dataset. O(n log n). */
export function buildModel(dataset: Dataset, options: IndexOptions = {}): Model {
  const index = new TemporalIndex(dataset, options);
  const actorOrdinal = new Map(dataset.actors.map((a, i) => [a.id, i]));
  const incident: number[][] = dataset.actors.map(() => []);
  dataset.relations.forEach((r, i) => {
    incident[actorOrdinal.get(r.source) ?? -1]?.push(i);
    if (r.target !== r.source) incident[actorOrdinal.get(r.target) ?? -1]?.push(i);
  });
  const lo = index.lo;
  for (const list of incident) list.sort((a, b) => (lo[a] as number) - (lo[b] as number) || a - b);
  return {
    dataset,
    index,
    actorById: new Map(dataset.actors.map((a) => [a.id, a])),
    actorOrdinal,
    typeById: new Map(dataset.relationTypes.map((t) => [t.id, t])),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    incident,
    statuses: dataset.relations.map((r) => statusOf(r.claims)),
  };
}

/** A new model with another event window, sharing nothing mutable with the old one. */
export function withEventWindow(model: Model, eventWindow: number): Model {
  return model.index.eventWindow === eventWindow
    ? model
    : { ...model, index: new TemporalIndex(model.dataset, { eventWindow }) };
}

/** The other end of a relation, seen from `actor`. */
export function counterpart(relation: Relation, actor: ActorId): ActorId {
  return relation.source === actor ? relation.target : relation.source;
}
export * from './text';
