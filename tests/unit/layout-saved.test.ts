// Saved positions (Cytoscape exports) are the layout: used as they are when every actor has one.
import { describe, expect, it } from 'vitest';
import { layoutInput, layoutOffThread } from '../../src/graph/layout';
import { importBuffer } from '../../src/io/import';
import { buildModel } from '../../src/model';
import { fixture, ok } from './import/helpers';

describe('saved positions as the layout', () => {
  it('lays gal.cyjs out exactly where Cytoscape saved it', async () => {
    const r = ok(importBuffer('gal.cyjs', fixture('gal.cyjs')));
    const model = buildModel(r.dataset);
    const n = r.dataset.actors.length;
    const xy = await layoutOffThread(layoutInput(model, new Float64Array(n).fill(30), 1), true);
    // The first node of gal.cyjs (YDL194W) is saved at (829.0592258250246, -951.6340387782302).
    expect([xy[0], xy[1]]).toEqual([829.0592258250246, -951.6340387782302]);
    expect(xy).toHaveLength(2 * n);
  });

  it('computes a layout when some actor has no saved position', () => {
    const r = ok(importBuffer('gal.cyjs', fixture('gal.cyjs')));
    const [first, ...rest] = r.dataset.actors;
    const { position: _dropped, ...bare } = first!;
    const d = { ...r.dataset, actors: [bare, ...rest] };
    const input = layoutInput(buildModel(d), new Float64Array(rest.length + 1).fill(30), 1);
    expect(input.saved).toBeUndefined();
  });
});
