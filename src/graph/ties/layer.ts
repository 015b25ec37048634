// The tie layer on screen: a 2D canvas under Cytoscape's node canvas, drawn from the scene with Cytoscape's pan, zoom and node positions.
import type { Core, NodeSingular } from 'cytoscape';
import type { ActorCanvas } from './actor-canvas';
import type { ActorBatches } from './actors';
import type * as Hit from './hit';
import type { SegmentIndex } from './hit';
import type { DrawnLooks, TieScene } from './scene';

/**
 * Draws a TieScene under Cytoscape's canvases. A view change draws at once (in the task that applied
 * it, so the next frame is complete); pan, zoom, drags and layouts redraw on the next animation
 * frame, the same frame Cytoscape redraws its nodes in. Without a container (tests, benchmarks in
 * Node) it keeps the scene and the positions but draws nothing.
 */
export class TieLayer {
  readonly canvas: HTMLCanvasElement | null;
  private readonly ctx: CanvasRenderingContext2D | null;
  private scene: TieScene | null = null;
  /** The actors, when the layer draws them too (big graphs in a view), else null. */
  private actors: ActorBatches | null = null;
  private nodes: readonly NodeSingular[] = [];
  /** Actor positions (x, y per actor ordinal) as last read from Cytoscape. */
  private xy = new Float64Array(0);
  private positionsStale = true;
  /** Bumped each time the positions are read again (the actor canvas redraws in full then). */
  private positionsVersion = 0;
  /**
   * The actors' own bitmap (a canvas outside the page), kept up to date where they change and copied
   * over the ties at each draw: another canvas in the page cost the compositor more than it saved.
   */
  actorCanvas: ActorCanvas | null = null;
  private actorCanvasLoading = false;
  private frame: number | null = null;
  private index: SegmentIndex | null = null;
  /** The hit-testing module (flatbush), loaded on the first pointer question: not needed to draw. */
  private hit: typeof Hit | null = null;
  private hitLoading = false;
  /** Number of draws so far (tests wait for one). */
  draws = 0;
  private readonly off: () => void;

  constructor(private readonly cy: Core) {
    const container = cy.container();
    const host = container?.querySelector('canvas')?.parentElement ?? null;
    const canvas = host ? document.createElement('canvas') : null;
    const ctx = canvas?.getContext('2d') ?? null;
    if (canvas && host && ctx) {
      canvas.setAttribute('data-id', 'layer-ties');
      Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '0' });
      canvas.style.pointerEvents = 'none';
      host.insertBefore(canvas, host.firstChild);
    }
    this.canvas = canvas && ctx ? canvas : null;
    this.ctx = ctx;
    const redraw = () => this.requestDraw();
    const moved = () => {
      this.positionsStale = true;
      this.requestDraw();
    };
    cy.on('viewport resize', redraw);
    cy.on('position', 'node', moved);
    this.off = () => {
      cy.off('viewport resize', redraw);
      cy.off('position', 'node', moved);
    };
  }

  /**
   * A new dataset: its scene (null: the layer draws nothing), its actors' nodes by ordinal (the
   * positions), and the actors' batches when the layer draws the actors too.
   */
  setScene(
    scene: TieScene | null,
    nodes: readonly NodeSingular[],
    actors: ActorBatches | null = null,
  ): void {
    this.scene = scene;
    this.actors = actors;
    this.nodes = nodes;
    this.xy = new Float64Array(nodes.length * 2);
    this.positionsStale = true;
    this.index = null;
    if (scene && this.ctx) this.loadHit();
    this.drawNow();
  }

  /** Starts loading the hit-testing chunk (once), so it is there before the pointer asks. */
  private loadHit(): void {
    if (this.hitLoading) return;
    this.hitLoading = true;
    void import('./hit').then((m) => (this.hit = m));
  }

  /** A new view: rebuilds the batches (and takes the actors' states) and draws them now. */
  show(view: DrawnLooks, actorState?: Uint8Array): void {
    if (!this.scene) return;
    this.scene.set(view);
    if (this.actors && actorState) this.actors.state = actorState;
    this.index = null;
    this.drawNow();
  }

  /** Whether the layer draws the actors (Cytoscape then only hit-tests them). */
  get drawsActors(): boolean {
    return this.actors !== null && this.ctx !== null;
  }

  /** The scene drawn (null on small graphs, whose ties are Cytoscape edges). */
  get current(): TieScene | null {
    return this.scene;
  }

  /** Actor positions as the layer draws them (x, y per actor ordinal). */
  positions(): Float64Array {
    if (this.positionsStale) {
      const xy = this.xy;
      this.nodes.forEach((n, o) => {
        const p = n.position();
        xy[2 * o] = p.x;
        xy[2 * o + 1] = p.y;
      });
      this.positionsStale = false;
      this.positionsVersion++;
      this.index = null;
    }
    return this.xy;
  }

  /** Redraws on the next animation frame (pan, zoom, positions). */
  requestDraw(): void {
    if (this.frame !== null || !this.ctx || typeof requestAnimationFrame === 'undefined') return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.drawNow();
    });
  }

  /** Draws the scene with Cytoscape's current pan, zoom and pixel ratio. */
  drawNow(): void {
    const ctx = this.ctx;
    const canvas = this.canvas;
    if (!ctx || !canvas) return;
    const w = this.cy.width();
    const h = this.cy.height();
    const ratio = window.devicePixelRatio || 1;
    const pw = Math.round(w * ratio);
    const ph = Math.round(h * ratio);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pw, ph);
    this.draws++;
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const xy = this.scene ? this.positions() : this.xy;
    if (this.scene) {
      ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
      this.scene.draw(ctx, xy, ratio * zoom);
    }
    if (!this.scene || !this.actors) return;
    const actors = this.actorCanvas;
    if (!actors) {
      // Until its code is here (a moment after the first big graph), the actors are drawn in full.
      this.loadActorCanvas();
      this.actors.draw(ctx, xy);
      return;
    }
    actors.draw(this.actors, xy, {
      pw,
      ph,
      ratio,
      zoom,
      panX: pan.x,
      panY: pan.y,
      positions: this.positionsVersion,
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(actors.canvas, 0, 0);
  }

  /** Starts loading the actors' bitmap code (big graphs only, so outside the initial JavaScript), once. */
  private loadActorCanvas(): void {
    if (this.actorCanvasLoading) return;
    this.actorCanvasLoading = true;
    void import('./actor-canvas').then(({ ActorCanvas }) => {
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      this.actorCanvas = new ActorCanvas(canvas, ctx);
      this.requestDraw();
    });
  }

  /**
   * The tie under a point of the container (rendered pixels), within a few pixels of its stroke: its
   * relation ordinal, or null. Uses a spatial index of the drawn segments, built when first asked
   * after a view or a move; null until the hit-testing chunk (loaded after the first graph) is there.
   */
  tieAt(x: number, y: number): number | null {
    const scene = this.scene;
    if (!scene) return null;
    this.loadHit();
    if (!this.hit) return null;
    const xy = this.positions();
    this.index ??= new this.hit.SegmentIndex(
      scene.drawn,
      scene.drawnWidth,
      scene.source,
      scene.target,
      xy,
    );
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return this.index.nearest((x - pan.x) / zoom, (y - pan.y) / zoom, 4 / zoom);
  }

  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.off();
    this.canvas?.remove();
  }
}
