// The tie layer's model: per-dataset typed arrays (ends, colour) and per-view batches of ties, one per stroke style, drawn as one path each.
import type { Model } from '../../model';
import { isLasting, weightScale, weightWidth } from '../edge-look';
import { typeColors } from '../palette';
import { LASTING_COLOR, LASTING_OUTLINE } from '../style';
import {
  DASH,
  MARK_UNDERLAY,
  strokeOf,
  UNDERLAY_PADDING,
  type TieLook,
  type TieStroke,
} from './look';

/** One path of the layer: every tie drawn with this stroke, by relation ordinal. */
export interface TieBatch {
  readonly color: string;
  readonly width: number;
  readonly alpha: number;
  readonly dash: readonly number[];
  readonly ties: Int32Array;
}

/** The looks of a view's drawn ties, parallel arrays in the order of `list`. */
export interface DrawnLooks {
  readonly list: readonly number[];
  readonly fuzzy: Uint8Array;
  readonly fade: Uint8Array;
  readonly status: Uint8Array;
  readonly mark: Uint8Array;
  readonly focus: Uint8Array;
}

/** No tie drawn (before the first view). */
export const NO_LOOKS: DrawnLooks = {
  list: [],
  fuzzy: new Uint8Array(0),
  fade: new Uint8Array(0),
  status: new Uint8Array(0),
  mark: new Uint8Array(0),
  focus: new Uint8Array(0),
};

/** The minimal drawing API the layer uses (a canvas 2D context, or a recording fake in tests). */
export interface PathSink {
  globalAlpha: number;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  setLineDash(segments: number[]): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/** The dash pattern's period in graph units, and the share of it that is drawn. */
const DASH_PERIOD = DASH.reduce((a, b) => a + b, 0);
const DASH_DUTY = DASH[0]! / DASH_PERIOD;
/** Below this period on screen (device pixels) a dash pattern is not seen as dashes. */
export const MIN_DASH_PERIOD_PX = 3;

/** A width's code in keys: tenths of a graph unit (widths run from 1.2 to 7). */
function widthCode(width: number): number {
  return Math.min(80, Math.round(width * 10));
}

/** The stroke style key of a tie: colour × width × dash × opacity (to a hundredth). */
function keyOf(color: number, s: TieStroke): number {
  return (
    ((color * 81 + widthCode(s.width)) * 2 + (s.dashed ? 1 : 0)) * 101 + Math.round(s.alpha * 100)
  );
}

/**
 * Per-dataset arrays of the ties (built once per dataset: source and target actor ordinals, colour
 * index) and the batches of the current view (rebuilt per view, from the drawn list and its looks).
 */
export class TieScene {
  /** Source and target actor ordinal per relation (−1 when unknown). */
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Colour index per relation into `colors`. */
  readonly color: Uint16Array;
  readonly colors: readonly string[];
  /** 1 where a relation's end is derived from the pair's next record: drawn cased (`edge.lasting`). */
  readonly lasting: Uint8Array;
  /**
   * Each relation's width from its weight (edge-look's weightWidth; 0: unweighted), or null when the
   * dataset weighs nothing. A drawn line takes the width of the tie that stands for it.
   */
  readonly weighted: Float64Array | null;
  /** Compare-mark underlays (drawn first), then the ties: focus ties last, as their z-index says. */
  underlays: TieBatch[] = [];
  batches: TieBatch[] = [];
  /** The ties drawn, in drawing order of their batches (for hit-testing and tests). */
  drawn: Int32Array = new Int32Array(0);
  /** Each drawn tie's stroke width, parallel to `drawn` (hit-testing reaches its edge). */
  drawnWidth: Float32Array = new Float32Array(0);

  constructor(model: Model) {
    const { relations, relationTypes } = model.dataset;
    const byType = typeColors(relationTypes);
    const colors: string[] = [];
    const index = new Map<string, number>();
    for (const rt of relationTypes) {
      const c = byType.get(rt.id) ?? '#888888';
      if (!index.has(c)) index.set(c, colors.push(c) - 1);
    }
    const typeIndex = new Map(relationTypes.map((rt) => [rt.id, index.get(byType.get(rt.id)!)!]));
    if (!colors.length) colors.push('#888888');
    const n = relations.length;
    this.source = new Int32Array(n);
    this.target = new Int32Array(n);
    this.color = new Uint16Array(n);
    relations.forEach((r, i) => {
      this.source[i] = model.actorOrdinal.get(r.source) ?? -1;
      this.target[i] = model.actorOrdinal.get(r.target) ?? -1;
      this.color[i] = typeIndex.get(r.type) ?? 0;
    });
    this.colors = colors;
    this.lasting = Uint8Array.from(model.index.spans, (sp) => (isLasting(sp) ? 1 : 0));
    const scale = weightScale(relations);
    this.weighted =
      scale > 0 ? Float64Array.from(relations, (r) => weightWidth(r.weight, scale) ?? 0) : null;
  }

  /** Rebuilds the batches for a view's drawn ties (one pass to key, one counting pass to fill). */
  set(view: DrawnLooks): void {
    const n = view.list.length;
    const keys = new Int32Array(n);
    const order = new Map<
      number,
      { at: number; count: number; stroke: TieStroke; color: number }
    >();
    /** Compare marks' underlays by mark and tie width (the underlay is the tie's width + padding). */
    const marks = new Map<number, { ties: number[]; width: number; mark: number }>();
    /** Lasting ties' casings by stroke (width and opacity of the tie they case). */
    const casings = new Map<string, { ties: number[]; stroke: TieStroke }>();
    for (let k = 0; k < n; k++) {
      const i = view.list[k]!;
      const look: TieLook = {
        fuzzy: view.fuzzy[k]!,
        fade: view.fade[k]!,
        status: view.status[k]!,
        mark: view.mark[k]!,
        focus: view.focus[k]!,
      };
      const w = this.weighted?.[i];
      const stroke = strokeOf(look, w ? w : null);
      const key = keyOf(this.color[i]!, stroke);
      keys[k] = key;
      const b = order.get(key);
      if (b) b.count++;
      else order.set(key, { at: 0, count: 1, stroke, color: this.color[i]! });
      if (this.lasting[i]) {
        const ck = `${stroke.width}|${stroke.alpha}`;
        const c = casings.get(ck);
        if (c) c.ties.push(i);
        else casings.set(ck, { ties: [i], stroke });
      }
      if (look.mark) {
        const mk = look.mark * 100 + widthCode(stroke.width);
        const m = marks.get(mk);
        if (m) m.ties.push(i);
        else marks.set(mk, { ties: [i], width: stroke.width, mark: look.mark });
      }
    }
    // Batches in a stable order (by key), focus widths after the rest; slots laid out back to back.
    const entries = [...order.entries()].sort(
      (a, b) => Number(a[1].stroke.width === 4) - Number(b[1].stroke.width === 4) || a[0] - b[0],
    );
    const drawn = new Int32Array(n);
    const widths = new Float32Array(n);
    let at = 0;
    for (const [, b] of entries) {
      b.at = at;
      at += b.count;
    }
    const fill = new Map(entries.map(([key, b]) => [key, b.at]));
    for (let k = 0; k < n; k++) {
      const slot = fill.get(keys[k]!)!;
      fill.set(keys[k]!, slot + 1);
      drawn[slot] = view.list[k]!;
    }
    this.batches = entries.map(([, b]) => {
      widths.fill(b.stroke.width, b.at, b.at + b.count);
      return {
        color: this.colors[b.color] ?? '#888888',
        width: b.stroke.width,
        alpha: b.stroke.alpha,
        dash: b.stroke.dashed ? DASH : [],
        ties: drawn.subarray(b.at, b.at + b.count),
      };
    });
    this.drawn = drawn;
    this.drawnWidth = widths;
    const cased: TieBatch[] = [...casings.values()].map((c) => ({
      color: LASTING_COLOR,
      width: c.stroke.width + 2 * LASTING_OUTLINE,
      alpha: c.stroke.alpha,
      dash: [],
      ties: Int32Array.from(c.ties),
    }));
    const marked: TieBatch[] = [...marks.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, m]) => ({
        color: MARK_UNDERLAY[m.mark]!.color,
        width: m.width + 2 * UNDERLAY_PADDING,
        alpha: MARK_UNDERLAY[m.mark]!.alpha,
        dash: [],
        ties: Int32Array.from(m.ties),
      }));
    this.underlays = [...marked, ...cased];
  }

  /**
   * Draws the batches: one path per batch, each tie a straight segment between its actors' centres.
   * `scale` is device pixels per graph unit: where a dash pattern's period is finer than the eye can
   * tell (under MIN_DASH_PERIOD_PX), the dashed batch is stroked solid at the share of the line its
   * dashes cover, which is what such a line looks like; dashing thousands of lines in software was
   * two thirds of a 100k graph's raster (28 of 41 ms a step), for a pattern finer than a pixel or two.
   */
  draw(ctx: PathSink, xy: Float64Array, scale = Infinity): void {
    ctx.lineCap = 'butt';
    const fine = DASH_PERIOD * scale < MIN_DASH_PERIOD_PX;
    for (const b of this.underlays) this.stroke(ctx, b, xy, fine);
    for (const b of this.batches) this.stroke(ctx, b, xy, fine);
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  private stroke(ctx: PathSink, b: TieBatch, xy: Float64Array, fineDashes: boolean): void {
    const solid = fineDashes && b.dash.length > 0;
    ctx.globalAlpha = solid ? b.alpha * DASH_DUTY : b.alpha;
    ctx.strokeStyle = b.color;
    ctx.lineWidth = b.width;
    ctx.setLineDash(solid ? [] : (b.dash as number[]));
    ctx.beginPath();
    const { source, target } = this;
    for (let k = 0; k < b.ties.length; k++) {
      const i = b.ties[k]!;
      const s = source[i]!;
      const t = target[i]!;
      if (s < 0 || t < 0) continue;
      ctx.moveTo(xy[2 * s]!, xy[2 * s + 1]!);
      ctx.lineTo(xy[2 * t]!, xy[2 * t + 1]!);
    }
    ctx.stroke();
  }
}
