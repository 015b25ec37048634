// Small multiples: the graph at a date drawn with Canvas 2D from positions, model and lens statuses (no Cytoscape instance), and the dates to show.
import type { Day, Model, Status } from '../model';
import { shownAmong } from '../store/selectors';
import type { GraphAdapter } from './adapter';
import { fadeStep, fuzzyAt, nodeSize, statusCode, totalDegrees } from './edge-look';
import { legendOf } from './legend-data';
import { typeColors } from './palette';
import { CROWDED_NODE_FILL, NODE_FILL, NODE_STROKE, PAPER, UNKNOWN_TYPE } from './colors';

/** Thumbnail size in CSS pixels: small enough for a strip of 12, large enough to read the shape of the graph. */
export const THUMB_WIDTH = 160;
/** Thumbnail height in CSS pixels. */
export const THUMB_HEIGHT = 110;
/** How many dates the strip shows when the user pinned none. */
export const DEFAULT_SPREAD = 8;

/** A node position in graph units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The part of a 2D context a thumbnail uses, so tests can pass a recording fake (jsdom has no canvas). */
export type ThumbnailContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'fillRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'lineCap'
>;

/** What one thumbnail shows: the main view's positions, the model, a day and the statuses under the lens. */
export interface ThumbnailInput {
  readonly model: Model;
  /** Actor id → position, as `GraphAdapter.positions()` returns them. */
  readonly positions: ReadonlyMap<string, Point>;
  readonly day: Day;
  /** Status of each relation under the current lens; null hides it. */
  readonly statuses: readonly (Status | null)[];
  /** Size to draw, in the context's units. */
  readonly width: number;
  readonly height: number;
}

/** What a thumbnail drew, for tests and for the strip's accessible description. */
export interface ThumbnailReport {
  /** Ties drawn (one line each). */
  readonly ties: number;
  /** Of those, disputed ties (dashed). */
  readonly disputed: number;
  /** Actors with at least one tie drawn (the others are dimmed). */
  readonly activeActors: number;
}

const PAD = 6;

/** What a thumbnail needs of a model that does not depend on the date: computed once per model. */
interface ModelStyle {
  /** Colour of each relation, by ordinal. */
  readonly colors: readonly string[];
  /** Node diameter of each actor in graph units, as the adapter sizes them, by actor ordinal. */
  readonly sizes: Float64Array;
  /** Opacity of an event edge at fade level k (index 0: not faded). */
  readonly fades: readonly number[];
  readonly fuzzy: number;
  readonly dim: number;
  readonly dash: readonly number[];
  /** Actor ordinal of each relation's ends (−1 when unknown). */
  readonly ends: Int32Array;
}

const styles = new WeakMap<Model, ModelStyle>();

function styleOf(model: Model): ModelStyle {
  let s = styles.get(model);
  if (s) return s;
  const { dataset } = model;
  const byType = typeColors(dataset.relationTypes);
  const legend = legendOf(model);
  const fading = legend.lines.find((l) => l.id === 'fading')?.opacities ?? [1];
  const fuzzy = legend.lines.find((l) => l.id === 'fuzzy')?.opacities[0] ?? 0.45;
  const ends = new Int32Array(dataset.relations.length * 2);
  dataset.relations.forEach((r, i) => {
    ends[2 * i] = model.actorOrdinal.get(r.source) ?? -1;
    ends[2 * i + 1] = model.actorOrdinal.get(r.target) ?? -1;
  });
  s = {
    colors: dataset.relations.map((r) => byType.get(r.type) ?? UNKNOWN_TYPE),
    sizes: Float64Array.from(totalDegrees(model), nodeSize),
    fades: fading,
    fuzzy,
    dim: legend.dimmed.opacity,
    dash: legend.dashPattern,
    ends,
  };
  styles.set(model, s);
  return s;
}

/** Bounds of the positions in graph units (shared by every thumbnail of one positions map). */
interface Bounds {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}
const boundsCache = new WeakMap<ReadonlyMap<string, Point>, Bounds>();

function boundsOf(positions: ReadonlyMap<string, Point>): Bounds {
  let b = boundsCache.get(positions);
  if (b) return b;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of positions.values()) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  b = Number.isFinite(x1) ? { x1, y1, x2, y2 } : { x1: 0, y1: 0, x2: 0, y2: 0 };
  boundsCache.set(positions, b);
  return b;
}

/**
 * Draws the graph as it stands at `day` into `width` × `height`: every actor at its main-view
 * position (the whole layout fitted, so all thumbnails share one frame), the ties in view at that day
 * and kept by the lens as straight lines in their type's colour (dashed when disputed, lighter within
 * a fuzzy date's uncertain span, fading with an event's age as the stylesheet does), and actors
 * without a tie that day dimmed. Lines of one look are batched into one path, so 12 thumbnails of a
 * large graph still draw in a few milliseconds. Arrowheads are left out at this size.
 */
export function drawThumbnail(ctx: ThumbnailContext, input: ThumbnailInput): ThumbnailReport {
  const { model, positions, day, statuses, width, height } = input;
  const style = styleOf(model);
  const { dataset, index } = model;
  const b = boundsOf(positions);
  const maxSize = 48;
  const bw = b.x2 - b.x1 + maxSize;
  const bh = b.y2 - b.y1 + maxSize;
  const scale = Math.min((width - 2 * PAD) / bw, (height - 2 * PAD) / bh, 1);
  const ox = (width - (b.x2 - b.x1) * scale) / 2 - b.x1 * scale;
  const oy = (height - (b.y2 - b.y1) * scale) / 2 - b.y1 * scale;
  const actorPos: (Point | undefined)[] = dataset.actors.map((a) => positions.get(a.id));

  ctx.save();
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, width, height);

  // Ties: grouped by colour, dash and opacity, each group one path.
  const groups = new Map<
    string,
    { color: string; dashed: boolean; alpha: number; ords: number[] }
  >();
  const degree = new Int32Array(dataset.actors.length);
  const spans = index.spans;
  const levels = style.fades.length - 1;
  let ties = 0;
  let disputed = 0;
  for (const i of shownAmong(index.activeAt(day), statuses)) {
    const status = statuses[i];
    const a = style.ends[2 * i]!;
    const c = style.ends[2 * i + 1]!;
    if (a < 0 || c < 0 || !actorPos[a] || !actorPos[c]) continue;
    const span = spans[i]!;
    const fd = fadeStep(span, day, index.eventWindow, levels);
    const alpha = fd > 0 ? (style.fades[fd] ?? 1) : fuzzyAt(span, day) ? style.fuzzy : 1;
    const dashed = statusCode(status) === 2;
    const color = style.colors[i]!;
    const key = `${color}|${dashed ? 1 : 0}|${alpha}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { color, dashed, alpha, ords: [] }));
    g.ords.push(i);
    degree[a]! += 1;
    if (c !== a) degree[c]! += 1;
    ties++;
    if (dashed) disputed++;
  }
  // Crowded graphs get smaller dots and thinner lines, so the ties are not buried under the actors.
  const room = Math.sqrt((width * height) / Math.max(1, dataset.actors.length));
  const minRadius = Math.min(2.5, Math.max(0.75, room * 0.15));
  const crowded = minRadius < 1.5;
  ctx.lineWidth = Math.min(2, Math.max(crowded ? 0.5 : 1, 2.5 * scale));
  ctx.lineCap = 'butt';
  const dash = style.dash.map((d, k) => Math.max(k % 2 === 0 ? 3 : 2, d * scale));
  for (const g of groups.values()) {
    ctx.globalAlpha = g.alpha;
    ctx.strokeStyle = g.color;
    ctx.setLineDash(g.dashed ? dash : []);
    ctx.beginPath();
    for (const i of g.ords) {
      const p = actorPos[style.ends[2 * i]!]!;
      const q = actorPos[style.ends[2 * i + 1]!]!;
      ctx.moveTo(ox + p.x * scale, oy + p.y * scale);
      ctx.lineTo(ox + q.x * scale, oy + q.y * scale);
    }
    ctx.stroke();
  }

  // Actors: the active ones opaque, the others dimmed; circles (kinds' shapes are unreadable at this size),
  // outlined unless the graph is crowded.
  ctx.setLineDash([]);
  ctx.fillStyle = crowded ? CROWDED_NODE_FILL : NODE_FILL;
  ctx.strokeStyle = NODE_STROKE;
  ctx.lineWidth = Math.max(0.5, 1.5 * scale);
  let activeActors = 0;
  for (const active of [false, true]) {
    ctx.globalAlpha = active ? 1 : style.dim;
    ctx.beginPath();
    let any = false;
    actorPos.forEach((p, o) => {
      if (!p || degree[o]! > 0 !== active) return;
      if (active) activeActors++;
      const least = active ? minRadius : minRadius * 0.8;
      const r = crowded ? least : Math.max(least, (style.sizes[o]! / 2) * scale);
      const x = ox + p.x * scale;
      const y = oy + p.y * scale;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      any = true;
    });
    if (any) {
      ctx.fill();
      if (!crowded) ctx.stroke();
    }
  }
  ctx.restore();
  return { ties, disputed, activeActors };
}

/** Quiet time after the last position change before the strip redraws (a drag moves nodes per frame). */
const POSITIONS_SETTLE_MS = 120;

/**
 * Calls `onChange` once the main view's positions have changed and settled: after a layout (first
 * load, "Re-run layout", run in a worker and written as node positions) or once a dragged node comes
 * to rest. The strip redraws on this rather than on every scrub step. Returns the unsubscribe function.
 */
export function watchPositions(adapter: GraphAdapter, onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handler = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, POSITIONS_SETTLE_MS);
  };
  const events = 'position layoutstop dragfree';
  adapter.cy.on(events, handler);
  return () => {
    clearTimeout(timer);
    if (!adapter.cy.destroyed()) adapter.cy.off(events, handler);
  };
}
