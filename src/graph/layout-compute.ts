// The layout run: fcose on a headless Cytoscape over the actors with ties (seeded), saved positions kept, loners set aside. Loaded lazily or in the worker.
import cytoscape from 'cytoscape';
import { seededRandom } from '../model';
import { CELL, spreadToArea, type LayoutInput } from './layout';

let registered = false;

/** Ideal edge length of a pair by its sign: allies close, enemies apart, the rest between. */
const IDEAL = { cooperative: 70, neutral: 110, hostile: 170 } as const;

/**
 * Positions [x0, y0, x1, y1, …] by actor ordinal, in three parts: saved positions as the file gives
 * them (all of them: no layout at all); fcose over the actors with a tie, components packed, allies
 * drawn together (short ideal lengths for cooperative pairs, long for hostile ones), saved positions
 * held as fixed constraints; actors without any tie on a grid beside the picture, so they neither
 * pull it apart nor crowd it.
 */
export async function computeLayout(input: LayoutInput): Promise<Float64Array> {
  const n = input.nodes;
  const fixed = input.fixed;
  const has = (i: number): boolean =>
    !!fixed && Number.isFinite(fixed[2 * i]) && Number.isFinite(fixed[2 * i + 1]);
  if (fixed && n > 0 && Array.from({ length: n }, (_, i) => has(i)).every(Boolean)) {
    return Float64Array.from(fixed);
  }
  const degree = new Int32Array(n);
  for (let k = 0; k < input.pairs.length; k++) degree[input.pairs[k]!]! += 1;
  const linked: number[] = [];
  const isolates: number[] = [];
  for (let i = 0; i < n; i++) (degree[i]! > 0 || has(i) ? linked : isolates).push(i);
  const out = new Float64Array(2 * n);
  if (linked.length > 0) {
    const xy = await runFcose(input, linked, has);
    linked.forEach((i, k) => {
      out[2 * i] = xy[2 * k]!;
      out[2 * i + 1] = xy[2 * k + 1]!;
    });
  }
  placeAside(out, linked, isolates, input.sizes);
  return out;
}

/** fcose over the linked actors (positions in `linked` order), seeded; big graphs in draft quality. */
async function runFcose(
  input: LayoutInput,
  linked: readonly number[],
  has: (i: number) => boolean,
): Promise<Float64Array> {
  const { default: fcose } = await import('cytoscape-fcose');
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const elements: cytoscape.ElementDefinition[] = linked.map((i) => ({
    group: 'nodes',
    data: { id: String(i), w: input.sizes[i] ?? 30 },
  }));
  for (let k = 0; k < input.pairs.length; k += 2) {
    const sign = input.signs?.[k / 2] ?? 0;
    elements.push({
      group: 'edges',
      data: {
        source: String(input.pairs[k]),
        target: String(input.pairs[k + 1]),
        ideal: sign > 0 ? IDEAL.cooperative : sign < 0 ? IDEAL.hostile : IDEAL.neutral,
      },
    });
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(w)' } }],
  });
  const pinned = linked.filter(has).map((i) => ({
    nodeId: String(i),
    position: { x: input.fixed![2 * i]!, y: input.fixed![2 * i + 1]! },
  }));
  const random = Math.random;
  Math.random = seededRandom(input.seed);
  const big = linked.length > 300 || input.pairs.length / 2 > 1500; // default quality took 25 s at 500 actors / 4,700 pairs
  try {
    cy.layout({
      name: 'fcose',
      quality: big ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: (e: cytoscape.EdgeSingular) => Number(e.data('ideal')) || IDEAL.neutral,
      edgeElasticity: (e: cytoscape.EdgeSingular) =>
        Number(e.data('ideal')) === IDEAL.cooperative ? 0.6 : 0.45,
      nodeSeparation: 90,
      packComponents: true,
      numIter: big ? 1000 : 2500,
      ...(pinned.length ? { fixedNodeConstraint: pinned } : {}),
    } as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const xy = new Float64Array(linked.length * 2);
  const at = new Map(linked.map((i, k) => [i, k]));
  cy.nodes().forEach((node) => {
    const k = at.get(Number(node.id()))!;
    const p = node.position();
    xy[2 * k] = p.x;
    xy[2 * k + 1] = p.y;
  });
  cy.destroy();
  if (!big || pinned.length) return xy;
  return spreadToArea(
    xy,
    Float64Array.from(linked, (i) => input.sizes[i] ?? 30),
  );
}

/**
 * Actors without a tie on a grid to the right of the laid-out picture (its height, as many columns
 * as needed), in ordinal order, so they are easy to find and never sit among the connected actors.
 */
function placeAside(
  out: Float64Array,
  linked: readonly number[],
  isolates: readonly number[],
  sizes: ArrayLike<number>,
): void {
  if (isolates.length === 0) return;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  if (linked.length > 0) {
    x2 = -Infinity;
    y1 = Infinity;
    y2 = -Infinity;
    for (const i of linked) {
      x2 = Math.max(x2, out[2 * i]!);
      y1 = Math.min(y1, out[2 * i + 1]!);
      y2 = Math.max(y2, out[2 * i + 1]!);
    }
  }
  let cell = 0;
  for (const i of isolates) cell = Math.max(cell, CELL * (sizes[i] ?? 30));
  const rows =
    linked.length > 0
      ? Math.max(1, Math.min(isolates.length, Math.floor((y2 - y1) / cell) + 1))
      : Math.ceil(Math.sqrt(isolates.length));
  const x0 = linked.length > 0 ? x2 + 2 * cell : 0;
  isolates.forEach((i, k) => {
    out[2 * i] = x0 + Math.floor(k / rows) * cell;
    out[2 * i + 1] = y1 + (k % rows) * cell;
  });
}
