// Disputed ties on the tie layer: dashed where the dashes can be seen, solid at their dashes' share of the line where the pattern is finer than a few pixels.
import { describe, expect, it } from 'vitest';
import { DASH } from '../../src/graph/ties/look';
import { MIN_DASH_PERIOD_PX, TieScene } from '../../src/graph/ties/scene';
import { recordStrokes } from '../fixtures/path-sink';
import { buildModel } from '../../src/model';
import { datasetOf } from '../fixtures/dataset';

const model = buildModel(
  datasetOf({
    format: 'tieline/1',
    title: 'Dashes',
    sources: [{ id: 's', title: 'S' }],
    relationTypes: [{ id: 'truce', label: 'Truce', directed: false, kind: 'state' }],
    actors: ['a', 'b'].map((id) => ({ id, name: id, aliases: [], kind: 'group' })),
    relations: [
      {
        id: 'ab',
        type: 'truce',
        source: 'a',
        target: 'b',
        start: '2014-01-01',
        claims: [{ source: 's', stance: 'asserts', locator: 'row 1' }],
      },
    ],
  }),
);

/** The dash and opacity of each stroke the scene makes. */
function strokes(scene: TieScene, scale?: number) {
  const rec = recordStrokes();
  scene.draw(rec.ctx, Float64Array.from([0, 0, 100, 0]), scale);
  return rec.strokes.map(({ dash, alpha }) => ({ dash, alpha }));
}

describe('disputed ties on the tie layer', () => {
  const scene = new TieScene(model);
  const one = () => new Uint8Array(1);
  scene.set({
    list: [0],
    fuzzy: one(),
    fade: one(),
    status: Uint8Array.of(2),
    mark: one(),
    focus: one(),
  });
  const period = DASH.reduce((a, b) => a + b, 0);

  it('are dashed where a period spans enough pixels, and without a scale', () => {
    expect(strokes(scene)).toEqual([{ dash: [...DASH], alpha: 1 }]);
    expect(strokes(scene, MIN_DASH_PERIOD_PX / period)).toEqual([{ dash: [...DASH], alpha: 1 }]);
  });

  it('are solid at the dashes’ share of the line where the pattern is finer', () => {
    const [s] = strokes(scene, (0.9 * MIN_DASH_PERIOD_PX) / period);
    expect(s!.dash).toEqual([]);
    expect(s!.alpha).toBeCloseTo(DASH[0]! / period);
  });
});
