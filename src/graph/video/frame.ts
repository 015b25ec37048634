// One frame of the video: the dataset's title and a compact legend around the graph's layer canvases, with the date.
import { type Day, type TimeScale, formatTime } from '../../model';
import type { GraphAdapter } from '../adapter';
import { INK, MUTED, PAPER, SAMPLE_INK } from '../colors';
import type { LegendData } from '../legend-data';

const FONT = 'system-ui, sans-serif';

/** Where the parts of a frame go, computed once per recording. */
export interface FrameLayout {
  readonly unit: number;
  readonly margin: number;
  readonly dateY: number;
  readonly dateFont: string;
  readonly graph: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
  /** Title and legend, drawn once and stamped on each frame. */
  readonly overlay: HTMLCanvasElement;
}

/** The title above and a compact legend of types and statuses below, on a transparent canvas. */
export function frameLayout(
  width: number,
  height: number,
  title: string,
  legend: LegendData,
): FrameLayout {
  const unit = height / 540;
  const margin = Math.round(16 * unit);
  const overlay = document.createElement('canvas');
  overlay.width = width;
  overlay.height = height;
  const ctx = overlay.getContext('2d');
  if (!ctx) throw new Error('The browser could not create a canvas for the video.');
  const titleSize = Math.round(15 * unit);
  const dateSize = Math.round(32 * unit);
  const legendSize = Math.round(11 * unit);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = MUTED;
  ctx.font = `600 ${titleSize}px ${FONT}`;
  let shown = title || 'Untitled dataset';
  while (shown.length > 1 && ctx.measureText(shown).width > width - 2 * margin) {
    shown = shown.slice(0, -2) + '…';
  }
  const titleY = margin + titleSize;
  ctx.fillText(shown, margin, titleY);
  const dateY = titleY + Math.round(dateSize * 1.15);

  // Legend entries: a line sample and a label, wrapped into rows from the bottom margin up.
  ctx.font = `${legendSize}px ${FONT}`;
  const sample = Math.round(22 * unit);
  const gap = Math.round(14 * unit);
  const entries = [
    ...legend.types.map((t) => ({ label: t.label, color: t.color, dash: false })),
    ...legend.statuses.map((s) => ({
      label: s.label,
      color: SAMPLE_INK,
      dash: s.line === 'dashed',
    })),
  ];
  const rows: { label: string; color: string; dash: boolean; x: number }[][] = [[]];
  let x = margin;
  for (const e of entries) {
    const w = sample + 5 * unit + ctx.measureText(e.label).width;
    if (x + w > width - margin && x > margin) {
      rows.push([]);
      x = margin;
    }
    rows[rows.length - 1]!.push({ ...e, x });
    x += w + gap;
  }
  const rowH = Math.round(legendSize * 1.6);
  const legendTop = height - margin - rows.length * rowH;
  const dash = legend.dashPattern.map((d) => d * unit * 0.8);
  rows.forEach((row, r) => {
    const y = legendTop + r * rowH + rowH / 2;
    for (const e of row) {
      ctx.strokeStyle = e.color;
      ctx.lineWidth = Math.max(1.5, 2.5 * unit);
      ctx.setLineDash(e.dash ? dash : []);
      ctx.beginPath();
      ctx.moveTo(e.x, y);
      ctx.lineTo(e.x + sample, y);
      ctx.stroke();
      ctx.fillStyle = INK;
      ctx.textBaseline = 'middle';
      ctx.fillText(e.label, e.x + sample + 5 * unit, y);
    }
  });
  const top = dateY + Math.round(10 * unit);
  const bottom = legendTop - Math.round(6 * unit);
  return {
    unit,
    margin,
    dateY,
    dateFont: `bold ${dateSize}px ${FONT}`,
    graph: { x: margin, y: top, w: width - 2 * margin, h: Math.max(10, bottom - top) },
    overlay,
  };
}

/** Cytoscape's layer canvases under the graph container, bottom layer first. */
export function graphLayers(adapter: GraphAdapter): HTMLCanvasElement[] {
  const container = adapter.cy.container();
  if (!container) return [];
  const z = (c: HTMLCanvasElement): number => Number(getComputedStyle(c).zIndex) || 0;
  return [...container.querySelectorAll('canvas')]
    .map((c) => ({ c, z: z(c) }))
    .sort((a, b) => a.z - b.z)
    .map((l) => l.c);
}

export function drawFrame(
  ctx: CanvasRenderingContext2D,
  layout: FrameLayout,
  layers: readonly HTMLCanvasElement[],
  day: Day,
  scale: TimeScale = 'calendar',
): void {
  const { width, height } = ctx.canvas;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, width, height);
  const base = layers[0];
  if (base && base.width > 0 && base.height > 0) {
    const g = layout.graph;
    const s = Math.min(g.w / base.width, g.h / base.height);
    const w = base.width * s;
    const h = base.height * s;
    const x = g.x + (g.w - w) / 2;
    const y = g.y + (g.h - h) / 2;
    for (const layer of layers) {
      if (layer.width > 0 && layer.height > 0) ctx.drawImage(layer, x, y, w, h);
    }
  }
  ctx.drawImage(layout.overlay, 0, 0);
  ctx.fillStyle = INK;
  ctx.font = layout.dateFont;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(formatTime(day, scale), layout.margin, layout.dateY);
}
