// Reading a delimited file into rows: comments, delimiter sniffing, header detection, line numbers.
import Papa from 'papaparse';
import type { Issue } from '../validate';
import { uniqueId } from './build';
import { readDate } from './dates';
import { roleOfName } from './infer';

export interface Table {
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly names: readonly string[];
  /** Cells in the header row (0 without one). */
  readonly width: number;
  /** Raw (untrimmed) data rows and their 1-based line numbers. */
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; issues: Issue[] };

/** Skips leading comment lines (`#` or `%`, as SNAP and KONECT write them); returns the offset and lines skipped. */
function skipComments(text: string): { offset: number; lines: number } {
  let offset = 0;
  let lines = 0;
  while (offset < text.length && (text[offset] === '#' || text[offset] === '%')) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return { offset: text.length, lines: lines + 1 };
    offset = nl + 1;
    lines++;
  }
  return { offset, lines };
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/** Picks the delimiter that splits the first lines into the same number (≥ 2) of fields. */
export function sniffDelimiter(sample: string, name = ''): string {
  const lines = sample
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  if (lines.length === 0) return ',';
  const head = lines.join('\n');
  let best: { d: string; score: number; fields: number } | null = null;
  const preferred = /\.tsv$|\.tab$/i.test(name) ? ['\t', ',', ';', '|'] : [...DELIMITERS];
  for (const d of preferred) {
    const parsed = Papa.parse<string[]>(head, { delimiter: d, preview: 50, newline: '\n' });
    const counts = parsed.data.map((r) => r.length);
    const mode = modeOf(counts);
    if (mode < 2) continue;
    const score = counts.filter((c) => c === mode).length / counts.length;
    if (!best || score > best.score + 1e-9 || (score === best.score && mode > best.fields)) {
      best = { d, score, fields: mode };
    }
  }
  if (best && best.score >= 0.8) return best.d;
  const ws = lines.map((l) => l.trim().split(/[ \t]+/).length);
  if (modeOf(ws) >= 2) return ' ';
  return best?.d ?? ',';
}

function modeOf(xs: readonly number[]): number {
  const m = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const n = (m.get(x) ?? 0) + 1;
    m.set(x, n);
    if (n > bestN || (n === bestN && x > best)) [best, bestN] = [x, n];
  }
  return best;
}

export const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Whether the first row names columns: a known column name, or text over columns of numbers/dates. */
function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  const cells = first.map((c) => c.trim());
  // A trailing empty column (`group_id,name,`) says nothing about the header.
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  if (cells.some((c) => roleOfName(c) !== null)) return true;
  if (cells.some((c) => c === '' || NUMERIC.test(c))) return false;
  if (rest.length === 0) return false;
  if (new Set(cells).size !== cells.length) return false;
  for (let col = 0; col < cells.length; col++) {
    const values = rest.map((r) => (r[col] ?? '').trim()).filter((v) => v !== '');
    if (values.length > 0 && values.every((v) => NUMERIC.test(v) || readDate(v).ok)) return true;
  }
  return false;
}

/** Splits the text into rows with line numbers; the delimiter and header are sniffed unless given. */
export function readTable(
  text: string,
  opts: {
    delimiter?: string | undefined;
    hasHeader?: boolean | undefined;
    maxRows?: number;
    name?: string;
    /** Column names a mapping uses: when the first row has one, it is the header. */
    headerNames?: readonly string[];
    progress?: (fraction: number) => void;
  },
): TableResult {
  const skipped = skipComments(text);
  const body = text.slice(skipped.offset);
  const delimiter = opts.delimiter ?? sniffDelimiter(body.slice(0, 65_536), opts.name);
  const rows: string[][] = [];
  const lines: number[] = [];
  const max = opts.maxRows === undefined ? Infinity : opts.maxRows + 1;
  const total = body.length || 1;
  const every = Math.max(1, Math.floor(total / 100));
  let nextReport = every;
  let issue: Issue | null = null;

  if (delimiter === ' ') {
    let line = skipped.lines;
    let pos = 0;
    while (pos <= body.length && rows.length < max) {
      let nl = body.indexOf('\n', pos);
      if (nl === -1) nl = body.length;
      line++;
      const raw = body.slice(pos, nl).trim();
      if (raw !== '') {
        rows.push(raw.split(/[ \t]+/));
        lines.push(line);
      }
      pos = nl + 1;
      if (pos >= nextReport) {
        opts.progress?.(pos / total);
        nextReport = pos + every;
      }
    }
  } else {
    let line = skipped.lines + 1;
    let counted = 0;
    let rowStart = 0;
    Papa.parse<string[]>(body, {
      delimiter,
      newline: '\n',
      quoteChar: '"',
      skipEmptyLines: false,
      step: (res, p) => {
        // Line number of this row: newlines between the last counted offset and the row's start.
        let at = body.indexOf('\n', counted);
        while (at !== -1 && at < rowStart) {
          line++;
          at = body.indexOf('\n', at + 1);
        }
        counted = rowStart;
        const cells = res.data;
        const quoteError = res.errors.find((e) => e.code === 'MissingQuotes');
        if (quoteError && !issue) {
          issue = {
            path: `line ${line}`,
            message:
              'a quoted field starts here and is never closed: add the closing double quote (") or remove the opening one.',
          };
          p.abort();
          return;
        }
        if (!(cells.length === 1 && (cells[0] ?? '').trim() === '')) {
          rows.push(cells);
          lines.push(line);
        }
        rowStart = res.meta.cursor;
        if (rows.length >= max) p.abort();
        if (rowStart >= nextReport) {
          opts.progress?.(rowStart / total);
          nextReport = rowStart + every;
        }
      },
    });
  }
  if (issue) return { ok: false, issues: [issue] };
  if (rows.length === 0) {
    return {
      ok: false,
      issues: [
        { path: 'line 1', message: 'the file has no rows: it should list one relation per line.' },
      ],
    };
  }
  const first = rows[0] as string[];
  const hasHeader =
    opts.hasHeader ??
    (first.some((c) => opts.headerNames?.includes(c.trim())) ||
      looksLikeHeader(first, rows.slice(1, 50)));
  const width = rows.slice(0, 200).reduce((w, r) => Math.max(w, r.length), 0);
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < width; i++) {
    const h = hasHeader ? (first[i] ?? '').trim() : '';
    // Repeated column names get " (2)", so each column keeps its own attribute.
    names.push(uniqueId(h === '' ? `column ${i + 1}` : h, taken));
  }
  return {
    ok: true,
    table: {
      delimiter,
      hasHeader,
      names,
      width: hasHeader ? first.length : 0,
      rows: hasHeader ? rows.slice(1) : rows,
      lines: hasHeader ? lines.slice(1) : lines,
    },
  };
}

export function columnValues(table: Table, col: number, limit = Infinity): string[] {
  const out: string[] = [];
  for (const r of table.rows) {
    if (out.length >= limit) break;
    const v = (r[col] ?? '').trim();
    if (v !== '') out.push(v);
  }
  return out;
}

export function trimmedCell(raw: string | undefined, onTrim: () => void): string {
  if (raw === undefined) return '';
  const t = raw.trim();
  if (t.length !== raw.length && t !== '') onTrim();
  return t;
}
