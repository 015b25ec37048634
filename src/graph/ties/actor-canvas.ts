// The actors of a big graph as a bitmap of their own, copied over the ties: redrawn only where an actor's state changed.
import { BORDER_REACH, type ActorBatches } from './actors';

/** The view a drawing was made for: canvas size, pixel ratio, pan and zoom, and the positions' version. */
export interface ActorView {
  readonly pw: number;
  readonly ph: number;
  readonly ratio: number;
  readonly zoom: number;
  readonly panX: number;
  readonly panY: number;
  readonly positions: number;
}

/** Past this many changed actors a full redraw is cheaper than clipping to each of them. */
const MAX_PARTIAL = 64;

/**
 * A date step changes the state (shown, dimmed, faded, selected) of a few actors, not of 2,000; drawn
 * again in full on every step, the actors' circles were half the raster of a big graph's step (5.8 of
 * 11.8 ms at 20,000 relations). Here a view change (pan, zoom, positions, size) redraws them all, a
 * state change only the boxes of the actors that changed (clipped, with the neighbours that overlap
 * them, in the same order), and no change nothing.
 */
export class ActorCanvas {
  private drawnFor: ActorBatches | null = null;
  private drawnState: Uint8Array | null = null;
  private drawnView = '';
  /** Full and partial redraws so far (tests). */
  full = 0;
  partial = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly ctx: CanvasRenderingContext2D,
  ) {}

  /** Brings the canvas up to date with these actors (null: none) at positions `xy` and this view. */
  draw(actors: ActorBatches | null, xy: Float64Array, view: ActorView): void {
    const { canvas, ctx } = this;
    if (canvas.width !== view.pw || canvas.height !== view.ph) {
      canvas.width = view.pw;
      canvas.height = view.ph;
      this.drawnView = '';
    }
    const key = `${view.pw} ${view.ph} ${view.ratio} ${view.zoom} ${view.panX} ${view.panY} ${view.positions}`;
    const before = this.drawnState;
    const changed =
      actors && before && actors === this.drawnFor && key === this.drawnView
        ? changedActors(before, actors.state)
        : null;
    this.drawnFor = actors;
    this.drawnView = key;
    this.drawnState = actors ? actors.state.slice() : null;
    if (changed && changed.length === 0) return;
    if (!actors || !changed || changed.length > MAX_PARTIAL) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, view.pw, view.ph);
      if (!actors) return;
      this.full++;
      ctx.setTransform(
        view.ratio * view.zoom,
        0,
        0,
        view.ratio * view.zoom,
        view.ratio * view.panX,
        view.ratio * view.panY,
      );
      actors.draw(ctx, xy);
      return;
    }
    this.partial++;
    this.redrawAround(actors, xy, view, changed);
  }

  /** Clears the boxes of the changed actors and draws again, clipped to them, every actor touching one. */
  private redrawAround(
    actors: ActorBatches,
    xy: Float64Array,
    view: ActorView,
    changed: number[],
  ): void {
    const ctx = this.ctx;
    const k = view.ratio * view.zoom;
    /** An actor's box in device pixels: [x0, y0, x1, y1]. */
    const box = (o: number): [number, number, number, number] => {
      const r = (actors.size[o]! / 2 + BORDER_REACH) * k + 2;
      const x = xy[2 * o]! * k + view.ratio * view.panX;
      const y = xy[2 * o + 1]! * k + view.ratio * view.panY;
      return [Math.floor(x - r), Math.floor(y - r), Math.ceil(x + r), Math.ceil(y + r)];
    };
    const dirty = changed.map(box);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    for (const [x0, y0, x1, y1] of dirty) {
      ctx.rect(x0, y0, x1 - x0, y1 - y0);
      ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
    }
    ctx.clip();
    ctx.setTransform(k, 0, 0, k, view.ratio * view.panX, view.ratio * view.panY);
    actors.draw(ctx, xy, (o) => {
      const [a0, b0, a1, b1] = box(o);
      return dirty.some(([x0, y0, x1, y1]) => a0 < x1 && a1 > x0 && b0 < y1 && b1 > y0);
    });
    ctx.restore();
  }
}

/** Ordinals whose state differs between two views (all of them if the lengths differ). */
export function changedActors(before: Uint8Array, after: Uint8Array): number[] {
  const out: number[] = [];
  if (before.length !== after.length) {
    for (let o = 0; o < after.length; o++) out.push(o);
    return out;
  }
  for (let o = 0; o < after.length; o++) if (before[o] !== after[o]) out.push(o);
  return out;
}
