// Taps and hovers on the graph: actors and small graphs' edges through Cytoscape, a big graph's ties through the tie layer's hit-testing.
import type { Core, EventObject } from 'cytoscape';
import type { ActorId } from '../model';
import type { AdapterHandlers } from './adapter-types';

/**
 * Wires Cytoscape's tap and mouse events to `handlers`. `tieAt` answers which tie of the tie layer is
 * under a point of the container (null: none, or a small graph, whose ties are Cytoscape edges).
 */
export function listen(
  cy: Core,
  handlers: AdapterHandlers,
  tieAt: (p: { x: number; y: number } | undefined) => number | null,
): void {
  cy.on('tap', (e: EventObject) => {
    if (e.target === cy) {
      const tie = tieAt(e.renderedPosition);
      if (tie !== null) handlers.onTie?.(tie);
      else handlers.onSelect?.(null);
    } else if (e.target.isNode?.()) handlers.onSelect?.(e.target.id().slice(2) as ActorId);
    else if (e.target.isEdge?.()) handlers.onTie?.(e.target.scratch('_ord') as number);
  });
  cy.on('mouseover', 'edge', (e: EventObject) => {
    const p = e.renderedPosition ?? e.target.renderedMidpoint();
    handlers.onHover?.({ ordinal: e.target.scratch('_ord') as number, x: p.x, y: p.y });
  });
  cy.on('mouseout', 'edge', () => handlers.onHover?.(null));
  let hovered: number | null = null;
  cy.on('mousemove', (e: EventObject) => {
    const tie = e.target === cy ? tieAt(e.renderedPosition) : null;
    if (tie === hovered) return;
    hovered = tie;
    const p = e.renderedPosition;
    handlers.onHover?.(tie === null || !p ? null : { ordinal: tie, x: p.x, y: p.y });
  });
}
