// Colours and shapes of relation types, statuses and actor kinds, shared by the graph, the legend, the histogram and exports.
import type { ActorKind, RelationType } from '../model';

/**
 * A lookup table without Object's prototype: keyed by user strings (type ids, kinds), a plain object
 * answers `constructor`, `toString` or `__proto__` with Object's own members (issue 18, rows 2 and 3).
 */
function nullProto(entries: Record<string, string>): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, entries);
}

/** Colours for the relation types the bundled data and common imports use; readable on white and in greyscale print. */
const KNOWN: Record<string, string> = nullProto({
  allegiance: '#1b7837',
  truce: '#2166ac',
  attack: '#d7301f',
  defection: '#e08214',
  cooperation: '#35978f',
  negotiation: '#7b3294',
  split: '#8c510a',
  membership: '#6b6b6b',
  hostility: '#99000d',
  support: '#8e9d1f',
  representation: '#c51b7d',
});
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

/** The colour of each relation type: the dataset's own, else a known one, else from a cycle. */
export function typeColors(types: readonly RelationType[]): Map<string, string> {
  const out = new Map<string, string>();
  let next = 0;
  for (const t of types) {
    out.set(t.id, t.color ?? KNOWN[t.id] ?? (CYCLE[next++ % CYCLE.length] as string));
  }
  return out;
}

/** Cytoscape node shapes by actor kind; the legend draws the same. */
export const KIND_SHAPES: Record<string, string> = nullProto({
  group: 'ellipse',
  formation: 'hexagon',
  state: 'round-rectangle',
  coalition: 'diamond',
  person: 'triangle',
});

/** The shape an actor kind is drawn with (unknown kinds as groups). */
export function shapeOf(kind: ActorKind): string {
  return KIND_SHAPES[kind] ?? 'ellipse';
}

/** Labels of the actor kinds, for the legend. */
export const KIND_LABELS: Record<string, string> = nullProto({
  group: 'Armed group',
  formation: 'Formation (umbrella of groups)',
  state: 'State or state forces',
  coalition: 'International coalition',
  person: 'Person',
});
