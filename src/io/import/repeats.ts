// Rows that say the same thing more than once: a relation repeated each year or day, a pair listed both ways,
// one event reported by several stories. Each is merged, counted and warned about.
import { dayOf } from '../../model';
import type { RawRelation } from './build';
import { agree, plural, type WarningLog } from './log';
import type { Table } from './table';
import type { CsvMapping } from './types';

const YEAR = /^-?\d{4}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const skipMessage = (n: number, at: string): string =>
  `${plural(n, 'row')} had no id, or no source or target, and ${agree(n, 'was', 'were')} skipped (${at}).`;

/** A year or a day as a number of its own unit, so consecutive ones differ by 1; null otherwise. */
export function stepOf(date: string): { unit: 'year' | 'day'; n: number } | null {
  if (YEAR.test(date)) return { unit: 'year', n: Number(date) };
  const m = DAY.exec(date);
  if (m) return { unit: 'day', n: dayOf(Number(m[1]), Number(m[2]), Number(m[3])) };
  return null;
}

function pairKey(r: RawRelation): string {
  const [a, b] = r.directed ? [r.source, r.target] : [r.source, r.target].sort();
  return JSON.stringify([a, b, r.type, r.directed]);
}

/**
 * Merges relations repeated over consecutive years or days (same ends, type and direction) into one
 * interval each; a row for a year already in the run joins it. The merged relation keeps the first row's
 * other columns and lists every row in its locator.
 */
export function mergeYearly(relations: RawRelation[], log: WarningLog): RawRelation[] {
  const groups = new Map<string, RawRelation[]>();
  const out: (RawRelation | RawRelation[])[] = [];
  for (const r of relations) {
    const step = stepOf(r.start);
    if (!step || !(r.end === undefined || r.end === r.start)) {
      out.push(r);
      continue;
    }
    const key = `${pairKey(r)}|${step.unit}`;
    let g = groups.get(key);
    if (!g) {
      g = [];
      groups.set(key, g);
      out.push(g);
    }
    g.push(r);
  }
  const result: RawRelation[] = [];
  let merged = 0;
  let runs = 0;
  let firstWhere = '';
  const n = (r: RawRelation): number => stepOf(r.start)?.n ?? 0;
  for (const item of out) {
    if (!Array.isArray(item)) {
      result.push(item);
      continue;
    }
    const sorted = [...item].sort((x, y) => n(x) - n(y));
    let run: RawRelation[] = [];
    const flush = (): void => {
      const head = run[0];
      const tail = run[run.length - 1];
      if (!head || !tail) return;
      if (run.length === 1) result.push(head);
      else {
        merged += run.length - 1;
        runs++;
        const ls = run.map((r) => r.locator.replace(/^line /, ''));
        const where = `lines ${ls.join(', ')}`;
        if (firstWhere === '') firstWhere = where;
        result.push({ ...head, end: tail.start, locator: where, where });
      }
      run = [];
    };
    for (const r of sorted) {
      const prev = run[run.length - 1];
      if (prev && n(r) > n(prev) + 1) flush();
      run.push(r);
    }
    flush();
  }
  if (merged > 0) {
    log.add({
      code: 'merged-yearly',
      count: merged + runs,
      path: firstWhere,
      message: `${plural(merged + runs, 'row')} repeating a relation in consecutive years or days ${agree(merged + runs, 'was', 'were')} merged into ${plural(runs, 'span')}.`,
    });
  }
  return result;
}

/** In an undirected table, the same pair listed both ways (same type and dates) is kept once. */
export function mergeSymmetric(relations: RawRelation[], log: WarningLog): RawRelation[] {
  const seen = new Set<string>();
  const out: RawRelation[] = [];
  for (const r of relations) {
    const key = `${pairKey(r)}|${r.start}|${String(r.end)}`;
    if (seen.has(key)) {
      log.tally(
        'merged-symmetric',
        r.where,
        (k, at) =>
          `${plural(k, 'row')} listed a pair already listed the other way round; the relation is undirected, so ${agree(k, 'it was', 'they were')} kept once (${at}).`,
      );
      continue;
    }
    seen.add(key);
    out.push(r);
  }
  return out;
}

/**
 * One event reported by several stories (same date, ends and type) becomes one relation whose claims are
 * every story's; the first row's other fields stay.
 */
export function mergeReports(relations: RawRelation[], log: WarningLog): RawRelation[] {
  const first = new Map<string, number>();
  const out: RawRelation[] = [];
  for (const r of relations) {
    const key = `${pairKey(r)}|${r.start}|${String(r.end)}`;
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, out.length);
      out.push(r);
      continue;
    }
    const head = out[at] as RawRelation;
    const reports = [
      ...(head.reports ?? [{ locator: head.locator, references: head.references ?? [] }]),
      { locator: r.locator, references: r.references ?? [] },
    ];
    out[at] = { ...head, reports };
    log.tally(
      'merged-reports',
      r.where,
      (k, w) =>
        `${plural(k, 'row')} reported an event already read (same date, actors and type); ${agree(k, 'it was', 'they were')} added as further claims of that relation (${w}).`,
    );
  }
  return out;
}

/** Cell values of a mapped column, or '' when the column is not mapped. */
function cellOf(row: readonly string[], ref: number | string | undefined, table: Table): string {
  const i = typeof ref === 'number' ? ref : ref === undefined ? -1 : table.names.indexOf(ref);
  return i < 0 ? '' : (row[i] ?? '').trim();
}

/** How many rows repeat a relation in the year or day after another row of it (what merging would fold). */
export function countRepeats(table: Table, m: Partial<CsvMapping>): number {
  if (m.start === undefined) return 0;
  const groups = new Map<string, Set<number>>();
  for (const row of table.rows) {
    const step = stepOf(cellOf(row, m.start, table));
    if (!step) continue;
    const key = JSON.stringify([
      cellOf(row, m.source, table),
      cellOf(row, m.target, table),
      cellOf(row, m.type, table),
      step.unit,
    ]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Set()));
    g.add(step.n);
  }
  let repeats = 0;
  for (const g of groups.values()) for (const n of g) if (g.has(n - 1)) repeats++;
  return repeats;
}

/** True when every pair of actors (with its type) appears both ways round, at least twice over. */
export function bothWays(table: Table, m: Partial<CsvMapping>): boolean {
  const pairs = new Set<string>();
  for (const row of table.rows) {
    const s = cellOf(row, m.source, table);
    const t = cellOf(row, m.target, table);
    if (s === '' || t === '' || s === t) continue;
    pairs.add(JSON.stringify([s, t, cellOf(row, m.type, table)]));
  }
  if (pairs.size < 4) return false;
  for (const p of pairs) {
    const [s, t, ty] = JSON.parse(p) as [string, string, string];
    if (!pairs.has(JSON.stringify([t, s, ty]))) return false;
  }
  return true;
}
