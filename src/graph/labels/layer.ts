// The label layer: a canvas over Cytoscape's that names the chosen actors at a constant screen size, redrawn with each frame Cytoscape draws.
import type { Core } from 'cytoscape';
import { candidatesOf } from './candidates';
import { chooseLabels, type LabelView } from './choose';
import { LabelSprites } from './sprites';
import { LABEL_BOX_H, labelBoxWidth, labelFont, labelText, type LabelToDraw } from './draw';
import type { LabelSource } from './source';

/** A drawn label as tests read it: the actor's name and its box in the container's CSS pixels. */
export interface DrawnLabel {
  readonly text: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly must: boolean;
}

/** A drawn label's identity and look, as the canvas shows it. */
function drawnKey(l: LabelToDraw): string {
  return `${l.id} ${l.x} ${l.y} ${l.w} ${l.bold ? 1 : 0}${l.faint ? 1 : 0}${l.displaced ? `${l.nodeX} ${l.nodeY}` : ''}`;
}

/** What the layer last chose for, so an unchanged frame (a hover, an idle redraw) costs nothing. */
interface Signature {
  version: number;
  zoom: number;
  panX: number;
  panY: number;
  width: number;
  height: number;
  moved: number;
  selected: number;
}

/**
 * While the date moves in a burst (keys held, play), names are chosen again at most this often; the
 * last choice of a burst always follows. Choosing and drawing names was the largest share of a big
 * graph's step after the ties themselves; between choices the names stay where they are.
 */
const BURST_MS = 120;

/**
 * Draws actor names on its own canvas above Cytoscape's. Cytoscape's node labels scale with the zoom
 * (11 px at zoom 1 is 3 px at the zoom an imported table opens at) and overlap freely; here the
 * chooser decides who is named and where, and the names keep one legible size.
 */
export class LabelLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private names: readonly string[] | null = null;
  private texts: string[] = [];
  private widths = new Float64Array(0);
  private moved = 0;
  private last: Signature | null = null;
  private drawn: LabelToDraw[] = [];
  /** When names were last chosen, and the choice waiting for a burst of date steps to pause. */
  private chosenAt = -Infinity;
  private pending: ReturnType<typeof setTimeout> | null = null;
  /** What the canvas shows now (labels, places, looks), so an unchanged choice is not drawn again. */
  private look = '';
  private readonly sprites = new LabelSprites();
  private screen: {
    nodes: LabelSource['nodes'];
    key: string;
    xy: Float64Array;
    radius: Float64Array;
  } | null = null;
  /** Choices made so far, and date changes that waited for a burst to pause (tests). */
  choices = 0;
  waited = 0;
  /** Milliseconds the last choice took (candidates + chooser), for the benchmark hook. */
  lastCost = 0;
  private readonly onRender = (): void => this.update();
  private readonly onMove = (): void => {
    this.moved++;
  };

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private readonly source: () => LabelSource,
    /** Controls over the graph (in the container's pixels) that labels must not hide under. */
    private readonly reserved: () => { x: number; y: number; w: number; h: number }[] = () => [],
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'label-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    Object.assign(this.canvas.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      pointerEvents: 'none',
      zIndex: '2',
    });
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d');
    cy.on('render', this.onRender);
    cy.on('position', 'node', this.onMove);
    this.update();
  }

  /** Chooses and draws again if the view, the dataset, the date, the selection or a position changed. */
  update(force = false): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const src = this.source();
    const width = this.cy.width();
    const height = this.cy.height();
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const sig: Signature = {
      version: src.version,
      zoom,
      panX: pan.x,
      panY: pan.y,
      width,
      height,
      moved: this.moved,
      selected: src.selected,
    };
    const l = this.last;
    // The same view of the actors (zoom, pan, size, positions, selection) as the last choice.
    const viewSame =
      l !== null &&
      l.zoom === zoom &&
      l.panX === pan.x &&
      l.panY === pan.y &&
      l.width === width &&
      l.height === height &&
      l.moved === sig.moved &&
      l.selected === sig.selected;
    if (!force && viewSame && l.version === sig.version) return;
    // Only the date (or the dataset's view) changed, soon after the last choice: choose once the burst pauses.
    const since = performance.now() - this.chosenAt;
    if (!force && viewSame && since < BURST_MS) {
      this.waited++;
      this.pending ??= setTimeout(() => {
        this.pending = null;
        this.update();
      }, BURST_MS - since);
      return;
    }
    this.flushPending(false);
    this.chosenAt = performance.now();
    this.choices++;
    this.last = sig;
    const dpr = window.devicePixelRatio || 1;
    if (
      this.canvas.width !== Math.round(width * dpr) ||
      this.canvas.height !== Math.round(height * dpr)
    ) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(height * dpr);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const started = performance.now();
    this.drawn = this.choose(src, ctx, { width, height, reserved: this.reserved() }, zoom, pan);
    this.lastCost = performance.now() - started;
    // The same labels in the same places (most date steps): the canvas keeps what it shows.
    const look = `${this.canvas.width} ${this.canvas.height} ${dpr} ${this.drawn.map(drawnKey).join(';')}`;
    if (look === this.look) return;
    this.look = look;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.sprites.draw(ctx, this.drawn, dpr);
  }

  /** The labels for this frame: candidates from the nodes' screen positions, then the chooser. */
  private choose(
    src: LabelSource,
    ctx: CanvasRenderingContext2D,
    view: LabelView,
    zoom: number,
    pan: { x: number; y: number },
  ): LabelToDraw[] {
    if (this.names !== src.names) this.measure(src.names, ctx);
    const n = src.nodes.length;
    if (n === 0 || this.widths.length !== n) return [];
    const { xy, radius } = this.onScreen(src, zoom, pan);
    const candidates = candidatesOf(
      {
        xy,
        radius,
        widths: this.widths,
        height: LABEL_BOX_H,
        tiesNow: src.tiesNow,
        tiesOverall: src.tiesOverall,
        focus: src.focus,
      },
      view,
    );
    const focused = src.focus.size > 0;
    return chooseLabels(candidates, view).map((p) => ({
      ...p,
      text: this.texts[p.id] ?? '',
      nodeX: xy[2 * p.id]!,
      nodeY: xy[2 * p.id + 1]!,
      bold: p.id === src.selected,
      faint: focused ? !src.focus.has(p.id) : src.tiesNow[p.id] === 0,
    }));
  }

  /**
   * The actors' screen positions and radii, read from Cytoscape again only when the view, the actors or
   * a position changed: a date step moves nobody, and reading 2,000 positions was most of its label cost.
   */
  private onScreen(
    src: LabelSource,
    zoom: number,
    pan: { x: number; y: number },
  ): { xy: Float64Array; radius: Float64Array } {
    const key = `${zoom} ${pan.x} ${pan.y} ${this.moved}`;
    const c = this.screen;
    if (c && c.nodes === src.nodes && c.key === key) return c;
    const n = src.nodes.length;
    const xy = new Float64Array(2 * n);
    const radius = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const node = src.nodes[i]!;
      const p = node.position();
      xy[2 * i] = p.x * zoom + pan.x;
      xy[2 * i + 1] = p.y * zoom + pan.y;
      radius[i] = ((Number(node.data('size')) || 30) / 2) * zoom;
    }
    this.screen = { nodes: src.nodes, key, xy, radius };
    return this.screen;
  }

  /** Measures every name once per dataset (the text is the same at every zoom). */
  private measure(names: readonly string[], ctx: CanvasRenderingContext2D): void {
    this.names = names;
    this.texts = names.map(labelText);
    ctx.save();
    ctx.font = labelFont(false);
    const bold = labelFont(true);
    this.widths = Float64Array.from(this.texts, (t) => {
      const w = ctx.measureText(t).width;
      ctx.font = bold;
      const wb = ctx.measureText(t).width;
      ctx.font = labelFont(false);
      return labelBoxWidth(Math.max(w, wb));
    });
    ctx.restore();
  }

  /** True while a choice waits for a burst of date steps to pause. */
  get pendingChoice(): boolean {
    return this.pending !== null;
  }

  /** Cancels a choice waiting for the end of a burst; with `now`, makes it at once. */
  private flushPending(now: boolean): void {
    if (this.pending === null) return;
    clearTimeout(this.pending);
    this.pending = null;
    if (now) this.update(true);
  }

  /** The labels drawn now, in the container's CSS pixels (the test hook `__tieline.labels()`). */
  labels(): DrawnLabel[] {
    this.flushPending(true);
    const src = this.source();
    return this.drawn.map((l) => ({
      text: l.text,
      name: src.names[l.id] ?? '',
      x: l.x,
      y: l.y,
      w: l.w,
      h: l.h,
      must: src.focus.has(l.id),
    }));
  }

  /** The labels drawn now with what the exports need to redraw them. */
  current(): readonly LabelToDraw[] {
    this.flushPending(true);
    return this.drawn;
  }

  /** Removes the canvas and the listeners. */
  destroy(): void {
    this.flushPending(false);
    this.cy.off('render', this.onRender);
    this.cy.off('position', 'node', this.onMove);
    this.canvas.remove();
  }
}
