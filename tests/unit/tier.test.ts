// One rule for a graph's size: the tie layer above 5,000 relations; the layout in a worker above 400 actors or 2,000 relations.
import { describe, expect, it } from 'vitest';
import {
  tierOf,
  TIE_LAYER_RELATIONS,
  WORKER_LAYOUT_ACTORS,
  WORKER_LAYOUT_RELATIONS,
} from '../../src/graph/tier';

const sized = (actors: number, relations: number) => ({
  dataset: { actors: new Array<unknown>(actors), relations: new Array<unknown>(relations) },
});

describe('tierOf', () => {
  it('keeps small graphs on Cytoscape edges with an inline layout', () => {
    expect(tierOf(sized(33, 74))).toEqual({ tieLayer: false, layoutInWorker: false });
    expect(tierOf(sized(WORKER_LAYOUT_ACTORS, WORKER_LAYOUT_RELATIONS))).toEqual({
      tieLayer: false,
      layoutInWorker: false,
    });
  });

  it('lays out in a worker past either layout bound, whatever the pairs', () => {
    // 2,001 relations between two actors: one pair, still a worker layout (the old pair count said inline
    // while the view drew provisional positions as if the layout were slow).
    expect(tierOf(sized(2, WORKER_LAYOUT_RELATIONS + 1)).layoutInWorker).toBe(true);
    expect(tierOf(sized(WORKER_LAYOUT_ACTORS + 1, 0)).layoutInWorker).toBe(true);
  });

  it('draws ties on the tie layer past 5,000 relations, and such a graph always lays out in a worker', () => {
    expect(tierOf(sized(100, TIE_LAYER_RELATIONS)).tieLayer).toBe(false);
    expect(tierOf(sized(100, TIE_LAYER_RELATIONS + 1))).toEqual({
      tieLayer: true,
      layoutInWorker: true,
    });
  });
});
