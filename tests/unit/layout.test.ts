// The layout's structure: saved positions kept, actors without ties set aside, allies drawn together, enemies apart, the cache key covering it all.
import { describe, expect, it } from 'vitest';
import {
  cachedLayout,
  computeLayout,
  layoutInput,
  layoutKey,
  spreadToArea,
  type LayoutInput,
} from '../../src/graph/layout';
import { buildModel, seededRandom } from '../../src/model';
import { datasetOf, datasetOfRelations } from '../fixtures/dataset';

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
    const d = datasetOf({
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
        claims: [{ source: 's', stance: 'asserts', locator: 'p 1' }],
      })),
    });
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

describe('layout input', () => {
  it('counts each pair of actors once, whatever the direction or the number of relations, and no self-loops', () => {
    const truce = { type: 'truce', start: '2014-01' };
    const d = datasetOfRelations(
      [
        { ...truce, id: 'ab', source: 'a', target: 'b' },
        { ...truce, id: 'bc', source: 'b', target: 'c' },
        { ...truce, id: 'cd', type: 'attack', source: 'c', target: 'd' },
        { ...truce, id: 'ad', source: 'a', target: 'd' },
        { ...truce, id: 'ba', source: 'b', target: 'a' },
        { ...truce, id: 'aa', source: 'a', target: 'a' },
      ],
      [
        { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
        { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
      ],
    );
    const input = layoutInput(buildModel(d), new Float64Array(4).fill(30), 1);
    const pairs: string[] = [];
    for (let k = 0; k < input.pairs.length; k += 2)
      pairs.push(`${input.pairs[k]}-${input.pairs[k + 1]}`);
    expect(pairs.sort()).toEqual(['0-1', '0-3', '1-2', '2-3']);
  });
});

describe('layout cache key', () => {
  it('names the same input alike and any change of actors, pairs, sizes or seed differently', () => {
    const input = (
      over: Partial<{ nodes: number; pairs: number[]; sizes: number[]; seed: number }>,
    ) => ({
      nodes: over.nodes ?? 4,
      pairs: Int32Array.from(over.pairs ?? [0, 1, 1, 2, 2, 3]),
      sizes: Float64Array.from(over.sizes ?? [30, 30, 40, 30]),
      seed: over.seed ?? 7,
    });
    const base = layoutKey(input({}));
    expect(layoutKey(input({}))).toBe(base);
    const others = [
      input({ nodes: 5 }),
      input({ pairs: [0, 1, 1, 2, 2, 3, 0, 3] }),
      input({ pairs: [0, 1, 1, 3, 2, 3] }),
      input({ sizes: [30, 30, 40, 31] }),
      input({ seed: 8 }),
    ].map(layoutKey);
    expect(new Set([base, ...others]).size).toBe(6);
  });

  it('lays out without a cache where there is no IndexedDB (Node), and says so', async () => {
    const r = await cachedLayout({
      nodes: 3,
      pairs: Int32Array.from([0, 1, 1, 2]),
      sizes: Float64Array.from([30, 30, 30]),
      seed: 7,
    });
    expect(r.cached).toBe(false);
    expect(r.positions).toHaveLength(6);
  });
});

describe('big-graph layout', () => {
  it('spreadToArea scales a cramped layout about its centre until each actor has its cell, and leaves a roomy one alone', () => {
    const cramped = Float64Array.from([0, 0, 10, 0, 0, 10, 10, 10]);
    const sizes = [20, 20, 20, 20];
    const out = spreadToArea(cramped, sizes);
    const w = out[2]! - out[0]!;
    const h = out[5]! - out[1]!;
    // Four cells of (2.5 × 20)² = 2,500 each: the box must hold 10,000.
    expect(w * h).toBeCloseTo(10_000, 6);
    expect([(out[0]! + out[2]!) / 2, (out[1]! + out[5]!) / 2]).toEqual([5, 5]);
    expect(out[6]! - out[4]!).toBeCloseTo(w, 9);
    const roomy = Float64Array.from([0, 0, 500, 0, 0, 500, 500, 500]);
    expect(spreadToArea(roomy, sizes)).toBe(roomy);
  });

  it('fcose draft on a dense graph of 400 actors gives every actor room (no spectral blob)', async () => {
    const rand = seededRandom(3);
    const n = 400;
    const seen = new Set<number>();
    const pairs: number[] = [];
    while (pairs.length < 2 * 3000) {
      const a = Math.floor(rand() * n);
      const b = Math.floor(rand() * n);
      if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
      seen.add(Math.min(a, b) * n + Math.max(a, b));
      pairs.push(a, b);
    }
    const sizes = new Float64Array(n).fill(30);
    const xy = await computeLayout({ nodes: n, pairs: Int32Array.from(pairs), sizes, seed: 7 });
    const xs = Array.from({ length: n }, (_, i) => xy[2 * i]!);
    const ys = Array.from({ length: n }, (_, i) => xy[2 * i + 1]!);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    expect(area).toBeGreaterThanOrEqual(n * (2.5 * 30) ** 2 * 0.999);
  });
});
