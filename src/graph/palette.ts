// Colours and shapes of relation types, statuses and actor kinds, shared by the graph, the legend, the histogram and exports.
import type { ActorKind, RelationType } from '../model';

/**
 * Colours for the relation types the bundled data and common imports use; readable on white and in
 * greyscale print. Maps, not objects, throughout this file: keyed by user strings (type ids, kinds), a
 * plain object answers `constructor`, `toString` or `__proto__` with Object's own members.
 */
const KNOWN = new Map<string, string>([
  ['allegiance', '#1b7837'],
  ['truce', '#2166ac'],
  ['attack', '#d7301f'],
  ['defection', '#e08214'],
  ['cooperation', '#35978f'],
  ['negotiation', '#7b3294'],
  ['split', '#8c510a'],
  ['membership', '#6b6b6b'],
  ['hostility', '#99000d'],
  ['support', '#8e9d1f'],
  ['representation', '#c51b7d'],
]);
const CYCLE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** Whether a relation is friendly, hostile or neither; picks the colour family. */
export type Sign = NonNullable<RelationType['sign']>;

/**
 * Colour families by sign, each a dozen shades told apart from each other and from the other families:
 * cooperative types in cool colours (greens, blues, teals, purples), hostile ones in warm colours (reds,
 * oranges, browns, magentas), neutral ones in greys and grey-tinted hues. The first of each is its
 * family's colour when types are too many to tell apart and are grouped.
 */
export const SIGN_FAMILIES: ReadonlyMap<Sign, readonly string[]> = new Map<Sign, readonly string[]>(
  [
    [
      'cooperative',
      [
        '#2166ac',
        '#1b7837',
        '#35978f',
        '#762a83',
        '#5aae61',
        '#4393c3',
        '#01665e',
        '#9970ab',
        '#053061',
        '#80cdc1',
        '#00441b',
        '#6a51a3',
      ],
    ],
    [
      'hostile',
      [
        '#d7301f',
        '#e08214',
        '#99000d',
        '#c51b7d',
        '#8c510a',
        '#f46d43',
        '#fdb863',
        '#7f0000',
        '#de77ae',
        '#b35806',
        '#fc8d59',
        '#8e0152',
      ],
    ],
    [
      'neutral',
      [
        '#6b6b6b',
        '#a3a3a3',
        '#3f3f3f',
        '#8c8c6e',
        '#6f7f8f',
        '#9b8579',
        '#4f5b4f',
        '#b8b0c8',
        '#585060',
        '#c4bca4',
        '#7a6a50',
        '#2f3f4f',
      ],
    ],
  ],
);

/** Up to this many signed types each get a colour of their own; beyond it, types share their group's. */
export const DISTINCT_TYPES = 12;

/** The group a type is summarised under when types are many: its family, else its sign. */
export function groupOf(t: Pick<RelationType, 'family' | 'sign'>): string {
  return t.family?.trim() || t.sign || 'neutral';
}

/** Colours of signed types: a distinct shade of its sign's family each, or one shade per group when many. */
function signedColors(types: readonly RelationType[], out: Map<string, string>): void {
  const used = new Map<Sign, number>();
  const next = (sign: Sign): string => {
    const list = SIGN_FAMILIES.get(sign) as readonly string[];
    const k = used.get(sign) ?? 0;
    used.set(sign, k + 1);
    return list[k % list.length] as string;
  };
  if (types.length <= DISTINCT_TYPES) {
    for (const t of types) out.set(t.id, t.color ?? next(t.sign ?? 'neutral'));
    return;
  }
  const groups = new Map<string, string>();
  for (const t of types) {
    const g = `${t.sign ?? 'neutral'}\u0000${groupOf(t)}`;
    let c = groups.get(g);
    if (c === undefined) {
      c = next(t.sign ?? 'neutral');
      groups.set(g, c);
    }
    out.set(t.id, t.color ?? c);
  }
}

/**
 * The colour of each relation type: the dataset's own; for signed types (imports) a shade of the sign's
 * family, distinct up to a dozen types; for others (the bundled data) a known one by id, else a cycle.
 * Keyed by Map throughout, so a type named `constructor` or `__proto__` gets an ordinary colour.
 */
export function typeColors(types: readonly RelationType[]): Map<string, string> {
  const out = new Map<string, string>();
  signedColors(
    types.filter((t) => t.sign !== undefined),
    out,
  );
  let next = 0;
  for (const t of types) {
    if (t.sign !== undefined) continue;
    out.set(t.id, t.color ?? KNOWN.get(t.id) ?? (CYCLE[next++ % CYCLE.length] as string));
  }
  return out;
}

/** Cytoscape node shapes by actor kind; the legend draws the same. */
export const KIND_SHAPES: ReadonlyMap<string, string> = new Map([
  ['group', 'ellipse'],
  ['formation', 'hexagon'],
  ['state', 'round-rectangle'],
  ['coalition', 'diamond'],
  ['person', 'triangle'],
]);

/** The shape an actor kind is drawn with (unknown kinds, and plain imported actors, as ellipses). */
export function shapeOf(kind: ActorKind): string {
  return KIND_SHAPES.get(kind) ?? 'ellipse';
}

/** Labels of the actor kinds, for the legend; `actor` is what imports give actors without a kind. */
export const KIND_LABELS: ReadonlyMap<string, string> = new Map([
  ['group', 'Armed group'],
  ['formation', 'Formation (umbrella of groups)'],
  ['state', 'State or state forces'],
  ['coalition', 'International coalition'],
  ['person', 'Person'],
  ['actor', 'Actor'],
]);

/** A readable label for an actor kind ("militia" → "Militia"; known kinds by their legend label). */
export function kindLabel(kind: string): string {
  return KIND_LABELS.get(kind) ?? (kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : 'Actor');
}
