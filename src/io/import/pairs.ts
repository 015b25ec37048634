// Pairs of columns whose names differ only in the word for the end (`group1_id` / `group2_id`), scored.
import type { Stats } from './columns';

const words = (list: string): readonly string[] => list.split(' ');

/** Words that name the two ends of a tie, side by side in a pair of column names. */
const SIDES: readonly (readonly [string, string])[] = [
  ['1', '2'],
  ['a', 'b'],
  ['src', 'dst'],
  ['from', 'to'],
  ['source', 'target'],
  ['sender', 'receiver'],
  ['ego', 'alter'],
  ['origin', 'destination'],
  ['subject', 'object'],
];
const SIDE_WORDS = new Set(SIDES.flat());
export const IDENTITY = new Set(['id', 'code', 'key']);
export const NAMING = new Set(['name', 'label', 'title']);
const ACTORISH = new Set(
  words(
    'actor group side party node country state org organization participant entity user person member',
  ),
);

/** Words of columns that describe an end rather than name it (GDELT, ACLED, ICEWS, UCDP). */
const DETAIL = new Set(
  words(
    'country countrycode type geo lat long lon latitude longitude religion ethnic known sector sectors assoc associated inter nd 2nd feature adm fullname precision fatalities count',
  ),
);

/** Two columns whose names differ only in the word for the end: `group1_id` / `group2_id`. */
export interface Pair {
  readonly a: number;
  readonly b: number;
  /** The shared words without the side word: ["group", "id"]. */
  readonly stem: readonly string[];
  readonly score: number;
}

function stemScore(stem: readonly string[]): number {
  if (stem.length === 0) return 3;
  let score = 0;
  for (const w of stem) {
    if (w === 'id' || NAMING.has(w)) score += 3;
    else if (ACTORISH.has(w)) score += 2;
    else if (IDENTITY.has(w)) score += 1;
    else if (DETAIL.has(w) || /^\d/.test(w)) score -= 4;
    else score -= 1;
  }
  return score;
}

/** Every pair of columns that share a stem, scored by how much they look like the two ends of a tie. */
export function findPairs(stats: readonly Stats[]): Pair[] {
  // Index each column by its words with one side word blanked, so pairs meet in one bucket (no n² scan).
  const buckets = new Map<string, { s: Stats; k: number }[]>();
  for (const s of stats) {
    s.words.forEach((w, k) => {
      if (!SIDE_WORDS.has(w)) return;
      const key = s.words.map((x, j) => (j === k ? '*' : x)).join(' ');
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push({ s, k });
    });
  }
  const pairs: Pair[] = [];
  for (const bucket of buckets.values()) {
    for (const { s: x, k } of bucket) {
      for (const { s: y } of bucket) {
        if (!SIDES.some(([l, r]) => x.words[k] === l && y.words[k] === r)) continue;
        const stem = x.words.filter((_, j) => j !== k);
        let score = stemScore(stem);
        // Codes for the kind of actor (ACLED inter1/inter2) are small integers, not actors.
        if (x.numeric && x.distinct <= 12 && stem.length > 0 && !stem.includes('id')) score -= 5;
        if (x.filled === 0) score -= 5;
        pairs.push({ a: x.index, b: y.index, stem, score });
      }
    }
  }
  return pairs.sort((p, q) => q.score - p.score || p.a - q.a);
}
