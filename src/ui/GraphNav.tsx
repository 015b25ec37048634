// Around the canvas: the label layer, wheel zoom, the minimap, zoom buttons and the + / − / 0 keys (all loaded after the first graph).
import { useEffect, useState, type RefObject } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { useView } from './StoreContext';

import type * as ExtrasModule from '../graph/extras';

type Extras = typeof ExtrasModule;

/** True when a key press belongs to a text field, a list or a slider, not to the graph. */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t || !t.tagName) return false;
  return (
    /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) ||
    t.isContentEditable ||
    t.getAttribute('role') === 'slider'
  );
}

/** Zoom buttons and the extras of one adapter's view; renders nothing until the extras have loaded. */
export function GraphNav({
  adapter,
  wrap,
}: {
  adapter: GraphAdapter;
  wrap: RefObject<HTMLDivElement | null>;
}) {
  const [extras, setExtras] = useState<Extras | null>(null);
  const selected = useView((s) => s.selected);

  useEffect(() => {
    let live = true;
    const undo: (() => void)[] = [];
    void import('../graph/extras').then((x) => {
      const host = wrap.current;
      const container = adapter.cy.container();
      if (!live || !host || !container) return;
      const layer = new x.LabelLayer(adapter.cy, container, () => adapter.labelSource());
      const minimap = new x.Minimap(adapter.cy, host);
      undo.push(
        () => layer.destroy(),
        () => minimap.destroy(),
        x.naturalWheelZoom(adapter.cy, host),
      );
      if (window.__tieline) window.__tieline.labels = () => layer.labels();
      setExtras(x);
    });
    return () => {
      live = false;
      for (const u of undo) u();
      if (window.__tieline) delete window.__tieline.labels;
      setExtras(null);
    };
  }, [adapter, wrap]);

  useEffect(() => {
    if (!extras) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      const cy = adapter.cy;
      if (e.key === '+' || e.key === '=') extras.zoomAbout(cy, extras.ZOOM_STEP);
      else if (e.key === '-' || e.key === '_') extras.zoomAbout(cy, 1 / extras.ZOOM_STEP);
      else if (e.key === '0') extras.fitNodes(cy, extras.activeNodes(adapter.labelSource()));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [adapter, extras]);

  if (!extras) return null;
  const cy = adapter.cy;
  return (
    <div className="graph-nav" role="group" aria-label="Zoom">
      <button
        type="button"
        title="Zoom in (+)"
        onClick={() => extras.zoomAbout(cy, extras.ZOOM_STEP)}
      >
        Zoom in
      </button>
      <button
        type="button"
        title="Zoom out (−)"
        onClick={() => extras.zoomAbout(cy, 1 / extras.ZOOM_STEP)}
      >
        Zoom out
      </button>
      <button
        type="button"
        title="Fit the actors with a tie at this date (0)"
        onClick={() => extras.fitNodes(cy, extras.activeNodes(adapter.labelSource()))}
      >
        Fit active
      </button>
      <button
        type="button"
        disabled={selected === null}
        title="Zoom to the selected actor and its partners at this date"
        onClick={() => extras.fitNodes(cy, extras.focusNodes(adapter.labelSource()))}
      >
        Zoom to selection
      </button>
    </div>
  );
}
