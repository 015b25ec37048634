// The overview: a small canvas with every actor as a dot and the viewport as a frame; click or drag on it to move the view there.
import type { Core } from 'cytoscape';

/** The overview's size in CSS pixels. */
const W = 168;
const H = 112;
const PAD = 6;

/**
 * A minimap in `host`, shown only while the graph extends past the viewport. It redraws with each
 * frame Cytoscape draws (at most once per animation frame), from positions alone: one dot per actor.
 */
export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private frame = 0;
  /** Graph box → minimap: scale and offset of the last drawing, for pointer input. */
  private map = { k: 1, ox: 0, oy: 0 };
  private readonly onRender = (): void => this.schedule();
  /** Node moves seen, and the view the last drawing was for: a date step changes neither, so costs nothing. */
  private moved = 0;
  private drawnFor = '';
  private readonly onMove = (): void => {
    this.moved++;
  };

  constructor(
    private readonly cy: Core,
    host: HTMLElement,
  ) {
    const c = document.createElement('canvas');
    c.className = 'minimap';
    c.width = W * (window.devicePixelRatio || 1);
    c.height = H * (window.devicePixelRatio || 1);
    c.style.width = `${W}px`;
    c.style.height = `${H}px`;
    c.title = 'Overview: click or drag to move the view';
    c.setAttribute('aria-label', 'Overview of the whole graph');
    c.setAttribute('role', 'img');
    host.appendChild(c);
    this.canvas = c;
    let dragging = false;
    const go = (e: PointerEvent): void => {
      const r = c.getBoundingClientRect();
      this.centreOn(e.clientX - r.left, e.clientY - r.top);
    };
    c.addEventListener('pointerdown', (e) => {
      dragging = true;
      c.setPointerCapture?.(e.pointerId);
      go(e);
    });
    c.addEventListener('pointermove', (e) => dragging && go(e));
    c.addEventListener('pointerup', () => (dragging = false));
    c.addEventListener('pointercancel', () => (dragging = false));
    cy.on('render', this.onRender);
    cy.on('position add remove', 'node', this.onMove);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Moves the view so its centre is at this point of the minimap. */
  private centreOn(mx: number, my: number): void {
    const { k, ox, oy } = this.map;
    const x = (mx - ox) / k;
    const y = (my - oy) / k;
    const z = this.cy.zoom();
    this.cy.pan({ x: this.cy.width() / 2 - x * z, y: this.cy.height() / 2 - y * z });
  }

  private draw(): void {
    const cy = this.cy;
    const pan = cy.pan();
    const view = `${this.moved} ${cy.zoom()} ${pan.x} ${pan.y} ${cy.width()} ${cy.height()}`;
    if (view === this.drawnFor) return;
    this.drawnFor = view;
    const nodes = cy.nodes();
    const ctx = this.canvas.getContext('2d');
    if (!ctx || nodes.length === 0) {
      this.show(false);
      return;
    }
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    nodes.forEach((n) => {
      const p = n.position();
      x1 = Math.min(x1, p.x);
      x2 = Math.max(x2, p.x);
      y1 = Math.min(y1, p.y);
      y2 = Math.max(y2, p.y);
    });
    const ext = cy.extent();
    // Only when some actor lies outside the view.
    const inside = x1 >= ext.x1 && x2 <= ext.x2 && y1 >= ext.y1 && y2 <= ext.y2;
    this.show(!inside);
    if (inside) return;
    const k = Math.min((W - 2 * PAD) / Math.max(1, x2 - x1), (H - 2 * PAD) / Math.max(1, y2 - y1));
    const ox = (W - (x2 - x1) * k) / 2 - x1 * k;
    const oy = (H - (y2 - y1) * k) / 2 - y1 * k;
    this.map = { k, ox, oy };
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = '#5a5a5a';
    nodes.forEach((n) => {
      const p = n.position();
      ctx.fillRect(p.x * k + ox - 1, p.y * k + oy - 1, 2, 2);
    });
    ctx.strokeStyle = '#1f5fbf';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(ext.x1 * k + ox, ext.y1 * k + oy, ext.w * k, ext.h * k);
  }

  /** Shows or hides the overview, touching the DOM only on a change (the label layer re-measures the controls after one). */
  private show(on: boolean): void {
    if (this.canvas.hidden === on) this.canvas.hidden = !on;
  }

  /** Removes the canvas and the listeners. */
  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.cy.off('render', this.onRender);
    this.cy.off('position add remove', 'node', this.onMove);
    this.canvas.remove();
  }
}
