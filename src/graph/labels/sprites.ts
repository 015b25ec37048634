// The live label layer's drawing: each label rendered once to a small bitmap and copied onto the layer after that.
import { drawLabels, drawLeaders, type LabelToDraw } from './draw';

/** Device pixels around a sprite's box, so a glyph's halo is never cut. */
const PAD = 2;
/** Sprites kept at most; past this the cache starts again (a few hundred are on screen at once). */
const MAX_SPRITES = 4_000;

/**
 * Draws labels from cached bitmaps. Stroking a halo round every glyph is the costliest thing a
 * software-rasterised canvas does here: drawn directly, 200 names took 3 to 30 ms of the frame after a
 * date step, most of a step's time on a big graph. A name's look depends only on its text, weight,
 * shade and the pixel ratio, so it is rasterised once (with the export's own drawLabels, so both
 * read alike) and copied at whole device pixels after that.
 */
export class LabelSprites {
  private readonly cache = new Map<string, HTMLCanvasElement>();

  /** Draws `labels` on `ctx` (identity transform, device pixels) at this device pixel ratio. */
  draw(ctx: CanvasRenderingContext2D, labels: readonly LabelToDraw[], dpr: number): void {
    drawLeaders(ctx, labels, dpr);
    for (const l of labels) {
      const sprite = this.sprite(l, dpr);
      if (sprite) ctx.drawImage(sprite, Math.round(l.x * dpr) - PAD, Math.round(l.y * dpr) - PAD);
    }
  }

  /** Sprites made so far (tests). */
  get size(): number {
    return this.cache.size;
  }

  private sprite(l: LabelToDraw, dpr: number): HTMLCanvasElement | null {
    const key = `${dpr} ${l.w} ${l.h} ${l.bold ? 'b' : ''}${l.faint ? 'f' : ''} ${l.text}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(l.w * dpr) + 2 * PAD;
    canvas.height = Math.ceil(l.h * dpr) + 2 * PAD;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.translate(PAD, PAD);
    drawLabels(ctx, [{ ...l, x: 0, y: 0, displaced: false }], dpr);
    if (this.cache.size >= MAX_SPRITES) this.cache.clear();
    this.cache.set(key, canvas);
    return canvas;
  }
}
