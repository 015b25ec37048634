// How big a graph is, decided in one place: who draws its ties, and where its layout runs.

/** Graphs with more relations than this draw ties (and actors) on the tie layer, not as Cytoscape edges. */
export const TIE_LAYER_RELATIONS = 5_000;
/** Graphs with more actors or relations than these lay out in a worker (and cache the result). */
export const WORKER_LAYOUT_ACTORS = 400;
export const WORKER_LAYOUT_RELATIONS = 2_000;

/** The choices a graph's size makes. */
export interface Tier {
  /** Ties and actors drawn by the tie layer (graph/ties), with the cheaper big-graph looks. */
  readonly tieLayer: boolean;
  /**
   * The layout runs in a worker, cached by its input; the view draws provisional positions first.
   * Otherwise it runs inline, in a few tens of milliseconds.
   */
  readonly layoutInWorker: boolean;
}

/** The tier of a model (or of `{ dataset }`): every size-dependent choice reads this, and nothing else. */
export function tierOf(of: {
  readonly dataset: { readonly actors: readonly unknown[]; readonly relations: readonly unknown[] };
}): Tier {
  const actors = of.dataset.actors.length;
  const relations = of.dataset.relations.length;
  return {
    tieLayer: relations > TIE_LAYER_RELATIONS,
    layoutInWorker: actors > WORKER_LAYOUT_ACTORS || relations > WORKER_LAYOUT_RELATIONS,
  };
}
