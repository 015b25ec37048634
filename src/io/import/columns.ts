// What one column's content looks like (distinct values, numbers, URLs, lists, dates), and its name's words.
import { detectDates, type DateDetection } from './dates';
import { columnValues, NUMERIC, type Table } from './table';

/** Rows `inspectCsv` reads at most; enough to judge columns without reading a 50 MB file twice. */
export const INSPECT_ROWS = 20_000;

/** A column name cut into lower-case words: `Actor1Name` → actor 1 name, `side_a` → side a. */
export function tokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** Splits a cell listing several names on `sep`, keeping separators inside parentheses. */
export function splitList(cell: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && cell.startsWith(sep, i)) {
      out.push(cell.slice(from, i));
      from = i + sep.length;
      i += sep.length - 1;
    }
  }
  out.push(cell.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** What the content of one column looks like. */
export interface Stats {
  readonly index: number;
  readonly name: string;
  readonly words: readonly string[];
  readonly filled: number;
  readonly distinct: number;
  /** Every non-empty value differs from the others (and there are at least 5). */
  readonly unique: boolean;
  /** Nearly one distinct value per row: never a type. */
  readonly nearlyUnique: boolean;
  readonly numeric: boolean;
  readonly min: number;
  readonly max: number;
  readonly urls: number;
  readonly lists: number;
  readonly listSeparator: string | null;
  readonly date: DateDetection | null;
}

const LIST_SEPARATORS = ['; ', ', '] as const;

export function columnStats(table: Table, index: number): Stats {
  const values = columnValues(table, index, INSPECT_ROWS);
  const set = new Set(values);
  let numbers = 0;
  let min = Infinity;
  let max = -Infinity;
  let urls = 0;
  const listCount = new Map<string, number>();
  for (const v of values) {
    if (NUMERIC.test(v)) {
      numbers++;
      const n = Number(v);
      if (n < min) min = n;
      if (n > max) max = n;
    }
    if (/^https?:\/\//i.test(v)) urls++;
    for (const sep of LIST_SEPARATORS) {
      if (splitList(v, sep).length > 1) listCount.set(sep, (listCount.get(sep) ?? 0) + 1);
    }
  }
  const filled = values.length;
  let listSeparator: string | null = null;
  let lists = 0;
  for (const [sep, n] of listCount) if (n > lists) [listSeparator, lists] = [sep, n];
  const d = filled > 0 ? detectDates(values) : null;
  return {
    index,
    name: table.names[index] ?? '',
    words: table.hasHeader ? tokens(table.names[index] ?? '') : [],
    filled,
    distinct: set.size,
    unique: filled >= 5 && set.size === filled,
    nearlyUnique: filled >= 10 && set.size >= 0.9 * filled,
    numeric: filled > 0 && numbers === filled,
    min,
    max,
    urls: filled > 0 ? urls / filled : 0,
    lists: filled > 0 ? lists / filled : 0,
    listSeparator,
    date: d,
  };
}

/** Columns whose content is looked at; wider tables keep the rest as attributes without a guess. */
export const INSPECT_COLUMNS = 256;

/** The separator to split the ends' cells on, when they look like lists of actors. */
export function listSeparatorOf(
  ends: readonly (Pick<Stats, 'lists' | 'filled' | 'listSeparator'> | undefined)[],
): string | null {
  return ends.find((s) => s && s.lists >= 0.1 && s.lists * s.filled >= 3)?.listSeparator ?? null;
}
