// Moving around the graph as people expect: wheel and pinch zoom at a natural rate, zoom steps, fitting to what matters, a minimap.
import type { Core, NodeSingular } from 'cytoscape';
import type { LabelSource } from './labels/source';

/** Zoom per pixel of wheel travel: one mouse-wheel notch (100 px) zooms by about 20 %. */
const WHEEL_RATE = Math.log(1.2) / 100;
/** One zoom step of the buttons and the + / − keys. */
export const ZOOM_STEP = 1.4;
/** Padding around a fitted box, in screen pixels (room for the labels at its edge). */
const FIT_PAD = 48;

/**
 * Takes wheel and trackpad-pinch events before Cytoscape does (a capture listener on the container's
 * parent) and zooms about the pointer by a rate proportional to the wheel's travel. Cytoscape clamps
 * the first wheel events of a session to 5 px and scales by its wheelSensitivity: it took 60 notches
 * to go from zoom 0.31 to 0.65. Here that is 4 notches. Returns a function that removes the listener.
 */
export function naturalWheelZoom(cy: Core, host: HTMLElement): () => void {
  const onWheel = (e: WheelEvent): void => {
    const container = cy.container();
    if (!container || !container.contains(e.target as Node)) return;
    e.preventDefault();
    e.stopPropagation();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? cy.height() : 1;
    const dy = Math.max(-300, Math.min(300, e.deltaY * unit));
    // Pinch on a trackpad arrives as a wheel with ctrlKey and small deltas: a finer rate, same sign.
    const rate = e.ctrlKey ? WHEEL_RATE * 4 : WHEEL_RATE;
    const rect = container.getBoundingClientRect();
    zoomAbout(cy, Math.exp(-dy * rate), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  };
  host.addEventListener('wheel', onWheel, { capture: true, passive: false });
  return () => host.removeEventListener('wheel', onWheel, { capture: true });
}

/** Zooms by `factor` about a point of the container (its centre by default), within the zoom limits. */
export function zoomAbout(cy: Core, factor: number, at?: { x: number; y: number }): void {
  const level = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor));
  cy.zoom({ level, renderedPosition: at ?? { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** Fits the view to these nodes' positions (± their sizes), at most at zoom 2 so a lone actor is not huge. */
export function fitNodes(cy: Core, nodes: readonly NodeSingular[]): void {
  if (nodes.length === 0) return;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const node of nodes) {
    const p = node.position();
    const half = (Number(node.data('size')) || 30) / 2;
    x1 = Math.min(x1, p.x - half);
    x2 = Math.max(x2, p.x + half);
    y1 = Math.min(y1, p.y - half);
    y2 = Math.max(y2, p.y + half);
  }
  const w = cy.width();
  const h = cy.height();
  if (!(w > 0 && h > 0)) return;
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(2, (w - 2 * FIT_PAD) / Math.max(1, x2 - x1), (h - 2 * FIT_PAD) / Math.max(1, y2 - y1)),
  );
  cy.viewport({
    zoom,
    pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) },
  });
}

/** The actors with a tie at the date (all of them when none has one). */
export function activeNodes(src: LabelSource): NodeSingular[] {
  const out = src.nodes.filter((_, i) => (src.tiesNow[i] ?? 0) > 0);
  return out.length > 0 ? out : [...src.nodes];
}

/** The selected actor and its partners at the date; empty without a selection. */
export function focusNodes(src: LabelSource): NodeSingular[] {
  return [...src.focus].map((i) => src.nodes[i]).filter((n): n is NodeSingular => !!n);
}
