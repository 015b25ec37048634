// Which column holds what, from each column's name AND its content, with the reason for every guess.
import { INSPECT_COLUMNS, INSPECT_ROWS, columnStats, listSeparatorOf, type Stats } from './columns';
import type { DateDetection } from './dates';
import { lookWrong } from './flags';
import { IDENTITY, NAMING, findPairs, type Pair } from './pairs';
import { columnValues, type Table } from './table';

export { INSPECT_ROWS, INSPECT_COLUMNS, splitList, tokens, listSeparatorOf } from './columns';
import type { CsvMapping, DateOrder } from './types';

/** What a column seems to hold, as `inspectCsv` suggests it. */
export type CsvRole =
  | 'source'
  | 'target'
  | 'sourceName'
  | 'targetName'
  | 'type'
  | 'family'
  | 'start'
  | 'end'
  | 'precision'
  | 'id'
  | 'summary'
  | 'reference'
  | 'weight'
  | 'sign'
  | 'place'
  | 'count';

/** One column of the file: its name, suggested role, content figures and how its values read as dates. */
export interface CsvColumn {
  readonly index: number;
  readonly name: string;
  readonly role: CsvRole | null;
  /** Date reading of the column's values, when most of them are dates. */
  readonly date: DateDetection | null;
  readonly examples: readonly string[];
  /** Non-empty values among the rows inspected. */
  readonly filled: number;
  /** Distinct non-empty values among the rows inspected. */
  readonly distinct: number;
  /** Share of non-empty cells that list several names ("A, B, C" or "A; B"). */
  readonly lists: number;
  /** The separator those lists use. */
  readonly listSeparator: string | null;
}

/** Why a column got its role: shown in the import dialog. */
export interface Reason {
  readonly role: CsvRole;
  readonly text: string;
}

/** Column names (compared without case, spaces or punctuation) that suggest each single role. */
const NAMES: Partial<Record<CsvRole, readonly string[]>> = {
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
    'date time start timestamp year begin datetime when startdate starttime startyear ts since day fromdate started begins eventdate',
  ),
  end: words('end enddate endtime endyear stop until finish todate ended ends'),
  id: words('id edgeid relationid key uniqueid eventid globaleventid eventidcnty'),
  summary: words('summary description notes note comment comments remarks details'),
  place: words('place location where city'),
  count: words('count number n'),
};
/** The roles a mapping can give a column, in the order the import resolves them. */
export const ROLE_ORDER: readonly CsvRole[] = [
  'source',
  'target',
  'sourceName',
  'targetName',
  'start',
  'end',
  'precision',
  'type',
  'family',
  'id',
  'summary',
  'reference',
  'weight',
  'sign',
  'place',
  'count',
];

function words(list: string): readonly string[] {
  return list.split(' ');
}

export function normName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The role a column name alone suggests (used to tell a header row from data). */
export function roleOfName(name: string): CsvRole | null {
  const n = normName(name);
  for (const role of ROLE_ORDER) if (NAMES[role]?.some((c) => c === n)) return role;
  return null;
}

type Roles = Map<CsvRole, number>;

interface Inferred {
  readonly roles: Roles;
  readonly reasons: Reason[];
}

function say(inf: Inferred, role: CsvRole, col: number, text: string): void {
  inf.roles.set(role, col);
  inf.reasons.push({ role, text });
}

function used(inf: Inferred, col: number): boolean {
  for (const c of inf.roles.values()) if (c === col) return true;
  return false;
}

/** Rule: the two ends come from the best pair of columns; `*_id` is identity, its `*_name` twin the label. */
export function inferEnds(stats: readonly Stats[], inf: Inferred): void {
  const name = (i: number): string => stats[i]?.name ?? '';
  const ok = (p: Pair): boolean => {
    const [x, y] = [stats[p.a], stats[p.b]];
    return !!x && !!y && !x.unique && !y.unique;
  };
  const candidates = findPairs(stats).filter((p) => p.score >= 1);
  const uniqueOnes = candidates.filter((p) => !ok(p));
  const best = candidates.find(ok);
  if (!best) {
    for (const p of uniqueOnes) {
      inf.reasons.push({
        role: 'source',
        text: `${name(p.a)} / ${name(p.b)}: a pair, but one value per row, so not actors`,
      });
    }
    return;
  }
  // The stem without its identity or name word: group1_id and group1_name share "group".
  const core = (p: Pair): string =>
    p.stem.filter((w) => w !== 'id' && !NAMING.has(w) && !IDENTITY.has(w)).join(' ');
  const twins = candidates.filter((p) => ok(p) && core(p) === core(best) && p !== best);
  const idPair = [best, ...twins].find((p) => p.stem.includes('id'));
  const namePair = [best, ...twins].find((p) => p.stem.some((w) => NAMING.has(w)));
  const ends = idPair ?? best;
  const labels = namePair && namePair !== ends ? namePair : null;
  inf.roles.set('source', ends.a);
  inf.roles.set('target', ends.b);
  let text = `${name(ends.a)} / ${name(ends.b)}: a pair`;
  if (labels) {
    inf.roles.set('sourceName', labels.a);
    inf.roles.set('targetName', labels.b);
    text += `; names from ${name(labels.a)} / ${name(labels.b)}`;
  }
  inf.reasons.push({ role: 'source', text });
}

/** Rule: a column named like a type, never one with (nearly) one value per row; a coarser one is its family. */
export function inferType(stats: readonly Stats[], table: Table, inf: Inferred): void {
  const typeWords = new Set(['type', 'category', 'kind', 'relation', 'relationship']);
  const cands: { s: Stats; rank: number }[] = [];
  for (const s of stats) {
    if (used(inf, s.index) || s.filled === 0) continue;
    const exact = NAMES.type?.includes(normName(s.name)) ?? false;
    const last = typeWords.has(s.words[s.words.length - 1] ?? '');
    if (!exact && !last) continue;
    if (s.nearlyUnique) {
      inf.reasons.push({
        role: 'type',
        text: `${s.name}: nearly one value per row (${s.distinct} of ${s.filled}), so not a type`,
      });
      continue;
    }
    if (s.numeric && !exact) continue;
    cands.push({ s, rank: exact && s.words.length === 1 ? 3 : last ? 2 : 1 });
  }
  cands.sort((x, y) => y.rank - x.rank || y.s.distinct - x.s.distinct);
  const best = cands[0];
  if (!best) return;
  say(inf, 'type', best.s.index, `${best.s.name}: named as a type, ${best.s.distinct} values`);
  // A coarser column under which every type falls in one value is the family.
  for (const c of cands.slice(1)) {
    if (c.s.distinct >= best.s.distinct || c.s.distinct < 2) continue;
    if (nests(table, best.s.index, c.s.index)) {
      say(
        inf,
        'family',
        c.s.index,
        `${c.s.name}: every ${best.s.name} falls under one of its values`,
      );
      return;
    }
  }
}

/** True when each value of column `fine` occurs with a single value of column `coarse`. */
function nests(table: Table, fine: number, coarse: number): boolean {
  const seen = new Map<string, string>();
  for (const r of table.rows.slice(0, INSPECT_ROWS)) {
    const f = (r[fine] ?? '').trim();
    const c = (r[coarse] ?? '').trim();
    if (f === '') continue;
    const was = seen.get(f);
    if (was === undefined) seen.set(f, c);
    else if (was !== c) return false;
  }
  return seen.size > 0;
}

const WEIGHT_NAMES = new Set(
  words(
    'weight fatalities deaths killed casualties rating score goldstein goldsteinscale intensity strength sign valence trust',
  ),
);
const REFERENCE_NAMES = new Set(
  words(
    'source sources publisher url sourceurl link reference references citation outlet newspaper article',
  ),
);

/** Rules for the columns around the tie: summary, the claim's source, precision, weight, relation id. */
export function inferDetails(stats: readonly Stats[], inf: Inferred): void {
  for (const s of stats) {
    if (used(inf, s.index) || s.filled === 0) continue;
    const n = normName(s.name);
    const has = (w: string): boolean => s.words.includes(w);
    if (!inf.roles.has('summary') && (NAMES.summary?.includes(n) || has('description'))) {
      say(inf, 'summary', s.index, `${s.name}: described as text, so the summary`);
    } else if (!inf.roles.has('reference') && (REFERENCE_NAMES.has(n) || s.urls >= 0.5)) {
      say(
        inf,
        'reference',
        s.index,
        `${s.name}: ${s.urls >= 0.5 ? 'web addresses' : 'names the report'}, so each value is a source of the claim`,
      );
    } else if (!inf.roles.has('precision') && has('precision') && (has('time') || has('date'))) {
      say(inf, 'precision', s.index, `${s.name}: date precision codes`);
    } else if (!inf.roles.has('weight') && s.numeric && isWeight(s, n)) {
      say(
        inf,
        'weight',
        s.index,
        `${s.name}: ${WEIGHT_NAMES.has(n) ? 'named as a weight' : 'a signed score'} (${s.min}…${s.max}), so the weight`,
      );
    } else if (
      !inf.roles.has('id') &&
      (NAMES.id?.includes(n) || (has('id') && s.words.length <= 3))
    ) {
      if (s.unique) say(inf, 'id', s.index, `${s.name}: one value per row, so the relation id`);
      else if (NAMES.id?.includes(n))
        inf.reasons.push({
          role: 'id',
          text: `${s.name}: not unique per row (${s.distinct} values in ${s.filled} rows), so not used as the relation id`,
        });
    }
  }
}

/** Rule: place and count by their names alone. */
function inferByName(stats: readonly Stats[], inf: Inferred): void {
  for (const role of ['place', 'count', 'end'] as const) {
    if (inf.roles.has(role)) continue;
    const s = stats.find((x) => !used(inf, x.index) && NAMES[role]?.includes(normName(x.name)));
    if (s) say(inf, role, s.index, `${s.name}: named as the ${role}`);
  }
}

function isWeight(s: Stats, n: string): boolean {
  if (WEIGHT_NAMES.has(n) || s.words.some((w) => WEIGHT_NAMES.has(w))) return true;
  // A signed rating: both signs, within −10…+10, not a date or year.
  return s.min < 0 && s.max > 0 && s.min >= -10 && s.max <= 10 && !s.words.includes('id');
}

/** Rule: dates by name, then by content; the finest (day before year) wins. */
export function inferDates(stats: readonly Stats[], inf: Inferred): void {
  const dated = stats.filter((s) => !used(inf, s.index) && s.date && s.filled > 0);
  const named = (role: 'start' | 'end'): Stats | undefined =>
    dated.find((s) => NAMES[role]?.includes(normName(s.name)) && role === roleOfName(s.name));
  const end = named('end');
  if (end) say(inf, 'end', end.index, `${end.name}: named as an end date`);
  const plausible = dated.filter((s) => s.date?.plausible && s !== end);
  const fine = plausible.filter((s) => s.date?.numberUnit !== 'year');
  const byName = named('start');
  const start =
    (byName && byName.date?.numberUnit !== 'year' ? byName : undefined) ??
    fine.find((s) => s.words.some((w) => w === 'date' || w === 'day')) ??
    byName ??
    fine[0] ??
    plausible[0];
  if (start)
    say(inf, 'start', start.index, `${start.name}: dates${start === byName ? ' by name' : ''}`);
}

/** Without a pair, the columns named source and target, or else the first columns that are not dates. */
function fallbackEnds(stats: readonly Stats[], table: Table, inf: Inferred): void {
  for (const role of ['source', 'target'] as const) {
    if (inf.roles.has(role)) continue;
    const s = stats.find(
      (x) => !used(inf, x.index) && roleOfName(x.name) === role && table.hasHeader,
    );
    if (s && !s.unique) say(inf, role, s.index, `${s.name}: named as the ${role}`);
  }
  for (const allowDates of [false, true]) {
    for (const role of ['source', 'target'] as const) {
      if (inf.roles.has(role)) continue;
      const s = stats.find(
        (x) =>
          !used(inf, x.index) &&
          (allowDates || !x.date?.plausible) &&
          !(x.unique && table.hasHeader) &&
          !(table.hasHeader && roleOfName(x.name) !== null && roleOfName(x.name) !== role),
      );
      if (s) say(inf, role, s.index, `${s.name}: the first free column`);
    }
  }
}

/** The order date columns force, or null when they force none (or none has D/M/Y values). */
function orderFor(ds: readonly (DateDetection | null)[]): DateOrder | null {
  for (const d of ds) if (d && d.dayMonth && !d.ambiguous && !d.conflicting) return d.order;
  return null;
}

/** The suggestion for a table: mapping, columns with their roles, the reasons, and what looks wrong. */
export interface Suggestion {
  readonly mapping: CsvMapping;
  readonly columns: CsvColumn[];
  readonly reasons: Reason[];
  readonly flags: string[];
}

export function suggest(table: Table): Suggestion | null {
  const width = table.names.length;
  if (width < 2) return null;
  const stats = table.names.slice(0, INSPECT_COLUMNS).map((_, i) => columnStats(table, i));
  const inf: Inferred = { roles: new Map(), reasons: [] };
  if (table.hasHeader) {
    inferEnds(stats, inf);
    inferDates(stats, inf);
    inferType(stats, table, inf);
    inferDetails(stats, inf);
    inferByName(stats, inf);
  } else inferDates(stats, inf);
  fallbackEnds(stats, table, inf);
  if (!table.hasHeader) inf.reasons.length = 0;
  const source = inf.roles.get('source');
  const target = inf.roles.get('target');
  if (source === undefined || target === undefined) return null;
  const mapping: Record<string, unknown> = {
    source,
    target,
    hasHeader: table.hasHeader,
    delimiter: table.delimiter,
    directed: true,
    mergeYearly: false,
  };
  for (const [role, i] of inf.roles) if (role !== 'source' && role !== 'target') mapping[role] = i;
  const ends = [stats[source], stats[target]];
  const sep = listSeparatorOf(ends);
  if (sep) {
    mapping.actorSeparator = sep;
    inf.reasons.push({ role: 'source', text: `cells list several actors: split on "${sep}"` });
  }
  const dateCols = [inf.roles.get('start'), inf.roles.get('end')].filter(
    (c): c is number => c !== undefined,
  );
  const order = orderFor(dateCols.map((c) => stats[c]?.date ?? null));
  if (order) mapping.dateOrder = order;
  const roleOf = new Map<number, CsvRole>();
  for (const [role, i] of inf.roles) roleOf.set(i, role);
  const columns = stats.map((s) => ({
    index: s.index,
    name: s.name,
    role: roleOf.get(s.index) ?? null,
    date: s.date && (s.date.plausible || roleOf.get(s.index) === 'start') ? s.date : null,
    examples: columnValues(table, s.index, 3),
    filled: s.filled,
    distinct: s.distinct,
    lists: s.lists,
    listSeparator: s.listSeparator,
  }));
  const m = mapping as unknown as CsvMapping;
  return {
    mapping: m,
    columns,
    reasons: inf.reasons,
    flags: lookWrong(m, columns, table.rows.length),
  };
}
