// Rows that repeat a relation once per consecutive year, merged into one interval each.
import type { RawRelation } from './build';
import { agree, plural, type WarningLog } from './log';

const YEAR = /^-?\d{4}$/;

export const skipMessage = (n: number, at: string): string =>
  `${plural(n, 'row')} had no id, or no source or target, and ${agree(n, 'was', 'were')} skipped (${at}).`;

/**
 * Merges relations repeated once per consecutive year (same ends, type and direction) into one interval each;
 * rows for a year already in the run join it. The merged relation keeps the first row's other columns.
 */
export function mergeYearly(relations: RawRelation[], log: WarningLog): RawRelation[] {
  const groups = new Map<string, RawRelation[]>();
  const out: (RawRelation | RawRelation[])[] = [];
  for (const r of relations) {
    const yearly = YEAR.test(r.start) && (r.end === undefined || r.end === r.start);
    if (!yearly) {
      out.push(r);
      continue;
    }
    const [a, b] = r.directed ? [r.source, r.target] : [r.source, r.target].sort();
    const key = JSON.stringify([a, b, r.type, r.directed]);
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
  for (const item of out) {
    if (!Array.isArray(item)) {
      result.push(item);
      continue;
    }
    const sorted = [...item].sort((x, y) => Number(x.start) - Number(y.start));
    let run: RawRelation[] = [];
    const flush = (): void => {
      const head = run[0];
      const tail = run[run.length - 1];
      if (!head || !tail) return;
      if (run.length === 1) {
        result.push(head);
      } else {
        merged += run.length - 1;
        runs++;
        const ls = run.map((r) => r.locator.replace(/^line /, ''));
        if (firstWhere === '') firstWhere = `lines ${ls.join(', ')}`;
        result.push({
          ...head,
          end: tail.start,
          locator: `lines ${ls.join(', ')}`,
          where: `lines ${ls.join(', ')}`,
        });
      }
      run = [];
    };
    for (const r of sorted) {
      const prev = run[run.length - 1];
      if (prev && Number(r.start) > Number(prev.start) + 1) flush();
      run.push(r);
    }
    flush();
  }
  if (merged > 0) {
    log.add({
      code: 'merged-yearly',
      count: merged + runs,
      path: firstWhere,
      message: `${plural(merged + runs, 'yearly row')} were merged into ${plural(runs, 'interval')} (the same relation repeated in consecutive years).`,
    });
  }
  return result;
}
