// The SVG snapshot: the graph drawn by hand from the elements' positions and computed styles, with the same composition as the PNG. (The GPL-3.0 `cytoscape-svg` extension is not used.)
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { clip, type Model } from '../../model';
import type { GraphAdapter } from '../adapter';
import type { LegendData } from '../legend-data';
import {
  D,
  FONT_FAMILY,
  type Item,
  MARGIN,
  type Measure,
  PNG_SCALE,
  compose,
  footerBlock,
  headerBlock,
} from './compose';
import { INK, NODE_FILL, NODE_STROKE, PAPER, UNKNOWN_TYPE } from '../colors';
import { type Footnotes, type SnapshotMeta, footnotesOf, refText, refsShown } from './footnotes';
import { arrowHead, isDisplayed, num, relationOrdinals, shapeGeometry, str } from './shapes';
import { LABEL_FONT_PX } from '../labels/draw';
import { exportLabels, labelsSvg } from '../labels/export-labels';

/** Escapes text for XML content and attributes, and drops characters XML 1.0 cannot carry. */
function esc(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Drops what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF): one would make the file unreadable. */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000
    ) {
      out += ch;
    }
  }
  return out;
}

/** A number as SVG writes it: two decimals at most, never NaN. */
function n(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0';
}

/** Approximate text width for SVG, where nothing can be measured: generous, so text rarely overflows. */
const approxMeasure: Measure = (text, font) => text.length * font.size * (font.bold ? 0.62 : 0.58);

function shapeSvg(
  shape: string,
  cx: number,
  cy: number,
  w: number,
  h: number,
  attrs: string,
): string {
  const g = shapeGeometry(shape, cx, cy, w, h);
  if (g.kind === 'ellipse') {
    return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(w / 2)}" ry="${n(h / 2)}" ${attrs}/>`;
  }
  if (g.kind === 'round') {
    return `<rect x="${n(cx - w / 2)}" y="${n(cy - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(g.r)}" ${attrs}/>`;
  }
  const pts = g.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
  return `<polygon points="${pts}" ${attrs}/>`;
}

function itemsSvg(items: readonly Item[], ox: number, oy: number): string {
  const out: string[] = [];
  for (const it of items) {
    if (it.t === 'text') {
      const tag = it.tag ? ` ${it.tag.name}="${esc(it.tag.value)}"` : '';
      const weight = it.font.bold ? ' font-weight="bold"' : '';
      const x = n(ox + it.x);
      const body =
        it.lines.length === 1
          ? esc(it.lines[0] ?? '')
          : it.lines
              .map(
                (line, k) =>
                  `<tspan x="${x}" dy="${k === 0 ? 0 : it.lineHeight}">${esc(line)}</tspan>`,
              )
              .join('');
      out.push(
        `<text x="${x}" y="${n(oy + it.y)}" font-size="${n(it.font.size)}"${weight} fill="${esc(it.color)}"${tag}>${body}</text>`,
      );
    } else if (it.t === 'line') {
      let x2 = ox + it.x2;
      let y2 = oy + it.y2;
      const opacity = it.opacity < 1 ? ` opacity="${n(it.opacity)}"` : '';
      if (it.arrow) {
        const head = arrowHead(ox + it.x1, oy + it.y1, x2, y2, it.width * 3.6);
        const pts = head.points.map(([px, py]) => `${n(px)},${n(py)}`).join(' ');
        out.push(`<polygon points="${pts}" fill="${esc(it.color)}"${opacity}/>`);
        [x2, y2] = head.base;
      }
      const dash = it.dash ? ` stroke-dasharray="${it.dash.map(n).join(' ')}"` : '';
      out.push(
        `<line x1="${n(ox + it.x1)}" y1="${n(oy + it.y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${esc(it.color)}" stroke-width="${n(it.width)}"${dash}${opacity}/>`,
      );
    } else {
      const opacity = it.opacity < 1 ? ` opacity="${n(it.opacity)}"` : '';
      out.push(
        shapeSvg(
          it.shape,
          ox + it.cx,
          oy + it.cy,
          it.w,
          it.h,
          `fill="${NODE_FILL}" stroke="${NODE_STROKE}" stroke-width="${n(1.5 * D)}"${opacity}`,
        ),
      );
    }
  }
  return out.join('\n');
}

/** Bounds of what the SVG draws, in graph units. */
class Bounds {
  x1 = Infinity;
  y1 = Infinity;
  x2 = -Infinity;
  y2 = -Infinity;
  add(x: number, y: number, rx = 0, ry = rx): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.x1 = Math.min(this.x1, x - rx);
    this.y1 = Math.min(this.y1, y - ry);
    this.x2 = Math.max(this.x2, x + rx);
    this.y2 = Math.max(this.y2, y + ry);
  }
  get empty(): boolean {
    return !(this.x2 >= this.x1 && this.y2 >= this.y1);
  }
}

interface NodeGeom {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly border: number;
}

/** Distance from a node's centre to its outline in direction (dx, dy), the outline taken as an ellipse. */
function outlineRadius(g: NodeGeom, dx: number, dy: number): number {
  const a = g.w / 2;
  const b = g.h / 2;
  const len = Math.hypot(dx, dy);
  if (len === 0 || a <= 0 || b <= 0) return 0;
  const c = dx / len;
  const s = dy / len;
  return (a * b) / Math.hypot(b * c, a * s) + g.border / 2;
}

/** The ties as Cytoscape lays them out: a lone tie straight, parallel ties bowed apart, loops above. */
function edgeGeometry(
  edges: readonly EdgeSingular[],
  nodeGeom: ReadonlyMap<string, NodeGeom>,
): Map<EdgeSingular, { d: string; mid: { x: number; y: number }; extent: [number, number][] }> {
  const groups = new Map<string, EdgeSingular[]>();
  for (const e of edges) {
    const s = e.source().id();
    const t = e.target().id();
    const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const out = new Map<
    EdgeSingular,
    { d: string; mid: { x: number; y: number }; extent: [number, number][] }
  >();
  for (const list of groups.values()) {
    list.forEach((e, j) => {
      const sId = e.source().id();
      const tId = e.target().id();
      const sg = nodeGeom.get(sId);
      const tg = nodeGeom.get(tId);
      if (!sg || !tg) return;
      const width = num(e, 'width', 2.5);
      const arrow = str(e, 'target-arrow-shape', 'none') !== 'none';
      const arrowLen = arrow ? width * 3.6 : 0;
      if (sId === tId) {
        const r = Math.max(sg.w, sg.h) / 2;
        const spread = 1 + j * 0.6;
        const x = sg.x;
        const y = sg.y;
        const p0: [number, number] = [x - r * 0.5, y - r * 0.85];
        const p3: [number, number] = [x + r * 0.5, y - r * 0.85];
        const c1: [number, number] = [x - r * 1.6 * spread, y - r * 3 * spread];
        const c2: [number, number] = [x + r * 1.6 * spread, y - r * 3 * spread];
        const mid = { x, y: y - r * 0.85 - (r * 3 * spread - r * 0.85) * 0.75 };
        out.set(e, {
          d: `M ${n(p0[0])} ${n(p0[1])} C ${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p3[0])} ${n(p3[1])}`,
          mid,
          extent: [p0, p3, [mid.x - r, mid.y], [mid.x + r, mid.y]],
        });
        return;
      }
      const straight =
        list.length === 1 || ['haystack', 'straight'].includes(str(e, 'curve-style', 'bezier'));
      const step = num(e, 'control-point-step-size', 40);
      const offset = straight ? 0 : (j - (list.length - 1) / 2) * step;
      // The normal is taken from the lower id to the higher, so ties in opposite directions part too.
      const [a, b] = sId < tId ? [sg, tg] : [tg, sg];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      const nx = -dy / len;
      const ny = dx / len;
      const mx = (sg.x + tg.x) / 2 + nx * offset;
      const my = (sg.y + tg.y) / 2 + ny * offset;
      // Quadratic control point: the curve passes through (mx, my) at its middle.
      const cx = 2 * mx - (sg.x + tg.x) / 2;
      const cyy = 2 * my - (sg.y + tg.y) / 2;
      const towards = (g: NodeGeom, px: number, py: number, extra: number): [number, number] => {
        const vx = px - g.x;
        const vy = py - g.y;
        const vl = Math.hypot(vx, vy);
        if (vl === 0) return [g.x, g.y];
        const r = Math.min(outlineRadius(g, vx, vy) + extra, vl * 0.95);
        return [g.x + (vx / vl) * r, g.y + (vy / vl) * r];
      };
      const aim = offset === 0 ? [tg.x, tg.y] : [cx, cyy];
      const back = offset === 0 ? [sg.x, sg.y] : [cx, cyy];
      const p0 = towards(sg, aim[0]!, aim[1]!, 0);
      const p2 = towards(tg, back[0]!, back[1]!, arrowLen);
      const d =
        offset === 0
          ? `M ${n(p0[0])} ${n(p0[1])} L ${n(p2[0])} ${n(p2[1])}`
          : `M ${n(p0[0])} ${n(p0[1])} Q ${n(cx)} ${n(cyy)} ${n(p2[0])} ${n(p2[1])}`;
      out.set(e, { d, mid: { x: mx, y: my }, extent: [p0, p2, [mx, my]] });
    });
  }
  return out;
}

/** The SVG's drawing of the graph itself, in graph units, with its bounds. */
function graphSvg(
  cy: Core,
  model: Model,
  notes: Footnotes,
  refs: boolean,
): { body: string; defs: string; bounds: Bounds } {
  const bounds = new Bounds();
  const nodes = (cy.nodes().toArray() as NodeSingular[]).filter(isDisplayed);
  const edges = (cy.edges().toArray() as EdgeSingular[]).filter(isDisplayed);
  const geom = new Map<string, NodeGeom>();
  for (const node of nodes) {
    const p = node.position();
    geom.set(node.id(), {
      x: p.x,
      y: p.y,
      w: node.width(),
      h: node.height(),
      border: num(node, 'border-width', 0),
    });
  }

  // Edges, under the nodes, in z-index order.
  const markers = new Map<string, string>();
  const geometry = edgeGeometry(edges, geom);
  const ordinalOf = relationOrdinals(model);
  const edgeParts: { z: number; k: number; svg: string }[] = [];
  const refParts: string[] = [];
  edges.forEach((e, k) => {
    const g = geometry.get(e);
    if (!g) return;
    for (const [x, y] of g.extent) bounds.add(x, y, 4);
    const relationId = e.id().slice(2);
    const color = str(e, 'line-color', UNKNOWN_TYPE);
    const width = num(e, 'width', 2.5);
    const opacity = num(e, 'opacity', 1);
    const lineStyle = str(e, 'line-style', 'solid');
    let dash = '';
    if (lineStyle === 'dashed') {
      const pattern: unknown = e.numericStyle('line-dash-pattern');
      const parts = Array.isArray(pattern)
        ? pattern.filter((v): v is number => typeof v === 'number')
        : [];
      dash = ` stroke-dasharray="${(parts.length > 0 ? parts : [6, 3]).map(n).join(' ')}"`;
    } else if (lineStyle === 'dotted') {
      dash = ` stroke-dasharray="${n(width)} ${n(width * 1.5)}"`;
    }
    let marker = '';
    if (str(e, 'target-arrow-shape', 'none') !== 'none') {
      const arrowColor = str(e, 'target-arrow-color', color);
      let id = markers.get(arrowColor);
      if (id === undefined) {
        id = `arrow-${markers.size}`;
        markers.set(arrowColor, id);
      }
      marker = ` marker-end="url(#${id})"`;
    }
    const op = opacity < 1 ? ` opacity="${n(opacity)}"` : '';
    // A state held until the pair's next record is cased, as on screen (line-outline, #14).
    const outline = num(e, 'line-outline-width', 0);
    const casing =
      outline > 0
        ? `<path d="${g.d}" fill="none" stroke="${esc(str(e, 'line-outline-color', INK))}" stroke-width="${n(width + 2 * outline)}"${dash}${op}/>`
        : '';
    edgeParts.push({
      z: num(e, 'z-index', 0),
      k,
      svg: `${casing}<path data-relation="${esc(relationId)}" d="${g.d}" fill="none" stroke="${esc(color)}" stroke-width="${n(width)}"${dash}${op}${marker}/>`,
    });
    const ordinal = ordinalOf.get(relationId);
    const text = refs && ordinal !== undefined ? refText(notes, ordinal) : '';
    if (text) {
      bounds.add(g.mid.x, g.mid.y, 12);
      refParts.push(
        `<text data-notes-for="${esc(relationId)}" x="${n(g.mid.x)}" y="${n(g.mid.y)}" font-size="9" font-weight="bold" text-anchor="middle" dominant-baseline="middle" fill="${esc(color)}"${opacity < 0.35 ? ' opacity="0.35"' : op} stroke="${PAPER}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(text)}</text>`,
      );
    }
  });
  edgeParts.sort((a, b) => a.z - b.z || a.k - b.k);

  // Nodes (their names are the label layer's, drawn above everything: exportSvg).
  const nodeParts: string[] = [];
  for (const node of nodes) {
    const g = geom.get(node.id())!;
    const shape = str(node, 'shape', 'ellipse');
    const fill = str(node, 'background-color', NODE_FILL);
    const stroke = str(node, 'border-color', NODE_STROKE);
    const opacity = num(node, 'opacity', 1);
    const op = opacity < 1 ? ` opacity="${n(opacity)}"` : '';
    const attrs = `fill="${esc(fill)}" stroke="${esc(stroke)}" stroke-width="${n(g.border)}"`;
    bounds.add(g.x, g.y, g.w / 2 + g.border, g.h / 2 + g.border);
    const parts = [shapeSvg(shape, g.x, g.y, g.w, g.h, attrs)];
    nodeParts.push(`<g data-actor="${esc(node.id().slice(2))}"${op}>${parts.join('')}</g>`);
  }

  const defs = [...markers]
    .map(
      ([color, id]) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="0.5" refY="5" markerWidth="3.6" markerHeight="3.6" markerUnits="strokeWidth" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="${esc(color)}"/></marker>`,
    )
    .join('\n');
  const body = [...edgeParts.map((p) => p.svg), ...nodeParts, ...refParts].join('\n');
  return { body, defs, bounds };
}

/** Scale of the graph in the SVG: the same as the PNG's, for the same composition (a vector has no limit). */
const SVG_SCALE = PNG_SCALE;
const SVG_PAD = 10;

/**
 * The current view as a standalone SVG document, written by hand from the elements' positions and
 * computed styles (hidden elements skipped): ties as straight or quadratic paths with per-colour
 * arrowhead markers and dashes for disputed ones, node shapes and labels, then the same header,
 * legend and footnotes as the PNG. Every dataset string is XML-escaped, so labels stay inert text.
 */
export function exportSvg(
  adapter: GraphAdapter,
  meta: SnapshotMeta,
  legend: LegendData,
  model: Model,
): string {
  const notes = footnotesOf(model, adapter.visibleOrdinals());
  const refs = refsShown(notes);
  const graph = graphSvg(adapter.cy, model, notes, refs);
  const header = headerBlock(meta, approxMeasure);
  const footer = footerBlock(legend, notes, refs, approxMeasure);
  const b = graph.bounds;
  const bx = b.empty ? 0 : b.x1 - SVG_PAD;
  const by = b.empty ? 0 : b.y1 - SVG_PAD;
  const bw = b.empty ? 0 : b.x2 - b.x1 + 2 * SVG_PAD;
  const bh = b.empty ? 0 : b.y2 - b.y1 + 2 * SVG_PAD;
  const layout = compose(header, footer, bw * SVG_SCALE, bh * SVG_SCALE);
  const gx = layout.area.x + (layout.area.w - bw * SVG_SCALE) / 2;
  const gy = layout.area.y + (layout.area.h - bh * SVG_SCALE) / 2;
  const { width, height } = layout;
  // Names: the view's and its selection's, then as many more as fit, at the labels' size × SVG_SCALE.
  const names = labelsSvg(
    exportLabels(
      adapter.labelSource(),
      adapter.viewLabels(),
      { x1: bx, y1: by, k: 1, width: bw, height: bh },
      (t, bold) => approxMeasure(t, { size: LABEL_FONT_PX, bold }),
    ),
    bx,
    by,
    model.dataset.actors.map((a) => a.id),
  );
  const dateLine =
    meta.dateText && meta.dateText !== meta.isoDate
      ? `${meta.dateText} (${meta.isoDate})`
      : meta.isoDate;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" data-date="${esc(meta.isoDate)}">`,
    `<title>${esc(`${clip(meta.title)} — ${dateLine}`)}</title>`,
    `<defs>\n${graph.defs}\n</defs>`,
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
    `<g data-part="header">\n${itemsSvg(header.items, MARGIN, layout.headerY)}\n</g>`,
    `<g data-part="graph" transform="translate(${n(gx)} ${n(gy)}) scale(${SVG_SCALE}) translate(${n(-bx)} ${n(-by)})">\n${graph.body}\n${names}\n</g>`,
    `<g data-part="legend-and-sources">\n${itemsSvg(footer.items, MARGIN, layout.footerY)}\n</g>`,
    '</svg>',
    '',
  ].join('\n');
}
