// The snapshot's composition shared by PNG and SVG: header and footer blocks (title, legend, sources) and the image size, in output pixels.
import { clip } from '../../model';
import type { LegendData } from '../legend-data';
import type { Footnotes, SnapshotMeta } from './footnotes';
import { INK, MUTED, SAMPLE_INK } from '../colors';
import { LASTING_COLOR, LASTING_OUTLINE } from '../style';

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

export const D = 2;
export const MARGIN = 24 * D;
const GAP = 16 * D;
/** Text wraps at a fixed width, so the decorations' height is known before the graph scale is chosen. */
const TEXT_WIDTH = MIN_WIDTH - 2 * MARGIN;
export const FONT_FAMILY = 'system-ui, sans-serif';

export interface Font {
  readonly size: number;
  readonly bold: boolean;
}
export type Measure = (text: string, font: Font) => number;

/** A data attribute the SVG carries so tests and tools can find parts; ignored on canvas. */
interface Tag {
  readonly name: 'data-part' | 'data-legend' | 'data-footnote' | 'data-footnote-number';
  readonly value: string;
}

export type Item =
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

/** Most lines one wrapped text takes in an export; the last is ended with "…" when there is more. */
const MAX_WRAPPED_LINES = 8;

/**
 * Breaks text into lines that fit `width`: at spaces, and inside words too long for a line. Clipped
 * first (clip(): a 5 MB label is not measured whole) and capped at MAX_WRAPPED_LINES; a long word is
 * cut by binary search on its length, so wrapping takes O(n log n) measures, not O(n²) (issue 18, row 15).
 */
export function wrap(text: string, font: Font, width: number, measure: Measure): string[] {
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

/**
 * Greedy word wrap; a word longer than the width is cut. A line broken at a space keeps that space at
 * its end (invisible when drawn left-aligned), so the lines joined give back the text, as the SVG's
 * text content must for search and copying.
 */
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
export function headerBlock(meta: SnapshotMeta, measure: Measure): Block {
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

/** A light line in a dark casing: a state held until the pair's next record (its end inferred). */
function sampleCased(): (x: number, cy: number) => Item[] {
  const casing = sampleLine(LASTING_COLOR);
  const line = sampleLine('#d9d9d9');
  return (x, cy) => [
    ...casing(x, cy).map((it) =>
      it.t === 'line' ? { ...it, width: LINE_W + 2 * LASTING_OUTLINE * D } : it,
    ),
    ...line(x, cy),
  ];
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
            : l.id === 'lasting'
              ? sampleCased()
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
export function footerBlock(
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
export function extrasOf(header: Block, footer: Block): { extraW: number; extraH: number } {
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

export function compose(header: Block, footer: Block, graphW: number, graphH: number): Composition {
  const { extraW, extraH } = extrasOf(header, footer);
  const { width, height } = canvasSize(graphW, graphH, extraW, extraH);
  const areaY = MARGIN + header.height + GAP;
  const area = { x: MARGIN, y: areaY, w: width - extraW, h: height - extraH };
  return { width, height, headerY: MARGIN, footerY: areaY + area.h + GAP, area };
}
