// Ties as Cytoscape edges (small graphs, and a big graph's drawn ties for the time of an export): created once, restyled by class diffs.
import type {
  CollectionArgument,
  Core,
  EdgeSingular,
  ElementDefinition,
  NodeSingular,
} from 'cytoscape';
import type { Model } from '../model';
import { UNKNOWN_TYPE } from './colors';
import { isLasting, weightScale, weightWidth } from './edge-look';
import type { DrawnLooks } from './ties/scene';
import { asZSortEles, type ZSortEle } from './zsort';

/** Cytoscape classes of the compare marks, by mark code. */
export const MARK_CLASS = ['', 'cmp-formed', 'cmp-ended', 'cmp-changed'] as const;

type Ele = EdgeSingular | NodeSingular;

/**
 * Collects class changes during one apply and writes them per class as one collection each. Cytoscape
 * pays per call (a collection, a `class` event, a style-dirty pass), so 300 single-element toggles cost
 * several times what one `addClass` over 300 elements does. The last write for an element wins.
 */
export class ClassWriter {
  private readonly byClass = new Map<string, Map<Ele, boolean>>();

  set(ele: Ele | undefined, cls: string, on: boolean): void {
    if (!ele) return;
    let m = this.byClass.get(cls);
    if (!m) this.byClass.set(cls, (m = new Map()));
    m.set(ele, on);
  }

  /** Writes everything collected (call inside the batch). */
  flush(cy: Core): void {
    for (const [cls, m] of this.byClass) {
      const on: Ele[] = [];
      const off: Ele[] = [];
      for (const [ele, v] of m) (v ? on : off).push(ele);
      if (on.length) cy.collection(on as unknown as CollectionArgument).addClass(cls);
      if (off.length) cy.collection(off as unknown as CollectionArgument).removeClass(cls);
    }
    this.byClass.clear();
  }
}

/** The classes of a drawn tie's edge with this look (k: its place in `view`). */
function lookClasses(view: DrawnLooks, k: number): string[] {
  const classes: string[] = [];
  if (view.fuzzy[k]) classes.push('fuzzy');
  if (view.fade[k]) classes.push(`fade-${view.fade[k]}`);
  if (view.status[k] === 2) classes.push('disputed');
  if (view.mark[k]) classes.push(MARK_CLASS[view.mark[k]!]!);
  if (view.focus[k] === 1) classes.push('focus');
  if (view.focus[k] === 2) classes.push('faded');
  return classes;
}

/**
 * Edge definitions of these relations (fresh objects, never the store's), with `classes(k)` for the
 * k-th; `colors` by relation type.
 */
export function edgeDefinitions(
  model: Model,
  ordinals: readonly number[],
  colors: ReadonlyMap<string, string>,
  classes: (k: number) => string[],
): ElementDefinition[] {
  const rels = model.dataset.relations;
  /** The dataset's largest absolute weight: the scale of weighted ties' widths (0: none weighted). */
  const scale = weightScale(rels);
  return ordinals.map((i, k) => {
    const r = rels[i]!;
    const type = model.typeById.get(r.type);
    const cls = classes(k);
    if (type?.directed) cls.push('directed');
    if (type?.kind === 'event') cls.push('event');
    if (isLasting(model.index.spans[i] ?? {})) cls.push('lasting');
    const width = weightWidth(r.weight, scale);
    if (width !== null) cls.push('weighted');
    return {
      group: 'edges',
      data: {
        id: 'e:' + r.id,
        source: 'n:' + r.source,
        target: 'n:' + r.target,
        color: colors.get(r.type) ?? UNKNOWN_TYPE,
        ...(width !== null ? { width } : {}),
      },
      classes: cls,
    };
  });
}

/**
 * Adds a big graph's drawn ties to Cytoscape as edges with the classes of their looks (what the tie
 * layer draws), for code that reads Cytoscape's elements (PNG and SVG export); returns them, so the
 * caller removes them afterwards.
 */
export function addDrawnEdges(
  cy: Core,
  model: Model,
  view: DrawnLooks,
  colors: ReadonlyMap<string, string>,
): EdgeSingular[] {
  const defs = edgeDefinitions(model, view.list, colors, (k) => lookClasses(view, k));
  let added: EdgeSingular[] = [];
  cy.batch(() => {
    added = cy.add(defs).toArray() as EdgeSingular[];
    added.forEach((e, k) => e.scratch('_ord', view.list[k]));
  });
  return added;
}

/** A small graph's edges (one per relation, by ordinal) and the classes last written to each. */
export class EdgeSet {
  private drawn: Uint8Array;
  /** fuzzy 1 bit, status 2 bits, mark 2 bits, focus 2 bits (see write). */
  private look: Uint8Array;
  private fade: Uint8Array;

  constructor(private readonly edges: readonly (EdgeSingular | undefined)[]) {
    this.drawn = new Uint8Array(edges.length);
    this.look = new Uint8Array(edges.length);
    this.fade = new Uint8Array(edges.length);
  }

  /**
   * The edges' classes for a view, written only where they change (hidden, fuzzy, fade,
   * disputed, compare mark, focus). An edge not drawn keeps its classes until it is drawn again.
   */
  write(before: readonly number[], looks: DrawnLooks, w: ClassWriter): number {
    const drawn = new Uint8Array(this.drawn.length);
    let restyled = 0;
    for (const i of looks.list) drawn[i] = 1;
    for (const i of before) if (drawn[i] === 0) w.set(this.edges[i], 'hidden', true);
    for (let k = 0; k < looks.list.length; k++) {
      const i = looks.list[k]!;
      const e = this.edges[i];
      if (this.drawn[i] === 0) w.set(e, 'hidden', false);
      // fuzzy 1 bit, status 2 bits, mark 2 bits, focus 2 bits; fade apart (it names its class).
      const code =
        looks.fuzzy[k]! | (looks.status[k]! << 1) | (looks.mark[k]! << 3) | (looks.focus[k]! << 5);
      const old = this.look[i]!;
      const fade = looks.fade[k]!;
      const oldFade = this.fade[i]!;
      if (code === old && fade === oldFade) continue;
      restyled++;
      if ((code ^ old) & 1) w.set(e, 'fuzzy', (code & 1) === 1);
      if ((code ^ old) & 6) w.set(e, 'disputed', looks.status[k] === 2);
      if ((code ^ old) & 24) {
        const was = (old >> 3) & 3;
        if (was) w.set(e, MARK_CLASS[was]!, false);
        if (looks.mark[k]) w.set(e, MARK_CLASS[looks.mark[k]!]!, true);
      }
      if ((code ^ old) & 96) {
        w.set(e, 'focus', looks.focus[k] === 1);
        w.set(e, 'faded', looks.focus[k] === 2);
      }
      if (fade !== oldFade) {
        if (oldFade) w.set(e, `fade-${oldFade}`, false);
        if (fade) w.set(e, `fade-${fade}`, true);
        this.fade[i] = fade;
      }
      this.look[i] = code;
    }
    this.drawn = drawn;
    return restyled;
  }

  /**
   * What the renderer must draw (zsort.ts): the edges drawn (focus edges last), every node, and hidden
   * edges still flagged in the drag layer (the renderer clears the flag by walking this list). In the
   * order Cytoscape's comparator gives for this stylesheet, so its sort finds runs already in order.
   */
  displayed(extra: readonly EdgeSingular[], nodes: readonly NodeSingular[]): ZSortEle[] {
    const out: ZSortEle[] = [];
    const focus: ZSortEle[] = [];
    const edges = this.edges as unknown as (ZSortEle | undefined)[];
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      if (!e || (this.drawn[i] !== 1 && e._private.rscratch.inDragLayer !== true)) continue;
      (this.look[i]! >> 5 === 1 ? focus : out).push(e);
    }
    for (const e of asZSortEles(extra)) out.push(e);
    for (const e of focus) out.push(e);
    for (const n of asZSortEles(nodes)) out.push(n);
    return out;
  }
}
