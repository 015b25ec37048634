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

type Box = { x: number; y: number; w: number; h: number };

/** Controls drawn over the graph (zoom buttons, minimap, tools, a folded legend), in the container's pixels. */
function controlsOver(
  container: HTMLElement,
  area: Element,
): { boxes: Box[]; found: HTMLElement[] } {
  const at = container.getBoundingClientRect();
  const found = Array.from(
    area.querySelectorAll<HTMLElement>(
      '.graph-nav, .minimap:not([hidden]), .graph-tools, .legend:not(.docked)',
    ),
  );
  const boxes = found.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - at.left - 4, y: r.top - at.top - 4, w: r.width + 8, h: r.height + 8 };
  });
  return { boxes, found };
}

/**
 * The controls' boxes, measured again only after something over the graph changed (an element added
 * or shown, a class, a size): measuring on every date step forced a layout of the page each time.
 */
function controlBoxes(container: HTMLElement): { get: () => Box[]; dispose: () => void } {
  const area = container.closest('.canvas-area') ?? container.parentElement;
  if (!area || typeof MutationObserver === 'undefined' || typeof ResizeObserver === 'undefined')
    return { get: () => (area ? controlsOver(container, area).boxes : []), dispose: () => {} };
  let boxes: Box[] | null = null;
  const stale = (): void => {
    boxes = null;
  };
  const mutations = new MutationObserver(stale);
  mutations.observe(area, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'hidden', 'open'],
  });
  const sizes = new ResizeObserver(stale);
  sizes.observe(area);
  // Each element is observed once (observing calls back once more, which would measure again).
  const watched = new WeakSet<Element>();
  return {
    get: () => {
      if (boxes) return boxes;
      const now = controlsOver(container, area);
      for (const el of now.found) {
        if (watched.has(el)) continue;
        watched.add(el);
        sizes.observe(el);
      }
      return (boxes = now.boxes);
    },
    dispose: () => {
      mutations.disconnect();
      sizes.disconnect();
    },
  };
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
      const controls = controlBoxes(container);
      const layer = new x.LabelLayer(
        adapter.cy,
        container,
        () => adapter.labelSource(),
        controls.get,
      );
      const minimap = new x.Minimap(adapter.cy, host);
      undo.push(
        () => layer.destroy(),
        () => controls.dispose(),
        () => minimap.destroy(),
        x.naturalWheelZoom(adapter.cy, host),
      );
      adapter.viewLabels = () => layer.current().map((l) => l.id);
      undo.push(() => (adapter.viewLabels = () => []));
      if (window.__tieline) {
        window.__tieline.labels = () => layer.labels();
        window.__tieline.labelChoices = () => ({
          choices: layer.choices,
          waited: layer.waited,
          pending: layer.pendingChoice,
        });
      }
      setExtras(x);
    });
    return () => {
      live = false;
      for (const u of undo) u();
      if (window.__tieline) {
        delete window.__tieline.labels;
        delete window.__tieline.labelChoices;
      }
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
