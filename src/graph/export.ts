// Snapshot exports of the current view (PNG and hand-written SVG) with a header, the legend and numbered source footnotes.
//
// Both formats share one composition: a header block (title, date, extra lines), the graph area, and a
// footer block (legend, then the sources of the ties shown), laid out in output pixels with the text at
// 2×. The PNG rasterises the graph with `cy.png` and draws the rest on a canvas; the SVG draws the graph
// itself from the elements' positions and computed styles. (The `cytoscape-svg` extension is GPL-3.0
// and Tieline is MIT, so none of it is used or copied here.)
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { clip, formatEdtf, parseEdtf, type Model, type SourceId } from '../model';
import type { GraphAdapter } from './adapter';
import type { LegendData } from './legend-data';

// ---------------------------------------------------------------------------------------------------
// Public types and small helpers

/** What a snapshot is titled with; later issues add lines (filters, as-known-on date, hash, permalink). */
export interface SnapshotMeta {
  readonly title: string;
  /** The view's date as `YYYY-MM-DD`: it names the file and appears in the image. */
  readonly isoDate: string;
  /** The same date as people write it: "2 November 2014". */
  readonly dateText: string;
  readonly lines?: readonly string[];
}

/** One numbered source in a snapshot's footnotes. */
export interface Footnote {
  readonly number: number;
  readonly sourceId: string;
  readonly text: string;
}

/** The footnotes of a view: each cited source once, and the footnote numbers of each tie (by ordinal). */
export interface Footnotes {
  readonly sources: Footnote[];
  readonly byRelation: Map<number, number[]>;
}

/** Smallest snapshot (output pixels), so even a tiny graph gives a legible, printable image. */
export const MIN_WIDTH = 1600;
/** Smallest snapshot height (output pixels). */
export const MIN_HEIGHT = 1000;
/** Chromium fails (silently: `cy.png` returns an empty image) on canvases longer than this on a side. */
export const MAX_CANVAS_SIDE = 32_767;
/** …or larger than this in area. */
export const MAX_CANVAS_AREA = 16_384 * 16_384;
/** The scale the graph is exported at when it fits: sharp on high-density screens and in print. */
export const PNG_SCALE = 2;
/**
 * Most pixels the graph's raster gets (4,096², 16.8 MP: an A3 print at 300 dpi). A spread-out graph of
 * 2,000 actors is about 4,000 graph units a side; at 2× that was a 30 MB PNG taking 10 s to encode.
 */
export const MAX_GRAPH_PIXELS = 4096 * 4096;
/** Below this the graph is unreadable, so the PNG export refuses rather than shrinking further. */
export const MIN_PNG_SCALE = 0.25;

/** The file name the interface contract promises: `tieline-YYYY-MM-DD.png` (or `.svg`). */
export function snapshotFileName(isoDate: string, ext: 'png' | 'svg'): string {
  if (!/^-?\d{4,}-\d{2}-\d{2}$/.test(isoDate)) {
    throw new Error(`"${isoDate}" is not a YYYY-MM-DD date, so it cannot name the exported file.`);
  }
  return `tieline-${isoDate}.${ext}`;
}

/** A source as a reader cites it: title, publisher, author and publication date as written. */
function sourceText(model: Model, sourceId: string): string {
  const source = model.sourceById.get(sourceId as SourceId);
  if (!source) return sourceId;
  let date: string | undefined;
  if (source.published) {
    const parsed = parseEdtf(source.published);
    date = parsed.ok ? formatEdtf(parsed.date) : source.published;
  }
  const rest = [source.publisher, source.author, date].filter((s): s is string => !!s);
  return rest.length > 0 ? `${source.title} — ${rest.join(', ')}` : source.title;
}

/**
 * Numbered footnotes for the ties shown: the ties are taken in date order (earliest start first, then
 * dataset order), each cited source gets a number at its first citation and keeps it, so a reader can
 * go from the numbers on a tie to the list beneath the graph. Disputing sources are cited too.
 */
export function footnotesOf(model: Model, ordinals: readonly number[]): Footnotes {
  const rels = model.dataset.relations;
  const lo = model.index.lo;
  const order = [...new Set(ordinals)]
    .filter((i) => rels[i] !== undefined)
    .sort((a, b) => {
      const da = lo[a] ?? 0;
      const db = lo[b] ?? 0;
      return da < db ? -1 : da > db ? 1 : a - b;
    });
  const numberOf = new Map<string, number>();
  const sources: Footnote[] = [];
  const byRelation = new Map<number, number[]>();
  for (const i of order) {
    const nums = new Set<number>();
    for (const claim of rels[i]!.claims) {
      let n = numberOf.get(claim.source);
      if (n === undefined) {
        n = sources.length + 1;
        numberOf.set(claim.source, n);
        sources.push({ number: n, sourceId: claim.source, text: sourceText(model, claim.source) });
      }
      nums.add(n);
    }
    byRelation.set(
      i,
      [...nums].sort((a, b) => a - b),
    );
  }
  return { sources, byRelation };
}

// ---------------------------------------------------------------------------------------------------
// Layout shared by both formats (output pixels; text and legend at 2×)

const D = 2;
const MARGIN = 24 * D;
const GAP = 16 * D;
/** Text wraps at a fixed width, so the decorations' height is known before the graph scale is chosen. */
const TEXT_WIDTH = MIN_WIDTH - 2 * MARGIN;
const FONT_FAMILY = 'system-ui, sans-serif';
const INK = '#1e1e1e';
const MUTED = '#4a4a4a';
const SAMPLE_INK = '#555555';
const NODE_FILL = '#f4f1ea';
const NODE_STROKE = '#3b3b3b';
/** Above this many ties shown, footnote numbers on the ties would only add clutter. */
const MAX_REFS = 200;

interface Font {
  readonly size: number;
  readonly bold: boolean;
}
type Measure = (text: string, font: Font) => number;

/** A data attribute the SVG carries so tests and tools can find parts; ignored on canvas. */
interface Tag {
  readonly name: 'data-part' | 'data-legend' | 'data-footnote' | 'data-footnote-number';
  readonly value: string;
}

type Item =
  | {
      readonly t: 'text';
      readonly x: number;
      /** Baseline of the first line. */
      readonly y: number;
      readonly lines: readonly string[];
      readonly lineHeight: number;
      readonly font: Font;
      readonly color: string;
      readonly tag?: Tag;
    }
  | {
      readonly t: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly color: string;
      readonly width: number;
      readonly dash: readonly number[] | null;
      readonly arrow: boolean;
      readonly opacity: number;
    }
  | {
      readonly t: 'shape';
      readonly shape: string;
      readonly cx: number;
      readonly cy: number;
      readonly w: number;
      readonly h: number;
      readonly opacity: number;
    };

interface Block {
  readonly items: Item[];
  readonly height: number;
}

/**
 * Greedy word wrap; a word longer than the width is cut. A line broken at a space keeps that space at
 * its end (invisible when drawn left-aligned), so the lines joined give back the text, as the SVG's
 * text content must for search and copying.
 */
/** Most lines one wrapped text takes in an export; the last is ended with "…" when there is more. */
const MAX_WRAPPED_LINES = 8;

/**
 * Breaks text into lines that fit `width`: at spaces, and inside words too long for a line. Clipped
 * first (clip(): a 5 MB label is not measured whole) and capped at MAX_WRAPPED_LINES; a long word is
 * cut by binary search on its length, so wrapping takes O(n log n) measures, not O(n²) (issue 18, row 15).
 */
function wrap(text: string, font: Font, width: number, measure: Measure): string[] {
  const lines = wrapAll(clip(text), font, width, measure);
  if (lines.length <= MAX_WRAPPED_LINES) return lines;
  const kept = lines.slice(0, MAX_WRAPPED_LINES);
  kept[kept.length - 1] = `${kept[kept.length - 1] ?? ''}…`;
  return kept;
}

/** The longest prefix of `word` (at least one character) that fits `width`. */
function fittingPrefix(word: string, font: Font, width: number, measure: Measure): number {
  let lo = 1;
  let hi = word.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(word.slice(0, mid), font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function wrapAll(text: string, font: Font, width: number, measure: Measure): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    if (out.length > 0) out[out.length - 1] += ' ';
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line + ' ');
      line = word;
      while (line.length > 1 && measure(line, font) > width) {
        const cut = fittingPrefix(line, font, width, measure);
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  return out;
}

function lineHeightOf(font: Font): number {
  return Math.round(font.size * 1.3);
}

/** A text item whose first line box starts at `top`. */
function textAt(
  x: number,
  top: number,
  lines: readonly string[],
  font: Font,
  color: string,
  tag?: Tag,
): Item {
  const lineHeight = lineHeightOf(font);
  return {
    t: 'text',
    x,
    y: top + Math.round(lineHeight * 0.78),
    lines,
    lineHeight,
    font,
    color,
    ...(tag ? { tag } : {}),
  };
}

const TITLE_FONT: Font = { size: 22 * D, bold: true };
const DATE_FONT: Font = { size: 16 * D, bold: false };
const SMALL_FONT: Font = { size: 12 * D, bold: false };
const HEADING_FONT: Font = { size: 13 * D, bold: true };
const LEGEND_FONT: Font = { size: 12 * D, bold: false };
const NOTE_FONT: Font = { size: 11 * D, bold: false };

/** Title, the date as written with its ISO form, then any extra lines. */
function headerBlock(meta: SnapshotMeta, measure: Measure): Block {
  const items: Item[] = [];
  let y = 0;
  const title = wrap(meta.title || 'Untitled dataset', TITLE_FONT, TEXT_WIDTH, measure);
  items.push(textAt(0, y, title, TITLE_FONT, INK, { name: 'data-part', value: 'title' }));
  y += title.length * lineHeightOf(TITLE_FONT) + 2 * D;
  const dateLine =
    meta.dateText && meta.dateText !== meta.isoDate
      ? `${meta.dateText} (${meta.isoDate})`
      : meta.isoDate;
  const date = wrap(dateLine, DATE_FONT, TEXT_WIDTH, measure);
  items.push(textAt(0, y, date, DATE_FONT, INK, { name: 'data-part', value: 'date' }));
  y += date.length * lineHeightOf(DATE_FONT);
  for (const extra of meta.lines ?? []) {
    const lines = wrap(extra, SMALL_FONT, TEXT_WIDTH, measure);
    items.push(textAt(0, y, lines, SMALL_FONT, MUTED, { name: 'data-part', value: 'line' }));
    y += lines.length * lineHeightOf(SMALL_FONT);
  }
  return { items, height: y };
}

const SAMPLE_W = 36 * D;
const SAMPLE_GAP = 8 * D;
const ENTRY_GAP = 22 * D;
const LINE_W = 2.5 * D;

/** One legend entry: a sample drawn in a box `SAMPLE_W` wide around a vertical centre, and its text. */
interface Entry {
  readonly sample: (x: number, cy: number) => Item[];
  readonly text: string;
  readonly tag: string;
}

function sampleLine(
  color: string,
  opts: { dash?: readonly number[] | null; arrow?: boolean; opacity?: number } = {},
): (x: number, cy: number) => Item[] {
  return (x, cy) => [
    {
      t: 'line',
      x1: x + 2 * D,
      y1: cy,
      x2: x + SAMPLE_W - 2 * D,
      y2: cy,
      color,
      width: LINE_W,
      dash: opts.dash ?? null,
      arrow: opts.arrow ?? false,
      opacity: opts.opacity ?? 1,
    },
  ];
}

function sampleFade(opacities: readonly number[]): (x: number, cy: number) => Item[] {
  return (x, cy) => {
    const n = Math.max(1, opacities.length);
    const w = (SAMPLE_W - 4 * D) / n;
    return opacities.map((opacity, k) => ({
      t: 'line' as const,
      x1: x + 2 * D + k * w,
      y1: cy,
      x2: x + 2 * D + (k + 1) * w,
      y2: cy,
      color: SAMPLE_INK,
      width: LINE_W,
      dash: null,
      arrow: false,
      opacity,
    }));
  };
}

function sampleShape(shape: string, opacity = 1): (x: number, cy: number) => Item[] {
  return (x, cy) => [
    { t: 'shape', shape, cx: x + SAMPLE_W / 2, cy, w: 16 * D, h: 16 * D, opacity },
  ];
}

/** The legend's sections, in the order the panel shows them. */
function legendSections(legend: LegendData): { title: string; entries: Entry[] }[] {
  const dash = legend.dashPattern.map((d) => d * D);
  return [
    {
      title: 'Relation types',
      entries: legend.types.map((t) => ({
        sample: sampleLine(t.color, { arrow: t.directed }),
        text: `${t.label}${t.kind === 'event' ? ' (event)' : ''}${t.directed ? '' : ' (both ways)'}`,
        tag: `type:${t.id}`,
      })),
    },
    {
      title: 'Status',
      entries: legend.statuses.map((s) => ({
        sample: sampleLine(SAMPLE_INK, { dash: s.line === 'dashed' ? dash : null }),
        text: `${s.label} (${s.line} line): ${s.meaning}`,
        tag: `status:${s.status}`,
      })),
    },
    {
      title: 'Lines',
      entries: legend.lines.map((l) => ({
        sample:
          l.id === 'fading'
            ? sampleFade(l.opacities)
            : sampleLine(SAMPLE_INK, { opacity: l.opacities[0] ?? 0.45 }),
        text: `${l.label}: ${l.meaning}`,
        tag: `line:${l.id}`,
      })),
    },
    {
      title: 'Actors',
      entries: [
        ...legend.kinds.map((k) => ({
          sample: sampleShape(k.shape),
          text: k.label,
          tag: `kind:${k.kind}`,
        })),
        {
          sample: sampleShape('ellipse', legend.dimmed.opacity),
          text: legend.dimmed.label,
          tag: 'dimmed',
        },
      ],
    },
  ];
}

/** The legend (flowed entries under section headings), then the numbered sources. */
function footerBlock(
  legend: LegendData,
  notes: Footnotes,
  refsOnTies: boolean,
  measure: Measure,
): Block {
  const items: Item[] = [];
  let y = 0;
  const headingH = lineHeightOf(HEADING_FONT);
  const lh = lineHeightOf(LEGEND_FONT);
  for (const section of legendSections(legend)) {
    if (section.entries.length === 0) continue;
    items.push(textAt(0, y, [section.title], HEADING_FONT, INK));
    y += headingH + 2 * D;
    let x = 0;
    let rowH = lh;
    for (const entry of section.entries) {
      const lines = wrap(entry.text, LEGEND_FONT, TEXT_WIDTH - SAMPLE_W - SAMPLE_GAP, measure);
      const textW = Math.max(...lines.map((l) => measure(l, LEGEND_FONT)));
      const entryW = SAMPLE_W + SAMPLE_GAP + textW;
      if (x > 0 && x + entryW > TEXT_WIDTH) {
        y += rowH + 4 * D;
        x = 0;
        rowH = lh;
      }
      items.push(...entry.sample(x, y + lh / 2));
      items.push(
        textAt(x + SAMPLE_W + SAMPLE_GAP, y, lines, LEGEND_FONT, INK, {
          name: 'data-legend',
          value: entry.tag,
        }),
      );
      rowH = Math.max(rowH, lines.length * lh);
      x += entryW + ENTRY_GAP;
    }
    y += rowH + 10 * D;
  }

  y += 4 * D;
  const heading = refsOnTies ? 'Sources (the numbers on the ties refer to this list)' : 'Sources';
  items.push(textAt(0, y, [heading], HEADING_FONT, INK, { name: 'data-part', value: 'sources' }));
  y += headingH + 2 * D;
  const nlh = lineHeightOf(NOTE_FONT);
  if (notes.sources.length === 0) {
    items.push(
      textAt(0, y, ['No tie is shown at this date, so no source is cited.'], NOTE_FONT, MUTED),
    );
    y += nlh;
  }
  const numW = measure(`${notes.sources.length}.`, NOTE_FONT) + 6 * D;
  for (const note of notes.sources) {
    const lines = wrap(note.text, NOTE_FONT, TEXT_WIDTH - numW, measure);
    items.push(
      textAt(0, y, [`${note.number}.`], NOTE_FONT, INK, {
        name: 'data-footnote-number',
        value: String(note.number),
      }),
    );
    items.push(
      textAt(numW, y, lines, NOTE_FONT, INK, {
        name: 'data-footnote',
        value: String(note.number),
      }),
    );
    y += lines.length * nlh + 2 * D;
  }
  return { items, height: y };
}

/** Room the decorations take beside and around the graph, in output pixels. */
function extrasOf(header: Block, footer: Block): { extraW: number; extraH: number } {
  return {
    extraW: 2 * MARGIN,
    extraH: MARGIN + header.height + GAP + GAP + footer.height + MARGIN,
  };
}

/** Size of the final image for a graph drawn `graphW` × `graphH` output pixels. */
function canvasSize(
  graphW: number,
  graphH: number,
  extraW: number,
  extraH: number,
): { width: number; height: number } {
  return {
    width: Math.max(MIN_WIDTH, Math.ceil(graphW + extraW)),
    height: Math.max(MIN_HEIGHT, Math.ceil(graphH + extraH)),
  };
}

function fitsCanvas(size: { width: number; height: number }): boolean {
  return (
    size.width <= MAX_CANVAS_SIDE &&
    size.height <= MAX_CANVAS_SIDE &&
    size.width * size.height <= MAX_CANVAS_AREA
  );
}

/**
 * The scale to rasterise a graph whose bounding box is `bbW` × `bbH` (graph units) at, given the room
 * the header, legend and footnotes take (`extraW`, `extraH`, output pixels): `PNG_SCALE`, or less so
 * the graph's raster stays within `MAX_GRAPH_PIXELS` (never below `MIN_PNG_SCALE`); then, when the
 * final image would not fit Chromium's canvas limits, the largest scale that fits (the limits fail
 * silently, with an empty image, so this must be decided before `cy.png`). Throws when even
 * `MIN_PNG_SCALE` does not fit.
 */
export function pngScale(bbW: number, bbH: number, extraW: number, extraH: number): number {
  const dims = [bbW, bbH, extraW, extraH];
  if (dims.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new Error('The graph has no finite size, so it cannot be exported as an image.');
  }
  const w = Math.ceil(bbW);
  const h = Math.ceil(bbH);
  const fits = (s: number): boolean =>
    fitsCanvas(canvasSize(Math.ceil(w * s), Math.ceil(h * s), extraW, extraH));
  const budget = Math.sqrt(MAX_GRAPH_PIXELS / Math.max(1, w * h));
  const wanted =
    budget >= PNG_SCALE ? PNG_SCALE : Math.max(MIN_PNG_SCALE, Math.floor(budget * 1000) / 1000);
  if (fits(wanted)) return wanted;
  if (!fits(MIN_PNG_SCALE)) {
    throw new Error(
      'The graph is too large to export as a PNG: even at a quarter of its size the image would exceed what the browser can draw. Export SVG instead, or show fewer ties.',
    );
  }
  // The image grows with the scale, so the largest scale that fits is found by bisection.
  let lo = MIN_PNG_SCALE;
  let hi = wanted;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 1000) / 1000;
}

/** Where everything goes in the final image. */
interface Composition {
  readonly width: number;
  readonly height: number;
  readonly headerY: number;
  readonly footerY: number;
  /** The graph area (padded when the graph is small) and the graph's drawn size inside it. */
  readonly area: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

function compose(header: Block, footer: Block, graphW: number, graphH: number): Composition {
  const { extraW, extraH } = extrasOf(header, footer);
  const { width, height } = canvasSize(graphW, graphH, extraW, extraH);
  const areaY = MARGIN + header.height + GAP;
  const area = { x: MARGIN, y: areaY, w: width - extraW, h: height - extraH };
  return { width, height, headerY: MARGIN, footerY: areaY + area.h + GAP, area };
}

// ---------------------------------------------------------------------------------------------------
// Shapes and arrows, shared by the canvas and the SVG

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

function shapeGeometry(shape: string, cx: number, cy: number, w: number, h: number): ShapeGeometry {
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
function arrowHead(
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

// ---------------------------------------------------------------------------------------------------
// PNG

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

/** Whether footnote numbers are drawn on the ties (only while they stay readable). */
function refsShown(notes: Footnotes): boolean {
  return notes.byRelation.size > 0 && notes.byRelation.size <= MAX_REFS;
}

function refText(notes: Footnotes, ordinal: number): string {
  return (notes.byRelation.get(ordinal) ?? []).join(',');
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
      bg: '#ffffff',
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
  ctx.fillStyle = '#ffffff';
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
  ctx.strokeStyle = '#ffffff';
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

// ---------------------------------------------------------------------------------------------------
// SVG

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

function str(ele: NodeSingular | EdgeSingular, name: string, fallback: string): string {
  const v: unknown = ele.style(name);
  return typeof v === 'string' && v !== '' ? v : fallback;
}

function num(ele: NodeSingular | EdgeSingular, name: string, fallback: number): number {
  const v: unknown = ele.numericStyle(name);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function isDisplayed(ele: NodeSingular | EdgeSingular): boolean {
  if (ele.style('display') === 'none' || ele.style('visibility') === 'hidden') return false;
  if (ele.isEdge()) {
    const e = ele as EdgeSingular;
    return isDisplayed(e.source()) && isDisplayed(e.target());
  }
  return true;
}

function relationOrdinals(model: Model): Map<string, number> {
  return new Map(model.dataset.relations.map((r, i) => [r.id as string, i]));
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

/** Node label lines as Cytoscape wraps them at `text-max-width`. */
function labelLines(label: string, fontSize: number, maxWidth: number, wrapMode: string): string[] {
  if (!label) return [];
  if (wrapMode !== 'wrap') return [label];
  return wrap(label, { size: fontSize, bold: false }, maxWidth, approxMeasure);
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
    const color = str(e, 'line-color', '#888888');
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
    edgeParts.push({
      z: num(e, 'z-index', 0),
      k,
      svg: `<path data-relation="${esc(relationId)}" d="${g.d}" fill="none" stroke="${esc(color)}" stroke-width="${n(width)}"${dash}${op}${marker}/>`,
    });
    const ordinal = ordinalOf.get(relationId);
    const text = refs && ordinal !== undefined ? refText(notes, ordinal) : '';
    if (text) {
      bounds.add(g.mid.x, g.mid.y, 12);
      refParts.push(
        `<text data-notes-for="${esc(relationId)}" x="${n(g.mid.x)}" y="${n(g.mid.y)}" font-size="9" font-weight="bold" text-anchor="middle" dominant-baseline="middle" fill="${esc(color)}"${opacity < 0.35 ? ' opacity="0.35"' : op} stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(text)}</text>`,
      );
    }
  });
  edgeParts.sort((a, b) => a.z - b.z || a.k - b.k);

  // Nodes with their labels.
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
    const label = String(node.data('label') ?? '');
    const fontSize = num(node, 'font-size', 11);
    const lines = labelLines(
      label,
      fontSize,
      num(node, 'text-max-width', 110),
      str(node, 'text-wrap', 'none'),
    );
    if (lines.length > 0) {
      const lh = fontSize * 1.2;
      const valign = str(node, 'text-valign', 'top');
      const margin = num(node, 'text-margin-y', 0);
      const blockH = lines.length * lh;
      const top =
        valign === 'bottom'
          ? g.y + g.h / 2 + g.border / 2 + margin
          : valign === 'center'
            ? g.y - blockH / 2 + margin
            : g.y - g.h / 2 - g.border / 2 - blockH + margin;
      const baseline = top + lh * 0.8;
      const halfW =
        Math.max(...lines.map((l) => approxMeasure(l, { size: fontSize, bold: false }))) / 2;
      bounds.add(g.x, top + blockH / 2, halfW + 2, blockH / 2 + 2);
      const tspans =
        lines.length === 1
          ? esc(lines[0] ?? '')
          : lines
              .map((l, k) => `<tspan x="${n(g.x)}" dy="${k === 0 ? 0 : n(lh)}">${esc(l)}</tspan>`)
              .join('');
      parts.push(
        `<text x="${n(g.x)}" y="${n(baseline)}" font-size="${n(fontSize)}" text-anchor="middle" fill="${esc(str(node, 'color', INK))}" stroke="#ffffff" stroke-opacity="0.75" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke">${tspans}</text>`,
      );
    }
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
  const dateLine =
    meta.dateText && meta.dateText !== meta.isoDate
      ? `${meta.dateText} (${meta.isoDate})`
      : meta.isoDate;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" data-date="${esc(meta.isoDate)}">`,
    `<title>${esc(`${meta.title} — ${dateLine}`)}</title>`,
    `<defs>\n${graph.defs}\n</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g data-part="header">\n${itemsSvg(header.items, MARGIN, layout.headerY)}\n</g>`,
    `<g data-part="graph" transform="translate(${n(gx)} ${n(gy)}) scale(${SVG_SCALE}) translate(${n(-bx)} ${n(-by)})">\n${graph.body}\n</g>`,
    `<g data-part="legend-and-sources">\n${itemsSvg(footer.items, MARGIN, layout.footerY)}\n</g>`,
    '</svg>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Download

/** How long the object URL outlives the click: some browsers start reading it only after the click returns. */
const REVOKE_DELAY_MS = 10_000;

/** Saves a blob under a file name via a temporary anchor, then revokes the object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
