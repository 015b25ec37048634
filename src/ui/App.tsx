// The app shell: header with import/export, actor list, graph with legend, ties panel, time bar; URL sync and drop-to-load.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { datasetHash } from '../io/hash';
import { dayToIso, describeLens, formatDay } from '../model';
import { modelOf } from '../store/selectors';
import { readUrl, writeUrl } from '../store/url';
import { GraphView } from './GraphView';
import { Legend } from './Legend';
import { BUNDLED_URL, loadFromLibrary, loadFromUrl } from './load';
import { DatasetMenu } from './DatasetMenu';
import { Messages } from './Messages';
import { Sidebar } from './Sidebar';
import { SmallMultiples } from './SmallMultiples';
import { TiesPanel } from './TiesPanel';
import { TimeBar } from './TimeBar';
import { useStoreApi, useView } from './StoreContext';
import { VideoExport } from './VideoExport';
import type { Facet, ViewStore } from '../store/store';

/** The import dialog loads when a file arrives. */
const ImportDialog = lazy(() =>
  import('./ImportDialog').then((m) => ({ default: m.ImportDialog })),
);

/** The URL parameters of a state. */
function urlOf(s: ViewStore): string {
  return writeUrl(window.location.search, {
    time: s.time,
    actor: s.selected,
    lens: s.lens,
    compare: s.compare,
    eventWindow: s.eventWindow,
    datasetId: s.datasetId,
  });
}

/** The full address that restores the exact view (dataset, date, selection, lens, comparison). */
export function permalink(s: ViewStore): string {
  return window.location.origin + window.location.pathname + urlOf(s);
}

/** How long the date must rest before the address is rewritten for it (ms). */
const URL_DELAY = 250;

/** Opens the dataset the URL names (or the bundled one) at the view the URL names, then keeps the URL in step. */
function useUrlSync(): void {
  const store = useStoreApi();
  useEffect(() => {
    const view = readUrl(window.location.search);
    const initial = {
      ...(view.time !== undefined ? { time: view.time } : {}),
      actor: view.actor ?? null,
    };
    let unsubscribe = (): void => {};
    let cancelled = false;
    void (async () => {
      if (view.eventWindow !== undefined) store.getState().setEventWindow(view.eventWindow);
      const fromLibrary = view.ds ? await loadFromLibrary(store, view.ds, initial) : false;
      if (view.ds && !fromLibrary) {
        store
          .getState()
          .setNotice(
            'The dataset named in the address is not kept in this browser; showing the bundled one.',
          );
      }
      const ok = fromLibrary || (await loadFromUrl(store, view.data ?? BUNDLED_URL, initial));
      if (!ok && view.data) {
        // The named dataset failed: show the bundled one underneath the error, so the page is never empty.
        const error = store.getState().loadError;
        await loadFromUrl(store, BUNDLED_URL, initial);
        if (error) store.getState().failLoad(error);
      }
      if (cancelled) return;
      const s = store.getState();
      for (const [facet, values] of Object.entries(view.facets)) s.setFacet(facet as Facet, values);
      if (view.knownOn !== undefined) s.setKnownOn(view.knownOn);
      if (view.compare) s.setCompare(view.compare);
      if (view.problems.length) {
        const earlier = store.getState().notice;
        store.getState().setNotice([earlier, ...view.problems].filter(Boolean).join(' '));
      }
      const write = (state: ViewStore): void => {
        const search = urlOf(state);
        if (search !== window.location.search) {
          window.history.replaceState(
            null,
            '',
            window.location.pathname + search + window.location.hash,
          );
        }
      };
      // A scrub or play changes the date many times a second; replaceState costs ~1 ms each in
      // Chromium (and Chromium throttles pages that call it hundreds of times in a few seconds), so a
      // date change is written once the date rests for URL_DELAY. Other changes are written at once.
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = (): void => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        write(store.getState());
      };
      unsubscribe = store.subscribe((next, prev) => {
        if (!next.dataset) return;
        if (
          next.selected !== prev.selected ||
          next.lens !== prev.lens ||
          next.compare !== prev.compare ||
          next.eventWindow !== prev.eventWindow ||
          next.datasetId !== prev.datasetId
        ) {
          flush();
        } else if (next.time !== prev.time) {
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(flush, URL_DELAY);
        }
      });
      const unsubscribeStore = unsubscribe;
      unsubscribe = () => {
        unsubscribeStore();
        if (timer !== null) clearTimeout(timer);
      };
      if (store.getState().dataset) write(store.getState());
    })();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [store]);
}

/** Export buttons; the export code loads only when asked for. */
function ExportButtons({ adapter }: { adapter: GraphAdapter | null }) {
  const store = useStoreApi();
  const [busy, setBusy] = useState(false);
  const run = async (ext: 'png' | 'svg'): Promise<void> => {
    const s = store.getState();
    const model = modelOf(s);
    if (!adapter || !model || !s.dataset) return;
    setBusy(true);
    try {
      const ex = await import('../graph/export');
      const { legendOf } = await import('../graph/legend-data');
      const hash = await datasetHash(s.dataset);
      const meta = {
        title: s.dataset.title,
        isoDate: dayToIso(s.time),
        dateText: s.compare
          ? `${formatDay(s.compare[0])} compared with ${formatDay(s.compare[1])}`
          : formatDay(s.time),
        lines: [
          ...describeLens(model, s.lens),
          `Dataset ${hash} (${s.datasetName})`,
          `Permalink: ${permalink(s)}`,
        ],
      };
      const legend = legendOf(model);
      const name = ex.snapshotFileName(meta.isoDate, ext);
      const blob =
        ext === 'png'
          ? await adapter.withTieElements(() => ex.exportPng(adapter, meta, legend, model))
          : new Blob(
              [await adapter.withTieElements(() => ex.exportSvg(adapter, meta, legend, model))],
              { type: 'image/svg+xml' },
            );
      ex.downloadBlob(blob, name);
    } catch (e) {
      s.setNotice(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run('png')} disabled={!adapter || busy}>
        Export PNG
      </button>
      <button type="button" onClick={() => void run('svg')} disabled={!adapter || busy}>
        Export SVG
      </button>
    </>
  );
}

/** The whole explorer. */
export function App() {
  const store = useStoreApi();
  const title = useView((s) => s.dataset?.title ?? 'Loading…');
  const [adapter, setAdapter] = useState<GraphAdapter | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useUrlSync();

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') store.getState().selectActor(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const [importing, setImporting] = useState<File | null>(null);
  const openFile = useCallback((file: File) => setImporting(file), []);
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) openFile(file);
  };

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1>
          <span className="brand">Tieline</span> <span className="dataset-title">{title}</span>
        </h1>
        <div className="actions">
          <DatasetMenu />
          <label className="file-button">
            Import dataset
            <input
              ref={fileInput}
              type="file"
              accept=".json,.csv,.tsv,.txt,.gexf,.cyjs,.xlsx"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) openFile(file);
                e.target.value = '';
              }}
            />
          </label>
          <ExportButtons adapter={adapter} />
          <VideoExport adapter={adapter} />
        </div>
      </header>
      <Messages />
      <main className="workspace">
        <Sidebar />
        <section className="canvas-area" aria-label="Graph">
          <GraphView onAdapter={setAdapter} />
          <Legend />
          <div className="graph-tools">
            <button type="button" onClick={() => adapter?.fit()}>
              Fit
            </button>
            <button
              type="button"
              onClick={() => void adapter?.layout(Math.floor(Math.random() * 1e9))}
            >
              Re-run layout
            </button>
          </div>
        </section>
        <TiesPanel />
      </main>
      {importing ? (
        <Suspense fallback={null}>
          <ImportDialog file={importing} onClose={() => setImporting(null)} />
        </Suspense>
      ) : null}
      <SmallMultiples adapter={adapter} />
      <TimeBar />
    </div>
  );
}
