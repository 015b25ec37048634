// The PNG snapshot: the graph rasterised by Cytoscape, the header, legend and footnotes drawn around it on a canvas.
import type { Core, EdgeSingular } from 'cytoscape';
import type { Model } from '../../model';
import type { GraphAdapter } from '../adapter';
import type { LegendData } from '../legend-data';
import {
  D,
  FONT_FAMILY,
  type Font,
  type Item,
  MARGIN,
  type Measure,
  compose,
  extrasOf,
  footerBlock,
  headerBlock,
  pngScale,
} from './compose';
import { INK, NODE_FILL, NODE_STROKE, PAPER } from '../colors';
import { type Footnotes, type SnapshotMeta, footnotesOf, refText, refsShown } from './footnotes';
import { arrowHead, isDisplayed, num, relationOrdinals, shapeGeometry, str } from './shapes';

function canvasFont(font: Font): string {
  return `${font.bold ? 'bold ' : ''}${font.size}px ${FONT_FAMILY}`;
}

function shapeOnCanvas(
  ctx: CanvasRenderingContext2D,
  shape: string,
  cx: number,
  cy: number,
  w: number,
  h: number,
): void {
  const g = shapeGeometry(shape, cx, cy, w, h);
  ctx.beginPath();
  if (g.kind === 'ellipse') {
    ctx.ellipse(cx, cy, w / 2, h / 2, 0, 0, Math.PI * 2);
  } else if (g.kind === 'round') {
    const x = cx - w / 2;
    const y = cy - h / 2;
    const r = g.r;
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
  } else {
    g.points.forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
  }
  ctx.closePath();
}

function drawItems(
  ctx: CanvasRenderingContext2D,
  items: readonly Item[],
  ox: number,
  oy: number,
): void {
  for (const it of items) {
    ctx.save();
    if (it.t === 'text') {
      ctx.font = canvasFont(it.font);
      ctx.fillStyle = it.color;
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      it.lines.forEach((line, k) => ctx.fillText(line, ox + it.x, oy + it.y + k * it.lineHeight));
    } else if (it.t === 'line') {
      ctx.globalAlpha = it.opacity;
      ctx.strokeStyle = it.color;
      ctx.fillStyle = it.color;
      ctx.lineWidth = it.width;
      ctx.setLineDash(it.dash ? [...it.dash] : []);
      let x2 = ox + it.x2;
      let y2 = oy + it.y2;
      if (it.arrow) {
        const head = arrowHead(ox + it.x1, oy + it.y1, x2, y2, it.width * 3.6);
        ctx.beginPath();
        head.points.forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
        ctx.closePath();
        ctx.fill();
        [x2, y2] = head.base;
      }
      ctx.beginPath();
      ctx.moveTo(ox + it.x1, oy + it.y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    } else {
      ctx.globalAlpha = it.opacity;
      shapeOnCanvas(ctx, it.shape, ox + it.cx, oy + it.cy, it.w, it.h);
      ctx.fillStyle = NODE_FILL;
      ctx.fill();
      ctx.strokeStyle = NODE_STROKE;
      ctx.lineWidth = 1.5 * D;
      ctx.stroke();
    }
    ctx.restore();
  }
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => {
        if (blob && blob.size > 0) resolve(blob);
        else reject(new Error('The browser produced an empty PNG; try Export SVG instead.'));
      }, 'image/png');
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/**
 * The current view as a PNG: the whole graph (`full: true`) rasterised by Cytoscape at 2× (less when
 * it would exceed the browser's canvas limits, decided before `cy.png`; an Error when even ¼ does not
 * fit) under a header, with the legend and the numbered sources beneath. Composed on a canvas and
 * encoded with `toBlob`, so the page is not blocked; an empty result is an error, never a blank file.
 */
export async function exportPng(
  adapter: GraphAdapter,
  meta: SnapshotMeta,
  legend: LegendData,
  model: Model,
): Promise<Blob> {
  const cy = adapter.cy;
  const measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) {
    throw new Error(
      'This browser cannot draw on a canvas, so the PNG cannot be made; try Export SVG.',
    );
  }
  const measure: Measure = (text, font) => {
    measureCtx.font = canvasFont(font);
    return measureCtx.measureText(text).width;
  };
  const notes = footnotesOf(model, adapter.visibleOrdinals());
  const refs = refsShown(notes);
  const header = headerBlock(meta, measure);
  const footer = footerBlock(legend, notes, refs, measure);
  const { extraW, extraH } = extrasOf(header, footer);

  // The same box cy.png measures for `full: true` (all displayed elements, labels included).
  const bb = cy.elements().boundingBox();
  const bbW = Number.isFinite(bb.w) && bb.w > 0 ? Math.ceil(bb.w) : 0;
  const bbH = Number.isFinite(bb.h) && bb.h > 0 ? Math.ceil(bb.h) : 0;
  const scale = pngScale(bbW, bbH, extraW, extraH);
  const graphW = Math.ceil(bbW * scale);
  const graphH = Math.ceil(bbH * scale);
  const layout = compose(header, footer, graphW, graphH);

  let graph: ImageBitmap | null = null;
  if (graphW > 0 && graphH > 0) {
    // maxWidth/maxHeight make Cytoscape ignore the screen's pixel density (documented), so the
    // raster is exactly bb × scale even on a 2× display, where it would otherwise be doubled again.
    const graphBlob = await cy.png({
      output: 'blob-promise',
      full: true,
      scale,
      maxWidth: graphW,
      maxHeight: graphH,
      bg: PAPER,
    });
    if (!graphBlob || graphBlob.size === 0) {
      throw new Error('The graph image came out empty; try Export SVG, or show fewer ties.');
    }
    graph = await createImageBitmap(graphBlob);
  }

  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    graph?.close();
    throw new Error('The browser could not create the image canvas; try Export SVG.');
  }
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, layout.width, layout.height);

  if (graph) {
    // Draw at the raster's own size, shrunk only if the browser returned more pixels than asked.
    const fit = Math.min(1, graphW / graph.width, graphH / graph.height);
    const dw = graph.width * fit;
    const dh = graph.height * fit;
    const gx = layout.area.x + (layout.area.w - dw) / 2;
    const gy = layout.area.y + (layout.area.h - dh) / 2;
    ctx.drawImage(graph, gx, gy, dw, dh);
    graph.close();
    if (refs) {
      const k = (dw / Math.max(1, bbW * scale)) * scale;
      drawRefsOnCanvas(
        ctx,
        cy,
        model,
        notes,
        (p) => [gx + (p.x - bb.x1) * k, gy + (p.y - bb.y1) * k],
        k,
      );
    }
  }
  drawItems(ctx, header.items, MARGIN, layout.headerY);
  drawItems(ctx, footer.items, MARGIN, layout.footerY);

  const blob = await canvasToBlob(canvas);
  if (blob.size === 0) {
    throw new Error('The browser produced an empty PNG; try Export SVG instead.');
  }
  return blob;
}

/** Footnote numbers at the middle of each tie shown, in the tie's colour on a white halo. */
function drawRefsOnCanvas(
  ctx: CanvasRenderingContext2D,
  cy: Core,
  model: Model,
  notes: Footnotes,
  toPixel: (p: { x: number; y: number }) => [number, number],
  k: number,
): void {
  const ordinalOf = relationOrdinals(model);
  ctx.save();
  ctx.font = canvasFont({ size: 9 * k, bold: true });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3 * k;
  ctx.strokeStyle = PAPER;
  for (const edge of cy.edges().toArray() as EdgeSingular[]) {
    if (!isDisplayed(edge)) continue;
    const ordinal = ordinalOf.get(edge.id().slice(2));
    if (ordinal === undefined) continue;
    const text = refText(notes, ordinal);
    if (!text) continue;
    let mid: { x: number; y: number };
    try {
      mid = edge.midpoint();
    } catch {
      continue;
    }
    if (!mid || !Number.isFinite(mid.x) || !Number.isFinite(mid.y)) continue;
    const [x, y] = toPixel(mid);
    ctx.globalAlpha = Math.max(0.35, num(edge, 'opacity', 1));
    ctx.fillStyle = str(edge, 'line-color', INK);
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
  ctx.restore();
}
