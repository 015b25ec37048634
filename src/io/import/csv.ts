// CSV, TSV and space-separated edge lists (plus an optional actors file): inspect columns, then import by mapping.
/* eslint-disable max-lines, max-lines-per-function -- issue 13 (i13a) splits csv.ts and importCsv's row callback. */
import Papa from 'papaparse';
import type { Issue } from '../validate';
import { buildDataset, newAttributes, uniqueId, type RawActor, type RawRelation } from './build';
import { detectDates, readDate, type DateContext, type DateDetection } from './dates';
import { Progress, WarningLog, agree, plural, trimMessage } from './log';
import type { CsvMapping, DateOrder, ImportResult, ProgressFn, WarningCode } from './types';

/** What a column seems to hold, as `inspectCsv` suggests it. */
export type CsvRole =
  'source' | 'target' | 'type' | 'start' | 'end' | 'id' | 'summary' | 'place' | 'count';

/** One column of the file: its name, suggested role, and how its values read as dates. */
export interface CsvColumn {
  readonly index: number;
  readonly name: string;
  readonly role: CsvRole | null;
  /** Date reading of the column's values, when most of them are dates. */
  readonly date: DateDetection | null;
  readonly examples: readonly string[];
}

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

/** Rows `inspectCsv` reads at most; enough to judge columns without reading a 50 MB file twice. */
export const INSPECT_ROWS = 20_000;

/** Column names (compared without case, spaces or punctuation) that suggest each role. */
const NAMES: Record<CsvRole, readonly string[]> = {
  source: words(
    'source from src sender origin node1 actor1 actora ego sourceid fromid sourcenode fromnode',
  ),
  target: words(
    'target to dst dest destination receiver recipient node2 actor2 actorb alter targetid toid targetnode tonode',
  ),
  type: words(
    'type relation relationtype relationship interaction kind edgetype tie tietype category predicate label',
  ),
  start: words(
    'date time start timestamp year begin datetime when startdate starttime startyear ts since day fromdate started begins',
  ),
  end: words('end enddate endtime endyear stop until finish todate ended ends'),
  id: words('id edgeid relationid key'),
  summary: words('summary description notes note comment comments'),
  place: words('place location where city country region'),
  count: words('count number n'),
};
const ROLE_ORDER: readonly CsvRole[] = [
  'source',
  'target',
  'start',
  'end',
  'type',
  'id',
  'summary',
  'place',
  'count',
];

function words(list: string): readonly string[] {
  return list.split(' ');
}

function normName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
function roleOfName(name: string): CsvRole | null {
  const n = normName(name);
  for (const role of ROLE_ORDER) if (NAMES[role].some((c) => normName(c) === n)) return role;
  return null;
}

interface Table {
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly names: readonly string[];
  /** Raw (untrimmed) data rows and their 1-based line numbers. */
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

type TableResult = { ok: true; table: Table } | { ok: false; issues: Issue[] };

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

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Whether the first row names columns: a known column name, or text over columns of numbers/dates. */
function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  const cells = first.map((c) => c.trim());
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
function readTable(
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
      rows: hasHeader ? rows.slice(1) : rows,
      lines: hasHeader ? lines.slice(1) : lines,
    },
  };
}

function columnValues(table: Table, col: number, limit = Infinity): string[] {
  const out: string[] = [];
  for (const r of table.rows) {
    if (out.length >= limit) break;
    const v = (r[col] ?? '').trim();
    if (v !== '') out.push(v);
  }
  return out;
}

function suggest(table: Table): { mapping: CsvMapping; columns: CsvColumn[] } | null {
  const width = table.names.length;
  if (width < 2) return null;
  const roles = new Map<CsvRole, number>();
  const roleOf: (CsvRole | null)[] = [];
  const dates: (DateDetection | null)[] = [];
  for (let i = 0; i < width; i++) {
    const role = table.hasHeader ? roleOfName(table.names[i] as string) : null;
    if (role && !roles.has(role)) {
      roles.set(role, i);
      roleOf.push(role);
    } else roleOf.push(null);
    const values = columnValues(table, i, INSPECT_ROWS);
    const d = values.length > 0 ? detectDates(values) : null;
    dates.push(d && (d.plausible || role === 'start' || role === 'end') ? d : null);
  }
  // Without named columns, the first columns that are not dates are the ends; failing that, any free ones.
  for (const allowDates of [false, true]) {
    for (const role of ['source', 'target'] as const) {
      if (roles.has(role)) continue;
      for (let i = 0; i < width; i++) {
        if (roleOf[i] === null && (allowDates || !dates[i])) {
          roles.set(role, i);
          roleOf[i] = role;
          break;
        }
      }
    }
  }
  if (!roles.has('start')) {
    for (let i = 0; i < width; i++) {
      if (roleOf[i] === null && dates[i]) {
        roles.set('start', i);
        roleOf[i] = 'start';
        break;
      }
    }
  }
  const source = roles.get('source');
  const target = roles.get('target');
  if (source === undefined || target === undefined) return null;
  const mapping: { -readonly [K in keyof CsvMapping]: CsvMapping[K] } = {
    source,
    target,
    hasHeader: table.hasHeader,
    delimiter: table.delimiter,
    directed: true,
    mergeYearly: false,
  };
  for (const role of ['type', 'start', 'end', 'id', 'summary', 'place', 'count'] as const) {
    const i = roles.get(role);
    if (i !== undefined) mapping[role] = i;
  }
  const dateCols = [mapping.start, mapping.end].filter((c): c is number => typeof c === 'number');
  const order = orderFor(dateCols.map((c) => dates[c] ?? null));
  if (order) mapping.dateOrder = order;
  const columns = table.names.map((name, index) => ({
    index,
    name,
    role: roleOf[index] ?? null,
    date: dates[index] ?? null,
    examples: columnValues(table, index, 3),
  }));
  return { mapping, columns };
}

/** The order date columns force, or null when they force none (or none has D/M/Y values). */
function orderFor(ds: readonly (DateDetection | null)[]): DateOrder | null {
  for (const d of ds) if (d && d.dayMonth && !d.ambiguous && !d.conflicting) return d.order;
  return null;
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

function trimmedCell(raw: string | undefined, onTrim: () => void): string {
  if (raw === undefined) return '';
  const t = raw.trim();
  if (t.length !== raw.length && t !== '') onTrim();
  return t;
}

/** Reads an actors file: id, name, kind, description columns; every other column becomes an attribute. */
function readActors(
  file: { name: string; text: string },
  log: WarningLog,
): { ok: true; actors: RawActor[] } | { ok: false; issues: Issue[] } {
  const t = readTable(file.text, { name: file.name });
  if (!t.ok)
    return { ok: false, issues: t.issues.map((i) => ({ ...i, path: `${file.name}: ${i.path}` })) };
  const { names, rows, lines, hasHeader } = t.table;
  const find = (cands: readonly string[]): number =>
    hasHeader ? names.findIndex((n) => cands.includes(normName(n))) : -1;
  let idCol = find(['id', 'key', 'node', 'nodeid', 'actor', 'actorid', 'code']);
  const nameCol = find(['name', 'label', 'title', 'fullname', 'actorname', 'displayname']);
  const kindCol = find(['kind', 'actorkind', 'category', 'class']);
  const descCol = find(['description', 'desc', 'notes', 'note', 'about']);
  if (idCol < 0) idCol = nameCol >= 0 ? nameCol : 0;
  const actors: RawActor[] = [];
  rows.forEach((row, r) => {
    const where = `${file.name}: line ${lines[r] ?? 0}`;
    const cell = (i: number): string =>
      trimmedCell(row[i], () => log.tally('trimmed', where, trimMessage));
    const id = cell(idCol);
    if (id === '') {
      log.tally('skipped-row', where, skipMessage);
      return;
    }
    const attributes = newAttributes();
    names.forEach((n, i) => {
      if (i === idCol || i === nameCol || i === kindCol || i === descCol) return;
      const v = cell(i);
      if (v !== '') attributes[n] = v;
    });
    const a: { -readonly [K in keyof RawActor]: RawActor[K] } = { id, where };
    if (nameCol >= 0 && cell(nameCol) !== '') a.name = cell(nameCol);
    if (kindCol >= 0 && cell(kindCol) !== '') a.kind = cell(kindCol);
    if (descCol >= 0 && cell(descCol) !== '') a.description = cell(descCol);
    if (Object.keys(attributes).length > 0) a.attributes = attributes;
    actors.push(a);
  });
  return { ok: true, actors };
}

const YEAR = /^-?\d{4}$/;

/** Warnings that explain why rows were not imported, repeated in the error when none was. */
const ROW_PROBLEMS = new Set<WarningCode>([
  'skipped-row',
  'unreadable-date',
  'duplicate-row',
  'end-before-start',
]);

const skipMessage = (n: number, at: string): string =>
  `${plural(n, 'row')} had no id, or no source or target, and ${agree(n, 'was', 'were')} skipped (${at}).`;

/**
 * Merges relations repeated once per consecutive year (same ends, type and direction) into one interval each;
 * rows for a year already in the run join it. The merged relation keeps the first row's other columns.
 */
function mergeYearly(relations: RawRelation[], log: WarningLog): RawRelation[] {
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
