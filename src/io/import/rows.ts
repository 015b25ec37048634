// One relation per row of a mapped table: dates with precision, split actor cells, weight, sign, references.
import { newAttributes, type RawRelation } from './build';
import { detectDates, readDate, type DateContext } from './dates';
import { knownTypeKey } from './formats';
import { splitList, type CsvRole } from './infer';
import { agree, plural, trimMessage, type WarningLog } from './log';
import { skipMessage } from './repeats';
import { NUMERIC, columnValues, trimmedCell, type Table } from './table';
import type { CsvMapping } from './types';

/** Resolved column indices, by role. */
export type Columns = Partial<Record<CsvRole | 'sourceAssociates' | 'targetAssociates', number>>;

/** Judges a date column as a whole (order, number unit) and warns about what it assumed. */
export function dateContext(
  table: Table,
  col: number | undefined,
  order: CsvMapping['dateOrder'],
  log: WarningLog,
): DateContext | null {
  if (col === undefined) return null;
  const d = detectDates(columnValues(table, col), order);
  const where = `line ${table.lines[0] ?? 1}, column ${col + 1}`;
  const name = table.names[col];
  if (d.ambiguous && order === undefined) {
    log.add({
      code: 'ambiguous-dates',
      count: 1,
      path: where,
      message: `dates in "${name}" such as ${d.examples.map((e) => `"${e}"`).join(', ')} fit both month/day and day/month; they were read as ${d.order === 'mdy' ? 'month/day/year' : 'day/month/year'}. Choose the order if that is wrong.`,
    });
  }
  if (d.twoDigitYears) {
    log.add({
      code: 'two-digit-year',
      count: 1,
      path: where,
      message: `"${name}" has two-digit years; 00–29 were read as 2000–2029 and 30–99 as 1930–1999.`,
    });
  }
  if (d.numberUnit && d.numberUnit !== 'year') {
    log.add({
      code: 'numeric-time',
      count: 1,
      path: where,
      message: `"${name}" holds numbers; they were read as Unix ${d.numberUnit === 'unix-seconds' ? 'seconds' : 'milliseconds'} and kept as the calendar day in UTC.`,
    });
  }
  return d.numberUnit ? { order: d.order, numberUnit: d.numberUnit } : { order: d.order };
}

/** An EDTF day made as precise as an ACLED-style code says: 1 the day, 2 about the day (~), 3 the month. */
export function withPrecision(edtf: string, code: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(edtf)) return edtf;
  if (code === '2') return `${edtf}~`;
  if (code === '3') return edtf.slice(0, 7);
  return edtf;
}

/** −1, 0 or +1 from a sign cell: GDELT QuadClass (1–2 / 3–4) or a number's sign. */
export function signOf(raw: string, quadClass: boolean): -1 | 0 | 1 | undefined {
  if (!NUMERIC.test(raw)) return undefined;
  const n = Number(raw);
  if (quadClass) return n === 1 || n === 2 ? 1 : n === 3 || n === 4 ? -1 : undefined;
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

const unreadable = (detail: string) => (n: number, at: string) =>
  `${plural(n, 'row')} had a date Tieline cannot read and ${agree(n, 'was', 'were')} skipped (${at}); for example ${detail}.`;

interface RowContext {
  readonly table: Table;
  readonly cols: Columns;
  readonly m: Partial<CsvMapping>;
  readonly log: WarningLog;
  readonly startCtx: DateContext | null;
  readonly endCtx: DateContext | null;
  /** Event formats keep a row with one actor as that actor's own event (a loop). */
  readonly oneSided: boolean;
  readonly mapped: ReadonlySet<number>;
  readonly names: Map<string, string>;
  /** The weight column has negative values: its sign votes for the type's sign. */
  readonly signedWeight: boolean;
  /** No type column and a signed weight (a −10…+10 rating): the sign gives the type. */
  readonly signedTypes: boolean;
}

function cellsOf(row: readonly string[], where: string, ctx: RowContext): string[] {
  const onTrim =
    ctx.table.delimiter === ' '
      ? () => undefined
      : () => ctx.log.tally('trimmed', where, trimMessage);
  return row.map((c) => {
    const v = trimmedCell(c, onTrim);
    if (v === 'NA') {
      ctx.log.tally(
        'missing-values',
        where,
        (n, at) =>
          `${plural(n, 'cell')} read "NA" and ${agree(n, 'was', 'were')} taken as empty (${at}).`,
      );
      return '';
    }
    return v;
  });
}

function readDates(
  cells: readonly string[],
  where: string,
  ctx: RowContext,
): { start: string; end: string | null | undefined } | null {
  const { cols } = ctx;
  let start = '..';
  if (cols.start !== undefined && ctx.startCtx) {
    const d = readDate(cells[cols.start] ?? '', ctx.startCtx);
    if (!d.ok) {
      ctx.log.tally('unreadable-date', `${where}, column ${cols.start + 1}`, unreadable(d.error));
      return null;
    }
    start =
      cols.precision !== undefined ? withPrecision(d.edtf, cells[cols.precision] ?? '') : d.edtf;
  }
  let end: string | null | undefined;
  if (cols.end !== undefined && ctx.endCtx) {
    const d = readDate(cells[cols.end] ?? '', ctx.endCtx);
    if (!d.ok) {
      ctx.log.tally('unreadable-date', `${where}, column ${cols.end + 1}`, unreadable(d.error));
      return null;
    }
    end = d.edtf === '..' ? null : d.edtf;
  } else if (start === '..') end = null;
  return { start, end };
}

/** The actors of one end: the cell, split on the separator when cells list several. */
function endsOf(cell: string, sep: string | undefined, where: string, ctx: RowContext): string[] {
  if (cell === '' || !sep) return cell === '' ? [] : [cell];
  const parts = splitList(cell, sep);
  if (parts.length > 1) {
    ctx.log.tally(
      'split-cells',
      where,
      (n, at) =>
        `${plural(n, 'cell')} listing several actors ${agree(n, 'was', 'were')} split on "${sep}" (commas inside parentheses kept) (${at}).`,
    );
  }
  return parts;
}

/** The optional fields of a relation read from its row. */
function details(cells: readonly string[], ctx: RowContext, rel: Record<string, unknown>): void {
  const { cols, table } = ctx;
  const attributes = newAttributes();
  cells.forEach((v, i) => {
    if (!ctx.mapped.has(i) && v !== '') attributes[table.names[i] ?? `column ${i + 1}`] = v;
  });
  const at = (role: CsvRole): string => (cols[role] === undefined ? '' : (cells[cols[role]] ?? ''));
  if (at('id') !== '') rel.id = at('id');
  if (at('summary') !== '') rel.summary = at('summary');
  if (at('place') !== '') rel.place = at('place');
  if (at('family') !== '') rel.family = at('family');
  const count = at('count');
  if (count !== '') {
    const n = Number(count);
    if (NUMERIC.test(count) && Number.isFinite(n) && n >= 0) rel.count = n;
    else attributes[table.names[cols.count ?? 0] ?? 'count'] = count;
  }
  const weight = at('weight');
  if (weight !== '' && NUMERIC.test(weight) && Number.isFinite(Number(weight)))
    rel.weight = Number(weight);
  const sign = at('sign');
  if (sign !== '') {
    const s = signOf(sign, ctx.m.known === 'gdelt1' || ctx.m.known === 'gdelt2');
    if (s !== undefined) rel.sign = s;
  } else if (cols.sign === undefined && ctx.signedWeight && typeof rel.weight === 'number') {
    rel.sign = signOf(String(rel.weight), false);
  }
  const ref = at('reference');
  if (ref !== '') {
    const sep = ctx.m.referenceSeparator;
    rel.references = sep ? splitList(ref, sep) : [ref];
  }
  if (Object.keys(attributes).length > 0) rel.attributes = attributes;
}

/** Reads every row into relations (one per pair of actors a row names). */
export function readRelations(
  table: Table,
  cols: Columns,
  m: Partial<CsvMapping>,
  log: WarningLog,
  report: (fraction: number) => void,
): { relations: RawRelation[]; names: Map<string, string> } {
  const ctx: RowContext = {
    table,
    cols,
    m,
    log,
    startCtx: dateContext(table, cols.start, m.dateOrder, log),
    endCtx: dateContext(table, cols.end, m.dateOrder, log),
    oneSided:
      m.known === 'acled' || m.known === 'gdelt1' || m.known === 'gdelt2' || m.known === 'icews',
    mapped: new Set(Object.values(cols)),
    names: new Map(),
    signedWeight: false,
    signedTypes: false,
  };
  if (cols.weight !== undefined) {
    const signed = columnValues(table, cols.weight).some((v) => NUMERIC.test(v) && Number(v) < 0);
    Object.assign(ctx, { signedWeight: signed, signedTypes: signed && cols.type === undefined });
  }
  const relations: RawRelation[] = [];
  const seen = new Set<string>();
  const total = table.rows.length || 1;
  const step = Math.max(1, Math.ceil(total / 100));
  table.rows.forEach((row, r) => {
    if (r % step === 0) report(r / total);
    const line = table.lines[r] ?? 0;
    const where = `line ${line}`;
    if (row.every((c) => c.trim() === '')) return;
    if (table.hasHeader && row.length !== table.width) raggedRow(table.width, where, log);
    const cells = cellsOf(row, where, ctx);
    const key = cells.join('\u0000');
    if (seen.has(key)) {
      log.tally(
        'duplicate-row',
        where,
        (n, at) =>
          `${plural(n, 'row')} repeated an earlier row exactly and ${agree(n, 'was', 'were')} dropped (${at}).`,
      );
      return;
    }
    seen.add(key);
    relations.push(...rowRelations(cells, line, ctx));
  });
  return { relations, names: ctx.names };
}

/** "Positive", "Negative" or "Neutral" from a signed weight, so trust and distrust are two types. */
function signedType(cells: readonly string[], ctx: RowContext): string {
  const v = Number(cells[ctx.cols.weight as number] ?? '');
  if (!Number.isFinite(v) || (cells[ctx.cols.weight as number] ?? '') === '') return '';
  return v > 0 ? 'Positive' : v < 0 ? 'Negative' : 'Neutral';
}

function raggedRow(width: number, where: string, log: WarningLog): void {
  log.tally(
    'ragged-rows',
    where,
    (n, at) =>
      `${plural(n, 'row')} had a different number of cells from the header's ${width} (a cut-off or hand-edited row?): missing cells were read as empty, extra ones kept as attributes (${at}).`,
  );
}

function rowRelations(cells: readonly string[], line: number, ctx: RowContext): RawRelation[] {
  const { cols, m, log } = ctx;
  const where = `line ${line}`;
  const sources = endsOf(cells[cols.source as number] ?? '', m.actorSeparator, where, ctx);
  let targets = endsOf(cells[cols.target as number] ?? '', m.actorSeparator, where, ctx);
  let oneSided = false;
  if (sources.length > 0 && targets.length === 0 && ctx.oneSided) {
    targets = [sources[0] as string];
    oneSided = true;
    log.tally(
      'one-sided',
      where,
      (n, at) =>
        `${plural(n, 'event')} had one actor only; ${agree(n, 'it is', 'they are')} kept as that actor's own event, drawn as a loop (${at}).`,
    );
  }
  if (sources.length === 0 || targets.length === 0) {
    log.tally('skipped-row', where, skipMessage);
    return [];
  }
  const dates = readDates(cells, where, ctx);
  if (!dates) return [];
  const nameOf = (role: 'sourceName' | 'targetName', ids: string[]): void => {
    const c = cols[role];
    const v = c === undefined ? '' : (cells[c] ?? '');
    if (v !== '' && ids.length === 1 && !ctx.names.has(ids[0] as string))
      ctx.names.set(ids[0] as string, v);
  };
  nameOf('sourceName', sources);
  nameOf('targetName', targets);
  const rawType =
    cols.type !== undefined
      ? (cells[cols.type] ?? '')
      : ctx.signedTypes
        ? signedType(cells, ctx)
        : '';
  const base: Record<string, unknown> = {
    type: rawType === '' ? null : knownTypeKey(m.known, rawType),
    start: dates.start,
    directed: m.directed ?? true,
    locator: where,
    where,
  };
  if (dates.end !== undefined) base.end = dates.end;
  if (oneSided) base.oneSided = true;
  details(cells, ctx, base);
  const out: RawRelation[] = [];
  const many = sources.length * targets.length > 1;
  for (const s of sources) {
    for (const t of targets) {
      const rel = { ...base, source: s, target: t, fallbackId: `line-${line}` } as Record<
        string,
        unknown
      >;
      if (many) delete rel.id;
      out.push(rel as unknown as RawRelation);
    }
  }
  return out.concat(associates(cells, sources, targets, base, ctx));
}

/** ACLED-style associated actors, tied to their side with an "Acted with" event when asked for. */
function associates(
  cells: readonly string[],
  sources: readonly string[],
  targets: readonly string[],
  base: Record<string, unknown>,
  ctx: RowContext,
): RawRelation[] {
  if (!ctx.m.associates) return [];
  const out: RawRelation[] = [];
  const sides = [
    [ctx.cols.sourceAssociates, sources[0]],
    [ctx.cols.targetAssociates, targets[0]],
  ] as const;
  for (const [col, actor] of sides) {
    if (col === undefined || actor === undefined) continue;
    for (const a of splitList(cells[col] ?? '', '; ')) {
      const rel: Record<string, unknown> = {
        ...base,
        source: a,
        target: actor,
        type: 'Acted with',
      };
      delete rel.id;
      delete rel.weight;
      delete rel.family;
      rel.sign = 1;
      rel.directed = false;
      out.push(rel as unknown as RawRelation);
    }
  }
  return out;
}
