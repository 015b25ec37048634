// Node shapes and arrowheads as geometry, and the elements' computed styles as read, shared by the canvas and the SVG.
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { Model } from '../../model';

type ShapeGeometry =
  | { readonly kind: 'ellipse' }
  | { readonly kind: 'round'; readonly r: number }
  | { readonly kind: 'polygon'; readonly points: readonly (readonly [number, number])[] };

/** Unit outlines of the node shapes the palette uses, as Cytoscape draws them; others as ellipses. */
const UNIT_POLYGONS: Record<string, readonly (readonly [number, number])[]> = {
  hexagon: [
    [-1, 0],
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
};

export function shapeGeometry(
  shape: string,
  cx: number,
  cy: number,
  w: number,
  h: number,
): ShapeGeometry {
  if (shape === 'round-rectangle' || shape === 'roundrectangle') {
    return { kind: 'round', r: Math.min(w / 4, h / 4, 8) };
  }
  const unit = UNIT_POLYGONS[shape];
  if (!unit) return { kind: 'ellipse' };
  return {
    kind: 'polygon',
    points: unit.map(([ux, uy]) => [cx + (ux * w) / 2, cy + (uy * h) / 2] as const),
  };
}

/** A triangle whose tip is at (x2, y2), pointing along the line from (x1, y1). */
export function arrowHead(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  length: number,
): { base: [number, number]; points: [number, number][] } {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const bx = x2 - ux * length;
  const by = y2 - uy * length;
  const half = length * 0.45;
  return {
    base: [bx, by],
    points: [
      [x2, y2],
      [bx - uy * half, by + ux * half],
      [bx + uy * half, by - ux * half],
    ],
  };
}

export function str(ele: NodeSingular | EdgeSingular, name: string, fallback: string): string {
  const v: unknown = ele.style(name);
  return typeof v === 'string' && v !== '' ? v : fallback;
}

export function num(ele: NodeSingular | EdgeSingular, name: string, fallback: number): number {
  const v: unknown = ele.numericStyle(name);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function isDisplayed(ele: NodeSingular | EdgeSingular): boolean {
  if (ele.style('display') === 'none' || ele.style('visibility') === 'hidden') return false;
  if (ele.isEdge()) {
    const e = ele as EdgeSingular;
    return isDisplayed(e.source()) && isDisplayed(e.target());
  }
  return true;
}

export function relationOrdinals(model: Model): Map<string, number> {
  return new Map(model.dataset.relations.map((r, i) => [r.id as string, i]));
}
