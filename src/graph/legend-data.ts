// What a legend must explain for one dataset (types, statuses, line styles, actor shapes): one structure the legend panel and both exports render.
import { STATUSES, type Model, type RelationKind, type Status } from '../model';
import { groupOf, KIND_SHAPES, kindLabel, shapeOf, typeColors, type Sign } from './palette';
import { UNKNOWN_TYPE } from './colors';
import { fadeOpacity, fadeSteps, isLasting } from './edge-look';
import { stylesheet } from './style';
import { tierOf } from './tier';

/** A relation type the dataset uses, drawn as a line of its colour (with an arrowhead when directed). */
export interface LegendType {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly directed: boolean;
  readonly kind: RelationKind;
  /** Cooperative, hostile or neutral, when the dataset says (imports do): its colour family. */
  readonly sign?: Sign;
  /** The group a long list of types is summarised under: the type's family, else its sign. */
  readonly group?: string;
  /** The type's family (#13/#14 vocabulary), if the dataset names one: the legend groups by it. */
  readonly family?: string;
}

/** Relation types of one family (or of none: `family` ''), in the dataset's order. */
export interface LegendFamily {
  readonly family: string;
  readonly types: readonly LegendType[];
}

/**
 * The types grouped by family, families in order of first appearance, types without a family last
 * (as one group named ''). Long type lists (an ICEWS or GDELT import: hundreds of CAMEO codes) read
 * as a dozen groups with counts instead of a wall of lines.
 */
export function typesByFamily(types: readonly LegendType[]): LegendFamily[] {
  const groups = new Map<string, LegendType[]>();
  for (const t of types) {
    const f = (t.group ?? t.family)?.trim() ?? '';
    let g = groups.get(f);
    if (!g) groups.set(f, (g = []));
    g.push(t);
  }
  const named = [...groups].filter(([f]) => f !== '');
  const none = groups.get('');
  return [
    ...named.map(([family, types]) => ({ family, types })),
    ...(none ? [{ family: '', types: none }] : []),
  ];
}

/** A status, how its line is drawn, and what it means in a few words. */
export interface LegendStatus {
  readonly status: Status;
  readonly label: string;
  readonly line: 'solid' | 'dashed';
  readonly meaning: string;
}

/**
 * A line style that carries time: lighter (uncertain span of a fuzzy date) or fading (event window);
 * or, on large graphs, what one line stands for (every tie of one type between two actors).
 */
export interface LegendLine {
  readonly id: 'fuzzy' | 'fading' | 'merged' | 'lasting';
  readonly label: string;
  readonly meaning: string;
  /** Opacities to draw the sample with: one for `fuzzy`, one per fade step for `fading`. */
  readonly opacities: readonly number[];
}

/** An actor kind the dataset uses, with the node shape it is drawn as. */
export interface LegendKind {
  readonly kind: string;
  readonly label: string;
  readonly shape: string;
}

/** Everything a legend lists, in display order; renderers add no knowledge of their own. */
export interface LegendData {
  readonly types: readonly LegendType[];
  readonly statuses: readonly LegendStatus[];
  readonly lines: readonly LegendLine[];
  readonly kinds: readonly LegendKind[];
  /** Line dash pattern of disputed ties (in graph units), as the stylesheet draws it. */
  readonly dashPattern: readonly number[];
  /** How actors without a tie at the current date are drawn. */
  readonly dimmed: { readonly label: string; readonly opacity: number };
}

const STATUS_TEXT: Record<Status, Omit<LegendStatus, 'status'>> = {
  reported: { label: 'Reported', line: 'solid', meaning: 'one source asserts it' },
  corroborated: {
    label: 'Corroborated',
    line: 'solid',
    meaning: 'two or more sources assert it, none disputes it',
  },
  disputed: { label: 'Disputed', line: 'dashed', meaning: 'at least one source disputes it' },
};

/** The opacity (or dash pattern) a stylesheet rule sets, so the legend cannot drift from the graph. */
function ruleValue(selector: string, property: 'opacity' | 'line-dash-pattern'): unknown {
  for (const block of stylesheet(false)) {
    if (block.selector !== selector) continue;
    const style = ('style' in block ? block.style : block.css) as Record<string, unknown>;
    return style[property];
  }
  return undefined;
}

function opacityOf(selector: string, fallback: number): number {
  const v = ruleValue(selector, 'opacity');
  return typeof v === 'number' ? v : fallback;
}

/**
 * What the legend of this dataset must explain: the relation types its relations use (in the order
 * the dataset declares them, coloured exactly as the graph colours them), the three statuses, the two
 * time-bearing line styles, and the actor kinds present (known kinds first, in palette order).
 */
export function legendOf(model: Model): LegendData {
  const { dataset } = model;
  const colors = typeColors(dataset.relationTypes);
  const used = new Set<string>(dataset.relations.map((r) => r.type));
  const types: LegendType[] = dataset.relationTypes
    .filter((t) => used.has(t.id))
    .map((t) => ({
      id: t.id,
      label: t.label,
      color: colors.get(t.id) ?? UNKNOWN_TYPE,
      directed: t.directed,
      kind: t.kind,
      ...(t.sign ? { sign: t.sign, group: groupOf(t) } : {}),
      ...(t.family ? { family: t.family } : {}),
    }));

  const statuses: LegendStatus[] = STATUSES.map((status) => ({ status, ...STATUS_TEXT[status] }));

  const eventWindow = model.index.eventWindow;
  const large = tierOf({ dataset }).tieLayer;
  // The shades the graph steps through (fewer on large graphs; see fadeSteps).
  const fades = fadeSteps(large).map((k) => opacityOf(`edge.fade-${k}`, fadeOpacity(k)));
  const lines: LegendLine[] = [
    {
      id: 'fuzzy',
      label: 'Lighter',
      meaning: 'within the uncertain span of a fuzzy date (month, year, about, uncertain)',
      opacities: [opacityOf('edge.fuzzy', 0.45)],
    },
    {
      id: 'fading',
      label: 'Fading',
      meaning: `an event seen within its event window (${eventWindow} ${eventWindow === 1 ? 'day' : 'days'} after its date), fading as it ages`,
      opacities: [1, ...fades],
    },
    // States that hold until the pair's next record (#14): their end is inferred, drawn with a casing.
    ...(model.index.spans.some(isLasting)
      ? [
          {
            id: 'lasting' as const,
            label: 'Cased',
            meaning:
              "a state held until the pair's next record: its end is inferred from that record, not reported",
            opacities: [1],
          },
        ]
      : []),
    // Large graphs draw the ties of one type between two actors as one line (GraphAdapter.drawnOf).
    ...(large
      ? [
          {
            id: 'merged' as const,
            label: 'One line',
            meaning:
              'all the ties of one type between two actors: drawn from the latest, as dark as all of them together (the ties panel lists each)',
            opacities: [1],
          },
        ]
      : []),
  ];

  const present = new Set<string>(dataset.actors.map((a) => a.kind));
  const known = [...KIND_SHAPES.keys()].filter((k) => present.has(k));
  const others = [...present].filter((k) => !KIND_SHAPES.has(k));
  const kinds: LegendKind[] = [...known, ...others].map((kind) => ({
    kind,
    label: kindLabel(kind),
    shape: shapeOf(kind),
  }));

  const dash = ruleValue('edge.disputed', 'line-dash-pattern');
  const dashPattern =
    Array.isArray(dash) && dash.every((d) => typeof d === 'number') ? (dash as number[]) : [7, 4];

  return {
    types,
    statuses,
    lines,
    kinds,
    dashPattern,
    dimmed: { label: 'Faint: no tie at this date', opacity: opacityOf('node.dim', 0.35) },
  };
}
