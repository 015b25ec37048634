// An actors file (id, name, kind, description; other columns kept as attributes) read into raw actors.
import type { Issue } from '../validate';
import { newAttributes, type RawActor } from './build';
import { normName } from './infer';
import { trimMessage, type WarningLog } from './log';
import { readTable, trimmedCell } from './table';
import { skipMessage } from './repeats';

/** Reads an actors file: id, name, kind, description columns; every other column becomes an attribute. */
export function readActors(
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
