// The canvas: mounts one GraphAdapter, feeds it the dataset once and each view change as a diff; shows edge tooltips.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import type { DrawnLabel } from '../graph/labels/layer';
import { datesOf, type Day, type Model } from '../model';
import {
  modelOf,
  selectChanges,
  selectShown,
  selectSpans,
  selectStatuses,
  selectVisible,
} from '../store/selectors';
import type { ViewState } from '../store/store';
import { readUrl } from '../store/url';
import { useStoreApi, useView } from './StoreContext';

/** Zoom controls, labels and minimap: loaded after the first graph, outside the initial JavaScript. */
const GraphNav = lazy(() => import('./GraphNav').then((m) => ({ default: m.GraphNav })));

/** The notice of an empty date loads the first time a date shows nothing. */
const NothingInView = lazy(() =>
  import('./NothingInView').then((m) => ({ default: m.NothingInView })),
);

/** What the tooltip shows for the relation under the pointer. */
interface Hover {
  readonly ordinal: number;
  readonly x: number;
  readonly y: number;
}

declare global {
  interface Window {
    /** Test and benchmark hook: the live adapter (read-only use). */
    __tieline?: {
      adapter: GraphAdapter;
      ready: boolean;
      layouts: number;
      /** The names the label layer draws now, with their boxes (empty until the layer has loaded). */
      labels?: () => DrawnLabel[];
      /** How often the label layer chose names, how often a date change waited, and whether one waits now. */
      labelChoices?: () => { choices: number; waited: number; pending: boolean };
    };
  }
}

/** The graph of actors and relations at the current date. */
export function GraphView({ onAdapter }: { onAdapter?: (a: GraphAdapter | null) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [adapter, setAdapter] = useState<GraphAdapter | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  /** The dataset whose layout is done: the view is applied only once positions exist. */
  const [laidOut, setLaidOut] = useState<{
    adapter: GraphAdapter;
    dataset: Model['dataset'];
  } | null>(null);
  const store = useStoreApi();
  const model = useView(modelOf);
  const dataset = useView((s) => s.dataset);
  const visible = useView(selectVisible);
  const time = useView((s) => s.time);
  const selected = useView((s) => s.selected);
  const statuses = useView(selectStatuses);
  const spans = useView(selectSpans);
  const changes = useView(selectChanges);
  const marks = useMemo(
    () => (changes.length ? new Map(changes.map((c) => [c.ordinal, c.kind] as const)) : undefined),
    [changes],
  );

  // Create the one instance for the life of the view; destroy it on unmount (StrictMode-safe).
  // Cytoscape loads as its own chunk, in parallel with the dataset, so the shell paints first.
  useEffect(() => {
    let live = true;
    let created: GraphAdapter | null = null;
    void import('../graph/adapter').then(({ GraphAdapter }) => {
      if (!live || !container.current) return;
      created = new GraphAdapter(
        container.current,
        {
          onSelect: (actor) => store.getState().selectActor(actor),
          onHover: setHover,
          onTie: (i) => {
            const r = modelOf(store.getState())?.dataset.relations[i];
            if (r) store.getState().selectPair(r.source, r.target);
          },
        },
        { renderer: readUrl(window.location.search).renderer ?? 'canvas' },
      );
      window.__tieline = { adapter: created, ready: false, layouts: 0 };
      setAdapter(created);
      onAdapter?.(created);
    });
    return () => {
      live = false;
      if (created) {
        created.destroy();
        onAdapter?.(null);
        delete window.__tieline;
      }
      setAdapter(null);
    };
  }, [store, onAdapter]);

  // Keep Cytoscape's idea of the canvas size true when the layout around it changes.
  useEffect(() => {
    const el = container.current;
    if (!adapter || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => adapter.resize());
    observer.observe(el);
    return () => observer.disconnect();
  }, [adapter]);

  // A new dataset: new elements and one layout. Keyed on the dataset, not on the event window.
  const loaded = useRef<{ adapter: GraphAdapter | null; dataset: Model['dataset'] | null }>({
    adapter: null,
    dataset: null,
  });
  useEffect(() => {
    if (!adapter || !dataset) return;
    const m = modelOf(store.getState());
    if (!m || (loaded.current.adapter === adapter && loaded.current.dataset === dataset)) return;
    loaded.current = { adapter, dataset };
    adapter.setModel(m);
    if (window.__tieline) window.__tieline.ready = false;
    let cancelled = false;
    if (adapter.tier.layoutInWorker) {
      // Draw at once on provisional positions; the real layout arrives from the worker. The view is
      // applied here, in the task that added the actors, so the first frame draws actors and ties
      // together (waiting for React's next render drew the actors alone first: ≈ 0.4 s at 2,000).
      adapter.placeProvisionally();
      applyView(adapter, m, store.getState());
      if (window.__tieline) window.__tieline.ready = true;
      void Promise.resolve().then(() => !cancelled && setLaidOut({ adapter, dataset }));
    }
    void adapter.layout().then(() => {
      if (cancelled) return;
      if (window.__tieline) window.__tieline.layouts += 1;
      setLaidOut({ adapter, dataset });
    });
    return () => {
      cancelled = true;
    };
  }, [adapter, dataset, store]);

  // A new date, window, lens or selection: one diff applied in one batch (the same view again right
  // after a provisional first apply costs an empty diff).
  useEffect(() => {
    if (!adapter || !model || laidOut?.adapter !== adapter || laidOut.dataset !== model.dataset)
      return;
    adapter.setIndex(model);
    adapter.apply({ visible, time, selected, statuses, spans, ...(marks ? { marks } : {}) });
    if (window.__tieline) window.__tieline.ready = true;
  }, [adapter, model, visible, time, selected, statuses, spans, marks, laidOut]);

  return (
    <div className="graph-wrap" ref={wrap}>
      <div
        ref={container}
        className="graph"
        data-testid="graph"
        aria-label="Relationship graph"
        role="img"
      />
      {adapter ? (
        <Suspense fallback={null}>
          <GraphNav adapter={adapter} wrap={wrap} />
        </Suspense>
      ) : null}
      {model ? <Overlays model={model} hover={hover} time={time} /> : null}
    </div>
  );
}

/** Over the canvas: the notice of a date with nothing in view, and the tooltip of the tie under the pointer. */
function Overlays({ model, hover, time }: { model: Model; hover: Hover | null; time: Day }) {
  const nothingShown = useView((s) => selectShown(s).length === 0);
  const statuses = useView(selectStatuses);
  const rel = hover ? model.dataset.relations[hover.ordinal] : undefined;
  return (
    <>
      {nothingShown && model.index.extent ? (
        <Suspense fallback={null}>
          <NothingInView model={model} time={time} />
        </Suspense>
      ) : null}
      {rel && hover ? (
        <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
          <strong>{model.typeById.get(rel.type)?.label ?? rel.type}</strong>:{' '}
          {model.actorById.get(rel.source)?.name} → {model.actorById.get(rel.target)?.name}
          <br />
          {datesOf(model, hover.ordinal)} ·{' '}
          {statuses[hover.ordinal] ?? model.statuses[hover.ordinal]}
        </div>
      ) : null}
    </>
  );
}

/** Applies the store's current view to the adapter (the first view of a dataset, before React renders). */
function applyView(adapter: GraphAdapter, model: Model, state: ViewState) {
  const changes = selectChanges(state);
  adapter.setIndex(model);
  adapter.apply({
    visible: selectVisible(state),
    time: state.time,
    selected: state.selected,
    statuses: selectStatuses(state),
    spans: selectSpans(state),
    ...(changes.length ? { marks: new Map(changes.map((c) => [c.ordinal, c.kind] as const)) } : {}),
  });
}
