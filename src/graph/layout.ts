// Layout once per dataset: its input (pairs, signs, saved positions), cache key and spreading; the fcose run itself is in layout-compute.ts, in a Web Worker for big graphs.
import type { Model } from '../model';

/** What the layout needs: node count (by actor ordinal), distinct undirected pairs, node sizes, a seed. */
export interface LayoutInput {
  readonly nodes: number;
  /** Flat [a0, b0, a1, b1, …] of actor ordinals, each unordered pair once. */
  readonly pairs: Int32Array;
  readonly sizes: Float64Array;
  readonly seed: number;
  /** Positions the file saved for every actor (Cytoscape exports): used as they are, nothing computed. */
  readonly saved?: Float64Array;
  /**
   * Per pair: 1 when its ties are mostly cooperative, -1 mostly hostile, 0 otherwise (by the types'
   * `sign`). Cooperative pairs are drawn close and hostile ones far, so allies gather.
   */
  readonly signs?: Int8Array;
  /** Saved positions [x0, y0, …] by ordinal (NaN where an actor has none), from the file (#13). */
  readonly fixed?: Float64Array;
}

/**
 * The layout input of a model: parallel relations between the same two actors count once (60,000
 * messages among 1,899 people are 20,000 pairs), self-loops not at all; each pair's sign is the
 * majority of its ties' type signs; saved positions come along when any actor has one.
 */
export function layoutInput(model: Model, sizes: Float64Array, seed: number): LayoutInput {
  const seen = new Map<number, number>();
  const pairs: number[] = [];
  const balance: number[] = [];
  const n = model.dataset.actors.length;
  for (const r of model.dataset.relations) {
    const a = model.actorOrdinal.get(r.source);
    const b = model.actorOrdinal.get(r.target);
    if (a === undefined || b === undefined || a === b) continue;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = lo * n + hi;
    let k = seen.get(key);
    if (k === undefined) {
      seen.set(key, (k = balance.length));
      pairs.push(lo, hi);
      balance.push(0);
    }
    const sign = model.typeById.get(r.type)?.sign;
    if (sign === 'cooperative') balance[k]! += 1;
    else if (sign === 'hostile') balance[k]! -= 1;
  }
  const signs = Int8Array.from(balance, (v) => Math.sign(v));
  const saved = model.dataset.actors.some((a) => a.position);
  const fixed = saved
    ? Float64Array.from(
        model.dataset.actors.flatMap((a) =>
          a.position && Number.isFinite(a.position.x) && Number.isFinite(a.position.y)
            ? [a.position.x, a.position.y]
            : [NaN, NaN],
        ),
      )
    : undefined;
  // Every actor saved: the file's picture is the layout, nothing computed.
  const all = fixed?.every(Number.isFinite) ? fixed : undefined;
  return {
    nodes: n,
    pairs: Int32Array.from(pairs),
    sizes,
    seed,
    signs,
    ...(fixed ? { fixed } : {}),
    ...(all ? { saved: all } : {}),
  };
}

/**
 * Bumped whenever the layout's result for the same input changes (algorithm, options, spreading), so
 * layouts cached by an older version are not reused.
 */
const LAYOUT_VERSION = 2;

/** A key naming this exact layout input: FNV-1a over the actor count, seed, pairs and sizes. */
export function layoutKey(input: LayoutInput): string {
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    h = Math.imul(h ^ (v | 0), 0x01000193);
    h = Math.imul(h ^ ((v / 0x100000000) | 0), 0x01000193);
  };
  mix(LAYOUT_VERSION);
  mix(input.nodes);
  mix(input.seed);
  mix(input.pairs.length);
  for (let i = 0; i < input.pairs.length; i++) mix(input.pairs[i]!);
  for (let i = 0; i < input.sizes.length; i++) mix(Math.round(input.sizes[i]! * 1000));
  for (let i = 0; i < (input.signs?.length ?? 0); i++) mix(input.signs![i]! + 2);
  for (let i = 0; i < (input.fixed?.length ?? 0); i++) {
    const v = input.fixed![i]!;
    mix(Number.isNaN(v) ? 0x7fffffff : Math.round(v * 100));
  }
  return `v${LAYOUT_VERSION}:${input.nodes}:${input.pairs.length / 2}:${(h >>> 0).toString(36)}`;
}

/**
 * The layout of a big graph, from this browser's cache when the same input was laid out before (a
 * dataset reopened: no 5–30 s worker run, no provisional picture moving), else computed off the main
 * thread and stored. The cache module (IndexedDB) loads lazily and may be absent.
 */
export async function cachedLayout(
  input: LayoutInput,
): Promise<{ positions: Float64Array; cached: boolean }> {
  if (input.saved) return { positions: input.saved, cached: false };
  const key = layoutKey(input);
  const cache = await import('./layout-cache').catch(() => null);
  const hit = cache ? await cache.readLayout(key, input.nodes) : null;
  if (hit) return { positions: hit, cached: true };
  const positions = await layoutOffThread(input, true);
  void cache?.writeLayout(key, positions);
  return { positions, cached: false };
}

/** Room each actor gets, as a multiple of its size on each side (2.5: a node covers about a sixth of its cell). */
export const CELL = 2.5;

/**
 * Scales positions about their centre until their box holds a CELL × size square per actor. fcose's
 * draft quality (what big graphs get) is its spectral layout alone, which packs a dense graph into a
 * blob far smaller than its nodes: 2,000 actors landed in a 372 × 417 box, every node on top of
 * others. Scaling keeps the spectral arrangement and gives it the room the nodes need; a layout that
 * already has the room is returned as it is.
 */
export function spreadToArea(xy: Float64Array, sizes: ArrayLike<number>): Float64Array {
  const n = xy.length / 2;
  if (n < 2) return xy;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  let need = 0;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    x1 = Math.min(x1, x);
    x2 = Math.max(x2, x);
    y1 = Math.min(y1, y);
    y2 = Math.max(y2, y);
    const cell = CELL * (sizes[i] ?? 30);
    need += cell * cell;
  }
  const area = Math.max(1, x2 - x1) * Math.max(1, y2 - y1);
  if (area >= need) return xy;
  const k = Math.sqrt(need / area);
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const out = new Float64Array(xy.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = cx + (xy[2 * i]! - cx) * k;
    out[2 * i + 1] = cy + (xy[2 * i + 1]! - cy) * k;
  }
  return out;
}

/**
 * Runs the layout here (graph/layout-compute.ts, loaded on first use: fcose and the layout's own
 * code stay out of the initial JavaScript).
 */
export async function computeLayout(input: LayoutInput): Promise<Float64Array> {
  const { computeLayout: compute } = await import('./layout-compute');
  return compute(input);
}

/**
 * Computes the layout in a worker when `inWorker` (tierOf's layoutInWorker: the worker carries its own
 * Cytoscape, so the page never blocks), else inline; inline too where there are no Workers (Node).
 */
export function layoutOffThread(input: LayoutInput, inWorker: boolean): Promise<Float64Array> {
  if (input.saved) return Promise.resolve(input.saved);
  if (typeof Worker === 'undefined' || !inWorker) return computeLayout(input);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ positions?: Float64Array; error?: string }>) => {
      worker.terminate();
      if (e.data.positions) resolve(e.data.positions);
      else reject(new Error(e.data.error ?? 'layout failed'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      // A worker that cannot start (old browser, strict CSP): lay out here instead.
      e.preventDefault();
      computeLayout(input).then(resolve, reject);
    };
    worker.postMessage(input, [input.pairs.buffer, input.sizes.buffer]);
  });
}
