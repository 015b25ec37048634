// How a chosen label is drawn on a 2D canvas (live view and PNG export alike): dark text in a light halo, at a constant size.
import type { PlacedLabel } from './choose';

/** The label font's size in CSS pixels: readable on screen and by OCR at any zoom. */
export const LABEL_FONT_PX = 13;
/** The label box's height: one line of text with room for the halo. */
export const LABEL_BOX_H = Math.round(LABEL_FONT_PX * 1.35);
/** Width of the light halo around each glyph (both sides), and the box's padding for it. */
const HALO = 4;
/** Longer names are cut with an ellipsis (a label is a name, not a description). */
export const LABEL_MAX_CHARS = 40;

/** The CSS font of labels; `bold` for the selected actor. */
export function labelFont(bold = false, scale = 1): string {
  return `${bold ? 700 : 600} ${LABEL_FONT_PX * scale}px system-ui, "DejaVu Sans", sans-serif`;
}

/** The text a label shows for a name. */
export function labelText(name: string): string {
  const t = name.trim().replace(/\s+/g, ' ');
  return t.length > LABEL_MAX_CHARS ? t.slice(0, LABEL_MAX_CHARS - 1) + '…' : t;
}

/** The box width a label needs for text of this measured width (halo on both sides). */
export function labelBoxWidth(textWidth: number): number {
  return Math.ceil(textWidth + HALO + 2);
}

/** What to draw for one chosen label. */
export interface LabelToDraw extends PlacedLabel {
  readonly text: string;
  /** Node centre, for the leader line of a displaced label. */
  readonly nodeX: number;
  readonly nodeY: number;
  /** The selected actor's label is bold; faint ones (no tie at the date) are drawn greyer. */
  readonly bold: boolean;
  readonly faint: boolean;
}

/**
 * Draws labels on a 2D context whose transform maps label pixels to the canvas (a device-pixel
 * scale, or the export's scale): a leader line for displaced labels, a light plate under each, then
 * each text stroked in a light halo and filled dark, so names stay legible over ties and nodes.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly LabelToDraw[],
  scale = 1,
): void {
  drawLeaders(ctx, labels, scale);
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'round';
  ctx.miterLimit = 2;
  // A light plate under each name: node outlines and ties crossing the text are what made OCR (and
  // eyes) misread names over a dense picture; the plate lets them show through faintly.
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  for (const l of labels)
    ctx.fillRect(l.x * scale, (l.y + 1) * scale, l.w * scale, (l.h - 2) * scale);
  for (const l of labels) {
    ctx.font = labelFont(l.bold, scale);
    const x = (l.x + HALO / 2 + 1) * scale;
    const y = (l.y + l.h / 2) * scale;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
    ctx.lineWidth = HALO * scale;
    ctx.strokeText(l.text, x, y);
    ctx.fillStyle = l.faint ? '#5c5c5c' : '#111111';
    ctx.fillText(l.text, x, y);
  }
  ctx.restore();
}

/** The leader line from each displaced label to its node. */
export function drawLeaders(
  ctx: CanvasRenderingContext2D,
  labels: readonly LabelToDraw[],
  scale = 1,
): void {
  ctx.save();
  ctx.strokeStyle = 'rgba(60, 60, 60, 0.7)';
  ctx.lineWidth = 1 * scale;
  ctx.beginPath();
  for (const l of labels) {
    if (!l.displaced) continue;
    ctx.moveTo(l.nodeX * scale, l.nodeY * scale);
    ctx.lineTo((l.x + l.w / 2) * scale, (l.y + l.h / 2) * scale);
  }
  ctx.stroke();
  ctx.restore();
}
