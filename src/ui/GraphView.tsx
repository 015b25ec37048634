// The canvas: mounts one GraphAdapter, feeds it the dataset once and each view change as a diff; shows edge tooltips.
import { useEffect, useRef, useState } from 'react';
import { GraphAdapter } from '../graph/adapter';
import { datesAsWritten, type Model } from '../model';
import { modelOf, selectVisible } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';

/** What the tooltip shows for the relation under the pointer. */
interface Hover {
  readonly ordinal: number;
  readonly x: number;
  readonly y: number;
}

declare global {
  interface Window {
    /** Test and benchmark hook: the live adapter (read-only use). */
    __tieline?: { adapter: GraphAdapter; ready: boolean; layouts: number };
  }
}

/** The graph of actors and relations at the current date. */
export function GraphView({ onAdapter }: { onAdapter?: (a: GraphAdapter | null) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<GraphAdapter | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [ready, setReady] = useState(0);
  const store = useStoreApi();
  const model = useView(modelOf);
  const dataset = useView((s) => s.dataset);
  const visible = useView(selectVisible);
  const time = useView((s) => s.time);
  const selected = useView((s) => s.selected);

  // Create the one instance for the life of the view; destroy it on unmount (StrictMode-safe).
  useEffect(() => {
    const adapter = new GraphAdapter(container.current, {
      onSelect: (actor) => store.getState().selectActor(actor),
      onHover: setHover,
    });
    adapterRef.current = adapter;
    window.__tieline = { adapter, ready: false, layouts: 0 };
    onAdapter?.(adapter);
    return () => {
      adapter.destroy();
      adapterRef.current = null;
      onAdapter?.(null);
      delete window.__tieline;
    };
  }, [store, onAdapter]);

  // A new dataset: new elements and one layout. Keyed on the dataset, not on the event window.
  const datasetModel = useRef<Model | null>(null);
  useEffect(() => {
    const adapter = adapterRef.current;
    if (!adapter || !dataset) return;
    const m = modelOf(store.getState());
    if (!m || datasetModel.current?.dataset === dataset) return;
    datasetModel.current = m;
    adapter.setModel(m);
    let cancelled = false;
    void adapter.layout().then(() => {
      if (cancelled) return;
      if (window.__tieline) {
        window.__tieline.layouts += 1;
      }
      setReady((r) => r + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [dataset, store]);

  // A new date, window, lens or selection: one diff applied in one batch.
  useEffect(() => {
    const adapter = adapterRef.current;
    if (!adapter || !model || ready === 0) return;
    adapter.setIndex(model);
    adapter.apply({ visible, time, selected });
    if (window.__tieline) window.__tieline.ready = true;
  }, [model, visible, time, selected, ready]);

  const rel = hover && model ? model.dataset.relations[hover.ordinal] : undefined;
  return (
    <div className="graph-wrap">
      <div
        ref={container}
        className="graph"
        data-testid="graph"
        aria-label="Relationship graph"
        role="img"
      />
      {rel && hover && model ? (
        <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
          <strong>{model.typeById.get(rel.type)?.label ?? rel.type}</strong>:{' '}
          {model.actorById.get(rel.source)?.name} → {model.actorById.get(rel.target)?.name}
          <br />
          {datesAsWritten(rel, model.typeById.get(rel.type)?.kind)} ·{' '}
          {model.statuses[hover.ordinal]}
        </div>
      ) : null}
    </div>
  );
}
