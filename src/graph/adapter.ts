// The Cytoscape adapter: one instance per view, elements built once per dataset, each date applied as a class diff in one batch.
/* eslint-disable max-lines -- issue 16 (i16) splits adapter.ts (apply() as named steps, the tie layer in graph/ties/). */
import cytoscape, {
  type CollectionArgument,
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type EventObject,
  type NodeSingular,
} from 'cytoscape';
import type { ActorId, Day, Model, Status } from '../model';
import { UNKNOWN_TYPE } from './colors';
import { shapeOf, typeColors } from './palette';
import { cachedLayout, layoutInput, layoutOffThread } from './layout';
import { shownAmong } from '../store/selectors';
import {
  fadeAt,
  fadeOpacity,
  fadeSteps,
  fuzzyAt,
  nearestFade,
  nodeSize,
  statusCode,
  totalDegrees,
  weightScale,
  weightWidth,
  isLasting,
} from './edge-look';
import { LARGE_GRAPH, stylesheet } from './style';
import { drawOnlyDisplayed, type ZSortEle } from './zsort';
import type { LabelSource } from './labels/source';

/** Shown edges created per slice after an apply in a big live view (≈ 60–150 ms of Cytoscape's time in Chromium). */
const EDGE_SLICE = 1000;

/** At most this many missing edges are created inside one apply (≈ 150 ms in Chromium); the rest come in slices. */
const EDGE_NOW = 1000;

/** Up to this many relations, every edge is created with the dataset (one batch, well under a frame's worth of work per step). */
const SMALL_GRAPH = 2000;

/** Callbacks from the canvas back to the application. */
export interface AdapterHandlers {
  /** A node was tapped (its actor id), or the background (null). */
  onSelect?: (actor: ActorId | null) => void;
  /** A tie was tapped: its relation ordinal (opens the pair's history). */
  onTie?: (ordinal: number) => void;
  /** The pointer is over an edge (its relation ordinal and position in the container), or left it. */
  onHover?: (hover: { ordinal: number; x: number; y: number } | null) => void;
}

/** How the adapter draws: Cytoscape's canvas 2D renderer (default) or its WebGL one. */
export interface AdapterOptions {
  readonly renderer?: 'canvas' | 'webgl';
}

/** What a view shows: which relations at which date, with which statuses, around which actor. */
export interface ViewSpec {
  readonly visible: readonly number[];
  readonly time: Day;
  readonly selected: ActorId | null;
  /** Status of each relation under the current lens; null hides it. Defaults to the model's. */
  readonly statuses?: readonly (Status | null)[];
  /** When comparing two dates: ties formed, ended or changed in status between them. */
  readonly marks?: ReadonlyMap<number, CompareMark>;
}

/** How a tie changed between two compared dates. */
export type CompareMark = 'formed' | 'ended' | 'changed';
const MARK_CODE: Record<CompareMark, number> = { formed: 1, ended: 2, changed: 3 };
const MARK_CLASS = ['', 'cmp-formed', 'cmp-ended', 'cmp-changed'] as const;

/** Counts of what one apply call changed, for tests and benchmarks. */
export interface ApplyReport {
  readonly entered: number;
  readonly exited: number;
  readonly restyled: number;
}

type Ele = EdgeSingular | NodeSingular;

/**
 * Collects class changes during one apply and writes them per class as one collection each. Cytoscape
 * pays per call (a collection, a `class` event, a style-dirty pass), so 300 single-element toggles cost
 * several times what one `addClass` over 300 elements does. The last write for an element wins.
 */
class ClassWriter {
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

/**
 * Each relation's line on a big graph (its unordered actor pair and its type) as a dense number
 * 0 … lines − 1, so that a view can group its relations by line in typed arrays.
 */
function lineIds(model: Model): { of: Int32Array; count: number } {
  const { actors, relations, relationTypes } = model.dataset;
  const types = new Map(relationTypes.map((r, k) => [r.id, k]));
  const ids = new Map<number, number>();
  const of = new Int32Array(relations.length);
  relations.forEach((r, i) => {
    const a = model.actorOrdinal.get(r.source) ?? 0;
    const b = model.actorOrdinal.get(r.target) ?? 0;
    const key =
      (Math.min(a, b) * actors.length + Math.max(a, b)) * relationTypes.length +
      (types.get(r.type) ?? 0);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    of[i] = id;
  });
  return { of, count: ids.size };
}

/** What `drawnOf` keeps per line during one view (typed arrays, reused from view to view). */
interface LineScratch {
  /** The view that last wrote this line's slots (slots of other views are stale). */
  readonly stamp: Uint32Array;
  /** The look (uncertain span, status, mark) of the first shown tie seen on the line. */
  readonly look: Uint8Array;
  /** The freshest tie of that look, and the light its ties of that look let through stacked. */
  readonly top: Int32Array;
  readonly through: Float64Array;
  view: number;
}

/** Owns one Cytoscape instance for the life of a view. React never touches its elements. */
export class GraphAdapter {
  readonly cy: Core;
  private model: Model | null = null;
  /** Edge elements by relation ordinal; in a big live view they are created in slices, so some may not exist yet. */
  private edges: (EdgeSingular | undefined)[] = [];
  /** Relation ordinals in the order their edges were created (Cytoscape's element order). */
  private created: number[] = [];
  /** Element definitions not yet added (big graphs in a live view), and the timer adding them. */
  private pending: Set<number> = new Set();
  private fillTimer: ReturnType<typeof setTimeout> | null = null;
  private colors = new Map<string, string>();
  /** The dataset's largest absolute weight: the scale of weighted ties' widths (0: none weighted). */
  private weightScale = 0;
  /** Callers of whenComplete waiting for the shown edges that do not exist yet. */
  private waiting: (() => void)[] = [];
  private nodes: NodeSingular[] = [];
  /** 1 where a relation is shown (what the view holds, the ties panel lists and exports cite). */
  private shown = new Uint8Array(0);
  private shownList: number[] = [];
  /**
   * 1 where a relation's edge is drawn (not `hidden`): every shown relation on a small graph; on a big
   * graph one shown relation per line (see `drawnOf`).
   */
  private drawn = new Uint8Array(0);
  private drawnList: number[] = [];
  /** Per relation on a big graph: its line (the unordered actor pair and the type), a dense id. */
  private line: Int32Array = new Int32Array(0);
  private lines: LineScratch | null = null;
  /** Shown relations per actor ordinal: an actor with none is dimmed. */
  private degree = new Int32Array(0);
  /** Per relation: 1 fuzzy, fade level, status code — to write a class only when it changes. */
  private fuzzy = new Uint8Array(0);
  private fade = new Uint8Array(0);
  private status = new Uint8Array(0);
  private mark = new Uint8Array(0);
  private marked: number[] = [];
  private selected: ActorId | null = null;
  /** Focus state per edge (0 none, 1 in focus, 2 faded) and per node (1 faded), to write only changes. */
  private edgeFocus = new Uint8Array(0);
  private nodeFaded = new Uint8Array(0);
  private focusActive = false;
  private time: Day = 0;
  /** Label inputs (labels/source.ts): relations per actor overall, the focus, a change counter. */
  private totalDegree: Int32Array = new Int32Array(0);
  private near: ReadonlySet<number> = new Set();
  private names: readonly string[] = [];
  private viewVersion = 0;
  /** Big-graph styles in use (no labels): the view can be fitted from positions alone. */
  private large = false;
  /** Class changes of the apply in progress. */
  private readonly writer = new ClassWriter();
  /** No container: tests and benchmarks, where everything happens synchronously. */
  private readonly headless: boolean;
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
    this.headless = container === null;
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
      (this.cy as unknown as { renderer(): unknown }).renderer(),
      () => this.displayedElements(),
    );
    this.cy.on('tap', (e: EventObject) => {
      if (e.target === this.cy) this.handlers.onSelect?.(null);
      else if (e.target.isNode?.()) this.handlers.onSelect?.(e.target.id().slice(2) as ActorId);
      else if (e.target.isEdge?.()) this.handlers.onTie?.(e.target.scratch('_ord') as number);
    });
    this.cy.on('mouseover', 'edge', (e: EventObject) => {
      const p = e.renderedPosition ?? e.target.renderedMidpoint();
      this.handlers.onHover?.({ ordinal: e.target.scratch('_ord') as number, x: p.x, y: p.y });
    });
    this.cy.on('mouseout', 'edge', () => this.handlers.onHover?.(null));
  }

  /** Replaces the dataset: builds fresh elements (never store objects), in one batch. */
  setModel(model: Model, positions?: ReadonlyMap<string, { x: number; y: number }>): void {
    this.model = model;
    this.viewVersion++;
    const { dataset } = model;
    const n = dataset.relations.length;
    const colors = typeColors(dataset.relationTypes);
    const large = n > LARGE_GRAPH;
    this.large = large;
    const totalDegree = totalDegrees(model);
    this.totalDegree = totalDegree;
    this.names = dataset.actors.map((a) => a.name);
    this.near = new Set();
    const nodeDefs: ElementDefinition[] = dataset.actors.map((a, i) => ({
      group: 'nodes',
      data: {
        id: 'n:' + a.id,
        label: a.name,
        shape: shapeOf(a.kind),
        size: nodeSize(totalDegree[i] ?? 0),
      },
      position: { ...(positions?.get(a.id) ?? { x: 0, y: 0 }) },
      // No tie is shown yet: every actor starts dimmed (one class set at creation, not 2,000 addClass calls).
      classes: ['dim'],
    }));
    if (this.fillTimer !== null) clearTimeout(this.fillTimer);
    this.fillTimer = null;
    this.colors = colors;
    this.weightScale = weightScale(model.dataset.relations);
    this.shown = new Uint8Array(n);
    this.shownList = [];
    this.drawn = new Uint8Array(n);
    this.drawnList = [];
    if (large) {
      const ids = lineIds(model);
      this.line = ids.of;
      this.lines = {
        stamp: new Uint32Array(ids.count),
        look: new Uint8Array(ids.count),
        top: new Int32Array(ids.count),
        through: new Float64Array(ids.count),
        view: 0,
      };
    } else {
      this.line = new Int32Array(0);
      this.lines = null;
    }
    this.degree = new Int32Array(dataset.actors.length);
    this.fuzzy = new Uint8Array(n);
    this.fade = new Uint8Array(n);
    this.status = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    this.edgeFocus = new Uint8Array(n);
    this.nodeFaded = new Uint8Array(dataset.actors.length);
    this.marked = [];
    this.selected = null;
    this.focusActive = false;
    this.edges = new Array<EdgeSingular | undefined>(n);
    this.created = [];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.style(stylesheet(large));
      this.nodes = this.cy.add(nodeDefs).toArray() as NodeSingular[];
    });
    if (n <= SMALL_GRAPH || this.headless) {
      // Small graphs, tests and benchmarks: every edge now, in one batch.
      this.createEdges(Array.from({ length: n }, (_, i) => i));
      this.pending = new Set();
    } else {
      // Big graphs in a live view: Cytoscape takes 35–150 µs an edge to add and style, and every
      // added slice costs a redraw of what is shown, so 60,000 edges up front would keep the page busy
      // for many seconds. An edge is created when a view first shows it: up to EDGE_NOW inside that
      // apply, the rest in slices between frames (fillSoon). Edges never shown are never created.
      this.pending = new Set(Array.from({ length: n }, (_, i) => i));
    }
    this.settle(false); // nothing is shown yet
  }

  /** Resolves once every edge the view draws has its element (at once when none is missing). */
  whenComplete(): Promise<void> {
    if (!this.drawnPending()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** True while some drawn relation has no edge element yet. */
  private drawnPending(): boolean {
    if (this.pending.size === 0) return false;
    for (const i of this.drawnList) if (this.pending.has(i)) return true;
    return false;
  }

  /**
   * Schedules the next slice when shown edges are missing (`missing`, which the caller knows from the
   * loop it just ran); otherwise releases whenComplete's callers.
   */
  private settle(missing: boolean): void {
    if (missing) {
      this.fillSoon();
      return;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Creates the edges of these relations, with the classes their current state calls for, in one batch. */
  private createEdges(ordinals: readonly number[]): void {
    const model = this.model;
    if (!model || ordinals.length === 0) return;
    const rels = model.dataset.relations;
    const defs: ElementDefinition[] = ordinals.map((i) => {
      const r = rels[i]!;
      const type = model.typeById.get(r.type);
      const classes: string[] = [];
      if (this.drawn[i] !== 1) classes.push('hidden');
      if (type?.directed) classes.push('directed');
      if (type?.kind === 'event') classes.push('event');
      if (isLasting(model.index.spans[i] ?? {})) classes.push('lasting');
      if (this.fuzzy[i]) classes.push('fuzzy');
      if (this.fade[i]) classes.push(`fade-${this.fade[i]}`);
      if (this.status[i] === 2) classes.push('disputed');
      if (this.mark[i]) classes.push(MARK_CLASS[this.mark[i]!] as string);
      const width = weightWidth(r.weight, this.weightScale);
      if (width !== null) classes.push('weighted');
      return {
        group: 'edges',
        data: {
          id: 'e:' + r.id,
          source: 'n:' + r.source,
          target: 'n:' + r.target,
          color: this.colors.get(r.type) ?? UNKNOWN_TYPE,
          ...(width !== null ? { width } : {}),
        },
        classes,
      };
    });
    this.cy.batch(() => {
      const added = this.cy.add(defs).toArray() as EdgeSingular[];
      added.forEach((e, k) => {
        const i = ordinals[k]!;
        e.scratch('_ord', i);
        this.edges[i] = e;
        this.created.push(i);
      });
    });
  }

  /** Creates the next slice of drawn edges that do not exist yet, after the next frame. */
  private fillSoon(): void {
    if (this.fillTimer !== null) return;
    this.fillTimer = setTimeout(() => {
      this.fillTimer = null;
      const slice: number[] = [];
      for (const i of this.drawnList) {
        if (slice.length >= EDGE_SLICE) break;
        if (this.pending.has(i)) slice.push(i);
      }
      for (const i of slice) this.pending.delete(i);
      // Shown now, so created without the hidden class and with the classes the last apply computed.
      this.cy.batch(() => {
        this.createEdges(slice);
        if (this.focusActive && this.selected !== null) {
          const sel = this.selected;
          this.selected = null;
          this.applyFocus(sel);
        }
        this.writer.flush(this.cy);
      });
      // A full slice may have left more (at worst one empty slice follows); a short one left none.
      this.settle(slice.length === EDGE_SLICE);
    }, 0);
  }

  /**
   * Takes a model of the same dataset with another temporal index (a new event window): no element
   * changes, the next apply uses the new spans.
   */
  setIndex(model: Model): void {
    if (this.model && this.model.dataset === model.dataset) this.model = model;
  }

  /**
   * Places the actors on a sunflower spiral at once, so a big graph can be drawn while its real layout
   * computes in the worker; `layout()` then moves them once, before anyone scrubs.
   */
  placeProvisionally(): void {
    const golden = Math.PI * (3 - Math.sqrt(5));
    const xy = new Float64Array(this.nodes.length * 2);
    this.cy.batch(() => {
      this.nodes.forEach((node, i) => {
        const r = 38 * Math.sqrt(i + 0.5);
        xy[2 * i] = r * Math.cos(i * golden);
        xy[2 * i + 1] = r * Math.sin(i * golden);
        node.position({ x: xy[2 * i]!, y: xy[2 * i + 1]! });
      });
    });
    this.fitTo(xy);
  }

  /** True when the layout runs in a worker (big graphs): worth drawing provisional positions first. */
  get layoutIsSlow(): boolean {
    const m = this.model;
    return !!m && (m.dataset.actors.length > 400 || m.dataset.relations.length > 2000);
  }

  /** Positions every actor once over all relations (fcose, seeded) so nothing jumps while scrubbing. */
  async layout(seed = 7): Promise<void> {
    const model = this.model;
    if (!model) return;
    const sizes = Float64Array.from(this.nodes, (n) => Number(n.data('size')) || 30);
    const input = layoutInput(model, sizes, seed);
    // Big graphs' layouts are cached in the browser by their input; small ones take milliseconds.
    const { positions, cached } = this.layoutIsSlow
      ? await cachedLayout(input)
      : { positions: await layoutOffThread(input), cached: false };
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

  /**
   * Fits the view to actors at these positions (x, y pairs). With big-graph styles (no labels) the box
   * is the positions ± half the node sizes, computed here: `cy.fit` would ask Cytoscape for bounding
   * boxes, which forces every node's style to be computed at once (≈ 280 ms for 2,000 actors) in the
   * task that places them, before anything is drawn. Small graphs (labels count) use `cy.fit`.
   */
  private fitTo(xy: ArrayLike<number>): void {
    const w = this.cy.width();
    const h = this.cy.height();
    if (!this.large || this.nodes.length === 0 || !(w > 0 && h > 0)) {
      this.fit();
      return;
    }
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    this.nodes.forEach((node, i) => {
      const half = (Number(node.data('size')) || 30) / 2;
      const x = xy[2 * i] ?? 0;
      const y = xy[2 * i + 1] ?? 0;
      x1 = Math.min(x1, x - half);
      x2 = Math.max(x2, x + half);
      y1 = Math.min(y1, y - half);
      y2 = Math.max(y2, y + half);
    });
    const pad = 30;
    const zoom = Math.min(
      this.cy.maxZoom(),
      Math.max(
        this.cy.minZoom(),
        Math.min((w - 2 * pad) / Math.max(1, x2 - x1), (h - 2 * pad) / Math.max(1, y2 - y1)),
      ),
    );
    this.cy.viewport({
      zoom,
      pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) },
    });
  }

  /** Current positions of the actors, by actor id. */
  positions(): Map<string, { x: number; y: number }> {
    return new Map(this.nodes.map((n) => [n.id().slice(2), { ...n.position() }]));
  }

  /**
   * Applies a view: which relations are shown and which edges are drawn, as diffs against the last
   * view, then fuzzy/fade/status of the drawn edges, comparison marks, then focus; one batch.
   */
  apply(spec: ViewSpec): ApplyReport {
    const model = this.model;
    if (!model) return { entered: 0, exited: 0, restyled: 0 };
    let entered = 0;
    /** Drawn edges still missing after this apply creates its EDGE_NOW. */
    let left = 0;
    let exited = 0;
    let restyled = 0;
    const rels = model.dataset.relations;
    const statuses = spec.statuses ?? model.statuses;
    const spans = model.index.spans;
    const t = spec.time;
    this.time = t;
    this.viewVersion++;
    this.cy.batch(() => {
      // 1. What is shown (the view's relations with a status under the lens), and what is drawn.
      const next = new Uint8Array(this.shown.length);
      const nextList = shownAmong(spec.visible, statuses);
      for (const i of nextList) next[i] = 1;
      const window = model.index.eventWindow;
      const steps = fadeSteps(this.large);
      const lines = this.large ? this.drawnOf(nextList, t, statuses, spec.marks, steps) : null;
      const drawList = lines ? lines.list : nextList;
      const nextDrawn = this.large ? new Uint8Array(this.shown.length) : next;
      if (this.large) for (const i of drawList) nextDrawn[i] = 1;
      // Edges drawn now that a big graph has not created yet: create up to EDGE_NOW of them here
      // (hidden, like every new edge; the diff below shows them); fillSoon adds any others first.
      let missing: number[] | null = null;
      if (this.pending.size > 0) {
        for (const i of drawList) {
          if (!this.pending.has(i)) continue;
          if ((missing ??= []).length < EDGE_NOW) missing.push(i);
          else left++;
        }
      }
      if (missing) {
        for (const i of missing) this.pending.delete(i);
        this.createEdges(missing);
      }
      // Class changes go to Cytoscape per class as one collection (ClassWriter), not one per edge.
      const w = this.writer;
      for (const i of this.drawnList) if (nextDrawn[i] === 0) w.set(this.edges[i], 'hidden', true);
      for (const i of drawList) if (this.drawn[i] === 0) w.set(this.edges[i], 'hidden', false);
      for (const i of this.shownList) {
        if (next[i] === 0) {
          this.bumpDegree(rels[i]!.source, rels[i]!.target, -1);
          exited++;
        }
      }
      for (const i of nextList) {
        if (this.shown[i] === 0) {
          this.bumpDegree(rels[i]!.source, rels[i]!.target, 1);
          entered++;
        }
      }
      this.shown = next;
      this.shownList = nextList;
      this.drawn = nextDrawn;
      this.drawnList = drawList;
      // 2. Appearance of what is drawn: uncertain span, event fade (a big graph's line: the shade of
      // its ties stacked), status. An edge not drawn keeps the classes last written to it (its
      // arrays say which) until it is drawn again.
      for (let k = 0; k < drawList.length; k++) {
        const i = drawList[k]!;
        const s = spans[i]!;
        const fz = fuzzyAt(s, t);
        const fd = lines ? lines.fade[k]! : fadeAt(s, t, window, steps);
        const st = statusCode(statuses[i]);
        const edge = this.edges[i];
        if (fz !== this.fuzzy[i]) {
          w.set(edge, 'fuzzy', fz === 1);
          this.fuzzy[i] = fz;
          restyled++;
        }
        if (fd !== this.fade[i]) {
          if (this.fade[i]) w.set(edge, `fade-${this.fade[i]}`, false);
          if (fd) w.set(edge, `fade-${fd}`, true);
          this.fade[i] = fd;
          restyled++;
        }
        if (st !== this.status[i]) {
          w.set(edge, 'disputed', st === 2);
          this.status[i] = st;
          restyled++;
        }
      }
      // 3. Comparison marks: clear those that went, set those that came.
      const marks = spec.marks;
      if (marks || this.marked.length) {
        const nextMarked: number[] = [];
        for (const i of this.marked) {
          if (!marks?.has(i)) {
            w.set(this.edges[i], MARK_CLASS[this.mark[i]!] as string, false);
            this.mark[i] = 0;
            restyled++;
          }
        }
        for (const [i, m] of marks ?? []) {
          const code = MARK_CODE[m];
          if (this.mark[i] !== code) {
            if (this.mark[i]) w.set(this.edges[i], MARK_CLASS[this.mark[i]!] as string, false);
            w.set(this.edges[i], MARK_CLASS[code]!, true);
            this.mark[i] = code;
            restyled++;
          }
          nextMarked.push(i);
        }
        this.marked = nextMarked;
      }
      // 4. Focus on the selected actor's neighbourhood at this date.
      restyled += this.applyFocus(spec.selected);
      w.flush(this.cy);
    });
    this.settle(left > 0);
    return { entered, exited, restyled };
  }

  /**
   * The shown relations a big graph draws, one per line, each with the fade level its line is drawn
   * at (in shown order). Big graphs draw ties as straight lines from centre to centre (haystack
   * edges), so every tie of one type between the same two actors lies on the same pixels: on
   * CollegeMsg the 37,000 messages of a 30-day window fall on 8,800 lines, and drawing each of them
   * was three quarters of every frame. A line here is the actor pair, the type and what changes the
   * line's look (uncertain span, status, comparison mark), so disputed and uncertain ties still show
   * as such. The line is drawn with the freshest of its ties (the latest event, or for states and
   * among equals the last relation: also the last of its line to leave as time goes on) at the shade
   * closest to that of all its ties stacked, so a pair in frequent contact still reads darker.
   */
  private drawnOf(
    shown: readonly number[],
    t: Day,
    statuses: readonly (Status | null)[],
    marks: ReadonlyMap<number, CompareMark> | undefined,
    steps: readonly number[],
  ): { list: number[]; fade: Uint8Array } {
    const spans = this.model!.index.spans;
    const window = this.model!.index.eventWindow;
    const sc = this.lines!;
    // A new view number instead of clearing the slots (at 2³² views, clear them once).
    if (++sc.view === 0x1_0000_0000) {
      sc.stamp.fill(0);
      sc.view = 1;
    }
    const view = sc.view;
    const looks = new Uint8Array(shown.length);
    /** Ties whose look differs from the first one seen on their line (rare): by line × 32 + look. */
    let others: Map<number, { top: number; through: number }> | null = null;
    const fresher = (i: number, j: number): boolean =>
      (spans[i]!.eventDay ?? 0) >= (spans[j]!.eventDay ?? 0);
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      const s = spans[i]!;
      const m = marks?.get(i);
      const look = fuzzyAt(s, t) + statusCode(statuses[i]) * 2 + (m ? MARK_CODE[m] : 0) * 8;
      looks[k] = look;
      const through = 1 - fadeOpacity(fadeAt(s, t, window, steps));
      const l = this.line[i]!;
      if (sc.stamp[l] !== view) {
        sc.stamp[l] = view;
        sc.look[l] = look;
        sc.top[l] = i;
        sc.through[l] = through;
      } else if (sc.look[l] === look) {
        if (fresher(i, sc.top[l]!)) sc.top[l] = i;
        sc.through[l]! *= through;
      } else {
        const o = (others ??= new Map()).get(l * 32 + look);
        if (!o) others.set(l * 32 + look, { top: i, through });
        else {
          if (fresher(i, o.top)) o.top = i;
          o.through *= through;
        }
      }
    }
    const list: number[] = [];
    const fades: number[] = [];
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      const l = this.line[i]!;
      const o = sc.look[l] === looks[k] ? null : others?.get(l * 32 + looks[k]!);
      const top = o ? o.top : sc.top[l];
      if (top !== i) continue;
      list.push(i);
      fades.push(nearestFade(1 - (o ? o.through : sc.through[l]!), steps));
    }
    return { list, fade: Uint8Array.from(fades) };
  }

  /**
   * What the renderer must draw (zsort.ts): every node, the edges drawn, and hidden edges still flagged
   * in the drag layer (a node was dragged while they were hidden; the renderer clears the flag by
   * walking this list). Reads typed arrays, not Cytoscape's style: O(relations) cheap checks.
   */
  private displayedElements(): ZSortEle[] {
    // In the order Cytoscape's comparator gives for this stylesheet (edges under nodes, focus edges
    // above the others), so its sort over the list finds runs already in order: near-linear.
    // Edges go in creation order, which is Cytoscape's tie-break (its element pool's order), so each run
    // is already sorted and the sort makes one comparison per element.
    const out: ZSortEle[] = [];
    const focus: ZSortEle[] = [];
    const edges = this.edges as unknown as (ZSortEle | undefined)[];
    for (const i of this.created) {
      const e = edges[i];
      if (!e || (this.drawn[i] !== 1 && e._private.rscratch.inDragLayer !== true)) continue;
      (this.edgeFocus[i] === 1 ? focus : out).push(e);
    }
    for (const e of focus) out.push(e);
    for (const n of this.nodes) out.push(n as unknown as ZSortEle);
    return out;
  }

  private bumpDegree(source: ActorId, target: ActorId, by: number): void {
    const m = this.model!;
    const s = m.actorOrdinal.get(source);
    const t = m.actorOrdinal.get(target);
    for (const o of s === t ? [s] : [s, t]) {
      if (o === undefined) continue;
      const before = this.degree[o]!;
      const after = before + by;
      this.degree[o] = after;
      if (before === 0 && after > 0) this.writer.set(this.nodes[o], 'dim', false);
      else if (before > 0 && after === 0) this.writer.set(this.nodes[o], 'dim', true);
    }
  }

  private applyFocus(selected: ActorId | null): number {
    const m = this.model!;
    if (selected === null || !m.actorOrdinal.has(selected)) {
      if (this.focusActive || this.selected !== null) {
        this.cy.elements().removeClass('faded focus selected');
        this.edgeFocus.fill(0);
        this.nodeFaded.fill(0);
        this.focusActive = false;
        this.selected = null;
        this.near = new Set();
        return 1;
      }
      return 0;
    }
    const rels = m.dataset.relations;
    const ord = m.actorOrdinal.get(selected)!;
    const near = new Set<number>([ord]);
    const focusEdges = new Set<number>();
    for (const i of m.incident[ord] ?? []) {
      if (this.shown[i] !== 1) continue;
      focusEdges.add(i);
      near.add(m.actorOrdinal.get(rels[i]!.source)!);
      near.add(m.actorOrdinal.get(rels[i]!.target)!);
    }
    this.near = near;
    // Write only what changes: a step moves a few ties in or out of the focus, not all of them.
    const nodeFaded = new Uint8Array(this.nodes.length);
    this.nodes.forEach((n, o) => {
      nodeFaded[o] = near.has(o) ? 0 : 1;
      if (!this.focusActive || this.nodeFaded[o] !== nodeFaded[o])
        this.writer.set(n, 'faded', nodeFaded[o] === 1);
    });
    if (this.selected !== selected || !this.focusActive) {
      this.cy.nodes('.selected').removeClass('selected');
      this.nodes[ord]!.addClass('selected');
    }
    this.nodeFaded = nodeFaded;
    // Drawn edges only: one that is not drawn gets its focus classes when it is drawn again.
    for (const i of this.drawnList) {
      const e = this.edges[i];
      if (!e) continue;
      const state = focusEdges.has(i) ? 1 : 2;
      if (this.edgeFocus[i] === state) continue;
      this.edgeFocus[i] = state;
      this.writer.set(e, 'faded', state === 2);
      this.writer.set(e, 'focus', state === 1);
    }
    this.focusActive = true;
    this.selected = selected;
    return 1;
  }

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

  /** The date last applied. */
  get currentTime(): Day {
    return this.time;
  }

  /** Tears the instance down (the view's effect cleanup). */
  destroy(): void {
    if (this.fillTimer !== null) clearTimeout(this.fillTimer);
    this.cy.destroy();
  }
}
