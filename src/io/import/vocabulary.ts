// The vocabulary step: each imported relation type's readable label, kind, how a state lasts, family and sign.
import type { Dataset, Mutable, RelationKind, RelationType, RelationTypeId } from '../../model';

/** Whether a relation is friendly, hostile or neither; picks the colour family. */
export type Sign = NonNullable<RelationType['sign']>;
/** How a state with no reported end holds. */
export type Lasts = NonNullable<RelationType['lasts']>;

/** One relation type as the vocabulary step shows and edits it. */
export interface VocabularyEntry {
  readonly id: RelationTypeId;
  /** The type as the file wrote it (shown next to the label). */
  readonly raw: string;
  readonly label: string;
  readonly kind: RelationKind;
  readonly lasts: Lasts;
  /** Types of one family replace each other (with `until-superseded`); empty for none. */
  readonly family: string;
  readonly sign: Sign;
  /** An explicit colour, or undefined for the palette's choice by sign. */
  readonly color?: string;
  /** How many relations have this type. */
  readonly count: number;
}

/** Word stems that mark a type as friendly or as hostile; matched at the start of a word. */
const COOPERATIVE = [
  'ally',
  'alli',
  'allegian',
  'affil',
  'support',
  'cooper',
  'collab',
  'aid',
  'assist',
  'help',
  'truce',
  'ceasefire',
  'cease-fire',
  'peace',
  'agree',
  'accord',
  'treaty',
  'friend',
  'trust',
  'partner',
  'coalition',
  'merg',
  'member',
  'join',
  'unit',
  'endorse',
  'praise',
  'reconcil',
  'sponsor',
  'protect',
  'consult',
  'negotiat',
  'mediat',
  'trade',
  'love',
  'pact',
];
const HOSTILE = [
  'attack',
  'fight',
  'rival',
  'hostil',
  'war',
  'clash',
  'conflict',
  'kill',
  'enem',
  'oppos',
  'threat',
  'violen',
  'battle',
  'assault',
  'bomb',
  'raid',
  'ambush',
  'shell',
  'sanction',
  'distrust',
  'mistrust',
  'dislike',
  'hate',
  'coerc',
  'accus',
  'condemn',
  'protest',
  'split',
  'defect',
  'betray',
  'compet',
  'dispute',
  'attac',
  'abduct',
  'kidnap',
  'assassin',
  'aggress',
  'riot',
];
/** Whole words of rating scales ("pos", "neg"), never stems: "position" is not friendly. */
const POSITIVE_WORDS = new Set(['pos', 'positive', 'plus']);
const NEGATIVE_WORDS = new Set(['neg', 'negative', 'minus']);
/** Words that turn a friendly word round ("non-aggression" is friendly, "distrust" hostile). */
const NEGATIONS = /\b(non|no|not|anti|dis|un|end|ended|broken|break|breaks)[\s-]*$/;

/** The words of a label in lower case, split on anything that is not a letter. */
function words(label: string): string[] {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
}

function matches(word: string, stems: readonly string[]): boolean {
  return stems.some((s) => word.startsWith(s));
}

/**
 * Guesses a type's sign from its words ("ally", "support" → cooperative; "attack", "rival" → hostile)
 * or from a signed number ("-3" → hostile, "+2" or "5" → cooperative, "0" → neutral), as rating scales
 * do. A friendly word after a negation ("non-aggression", "broken truce") counts for the other side.
 * Neutral when nothing settles it, or when friendly and hostile words weigh the same.
 */
export function guessSign(label: string): Sign {
  const t = label.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n < 0 ? 'hostile' : n > 0 ? 'cooperative' : 'neutral';
  }
  const list = words(t);
  let score = 0;
  list.forEach((w, i) => {
    const before = list.slice(0, i).join(' ');
    const negated = NEGATIONS.test(before) && i > 0;
    const hostile = NEGATIVE_WORDS.has(w) || matches(w, HOSTILE);
    const friendly = POSITIVE_WORDS.has(w) || matches(w, COOPERATIVE);
    const v = friendly && !hostile ? 1 : hostile && !friendly ? -1 : 0;
    score += negated ? -v : v;
  });
  if (score === 0) {
    // Words settle nothing: an explicitly signed number in the label ("rating -3", "+2 trust") does.
    const signed = /(^|[^\w.])([+-])\d/.exec(t);
    if (signed) return signed[2] === '-' ? 'hostile' : 'cooperative';
  }
  return score > 0 ? 'cooperative' : score < 0 ? 'hostile' : 'neutral';
}

/**
 * A readable label for a type code as a file wrote it: separators to spaces, and an all-lower-case or
 * all-upper-case word capitalised once ("allied_with" → "Allied with", "ATTACK" → "Attack"). Labels
 * with mixed case, numbers and codes without vowels stay as written.
 */
export function readableLabel(raw: string): string {
  const spaced = raw.replace(/[_\s]+/g, ' ').trim();
  if (spaced === '') return raw;
  // Numbers and vowel-less codes ("pp", "pd", "CPT") stay as written: capitals would not make them words.
  if (!/[aeiouy]/i.test(spaced)) return spaced;
  const lower = spaced.toLowerCase();
  if (spaced !== lower && spaced !== spaced.toUpperCase()) return spaced;
  const text = /[a-z]-[a-z]/i.test(lower) && !/\s/.test(lower) ? lower.replace(/-/g, ' ') : lower;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The vocabulary of an imported dataset: its types, with what is known kept and the rest guessed. */
export function suggestVocabulary(dataset: Dataset): VocabularyEntry[] {
  const counts = new Map<string, number>();
  for (const r of dataset.relations) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  // A known format (MMP, CAMEO…) sets the sign with its label: keep both as they are. Two types whose
  // readable labels would meet ("attack" and "Attack") keep the labels the file gave them.
  const proposed = dataset.relationTypes.map((t) =>
    t.sign !== undefined ? t.label : readableLabel(t.label),
  );
  const uses = new Map<string, number>();
  for (const l of proposed) uses.set(l, (uses.get(l) ?? 0) + 1);
  return dataset.relationTypes.map((t, i) => {
    const p = proposed[i] as string;
    const label = p !== t.label && (uses.get(p) ?? 0) > 1 ? t.label : p;
    const e: Mutable<VocabularyEntry> = {
      id: t.id,
      raw: t.label,
      label,
      kind: t.kind,
      lasts: t.lasts ?? 'as-dated',
      family: t.family ?? '',
      sign: t.sign ?? guessSign(t.label),
      count: counts.get(t.id) ?? 0,
    };
    if (t.color !== undefined) e.color = t.color;
    return e;
  });
}

/** The dataset with its types as the vocabulary says; relations and everything else unchanged. */
export function applyVocabulary(dataset: Dataset, entries: readonly VocabularyEntry[]): Dataset {
  const byId = new Map<string, VocabularyEntry>(entries.map((e) => [e.id, e]));
  const relationTypes = dataset.relationTypes.map((t): RelationType => {
    const e = byId.get(t.id);
    if (!e) return t;
    const label = e.label.trim() === '' ? t.label : e.label.trim();
    const family = e.family.trim();
    const color = e.color ?? t.color;
    return {
      id: t.id,
      label,
      directed: t.directed,
      kind: e.kind,
      sign: e.sign,
      ...(e.kind === 'state' ? { lasts: e.lasts } : {}),
      ...(family !== '' ? { family } : {}),
      ...(color !== undefined ? { color } : {}),
    };
  });
  return { ...dataset, relationTypes };
}

/** The suggested vocabulary applied: what an import gives when the step is accepted untouched. */
export function withSuggestedVocabulary(dataset: Dataset): Dataset {
  return applyVocabulary(dataset, suggestVocabulary(dataset));
}

/** A group of types for a summary: by sign and family, with the number of types and relations. */
export interface VocabularyGroup {
  readonly sign: Sign;
  readonly family: string;
  readonly types: readonly VocabularyEntry[];
  readonly relations: number;
}

/**
 * The types grouped by sign, then family (empty family last), largest first: what the step shows when
 * types are too many for a row each, so hundreds of types read as a handful of groups.
 */
export function groupVocabulary(entries: readonly VocabularyEntry[]): VocabularyGroup[] {
  const order: Sign[] = ['cooperative', 'hostile', 'neutral'];
  const groups = new Map<string, { sign: Sign; family: string; types: VocabularyEntry[] }>();
  for (const e of entries) {
    const key = `${e.sign}\u0000${e.family.trim()}`;
    let g = groups.get(key);
    if (!g) {
      g = { sign: e.sign, family: e.family.trim(), types: [] };
      groups.set(key, g);
    }
    g.types.push(e);
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      types: [...g.types].sort((a, b) => b.count - a.count),
      relations: g.types.reduce((n, e) => n + e.count, 0),
    }))
    .sort(
      (a, b) =>
        order.indexOf(a.sign) - order.indexOf(b.sign) ||
        Number(a.family === '') - Number(b.family === '') ||
        b.relations - a.relations,
    );
}

/** Sets the sign of every entry in a group at once (the summary's one control per group). */
export function setGroupSign(
  entries: readonly VocabularyEntry[],
  group: Pick<VocabularyGroup, 'sign' | 'family'>,
  sign: Sign,
): VocabularyEntry[] {
  return entries.map((e) =>
    e.sign === group.sign && e.family.trim() === group.family ? { ...e, sign } : e,
  );
}
