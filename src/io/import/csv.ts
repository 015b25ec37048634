// CSV, TSV and space-separated edge lists (plus an optional actors file): inspect columns, then import by mapping.
import type { Issue } from '../validate';
import { readActors } from './actors';
import { buildDataset, newAttributes, type RawActor, type RawRelation } from './build';
import { detectDates, readDate, type DateContext } from './dates';
import { INSPECT_ROWS, ROLE_ORDER, suggest, type CsvColumn, type CsvRole } from './infer';
import { Progress, WarningLog, agree, plural, trimMessage } from './log';
import { mergeYearly, skipMessage } from './repeats';
import { NUMERIC, columnValues, readTable, trimmedCell, type Table } from './table';
import type { CsvMapping, ImportResult, ProgressFn, WarningCode } from './types';

export { INSPECT_ROWS, type CsvColumn, type CsvRole } from './infer';
export { sniffDelimiter } from './table';

/** What `inspectCsv` found, for the UI to show and the user to confirm or change. */
export interface CsvInspection {
  readonly ok: true;
  readonly format: 'csv';
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly columns: readonly CsvColumn[];
  /** The first data rows, trimmed. */
  readonly preview: readonly (readonly string[])[];
  /** Data rows looked at (inspection stops after `INSPECT_ROWS`). */
  readonly rows: number;
  /** The suggested mapping: pass it, changed or not, to `importCsv`. */
  readonly mapping: CsvMapping;
  /** True when the date columns are D/M/Y values that fit both orders: ask the user. */
  readonly ambiguous: boolean;
  /** Values from the file that show the ambiguity. */
  readonly examples: readonly string[];
}

/** Inspection failure: the file cannot be read as a table of edges. */
export interface CsvFailure {
  readonly ok: false;
  readonly format: 'csv';
  readonly issues: readonly Issue[];
}

/** Extra inputs of `importCsv`. */
export interface CsvImportOptions {
  /** A decoded actors file. */
  readonly actors?: { readonly name: string; readonly text: string };
  readonly onProgress?: ProgressFn;
  /** Warnings gathered before (decoding); the import adds to it. */
  readonly log?: WarningLog;
}

/**
 * Reads the head of a delimited file and suggests how to import it: delimiter, header, which column is
 * source, target, type and dates, and whether dates like 03/04/2014 are ambiguous (the UI must then ask).
 */
export function inspectCsv(text: string, name = 'file.csv'): CsvInspection | CsvFailure {
  const t = readTable(text, { maxRows: INSPECT_ROWS, name });
  if (!t.ok) return { ok: false, format: 'csv', issues: t.issues };
  const s = suggest(t.table);
  if (!s) return { ok: false, format: 'csv', issues: [noEdgeColumns(t.table)] };
  const dateCols = [s.mapping.start, s.mapping.end]
    .filter((c): c is number => typeof c === 'number')
    .map((c) => s.columns[c]?.date ?? null);
  const ambiguous = dateCols.some((d) => d?.ambiguous === true);
  const examples = dateCols.flatMap((d) => (d?.ambiguous ? d.examples : [])).slice(0, 3);
  return {
    ok: true,
    format: 'csv',
    delimiter: t.table.delimiter,
    hasHeader: t.table.hasHeader,
    columns: s.columns,
    preview: t.table.rows.slice(0, 10).map((r) => r.map((c) => c.trim())),
    rows: t.table.rows.length,
    mapping: s.mapping,
    ambiguous,
    examples,
  };
}

function noEdgeColumns(table: Table): Issue {
  return {
    path: 'line 1',
    message: `no usable edge columns: found ${plural(table.names.length, 'column')} (${table.names.slice(0, 5).join(', ')}) with the "${table.delimiter === '\t' ? 'tab' : table.delimiter === ' ' ? 'space' : table.delimiter}" delimiter; the file needs a source and a target column (e.g. "source,target,date").`,
  };
}

function resolveColumn(
  ref: number | string | undefined,
  table: Table,
  what: string,
): { ok: true; index: number | undefined } | { ok: false; issue: Issue } {
  if (ref === undefined) return { ok: true, index: undefined };
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < table.names.length)
      return { ok: true, index: ref };
  } else {
    const i = table.names.findIndex((n) => n === ref);
    if (i >= 0) return { ok: true, index: i };
    const j = table.names.findIndex((n) => n.toLowerCase() === ref.toLowerCase());
    if (j >= 0) return { ok: true, index: j };
  }
  return {
    ok: false,
    issue: {
      path: 'line 1',
      message: `the ${what} column "${String(ref)}" is not in the file; its columns are ${table.names.join(', ')}.`,
    },
  };
}

/** Warnings that explain why rows were not imported, repeated in the error when none was. */
const ROW_PROBLEMS = new Set<WarningCode>([
  'skipped-row',
  'unreadable-date',
  'duplicate-row',
  'end-before-start',
]);

/**
 * Imports a delimited edge list with a (confirmed) mapping: one relation per row, actors from the rows or
 * from an actors file, dates read per column, quirks warned. Returns a failed result for breakage.
 */
export function importCsv(
  text: string,
  name: string,
  mapping: Partial<CsvMapping> = {},
  options: CsvImportOptions = {},
): ImportResult {
  const log = options.log ?? new WarningLog();
  const progress = new Progress(text.length, options.onProgress);
  const t = readTable(text, {
    delimiter: mapping.delimiter,
    hasHeader: mapping.hasHeader,
    name,
    progress: progress.phase(0, 0.45),
    headerNames: [mapping.source, mapping.target, mapping.type, mapping.start, mapping.end].filter(
      (c): c is string => typeof c === 'string',
    ),
  });
  if (!t.ok) return { ok: false, format: 'csv', issues: t.issues };
  const table = t.table;
  const suggested =
    mapping.source === undefined || mapping.target === undefined ? suggest(table) : null;
  const m: Partial<CsvMapping> = { ...(suggested?.mapping ?? {}), ...mapping };
  if (m.source === undefined || m.target === undefined) {
    return { ok: false, format: 'csv', issues: [noEdgeColumns(table)] };
  }
  const cols: Partial<Record<CsvRole, number>> = {};
  for (const role of ROLE_ORDER) {
    const r = resolveColumn(m[role], table, role);
    if (!r.ok) return { ok: false, format: 'csv', issues: [r.issue] };
    if (r.index !== undefined) cols[role] = r.index;
  }
  if (cols.source === undefined || cols.target === undefined || cols.source === cols.target) {
    return { ok: false, format: 'csv', issues: [noEdgeColumns(table)] };
  }

  // Dates: judge each date column as a whole, then read value by value.
  const ctxFor = (col: number | undefined): DateContext | null => {
    if (col === undefined) return null;
    const d = detectDates(columnValues(table, col), m.dateOrder);
    const where = `line ${table.lines[0] ?? 1}, column ${col + 1}`;
    if (d.ambiguous && m.dateOrder === undefined) {
      log.add({
        code: 'ambiguous-dates',
        count: 1,
        path: where,
        message: `dates in "${table.names[col]}" such as ${d.examples.map((e) => `"${e}"`).join(', ')} fit both month/day and day/month; they were read as ${d.order === 'mdy' ? 'month/day/year' : 'day/month/year'}. Choose the order if that is wrong.`,
      });
    }
    if (d.twoDigitYears) {
      log.add({
        code: 'two-digit-year',
        count: 1,
        path: where,
        message: `"${table.names[col]}" has two-digit years; 00–29 were read as 2000–2029 and 30–99 as 1930–1999.`,
      });
    }
    if (d.numberUnit && d.numberUnit !== 'year') {
      log.add({
        code: 'numeric-time',
        count: 1,
        path: where,
        message: `"${table.names[col]}" holds numbers; they were read as Unix ${d.numberUnit === 'unix-seconds' ? 'seconds' : 'milliseconds'} and kept as the calendar day in UTC.`,
      });
    }
    return d.numberUnit ? { order: d.order, numberUnit: d.numberUnit } : { order: d.order };
  };
  const startCtx = ctxFor(cols.start);
  const endCtx = ctxFor(cols.end);

  const mapped = new Set(Object.values(cols));
  const seen = new Set<string>();
  const relations: RawRelation[] = [];
  const directed = m.directed ?? true;
  const total = table.rows.length || 1;
  const report = progress.phase(0.45, 0.6);
  const step = Math.max(1, Math.ceil(total / 100));
  const trimLog = (where: string) => () => log.tally('trimmed', where, trimMessage);

  table.rows.forEach((row, r) => {
    if (r % step === 0) report(r / total);
    const line = table.lines[r] ?? 0;
    const where = `line ${line}`;
    if (row.every((c) => c.trim() === '')) return;
    const onTrim = table.delimiter === ' ' ? () => undefined : trimLog(where);
    const cells = row.map((c) => trimmedCell(c, onTrim));
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
    const source = cells[cols.source as number] ?? '';
    const target = cells[cols.target as number] ?? '';
    if (source === '' || target === '') {
      log.tally('skipped-row', where, skipMessage);
      return;
    }
    let start = '..';
    if (cols.start !== undefined && startCtx) {
      const d = readDate(cells[cols.start] ?? '', startCtx);
      if (!d.ok) {
        log.tally(
          'unreadable-date',
          `${where}, column ${cols.start + 1}`,
          (n, at) =>
            `${plural(n, 'row')} had a date Tieline cannot read and ${agree(n, 'was', 'were')} skipped (${at}); for example ${d.error}.`,
        );
        return;
      }
      start = d.edtf;
    }
    let end: string | null | undefined;
    if (cols.end !== undefined && endCtx) {
      const raw = cells[cols.end] ?? '';
      const d = readDate(raw, endCtx);
      if (!d.ok) {
        log.tally(
          'unreadable-date',
          `${where}, column ${cols.end + 1}`,
          (n, at) =>
            `${plural(n, 'row')} had a date Tieline cannot read and ${agree(n, 'was', 'were')} skipped (${at}); for example ${d.error}.`,
        );
        return;
      }
      end = d.edtf === '..' ? null : d.edtf;
    } else if (start === '..') end = null;
    const attributes = newAttributes();
    cells.forEach((v, i) => {
      if (!mapped.has(i) && v !== '') attributes[table.names[i] ?? `column ${i + 1}`] = v;
    });
    const rel: { -readonly [K in keyof RawRelation]: RawRelation[K] } = {
      source,
      target,
      type:
        cols.type !== undefined && (cells[cols.type] ?? '') !== ''
          ? (cells[cols.type] as string)
          : null,
      start,
      directed,
      locator: where,
      where,
      fallbackId: `line-${line}`,
    };
    if (end !== undefined) rel.end = end;
    if (cols.id !== undefined && (cells[cols.id] ?? '') !== '') rel.id = cells[cols.id] as string;
    if (cols.summary !== undefined && (cells[cols.summary] ?? '') !== '')
      rel.summary = cells[cols.summary] as string;
    if (cols.place !== undefined && (cells[cols.place] ?? '') !== '')
      rel.place = cells[cols.place] as string;
    if (cols.count !== undefined && (cells[cols.count] ?? '') !== '') {
      const raw = cells[cols.count] as string;
      const n = Number(raw);
      if (NUMERIC.test(raw) && Number.isFinite(n) && n >= 0) rel.count = n;
      else attributes[table.names[cols.count] ?? 'count'] = raw;
    }
    if (Object.keys(attributes).length > 0) rel.attributes = attributes;
    relations.push(rel);
  });

  let actors: RawActor[] = [];
  if (options.actors) {
    const a = readActors(options.actors, log);
    if (!a.ok) return { ok: false, format: 'csv', issues: a.issues };
    actors = a.actors;
  }
  const rels = m.mergeYearly ? mergeYearly(relations, log) : relations;
  if (rels.length === 0) {
    return {
      ok: false,
      format: 'csv',
      issues: [
        {
          path: `line ${table.lines[0] ?? 1}`,
          message: `no relation could be read from ${name}: ${
            log
              .result()
              .filter((w) => ROW_PROBLEMS.has(w.code))
              .map((w) => w.message)
              .join(' ') || 'every row was empty'
          }`,
        },
      ],
    };
  }
  const result = buildDataset({
    name,
    format: 'csv',
    actors,
    declaresActors: options.actors !== undefined,
    relations: rels,
    idPrefix: 'line-',
    emptyPath: 'line 1',
    onProgress: progress.phase(0.6, 1),
    log,
  });
  progress.at(1);
  return result;
}
