// The tie layer's pure parts: typed arrays per dataset, one batch per stroke style, strokes as the stylesheet says, hit-testing.
import { describe, expect, it } from 'vitest';
import { ActorBatches, actorStates } from '../../src/graph/ties/actors';
import { SegmentIndex, segmentDistance } from '../../src/graph/ties/hit';
import { MARK_CODE, strokeOf } from '../../src/graph/ties/look';
import { TieScene, type DrawnLooks } from '../../src/graph/ties/scene';
import { recordStrokes } from '../fixtures/path-sink';
import { fadeOpacity } from '../../src/graph/edge-look';
import { buildModel } from '../../src/model';
import { datasetOf } from '../fixtures/dataset';

const claims = [{ source: 's', stance: 'asserts', locator: 'p 1' }];
const rel = (id: string, type: string, source: string, target: string) => ({
  id,
  type,
  source,
  target,
  start: '2014-01-01',
  claims,
});
const model = buildModel(
  datasetOf({
    format: 'tieline/1',
    title: 'Ties',
    relationTypes: [
      { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
      { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
    ],
    actors: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id, aliases: [], kind: 'group' })),
    sources: [{ id: 's', title: 'S' }],
    relations: [
      rel('ab', 'truce', 'a', 'b'),
      rel('bc', 'truce', 'b', 'c'),
      rel('cd', 'attack', 'c', 'd'),
      rel('da', 'attack', 'd', 'a'),
      rel('ac', 'truce', 'a', 'c'),
    ],
  }),
);

/** Looks of drawn ties from a list of partial looks. */
function looks(
  list: number[],
  each: Partial<Record<'fuzzy' | 'fade' | 'status' | 'mark' | 'focus', number>>[] = [],
): DrawnLooks {
  const col = (k: 'fuzzy' | 'fade' | 'status' | 'mark' | 'focus') =>
    Uint8Array.from(list, (_, j) => each[j]?.[k] ?? 0);
  return {
    list,
    fuzzy: col('fuzzy'),
    fade: col('fade'),
    status: col('status'),
    mark: col('mark'),
    focus: col('focus'),
  };
}

// a (0,0), b (10,0), c (10,10), d (0,10)
const xy = Float64Array.from([0, 0, 10, 0, 10, 10, 0, 10]);

describe('TieScene', () => {
  it('builds the ends and colour of every relation once, as typed arrays', () => {
    const scene = new TieScene(model);
    expect([...scene.source]).toEqual([0, 1, 2, 3, 0]);
    expect([...scene.target]).toEqual([1, 2, 3, 0, 2]);
    expect([...scene.color]).toEqual([0, 0, 1, 1, 0]);
    expect(scene.colors).toHaveLength(2);
  });

  it('draws one path per style: colour, dash, width and opacity', () => {
    const scene = new TieScene(model);
    scene.set(looks([0, 1, 2, 3, 4], [{}, { status: 2 }, {}, { fade: 2 }, {}]));
    const { ctx, strokes } = recordStrokes();
    scene.draw(ctx, xy);
    // Truces ab and ac together; bc dashed apart; the attack cd; the faded attack da apart.
    expect(strokes).toHaveLength(4);
    const truce = scene.colors[0]!;
    const attack = scene.colors[1]!;
    const solidTruce = strokes.find((s) => s.color === truce && s.dash.length === 0)!;
    expect(solidTruce.segs).toEqual([
      [0, 0, 10, 0],
      [0, 0, 10, 10],
    ]);
    expect(strokes.find((s) => s.color === truce && s.dash.length > 0)!.segs).toEqual([
      [10, 0, 10, 10],
    ]);
    const fadedAttack = strokes.find((s) => s.color === attack && s.alpha < 1)!;
    expect(fadedAttack.alpha).toBeCloseTo(fadeOpacity(2));
    expect(fadedAttack.segs).toEqual([[0, 10, 0, 0]]);
    expect(strokes.every((s) => s.width === 2.5)).toBe(true);
    // Every drawn tie is in exactly one batch.
    expect([...scene.drawn].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws the focus on top, wider, and fades the rest; compare marks as underlays first', () => {
    const scene = new TieScene(model);
    scene.set(looks([0, 1, 2], [{ focus: 1, mark: MARK_CODE.formed }, { focus: 2 }, { focus: 2 }]));
    const { ctx, strokes } = recordStrokes();
    scene.draw(ctx, xy);
    // underlay of ab (green, 4 + 2 × 5 wide), then the faded ties, then the focus tie last.
    expect(strokes[0]).toMatchObject({ color: '#1a9850', width: 14, segs: [[0, 0, 10, 0]] });
    expect(strokes.slice(1, -1).every((s) => s.alpha === 0.12)).toBe(true);
    expect(strokes.at(-1)).toMatchObject({ width: 4, alpha: 1, segs: [[0, 0, 10, 0]] });
  });

  it('resolves looks as the stylesheet does: later rules win', () => {
    expect(strokeOf({ fuzzy: 1, fade: 0, status: 0, mark: 0, focus: 0 })).toEqual({
      width: 2,
      alpha: 0.45,
      dashed: false,
    });
    // A fade overrides the uncertain span's opacity; the faded focus overrides both; an ended mark wins.
    expect(strokeOf({ fuzzy: 1, fade: 4, status: 0, mark: 0, focus: 0 }).alpha).toBeCloseTo(
      fadeOpacity(4),
    );
    expect(strokeOf({ fuzzy: 0, fade: 4, status: 2, mark: 0, focus: 2 })).toEqual({
      width: 2.5,
      alpha: 0.12,
      dashed: true,
    });
    expect(strokeOf({ fuzzy: 0, fade: 0, status: 0, mark: MARK_CODE.ended, focus: 2 }).alpha).toBe(
      0.5,
    );
  });
});

describe('SegmentIndex', () => {
  it('finds the tie under a point, within its half width and the slack, and nothing elsewhere', () => {
    const scene = new TieScene(model);
    scene.set(looks([0, 1, 2, 3]));
    const index = new SegmentIndex(scene.drawn, scene.drawnWidth, scene.source, scene.target, xy);
    expect(index.nearest(5, 0.5, 1)).toBe(0); // on ab
    expect(index.nearest(9.5, 5, 1)).toBe(1); // near bc
    expect(index.nearest(5, 5, 1)).toBeNull(); // the middle of the square
    expect(index.nearest(5, 3, 1)).toBeNull();
  });

  it('measures the distance to a segment, ends included', () => {
    expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(segmentDistance(13, 4, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(1, 1, 0, 0, 0, 0)).toBeCloseTo(Math.SQRT2);
  });
});

describe('ActorBatches', () => {
  it('draws each actor once, one path per shape and state; faded over dimmed, the selected one marked', () => {
    const states = actorStates(Int32Array.from([1, 0, 2, 1]), Uint8Array.from([0, 0, 1, 0]), 3);
    expect([...states]).toEqual([0, 1, 2, 4]);
    const actors = new ActorBatches(
      Uint8Array.from([0, 0, 2, 0]),
      Float32Array.from([20, 20, 30, 40]),
    );
    actors.state = states;
    const calls: { alpha: number; fill: string; width: number; shapes: string[] }[] = [];
    let shapes: string[] = [];
    const ctx = {
      globalAlpha: 1,
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 1,
      lineCap: 'butt' as CanvasLineCap,
      setLineDash: () => {},
      beginPath: () => (shapes = []),
      moveTo: (x: number, y: number) => shapes.push(`polygon from ${x},${y}`),
      lineTo: () => {},
      arc: (x: number, y: number, r: number) =>
        (shapes[shapes.length - 1] = `circle ${x},${y} r${r}`),
      fill: () => {},
      stroke: () =>
        calls.push({
          alpha: ctx.globalAlpha,
          fill: String(ctx.fillStyle),
          width: ctx.lineWidth,
          shapes,
        }),
    };
    actors.draw(ctx, xy);
    expect(calls).toEqual([
      { alpha: 1, fill: '#f4f1ea', width: 1.5, shapes: ['circle 0,0 r10'] },
      { alpha: 0.35, fill: '#f4f1ea', width: 1.5, shapes: ['circle 10,0 r10'] },
      { alpha: 0.12, fill: '#f4f1ea', width: 1.5, shapes: ['polygon from 25,-5'] },
      { alpha: 1, fill: '#ffe08a', width: 4, shapes: ['circle 0,10 r20'] },
    ]);
  });
});
