// The layout's structure: saved positions kept, actors without ties set aside, allies drawn together, enemies apart, the cache key covering it all.
import { describe, expect, it } from 'vitest';
import { computeLayout, layoutInput, layoutKey, type LayoutInput } from '../../src/graph/layout';
import { buildModel, type Dataset } from '../../src/model';

const dist = (xy: Float64Array, a: number, b: number): number =>
  Math.hypot(xy[2 * a]! - xy[2 * b]!, xy[2 * a + 1]! - xy[2 * b + 1]!);

/** Two groups of six allies (all pairs within a group cooperative), hostile ties across, and three loners. */
function twoCamps(): LayoutInput {
  const pairs: number[] = [];
  const signs: number[] = [];
  for (const base of [0, 6])
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++) {
        pairs.push(base + i, base + j);
        signs.push(1);
      }
  for (let i = 0; i < 6; i++) {
    pairs.push(i, 6 + ((i + 2) % 6));
    signs.push(-1);
  }
  return {
    nodes: 15,
    pairs: Int32Array.from(pairs),
    sizes: new Float64Array(15).fill(30),
    seed: 7,
    signs: Int8Array.from(signs),
  };
}

describe('computeLayout', () => {
  it('keeps allies together and enemies apart', async () => {
    const input = twoCamps();
    const xy = await computeLayout(input);
    let allies = 0;
    let a = 0;
    let enemies = 0;
    let e = 0;
    for (let k = 0; k < input.pairs.length; k += 2) {
      const d = dist(xy, input.pairs[k]!, input.pairs[k + 1]!);
      if (input.signs![k / 2]! > 0) {
        allies += d;
        a++;
      } else {
        enemies += d;
        e++;
      }
    }
    expect(allies / a).toBeLessThan((enemies / e) * 0.75);
  });

  it('sets actors without a tie aside, to the right of the picture, clear of it', async () => {
    const xy = await computeLayout(twoCamps());
    let right = -Infinity;
    for (let i = 0; i < 12; i++) right = Math.max(right, xy[2 * i]!);
    for (const i of [12, 13, 14]) expect(xy[2 * i]!).toBeGreaterThan(right + 30);
    const spots = new Set([12, 13, 14].map((i) => `${xy[2 * i]},${xy[2 * i + 1]}`));
    expect(spots.size).toBe(3);
  });

  it('uses saved positions as they are when every actor has one, and holds partial ones fixed', async () => {
    const fixed = Float64Array.from({ length: 30 }, (_, k) => (k % 2 ? 7 * k : -3 * k));
    const all = await computeLayout({ ...twoCamps(), fixed });
    expect([...all]).toEqual([...fixed]);
    const some = Float64Array.from(fixed, (v, k) => (k < 4 ? v * 10 : NaN));
    const xy = await computeLayout({ ...twoCamps(), fixed: some });
    expect(xy[0]).toBeCloseTo(some[0]!, 0);
    expect(xy[3]).toBeCloseTo(some[3]!, 0);
  });

  it('is the same for the same input (seeded)', async () => {
    expect([...(await computeLayout(twoCamps()))]).toEqual([...(await computeLayout(twoCamps()))]);
  });
});

describe('layoutInput and layoutKey', () => {
  it('reads pair signs from the types and saved positions from the actors, and keys on both', () => {
    const d = {
      format: 'tieline/1',
      title: 't',
      relationTypes: [
        { id: 'ally', label: 'Ally', directed: false, kind: 'state', sign: 'cooperative' },
        { id: 'war', label: 'War', directed: false, kind: 'state', sign: 'hostile' },
      ],
      actors: ['a', 'b', 'c'].map((id, k) => ({
        id,
        name: id,
        kind: 'group',
        ...(k === 0 ? { position: { x: 5, y: 6 } } : {}),
      })),
      sources: [{ id: 's', title: 's' }],
      relations: [
        ['a', 'b', 'ally'],
        ['b', 'a', 'ally'],
        ['b', 'c', 'war'],
      ].map(([source, target, type], k) => ({
        id: `r${k}`,
        type,
        source,
        target,
        start: '2014',
        claims: [{ source: 's', stance: 'asserts' }],
      })),
    } as unknown as Dataset;
    const input = layoutInput(buildModel(d), new Float64Array(3).fill(30), 1);
    expect([...input.signs!]).toEqual([1, -1]);
    expect([...input.fixed!].slice(0, 2)).toEqual([5, 6]);
    expect(Number.isNaN(input.fixed![2])).toBe(true);
    const key = layoutKey(input);
    expect(layoutKey({ ...input, signs: Int8Array.from([1, 1]) })).not.toBe(key);
    expect(layoutKey({ ...input, fixed: Float64Array.from([5, 7, NaN, NaN, NaN, NaN]) })).not.toBe(
      key,
    );
  });
});
