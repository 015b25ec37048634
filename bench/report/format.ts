// Number and table formatting shared by the benchmark report's parts, and figures read from a browser case.
import type { BrowserCaseResult, BrowserResult, LatencyFigure } from '../browser';
import type { ProfileSummary } from '../profile';

export const ok = <T extends object>(x: T | { error: string }): x is T => !('error' in x);
export const ms = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : x >= 100
      ? `${Math.round(x).toLocaleString('en')} ms`
      : `${Number(x.toPrecision(3))} ms`;
export const times = (x: number): string => `${Number(x.toPrecision(3))}×`;
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
export const pct = (x: number): string => `${Math.round(x * 100)} %`;
export const n = (x: number): string => x.toLocaleString('en');

export function caseOf(b: BrowserResult, name: string): BrowserCaseResult | undefined {
  return b.cases.find((c) => c.name === name);
}

/** Import and draw of a dataset given by URL: request of the file → first painted graph. */
export function importDraw(c: BrowserCaseResult): number {
  return c.tieline.paintedMs - (c.tieline.dataRequestMs ?? 0);
}

/** The longest task between the dataset request and the first painted graph. */
export function importLongest(c: BrowserCaseResult): number {
  const from = c.tieline.dataRequestMs ?? 0;
  return Math.max(
    0,
    ...c.tieline.longTasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration),
  );
}

export function mdTable(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function profileText(p: ProfileSummary | null | undefined, top = 5): string {
  if (!p) return 'not profiled';
  return p.top
    .slice(0, top)
    .map((l) => `\`${l.fn}\` (${l.at.replace(/^dist\//, '')}) ${pct(l.share)}`)
    .join(', ');
}

export function parts(l: LatencyFigure): string[] {
  const p = l.parts;
  return [
    ms(p.inputTask),
    ms(p.cyBatch),
    ms(p.cyBeforeRender),
    ms(p.cyDraw),
    ms(p.cyZSort),
    ms(p.waitForFrame),
    ms(p.frameRest),
  ];
}

export function timeline(c: BrowserCaseResult): string {
  const t = c.tieline;
  const marks = t.marks
    .map(
      (m) =>
        `${m.name} ${Math.round(m.start)}–${Number.isFinite(m.end) && m.end !== null ? Math.round(m.end) : '?'}`,
    )
    .join(', ');
  return `dataset requested ${ms(t.dataRequestMs)}, received ${ms(t.dataLoadedMs)}; ${marks || 'no adapter calls seen'}; ready ${ms(t.readyMs)}, painted ${ms(t.paintedMs)}`;
}
