// CSV, TSV and space-separated edge lists (plus an optional actors file): inspect columns, then import by mapping.
import type { Issue } from '../validate';
import { readActors } from './actors';
import { buildDataset, type RawActor, type RawRelation } from './build';
import { lookWrong } from './flags';
import { knownType, recognise, type KnownFormat } from './formats';
import {
  INSPECT_ROWS,
  ROLE_ORDER,
  listSeparatorOf,
  suggest,
  type CsvColumn,
  type CsvRole,
  type Reason,
} from './infer';
import { Progress, WarningLog, agree, plural } from './log';
import { bothWays, countRepeats, mergeReports, mergeSymmetric, mergeYearly } from './repeats';
import { readRelations, type Columns } from './rows';
import { readTable, type Table } from './table';
import type { CsvMapping, ImportResult, KnownFormatId, ProgressFn, WarningCode } from './types';

export { INSPECT_ROWS, type CsvColumn, type CsvRole, type Reason } from './infer';
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
  /** Why each column got its role ("group1_id / group2_id: a pair; names from …"). */
  readonly reasons: readonly Reason[];
  /** What looks wrong with the suggestion (actors ≈ rows, one relation per type, ids not unique). */
  readonly flags: readonly string[];
  /** The format recognised by its columns, if any. */
  readonly known: { readonly id: KnownFormatId; readonly label: string } | null;
  /** Rows that repeat a relation over consecutive years or days (merged by default). */
  readonly repeats: number;
  /** Every pair appears both ways (suggested as undirected). */
  readonly symmetric: boolean;
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

/** The mapping Tieline proposes for a table, with its reasons: a known format's, else the inferred one. */
export interface Proposal {
  readonly mapping: CsvMapping;
  readonly columns: CsvColumn[];
  readonly reasons: Reason[];
  readonly flags: string[];
  readonly known: KnownFormat | null;
  /** Rows that repeat a relation over consecutive years or days (merged by default). */
  readonly repeats: number;
  /** Every pair appears both ways: the relation is probably undirected. */
  readonly symmetric: boolean;
}

/** Gives a headerless table the column names of the known format it matches (GDELT). */
function named(table: Table, known: KnownFormat | null): Table {
  if (!known?.names || table.hasHeader) return table;
  const names = table.names.map((n, i) => known.names?.[i] ?? n);
  return { ...table, names };
}

/** The proposal for a table: what the dialog shows and what an untouched import uses. */
export function propose(raw: Table): Proposal | null {
  const known = recognise(raw);
  const table = named(raw, known);
  const s = suggest(table);
  if (!s && !known) return null;
  const base = s?.mapping ?? { source: 0, target: 1 };
  const mapping: CsvMapping = known
    ? ({
        hasHeader: table.hasHeader,
        delimiter: table.delimiter,
        directed: true,
        mergeYearly: false,
        ...(s?.mapping.dateOrder ? { dateOrder: s.mapping.dateOrder } : {}),
        ...known.mapping,
        known: known.id,
      } as CsvMapping)
    : base;
  const reasons: Reason[] = known ? knownReasons(known, table) : (s?.reasons ?? []);
  const sep = known
    ? listSeparatorOf([s?.columns[Number(mapping.source)], s?.columns[Number(mapping.target)]])
    : null;
  if (sep && mapping.actorSeparator === undefined) {
    (mapping as { actorSeparator?: string }).actorSeparator = sep;
    reasons.push({ role: 'source', text: `cells list several actors: split on "${sep}"` });
  }
  const repeats = countRepeats(table, mapping);
  const symmetric = known ? false : bothWays(table, mapping);
  const m = { ...mapping } as Record<string, unknown>;
  if (repeats > 0 && m.mergeYearly === undefined) m.mergeYearly = true;
  if (repeats > 0 && !known) {
    m.mergeYearly = true;
    reasons.push({
      role: 'start',
      text: `${repeats} rows repeat a relation in consecutive years or days: merged into spans`,
    });
  }
  if (symmetric) {
    m.directed = false;
    reasons.push({
      role: 'source',
      text: 'every pair appears both ways: read as undirected, each pair once',
    });
  }
  const columns = (s?.columns ?? []).map((c) => ({ ...c, role: roleIn(m, c.index) }));
  const final = m as unknown as CsvMapping;
  return {
    mapping: final,
    columns,
    reasons,
    flags: lookWrong(final, columns, table.rows.length),
    known,
    repeats,
    symmetric,
  };
}

const ROLE_WORDS: Partial<Record<CsvRole, string>> = {
  source: 'source',
  target: 'target',
  sourceName: 'source names',
  targetName: 'target names',
  type: 'type',
  family: 'type family',
  start: 'date',
  precision: 'date precision',
  summary: 'summary',
  reference: 'source of each claim',
  weight: 'weight',
  sign: 'sign',
  id: 'relation id',
  place: 'place',
};

/** What a known format does with each column, for the dialog. */
function knownReasons(known: KnownFormat, table: Table): Reason[] {
  const parts: string[] = [];
  for (const role of ROLE_ORDER) {
    const c = (known.mapping as Record<string, unknown>)[role];
    const word = ROLE_WORDS[role];
    if (typeof c === 'number' && word) parts.push(`${table.names[c] ?? c} → ${word}`);
  }
  return [
    { role: 'source', text: `recognised as ${known.label} by its columns` },
    { role: 'source', text: parts.join('; ') },
  ];
}

function roleIn(m: Record<string, unknown>, index: number): CsvRole | null {
  for (const role of ROLE_ORDER) if (m[role] === index) return role;
  return null;
}

/**
 * Reads the head of a delimited file and suggests how to import it: a known format by its columns, or
 * which column is source, target, type, dates and the rest, with reasons and what looks wrong.
 */
export function inspectCsv(text: string, name = 'file.csv'): CsvInspection | CsvFailure {
  const t = readTable(text, { maxRows: INSPECT_ROWS, name });
  if (!t.ok) return { ok: false, format: 'csv', issues: t.issues };
  const p = propose(t.table);
  if (!p) return { ok: false, format: 'csv', issues: [noEdgeColumns(t.table)] };
  const dateCols = [p.mapping.start, p.mapping.end]
    .filter((c): c is number => typeof c === 'number')
    .map((c) => p.columns[c]?.date ?? null);
  const ambiguous = dateCols.some((d) => d?.ambiguous === true);
  const examples = dateCols.flatMap((d) => (d?.ambiguous ? d.examples : [])).slice(0, 3);
  return {
    ok: true,
    format: 'csv',
    delimiter: t.table.delimiter,
    hasHeader: t.table.hasHeader,
    columns: p.columns,
    preview: t.table.rows.slice(0, 10).map((r) => r.map((c) => c.trim())),
    rows: t.table.rows.length,
    mapping: p.mapping,
    ambiguous,
    examples,
    reasons: p.reasons,
    flags: p.flags,
    known: p.known ? { id: p.known.id, label: p.known.label } : null,
    repeats: p.repeats,
    symmetric: p.symmetric,
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
  'missing-values',
  'ragged-rows',
]);

/** Resolves every role of a mapping to a column index, or the issue naming a missing column. */
function resolveAll(
  m: Partial<CsvMapping>,
  table: Table,
): { ok: true; cols: Columns } | { ok: false; issue: Issue } {
  const cols: Columns = {};
  for (const role of [...ROLE_ORDER, 'sourceAssociates', 'targetAssociates'] as const) {
    const r = resolveColumn(m[role], table, role);
    if (!r.ok) return r;
    if (r.index !== undefined) cols[role] = r.index;
  }
  return { ok: true, cols };
}

function noRelations(table: Table, name: string, log: WarningLog): ImportResult {
  const why =
    log
      .result()
      .filter((w) => ROW_PROBLEMS.has(w.code))
      .map((w) => w.message)
      .join(' ') || 'every row was empty';
  return {
    ok: false,
    format: 'csv',
    issues: [
      {
        path: `line ${table.lines[0] ?? 1}`,
        message: `no relation could be read from ${name}: ${why}`,
      },
    ],
  };
}

/** Actors: the actors file when given (warning about ids no relation uses), else names from the table. */
function actorsFor(
  options: CsvImportOptions,
  m: Partial<CsvMapping>,
  relations: readonly RawRelation[],
  names: ReadonlyMap<string, string>,
  log: WarningLog,
): { ok: true; actors: RawActor[] } | { ok: false; issues: Issue[] } {
  if (!options.actors) {
    return {
      ok: true,
      actors: [...names].map(([id, name]) => ({ id, name, where: 'line 1' })),
    };
  }
  const a = readActors(options.actors, log, m.actorColumns);
  if (!a.ok) return a;
  const usedIds = new Set<string>();
  for (const r of relations) usedIds.add(r.source).add(r.target);
  const unused = a.actors.filter((x) => !usedIds.has(x.id));
  if (unused.length > 0) {
    log.add({
      code: 'unused-actors',
      count: unused.length,
      path: unused[0]?.where ?? options.actors.name,
      message: `${plural(unused.length, 'actor')} in ${options.actors.name} ${agree(unused.length, 'is', 'are')} in no relation of the table (ids ${unused
        .slice(0, 5)
        .map((x) => `"${x.id}"`)
        .join(
          ', ',
        )}${unused.length > 5 ? ', …' : ''}); kept, without ties. Check that the two files belong together.`,
    });
  }
  // Names the table gives fill in actors the file leaves unnamed.
  const actors = a.actors.map((x) =>
    x.name === undefined && names.has(x.id) ? { ...x, name: names.get(x.id) as string } : x,
  );
  return { ok: true, actors };
}

/**
 * Imports a delimited edge list with a (confirmed) mapping: one relation per row (or per pair a row lists),
 * actors from the rows or from an actors file, dates read per column, known vocabularies applied, repeats
 * merged, quirks warned. Without a mapping, the proposal an untouched dialog would use.
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
  const proposal =
    mapping.source === undefined || mapping.target === undefined ? propose(t.table) : null;
  const m: Partial<CsvMapping> = { ...(proposal?.mapping ?? {}), ...mapping };
  const table = named(t.table, m.known ? recognise(t.table) : null);
  if (m.source === undefined || m.target === undefined) {
    return { ok: false, format: 'csv', issues: [noEdgeColumns(table)] };
  }
  const resolved = resolveAll(m, table);
  if (!resolved.ok) return { ok: false, format: 'csv', issues: [resolved.issue] };
  const cols = resolved.cols;
  if (cols.source === undefined || cols.target === undefined || cols.source === cols.target) {
    return { ok: false, format: 'csv', issues: [noEdgeColumns(table)] };
  }
  const read = readRelations(table, cols, m, log, progress.phase(0.45, 0.6));
  const actors = actorsFor(options, m, read.relations, read.names, log);
  if (!actors.ok) return { ok: false, format: 'csv', issues: actors.issues };
  let rels = m.mergeYearly ? mergeYearly(read.relations, log) : read.relations;
  if (m.directed === false) rels = mergeSymmetric(rels, log);
  if (m.mergeReports) rels = mergeReports(rels, log);
  if (rels.length === 0) return noRelations(table, name, log);
  const known = m.known;
  const result = buildDataset({
    name,
    format: 'csv',
    actors: actors.actors,
    declaresActors: options.actors !== undefined,
    actorsFile: options.actors?.name,
    relations: rels,
    idPrefix: 'line-',
    emptyPath: 'line 1',
    onProgress: progress.phase(0.6, 1),
    log,
    ...(known ? { typeInfo: (raw: string, family?: string) => knownType(known, raw, family) } : {}),
  });
  progress.at(1);
  return result;
}
