// Weighted ties on the tie layer: each line as wide as its weight says (edge-look's weightWidth), fuzzy or not; the focus still wins.
import { describe, expect, it } from 'vitest';
import { weightScale, weightWidth } from '../../src/graph/edge-look';
import { strokeOf } from '../../src/graph/ties/look';
import { TieScene } from '../../src/graph/ties/scene';
import { recordStrokes } from '../fixtures/path-sink';
import { buildModel } from '../../src/model';
import { datasetOf } from '../fixtures/dataset';

const claims = [{ source: 's', stance: 'asserts' as const, locator: 'row 1' }];
const rel = (id: string, source: string, target: string, weight?: number) => ({
  id,
  type: 'trust',
  source,
  target,
  start: '2014-01-01',
  claims,
  ...(weight === undefined ? {} : { weight }),
});

/** Stroke widths by segment, from a recording context. */
function widths(scene: TieScene, xy: Float64Array): Map<string, number> {
  const { ctx, strokes } = recordStrokes();
  scene.draw(ctx, xy);
  return new Map(strokes.flatMap((s) => s.segs.map((seg) => [seg.join(' '), s.width] as const)));
}

const zero = { fuzzy: 0, fade: 0, status: 0, mark: 0, focus: 0 };

describe('weighted ties on the tie layer', () => {
  const dataset = datasetOf({
    format: 'tieline/1',
    title: 'Weights',
    sources: [{ id: 's', title: 'S' }],
    relationTypes: [{ id: 'trust', label: 'Trust', directed: false, kind: 'state' }],
    actors: ['a', 'b', 'c'].map((id) => ({ id, name: id, aliases: [], kind: 'group' })),
    relations: [rel('ab', 'a', 'b', 8), rel('bc', 'b', 'c', 2), rel('ac', 'a', 'c')],
  });
  const model = buildModel(dataset);
  // a (0,0), b (10,0), c (10,10)
  const xy = Float64Array.from([0, 0, 10, 0, 10, 10]);

  it('draws each line at its weight’s width, an unweighted one at the plain width', () => {
    const scene = new TieScene(model);
    const list = [0, 1, 2];
    const u8 = () => new Uint8Array(3);
    scene.set({ list, fuzzy: u8(), fade: u8(), status: u8(), mark: u8(), focus: u8() });
    const scale = weightScale(dataset.relations);
    const w = widths(scene, xy);
    expect(w.get('0 0 10 0')).toBe(weightWidth(8, scale)); // the heaviest: the widest
    expect(w.get('10 0 10 10')).toBe(weightWidth(2, scale));
    expect(w.get('0 0 10 10')).toBe(2.5);
    expect(weightWidth(8, scale)!).toBeGreaterThan(weightWidth(2, scale)!);
  });

  it('resolves weight as the stylesheet does: over fuzzy, under focus', () => {
    expect(strokeOf({ ...zero, fuzzy: 1 }, 6).width).toBe(6);
    expect(strokeOf({ ...zero, focus: 1 }, 6).width).toBe(4);
    expect(strokeOf(zero, null).width).toBe(2.5);
  });

  it('weighs nothing when the dataset has no weights', () => {
    const plain = buildModel(
      datasetOf({
        format: 'tieline/1',
        title: 'No weights',
        sources: [{ id: 's', title: 'S' }],
        relationTypes: dataset.relationTypes,
        actors: dataset.actors,
        relations: [rel('ab', 'a', 'b'), rel('bc', 'b', 'c')],
      }),
    );
    expect(new TieScene(plain).weighted).toBeNull();
  });
});
