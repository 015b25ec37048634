// Which column holds what: role suggestions from column names (and, in time, from their content).
import { detectDates, type DateDetection } from './dates';
import { columnValues, type Table } from './table';
import type { CsvMapping, DateOrder } from './types';

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
export const ROLE_ORDER: readonly CsvRole[] = [
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

export function normName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
export function roleOfName(name: string): CsvRole | null {
  const n = normName(name);
  for (const role of ROLE_ORDER) if (NAMES[role].some((c) => normName(c) === n)) return role;
  return null;
}

export function suggest(table: Table): { mapping: CsvMapping; columns: CsvColumn[] } | null {
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
