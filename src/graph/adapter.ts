// The Cytoscape adapter: one instance per view; actors as nodes, ties as edges on small graphs and on the tie layer on big ones; each date applied as a diff.
import cytoscape, {
  type CollectionArgument,
  type Core,
  type EdgeSingular,
  type NodeSingular,
} from 'cytoscape';
import { relationEnds, type ActorId, type Day, type Model, type Status } from '../model';
import type { AdapterHandlers, AdapterOptions, ApplyReport, ViewSpec } from './adapter-types';
import { shapeOf, typeColors } from './palette';
import { cachedLayout, layoutInput, layoutOffThread } from './layout';
import { shownAmong } from '../store/selectors';
import { fadeAt, fadeSteps, fuzzyAt, nodeSize, statusCode, totalDegrees } from './edge-look';
import { stylesheet } from './style';
import { tierOf, type Tier } from './tier';
import type { LabelSource } from './labels/source';
import { asZSortEles, drawOnlyDisplayed, invalidateDrawList, type ZSortEle } from './zsort';
import { addDrawnEdges, ClassWriter, edgeDefinitions, EdgeSet } from './edges';
import { fitTo, sunflower } from './fit';
import { listen } from './events';
import { LineGrouper, lineIds } from './ties/lines';
import { MARK_CODE } from './ties/look';
import { actorBatches, actorStates, writeActorClasses } from './ties/actors';
import { TieLayer } from './ties/layer';
import { NO_LOOKS, TieScene, type DrawnLooks } from './ties/scene';

export type { CompareMark } from './ties/look';
export type { AdapterHandlers, AdapterOptions, ApplyReport, ViewSpec } from './adapter-types';

/** Owns one Cytoscape instance for the life of a view. React never touches its elements. */
export class GraphAdapter {
  readonly cy: Core;
  private model: Model | null = null;
  private nodes: NodeSingular[] = [];
  private colors = new Map<string, string>();
  /**
   * Big graph (tierOf: over TIE_LAYER_RELATIONS relations): no Cytoscape edges; the tie layer draws one tie per line
   * (see LineGrouper). Small graph: one Cytoscape edge per relation, created with the dataset.
   */
  private large = false;
  /** The tie layer (a canvas under Cytoscape's; draws only on big graphs). */
  readonly ties: TieLayer;
  private grouper: LineGrouper | null = null;
  /** 1 where a relation is shown (what the view holds, the ties panel lists and exports cite). */
  private shown = new Uint8Array(0);
  private shownList: readonly number[] = [];
  /** The ties drawn (every shown one on a small graph, one per line on a big one) and their looks. */
  private looks: DrawnLooks = NO_LOOKS;
  /** Source and target actor ordinal of each relation (−1: unknown), built once per dataset. */
  private ends: Int32Array = new Int32Array(0);
  /** Shown relations per actor ordinal: an actor with none is dimmed. */
  private degree = new Int32Array(0);
  /** Small graphs: the edge elements, and the classes last written to each. */
  private edgeSet = new EdgeSet([]);
  /** Faded actors (1) under the focus, and the selected actor, to write only what changes. */
  private nodeFaded = new Uint8Array(0);
  private selected: ActorId | null = null;
  /** A big graph's drawn ties added as edges for an export (see withTieElements). */
  private exportEdges: EdgeSingular[] = [];
  /** True while an export needs Cytoscape to draw everything itself (see withTieElements). */
  private cyDrawsAll = false;
  private time: Day = 0;
  /** Label inputs (labels/source.ts): relations per actor overall, the focus, a change counter. */
  private totalDegree: Int32Array = new Int32Array(0);
  private near: ReadonlySet<number> = new Set();
  private names: readonly string[] = [];
  private viewVersion = 0;
  /** Class changes of the apply in progress. */
  private readonly writer = new ClassWriter();
  /** Where the last layout came from: computed, or this browser's layout cache; read by tests. */
  layoutFrom: 'computed' | 'cache' | null = null;
  /** Whether the renderer draws only displayed elements (zsort.ts); read by tests. */
  readonly drawListPatched: boolean;
  /** The renderer in use. */
  readonly renderer: 'canvas' | 'webgl';

  constructor(
    container: HTMLElement | null,
    private readonly handlers: AdapterHandlers = {},
    options: AdapterOptions = {},
  ) {
    this.renderer = container && options.renderer === 'webgl' ? 'webgl' : 'canvas';
    this.cy = cytoscape({
      ...(container ? { container } : { headless: true, styleEnabled: true }),
      // Cytoscape's WebGL renderer draws nodes and edges from texture atlases on the GPU; labels and
      // export still go through canvas 2D. Opt-in (`?renderer=webgl`): see docs/benchmarks.md.
      ...(this.renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
      style: stylesheet(false),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 6,
      boxSelectionEnabled: false,
    });
    // Hidden ties stay out of the renderer's draw list (see zsort.ts); false when headless.
    this.drawListPatched = drawOnlyDisplayed(
      this.cyRenderer(),
      () => this.displayedElements(),
      // A big graph's actors are drawn by the tie layer; Cytoscape only hit-tests them.
      () => (this.ties.drawsActors && !this.cyDrawsAll ? asZSortEles(this.nodes) : null),
    );
    this.ties = new TieLayer(this.cy);
    listen(this.cy, this.handlers, (p) => this.tieAt(p));
  }

  private cyRenderer(): unknown {
    return (this.cy as unknown as { renderer(): unknown }).renderer();
  }

  /** The big graph's tie under a point of the container (rendered pixels), or null. */
  tieAt(p: { x: number; y: number } | undefined): number | null {
    return this.large && p ? this.ties.tieAt(p.x, p.y) : null;
  }

  /** Replaces the dataset: builds fresh elements (never store objects), in one batch. */
  setModel(model: Model, positions?: ReadonlyMap<string, { x: number; y: number }>): void {
    this.model = model;
    const { dataset } = model;
    const large = tierOf(model).tieLayer;
    this.large = large;
    this.colors = typeColors(dataset.relationTypes);
    const totalDegree = totalDegrees(model);
    this.ends = relationEnds(model);
    this.totalDegree = totalDegree;
    this.names = dataset.actors.map((a) => a.name);
    this.near = new Set();
    this.viewVersion++;
    this.shown = new Uint8Array(dataset.relations.length);
    this.shownList = [];
    this.looks = NO_LOOKS;
    this.degree = new Int32Array(dataset.actors.length);
    this.nodeFaded = new Uint8Array(dataset.actors.length);
    this.selected = null;
    const ids = large ? lineIds(model) : null;
    this.grouper = ids ? new LineGrouper(ids.of, ids.count) : null;
    this.exportEdges = [];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.style(stylesheet(large));
      this.nodes = this.cy
        .add(
          dataset.actors.map((a, i) => ({
            group: 'nodes' as const,
            data: {
              id: 'n:' + a.id,
              label: a.name,
              shape: shapeOf(a.kind),
              size: nodeSize(totalDegree[i] ?? 0),
            },
            position: { ...(positions?.get(a.id) ?? { x: 0, y: 0 }) },
            // No tie is shown yet: every actor starts dimmed (one class set at creation).
            classes: ['dim'],
          })),
        )
        .toArray() as NodeSingular[];
      // Small graphs: every edge now, hidden, restyled by class diffs from then on. Big graphs: none;
      // the tie layer draws them, so every frame after a step has every tie in view.
      this.edgeSet = new EdgeSet(large ? [] : this.addEdges(model));
    });
    this.ties.setScene(
      large ? new TieScene(model) : null,
      this.nodes,
      large ? actorBatches(this.nodes) : null,
    );
  }

  private addEdges(model: Model): EdgeSingular[] {
    const all = Array.from({ length: model.dataset.relations.length }, (_, i) => i);
    const added = this.cy
      .add(edgeDefinitions(model, all, this.colors, () => ['hidden']))
      .toArray() as EdgeSingular[];
    added.forEach((e, i) => e.scratch('_ord', i));
    return added;
  }

  /**
   * Takes a model of the same dataset with another temporal index (a new event window): no element
   * changes, the next apply uses the new spans.
   */
  setIndex(model: Model): void {
    if (this.model && this.model.dataset === model.dataset) this.model = model;
  }

  /**
   * Applies a view as diffs against the last one, in one batch: what is shown (and the actors' dimming),
   * what is drawn with which look, the focus, then the ties' drawing (edge classes, or the tie layer).
   */
  apply(spec: ViewSpec): ApplyReport {
    const model = this.model;
    if (!model) return { entered: 0, exited: 0, restyled: 0 };
    const statuses = spec.statuses ?? model.statuses;
    this.time = spec.time;
    this.viewVersion++;
    let report: ApplyReport = { entered: 0, exited: 0, restyled: 0 };
    const steps = (): void => {
      const { entered, exited } = this.applyShown(spec.visible, statuses);
      const looks = this.drawnLooks(model, spec, statuses);
      let restyled = this.applyFocus(model, spec.selected, looks);
      if (this.large)
        this.ties.show(
          looks,
          actorStates(
            this.degree,
            this.nodeFaded,
            spec.selected === null ? null : model.actorOrdinal.get(spec.selected),
          ),
        );
      else restyled += this.edgeSet.write(this.looks.list, looks, this.writer);
      this.looks = looks;
      // Cytoscape draws nothing of a big graph's view now, so no `render` follows it: say it happened
      // (the label layer chooses again on `render`).
      if (this.ties.drawsActors) this.cy.emit('render');
      this.writer.flush(this.cy);
      report = { entered, exited, restyled };
    };
    // While the tie layer draws the actors too, a step changes no Cytoscape element: no batch, whose
    // end would have Cytoscape run a render pass (style queue, draw list) for nothing.
    if (this.ties.drawsActors) steps();
    else this.cy.batch(steps);
    return report;
  }

  /** Step 1: the shown set (the view's relations with a status under the lens) and actor dimming. */
  private applyShown(
    visible: readonly number[],
    statuses: readonly (Status | null)[],
  ): { entered: number; exited: number } {
    const next = new Uint8Array(this.shown.length);
    const nextList = shownAmong(visible, statuses);
    for (const i of nextList) next[i] = 1;
    let entered = 0;
    let exited = 0;
    for (const i of this.shownList) {
      if (next[i] === 0) {
        this.bumpDegree(i, -1);
        exited++;
      }
    }
    for (const i of nextList) {
      if (this.shown[i] === 0) {
        this.bumpDegree(i, 1);
        entered++;
      }
    }
    this.shown = next;
    this.shownList = nextList as number[];
    return { entered, exited };
  }

  /**
   * Step 2: the drawn ties and their looks (uncertain span, event fade, status, compare mark): every
   * shown tie on a small graph; one per line on a big one, at the shade of its ties stacked.
   */
  private drawnLooks(
    model: Model,
    spec: ViewSpec,
    statuses: readonly (Status | null)[],
  ): DrawnLooks {
    const t = spec.time;
    const steps = fadeSteps(this.large);
    const spans = spec.spans ?? model.index.spans;
    const grouped = this.grouper?.group(
      model,
      this.shownList,
      t,
      statuses,
      spec.marks,
      steps,
      spans,
    );
    const list = grouped ? grouped.list : this.shownList;
    const n = list.length;
    const looks = {
      list,
      fuzzy: new Uint8Array(n),
      fade: grouped ? grouped.fade : new Uint8Array(n),
      status: new Uint8Array(n),
      mark: new Uint8Array(n),
      focus: new Uint8Array(n),
    };
    const window = model.index.eventWindow;
    for (let k = 0; k < n; k++) {
      const i = list[k]!;
      const s = spans[i]!;
      looks.fuzzy[k] = fuzzyAt(s, t);
      if (!grouped) looks.fade[k] = fadeAt(s, t, window, steps);
      looks.status[k] = statusCode(statuses[i]);
      const m = spec.marks?.get(i);
      looks.mark[k] = m ? MARK_CODE[m] : 0;
    }
    return looks;
  }

  /**
   * Step 3: focus on the selected actor's neighbourhood at this date: the focus code of each drawn tie
   * (in `looks`), and the faded and selected classes of the actors where they change.
   */
  private applyFocus(model: Model, selected: ActorId | null, looks: DrawnLooks): number {
    const ord = selected === null ? undefined : model.actorOrdinal.get(selected);
    const nodeFaded = new Uint8Array(this.nodes.length);
    if (ord !== undefined) {
      const rels = model.dataset.relations;
      const near = new Uint8Array(this.nodes.length);
      near[ord] = 1;
      const focusEdges = new Set<number>();
      for (const i of model.incident[ord] ?? []) {
        if (this.shown[i] !== 1) continue;
        focusEdges.add(i);
        near[model.actorOrdinal.get(rels[i]!.source)!] = 1;
        near[model.actorOrdinal.get(rels[i]!.target)!] = 1;
      }
      const focus = new Set<number>();
      for (let o = 0; o < nodeFaded.length; o++) {
        nodeFaded[o] = near[o] ? 0 : 1;
        if (near[o]) focus.add(o);
      }
      this.near = focus;
      for (let k = 0; k < looks.list.length; k++) {
        looks.focus[k] = focusEdges.has(looks.list[k]!) ? 1 : 2;
      }
    }
    if (ord === undefined) this.near = new Set();
    // Write only what changes: a step moves a few actors in or out of the focus, not all of them.
    for (let o = 0; o < nodeFaded.length; o++) {
      if (nodeFaded[o] !== this.nodeFaded[o]) this.writeActor(o, 'faded', nodeFaded[o] === 1);
    }
    this.nodeFaded = nodeFaded;
    const now = ord === undefined ? null : selected;
    if (now === this.selected) return 0;
    const before = this.selected === null ? undefined : model.actorOrdinal.get(this.selected);
    if (before !== undefined) this.writeActor(before, 'selected', false);
    if (ord !== undefined) this.writeActor(ord, 'selected', true);
    this.selected = now;
    return 1;
  }

  /**
   * An actor's class change. Not written while the tie layer draws the actors (their state goes to the
   * layer; Cytoscape would restyle them for nothing); writeActorClasses writes them all before an export.
   */
  private writeActor(o: number, cls: 'dim' | 'faded' | 'selected', on: boolean): void {
    if (!this.ties.drawsActors) this.writer.set(this.nodes[o], cls, on);
  }

  /** Relation `i` enters (+1) or leaves (−1) the view: its actors' counts, dimmed at 0. */
  private bumpDegree(i: number, by: number): void {
    const s = this.ends[2 * i]!;
    const t = this.ends[2 * i + 1]!;
    this.bump(s, by);
    if (t !== s) this.bump(t, by);
  }

  private bump(o: number, by: number): void {
    if (o < 0) return;
    const before = this.degree[o]!;
    const after = before + by;
    this.degree[o] = after;
    if (before === 0 && after > 0) this.writeActor(o, 'dim', false);
    else if (before > 0 && after === 0) this.writeActor(o, 'dim', true);
  }

  /** What the renderer must draw (zsort.ts): the small graph's drawn edges, export edges, every node. */
  private displayedElements(): ZSortEle[] {
    return this.edgeSet.displayed(this.exportEdges, this.nodes);
  }

  /**
   * Runs `work` (an export reading Cytoscape's elements) with a big graph's drawn ties present as
   * Cytoscape edges styled as the tie layer draws them, and removes them afterwards. Small graphs
   * have their edges already.
   */
  async withTieElements<T>(work: () => Promise<T> | T): Promise<T> {
    const model = this.model;
    if (!this.large || !model) return await work();
    const sel = this.selected === null ? undefined : model.actorOrdinal.get(this.selected);
    if (this.ties.drawsActors)
      writeActorClasses(this.cy, this.nodes, this.degree, this.nodeFaded, sel);
    this.exportEdges = addDrawnEdges(this.cy, model, this.looks, this.colors);
    this.cyDrawsAll = true;
    invalidateDrawList(this.cyRenderer());
    try {
      return await work();
    } finally {
      this.cyDrawsAll = false;
      this.cy.remove(this.cy.collection(this.exportEdges as unknown as CollectionArgument));
      this.exportEdges = [];
      invalidateDrawList(this.cyRenderer());
    }
  }

  /**
   * Places the actors on a sunflower spiral at once, so a big graph can be drawn while its real layout
   * computes in the worker; `layout()` then moves them once, before anyone scrubs.
   */
  placeProvisionally(): void {
    const xy = sunflower(this.nodes.length);
    this.cy.batch(() => {
      this.nodes.forEach((node, i) => node.position({ x: xy[2 * i]!, y: xy[2 * i + 1]! }));
    });
    this.fitTo(xy);
  }

  /** The current graph's tier (tier.ts): tie layer or Cytoscape edges, layout in a worker or inline. */
  get tier(): Tier {
    return this.model ? tierOf(this.model) : { tieLayer: false, layoutInWorker: false };
  }

  /** Positions every actor once over all relations (fcose, seeded) so nothing jumps while scrubbing. */
  async layout(seed = 7): Promise<void> {
    const model = this.model;
    if (!model) return;
    const sizes = Float64Array.from(this.nodes, (n) => Number(n.data('size')) || 30);
    const input = layoutInput(model, sizes, seed);
    // Big graphs' layouts are cached in the browser by their input; small ones take milliseconds.
    const { positions, cached } = this.tier.layoutInWorker
      ? await cachedLayout(input)
      : { positions: await layoutOffThread(input, false), cached: false };
    if (this.model !== model) return; // a newer dataset arrived meanwhile
    this.layoutFrom = cached ? 'cache' : 'computed';
    this.cy.batch(() => {
      this.nodes.forEach((node, i) => {
        node.position({ x: positions[2 * i] ?? 0, y: positions[2 * i + 1] ?? 0 });
      });
    });
    this.fitTo(positions);
  }

  /** Tells Cytoscape its container changed size (the strip opened, the window resized). */
  resize(): void {
    this.cy.resize();
  }

  /** Fits the view to all actors. */
  fit(): void {
    if (this.nodes.length > 0) this.cy.fit(this.cy.nodes(), 30);
  }

  /** Fits the view to actors at these positions (x, y pairs): see fit.ts's fitTo. */
  private fitTo(xy: ArrayLike<number>): void {
    fitTo(this.cy, this.nodes, xy, this.large);
  }

  /** Current positions of the actors, by actor id. */
  positions(): Map<string, { x: number; y: number }> {
    return new Map(this.nodes.map((n) => [n.id().slice(2), { ...n.position() }]));
  }

  /** Ordinals of the actors the label layer names now (set by the view; exports keep these names). */
  viewLabels: () => readonly number[] = () => [];

  /** What the label layer reads (labels/source.ts): live arrays, not copies; read, never written. */
  labelSource(): LabelSource {
    return {
      version: this.viewVersion,
      nodes: this.nodes,
      names: this.names,
      tiesNow: this.degree,
      tiesOverall: this.totalDegree,
      focus: this.near,
      selected: this.selected === null ? -1 : (this.model?.actorOrdinal.get(this.selected) ?? -1),
    };
  }

  /** Relation ids shown now, sorted: what tests and exports read. */
  visibleRelationIds(): string[] {
    const rels = this.model?.dataset.relations ?? [];
    return this.shownList.map((i) => rels[i]!.id as string).sort();
  }

  /** Ordinals of the relations shown now, ascending. */
  visibleOrdinals(): readonly number[] {
    return this.shownList;
  }

  /** The id of relation `i` (tests and benchmarks name ties by id). */
  relationId(i: number): string {
    return (this.model?.dataset.relations[i]?.id as string | undefined) ?? '';
  }

  /** Relation `i` with its actors' names, as the tooltip writes them (tests). */
  relation(i: number): { id: string; source: string; target: string } {
    const name = (o: number | undefined) => this.names[o ?? -1] ?? '';
    return {
      id: this.relationId(i),
      source: name(this.ends[2 * i]),
      target: name(this.ends[2 * i + 1]),
    };
  }

  /** Ordinals of the ties drawn now with their looks (each line of a big graph once). */
  drawnTies(): DrawnLooks {
    return this.looks;
  }

  /** The date last applied. */
  get currentTime(): Day {
    return this.time;
  }

  /** Tears the instance down (the view's effect cleanup). */
  destroy(): void {
    this.ties.destroy();
    this.cy.destroy();
  }
}
