// An actors file (a key: id, name, kind, aliases, description; other columns kept as attributes) read into actors.
import type { Mutable } from '../../model';
import type { Issue } from '../validate';
import { newAttributes, type RawActor } from './build';
import { normName, tokens } from './infer';
import { trimMessage, type WarningLog } from './log';
import { skipMessage } from './repeats';
import { NUMERIC, readTable, trimmedCell, type Table } from './table';
import type { ActorColumns } from './types';

const ID_NAMES = ['id', 'key', 'node', 'nodeid', 'actor', 'actorid', 'code', 'groupid'];
const NAME_NAMES = ['name', 'label', 'title', 'fullname', 'actorname', 'displayname', 'groupname'];
const KIND_NAMES = ['kind', 'actorkind', 'category', 'class', 'actortype'];
const ALIAS_NAMES = ['aliases', 'alias', 'othernames', 'aka', 'alsoknownas'];
const DESC_NAMES = ['description', 'desc', 'notes', 'note', 'about'];
const HEADER_WORDS = new Set(['id', 'name', 'label', 'kind', 'alias', 'aliases', 'type', 'code']);

/** True when the first row of a key file names its columns (`group_id,name,` is a header, not an actor). */
function keyHeader(table: Table, first: readonly string[]): boolean {
  const cells = first.map((c) => c.trim()).filter((c) => c !== '');
  if (cells.some((c) => tokens(c).some((w) => HEADER_WORDS.has(w)))) return true;
  // A text first cell over numeric ids below it.
  const below = table.rows.slice(1, 50).map((r) => (r[0] ?? '').trim());
  return (
    cells.length > 0 &&
    !NUMERIC.test(cells[0] as string) &&
    below.length > 0 &&
    below.every((v) => NUMERIC.test(v))
  );
}

/** The columns of an actors file and the suggested pickers, for the import dialog. */
export interface ActorsInspection {
  readonly names: readonly string[];
  readonly columns: Required<{ [K in keyof ActorColumns]: number | null }>;
  readonly rows: number;
}

function readKey(file: {
  name: string;
  text: string;
}): { ok: true; table: Table } | { ok: false; issues: Issue[] } {
  const first = readTable(file.text, { name: file.name, hasHeader: false, maxRows: 50 });
  if (!first.ok)
    return {
      ok: false,
      issues: first.issues.map((i) => ({ ...i, path: `${file.name}: ${i.path}` })),
    };
  const hasHeader = keyHeader(first.table, first.table.rows[0] ?? []);
  const t = readTable(file.text, { name: file.name, hasHeader });
  if (!t.ok)
    return { ok: false, issues: t.issues.map((i) => ({ ...i, path: `${file.name}: ${i.path}` })) };
  return t;
}

function pickColumns(table: Table, given: ActorColumns = {}): ActorsInspection['columns'] {
  const { names, hasHeader } = table;
  const find = (cands: readonly string[]): number =>
    hasHeader ? names.findIndex((n) => cands.includes(normName(n))) : -1;
  const resolve = (ref: number | string | undefined, cands: readonly string[]): number | null => {
    if (typeof ref === 'number') return ref >= 0 && ref < names.length ? ref : null;
    if (typeof ref === 'string') {
      const i = names.findIndex((n) => n === ref);
      return i >= 0 ? i : null;
    }
    const i = find(cands);
    return i >= 0 ? i : null;
  };
  let name = resolve(given.name, NAME_NAMES);
  if (name === null && given.name === undefined && hasHeader) {
    // A column whose name has the word name, label or title ("Full label", "group name").
    const byWord = names.findIndex((n) =>
      tokens(n).some((w) => ['name', 'label', 'title'].includes(w)),
    );
    if (byWord >= 0) name = byWord;
  }
  let id = resolve(given.id, ID_NAMES);
  if (id === null) {
    // An id-like column (`*_id`), else the name, else the first column.
    const byWord = hasHeader ? names.findIndex((n) => tokens(n).includes('id')) : -1;
    id = byWord >= 0 ? byWord : (name ?? 0);
  }
  return {
    id,
    name: name === null && !hasHeader && names.length >= 2 && id === 0 ? 1 : name,
    kind: resolve(given.kind, KIND_NAMES),
    aliases: resolve(given.aliases, ALIAS_NAMES),
  };
}

/** Looks at an actors file: its columns and which ones hold the id, name, kind and aliases. */
export function inspectActors(file: {
  name: string;
  text: string;
}): { ok: true; inspection: ActorsInspection } | { ok: false; issues: Issue[] } {
  const t = readKey(file);
  if (!t.ok) return t;
  return {
    ok: true,
    inspection: {
      names: t.table.names,
      columns: pickColumns(t.table),
      rows: t.table.rows.length,
    },
  };
}

/** Reads an actors file with any header: id, name, kind, aliases, description; other columns are attributes. */
export function readActors(
  file: { name: string; text: string },
  log: WarningLog,
  given?: ActorColumns,
): { ok: true; actors: RawActor[] } | { ok: false; issues: Issue[] } {
  const t = readKey(file);
  if (!t.ok) return t;
  const { names, rows, lines, hasHeader } = t.table;
  const cols = pickColumns(t.table, given);
  const descCol = hasHeader ? names.findIndex((n) => DESC_NAMES.includes(normName(n))) : -1;
  const taken = new Set([cols.id, cols.name, cols.kind, cols.aliases, descCol]);
  const actors: RawActor[] = [];
  rows.forEach((row, r) => {
    const where = `${file.name}: line ${lines[r] ?? 0}`;
    const cell = (i: number | null): string =>
      i === null || i < 0
        ? ''
        : trimmedCell(row[i], () => log.tally('trimmed', where, trimMessage));
    const id = cell(cols.id);
    if (id === '') {
      if (row.some((c) => c.trim() !== '')) log.tally('skipped-row', where, skipMessage);
      return;
    }
    const attributes = newAttributes();
    names.forEach((n, i) => {
      if (taken.has(i)) return;
      const v = cell(i);
      if (v !== '') attributes[n] = v;
    });
    const a: Mutable<RawActor> = { id, where };
    if (cell(cols.name) !== '') a.name = cell(cols.name);
    if (cell(cols.kind) !== '') a.kind = cell(cols.kind);
    if (cell(descCol) !== '') a.description = cell(descCol);
    const aliases = cell(cols.aliases);
    if (aliases !== '')
      a.aliases = aliases
        .split(/[;|]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    if (Object.keys(attributes).length > 0) a.attributes = attributes;
    actors.push(a);
  });
  return { ok: true, actors };
}
