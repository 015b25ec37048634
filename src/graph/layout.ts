// Layout once per dataset: fcose on a headless Cytoscape over the distinct actor pairs, seeded, in a Web Worker when there is one.
import cytoscape from 'cytoscape';
import { seededRandom, type Model } from '../model';

/** What the layout needs: node count (by actor ordinal), distinct undirected pairs, node sizes, a seed. */
export interface LayoutInput {
  readonly nodes: number;
  /** Flat [a0, b0, a1, b1, …] of actor ordinals, each unordered pair once. */
  readonly pairs: Int32Array;
  readonly sizes: Float64Array;
  readonly seed: number;
  /** Positions the file saved for every actor (Cytoscape exports): used as they are, nothing computed. */
  readonly saved?: Float64Array;
}

/**
 * The layout input of a model: parallel relations between the same two actors count once (60,000
 * messages among 1,899 people are 20,000 pairs), self-loops not at all.
 */
export function layoutInput(model: Model, sizes: Float64Array, seed: number): LayoutInput {
  const seen = new Set<number>();
  const pairs: number[] = [];
  const n = model.dataset.actors.length;
  for (const r of model.dataset.relations) {
    const a = model.actorOrdinal.get(r.source);
    const b = model.actorOrdinal.get(r.target);
    if (a === undefined || b === undefined || a === b) continue;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(lo, hi);
  }
  const saved = savedPositions(model);
  return { nodes: n, pairs: Int32Array.from(pairs), sizes, seed, ...(saved ? { saved } : {}) };
}

/** [x0, y0, x1, y1, …] of the actors' saved positions when every actor has one, else null. */
export function savedPositions(model: Model): Float64Array | null {
  const actors = model.dataset.actors;
  if (actors.length === 0 || !actors.every((a) => a.position)) return null;
  const xy = new Float64Array(actors.length * 2);
  actors.forEach((a, i) => {
    xy[2 * i] = a.position?.x ?? 0;
    xy[2 * i + 1] = a.position?.y ?? 0;
  });
  return xy;
}

/**
 * Bumped whenever the layout's result for the same input changes (algorithm, options, spreading), so
 * layouts cached by an older version are not reused.
 */
const LAYOUT_VERSION = 1;

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
  const positions = await layoutOffThread(input);
  void cache?.writeLayout(key, positions);
  return { positions, cached: false };
}

let registered = false;

/** Runs fcose on a headless instance and returns [x0, y0, x1, y1, …] by actor ordinal. Synchronous. */
export async function computeLayout(input: LayoutInput): Promise<Float64Array> {
  const { default: fcose } = await import('cytoscape-fcose');
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < input.nodes; i++) {
    const size = input.sizes[i] ?? 30;
    elements.push({ group: 'nodes', data: { id: String(i), w: size } });
  }
  for (let k = 0; k < input.pairs.length; k += 2) {
    elements.push({
      group: 'edges',
      data: { source: String(input.pairs[k]), target: String(input.pairs[k + 1]) },
    });
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(w)' } }],
  });
  const random = Math.random;
  Math.random = seededRandom(input.seed);
  const big = input.nodes > 300 || input.pairs.length / 2 > 1500; // default quality took 25 s at 500 actors / 4,700 pairs
  try {
    cy.layout({
      name: 'fcose',
      quality: big ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 110,
      nodeSeparation: 90,
      packComponents: true,
      numIter: big ? 1000 : 2500,
    } as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const out = new Float64Array(input.nodes * 2);
  cy.nodes().forEach((node) => {
    const i = Number(node.id());
    const p = node.position();
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  cy.destroy();
  return big ? spreadToArea(out, input.sizes) : out;
}

/** Room each actor gets, as a multiple of its size on each side (2.5: a node covers about a sixth of its cell). */
const CELL = 2.5;

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

/** Graphs up to this many actors and pairs lay out inline in a few tens of ms: no worker to start. */
const INLINE_NODES = 400;
const INLINE_PAIRS = 2000;

/**
 * Computes the layout off the main thread for big graphs (the worker carries its own Cytoscape, so
 * the page never blocks), inline for small ones and where there are no Workers (tests, Node).
 */
export function layoutOffThread(input: LayoutInput): Promise<Float64Array> {
  if (input.saved) return Promise.resolve(input.saved);
  const small = input.nodes <= INLINE_NODES && input.pairs.length / 2 <= INLINE_PAIRS;
  if (typeof Worker === 'undefined' || small) return computeLayout(input);
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
