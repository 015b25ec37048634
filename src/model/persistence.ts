// States that last until superseded: each pair's records in a family, and the derived end of a lasting state at the pair's next record.
//
// The rules (docs/dataset-format.md, "States that last until superseded"):
// - A type's family is its `family`, or, for a type that `lasts: 'until-superseded'` without one, the
//   type alone. Types with neither take no part: they neither end nor are ended.
// - A relation of a type that lasts until superseded (kind `state`), with no reported `end`, holds from
//   its start until the first day of the next record of the same pair in the same family (any type of
//   it, state or event, lasting or not). A reported end always wins: such a relation keeps its dates.
// - The pair is the two actors whatever the direction: A→B and B→A are the same pair (a family
//   describes the relationship of two actors as a whole), and a self-tie is a pair of its own.
// - "Next" is by the first day a start may denote: the record ended by a pair's next record is the one
//   that starts on a strictly later day. Records of the same pair and family starting on the same day
//   do not end one another (both hold until a later record): the file's order never decides what is
//   shown, so records out of order in the file give the same spans.
// - An undated record (start `..`: before anything dated) never ends another; a lasting one is ended
//   by the pair's first dated record in the family.
import type { Day } from './dates';
import type { Relation, RelationType, RelationTypeId } from './types';

/** The family a type belongs to for supersession (a key that cannot clash with a type id), or null. */
export function familyKey(type: RelationType | undefined): string | null {
  if (!type) return null;
  if (type.family !== undefined && type.family !== '') return 'f:' + type.family;
  return type.lasts === 'until-superseded' ? 't:' + type.id : null;
}

/** Whether a relation of this type, with this end, holds until the pair's next record. */
export function lastsUntilSuperseded(type: RelationType | undefined, r: Relation): boolean {
  return (
    type?.kind === 'state' &&
    type.lasts === 'until-superseded' &&
    (r.end === undefined || r.end === null)
  );
}

/** The key of the unordered pair of a relation within a family. */
export function pairKey(r: Pick<Relation, 'source' | 'target'>, family: string): string {
  const [a, b] = r.source <= r.target ? [r.source, r.target] : [r.target, r.source];
  return `${family}\u0000${a}\u0000${b}`;
}

/** Whether any type takes part in supersession (else the derivation is skipped: nothing changes). */
export function hasFamilies(types: readonly RelationType[]): boolean {
  return types.some((t) => familyKey(t) !== null);
}

/** Relations of one pair in one family, ordered by first day, then by ordinal. */
export function familyGroups(
  relations: readonly Relation[],
  typeById: ReadonlyMap<RelationTypeId, RelationType>,
  lo: ArrayLike<Day>,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  relations.forEach((r, i) => {
    const family = familyKey(typeById.get(r.type));
    if (family === null) return;
    const key = pairKey(r, family);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(i);
  });
  for (const list of groups.values()) {
    list.sort((a, b) => (lo[a] as number) - (lo[b] as number) || a - b);
  }
  return groups;
}

/**
 * For each relation, the ordinal of the record that ended it (−2: not a lasting state, so its span is
 * as dated; −1: lasting, and no later record of its pair and family, so it still holds). `lo[i]` is the
 * first day relation i's start may denote. O(n log n).
 */
export function supersessions(
  relations: readonly Relation[],
  types: readonly RelationType[],
  lo: ArrayLike<Day>,
): Int32Array {
  const endedBy = new Int32Array(relations.length).fill(-2);
  if (!hasFamilies(types)) return endedBy;
  const typeById = new Map(types.map((t) => [t.id, t]));
  for (const list of familyGroups(relations, typeById, lo).values()) {
    // Walk backwards: `next` is the first member starting on a later day than the current one.
    let next = -1;
    for (let j = list.length - 1; j >= 0;) {
      const day = lo[list[j]!] as number;
      let k = j;
      // Every member starting on this same day shares the same next record.
      while (k >= 0 && (lo[list[k]!] as number) === day) {
        const i = list[k]!;
        const r = relations[i]!;
        if (lastsUntilSuperseded(typeById.get(r.type), r)) endedBy[i] = next;
        k--;
      }
      // The record named as the end is the first in the file of those starting on that later day.
      if (Number.isFinite(day)) next = list[k + 1]!;
      j = k;
    }
  }
  return endedBy;
}
