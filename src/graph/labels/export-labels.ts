// Names in exported pictures: the same chooser over the whole graph at print size, keeping every name the view shows.
import { candidatesOf } from './candidates';
import { chooseLabels } from './choose';
import { LABEL_BOX_H, LABEL_FONT_PX, labelBoxWidth, labelText, type LabelToDraw } from './draw';
import type { LabelSource } from './source';

/** Where the export draws the graph, in label units (one unit = one CSS pixel of a label at 13 px). */
export interface ExportFrame {
  /** Graph coordinates of the frame's top-left corner. */
  readonly x1: number;
  readonly y1: number;
  /** Label units per graph unit (1 when the picture is at its full print scale). */
  readonly k: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The labels of an exported picture, in label units from the frame's corner: the names the view
 * shows now and the selected actor's partners are all kept (placed further out, with a leader line,
 * if crowded); then as many others as fit without overlap, by the same priority as the view.
 * `measure` gives a name's text width at the label font (canvas or an approximation for SVG).
 */
export function exportLabels(
  src: LabelSource,
  shownInView: readonly number[],
  frame: ExportFrame,
  measure: (text: string, bold: boolean) => number,
): LabelToDraw[] {
  const n = src.nodes.length;
  const xy = new Float64Array(2 * n);
  const radius = new Float64Array(n);
  const texts = src.names.map(labelText);
  const widths = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = src.nodes[i]!;
    const p = node.position();
    xy[2 * i] = (p.x - frame.x1) * frame.k;
    xy[2 * i + 1] = (p.y - frame.y1) * frame.k;
    radius[i] = ((Number(node.data('size')) || 30) / 2) * frame.k;
    widths[i] = labelBoxWidth(measure(texts[i]!, i === src.selected));
  }
  const keep = new Set<number>([...src.focus, ...shownInView]);
  const view = { width: frame.width, height: frame.height };
  const candidates = candidatesOf(
    {
      xy,
      radius,
      widths,
      height: LABEL_BOX_H,
      tiesNow: src.tiesNow,
      tiesOverall: src.tiesOverall,
      focus: keep,
    },
    view,
  );
  const focused = src.focus.size > 0;
  return chooseLabels(candidates, view, 2000).map((p) => ({
    ...p,
    text: texts[p.id] ?? '',
    nodeX: xy[2 * p.id]!,
    nodeY: xy[2 * p.id + 1]!,
    bold: p.id === src.selected,
    faint: focused ? !src.focus.has(p.id) : src.tiesNow[p.id] === 0,
  }));
}

/** True for a code point XML 1.0 can hold (no C0 controls but tab and newlines, no lone surrogates). */
function xmlChar(c: number): boolean {
  if (c < 0x20) return c === 0x9 || c === 0xa || c === 0xd;
  return !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff;
}

/** Text as XML character data or attribute value; characters XML 1.0 cannot hold are left out. */
function xml(text: string): string {
  return Array.from(text)
    .filter((ch) => xmlChar(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The labels as SVG, in the frame's units offset by (x1, y1): a leader line for each displaced one,
 * then dark text over a white halo (paint-order stroke), so a viewer or OCR reads them as on screen.
 */
export function labelsSvg(
  labels: readonly LabelToDraw[],
  x1: number,
  y1: number,
  ids: readonly string[],
): string {
  const f = (v: number): string => String(Math.round(v * 100) / 100);
  const lines = labels
    .filter((l) => l.displaced)
    .map(
      (l) =>
        `<line x1="${f(x1 + l.nodeX)}" y1="${f(y1 + l.nodeY)}" x2="${f(x1 + l.x + l.w / 2)}" y2="${f(y1 + l.y + l.h / 2)}" stroke="#3c3c3c" stroke-opacity="0.7" stroke-width="1"/>`,
    );
  const texts = labels.map(
    (l) =>
      `<text data-label-for="${xml(ids[l.id] ?? '')}" x="${f(x1 + l.x + 3)}" y="${f(y1 + l.y + l.h / 2)}" dominant-baseline="central" font-size="${LABEL_FONT_PX}" font-weight="${l.bold ? 700 : 600}" fill="${l.faint ? '#5c5c5c' : '#111111'}" stroke="#ffffff" stroke-opacity="0.92" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${xml(l.text)}</text>`,
  );
  return `<g data-part="labels">${[...lines, ...texts].join('')}</g>`;
}
