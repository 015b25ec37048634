// The app shell: header with import/export, actor list, graph with legend, ties panel, time bar; drop-to-load (loading and URL sync live in src/app/).
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { clip, errorMessage } from '../model';
import { GraphView } from './GraphView';
import type { DropChoice } from './DropQuestion';
import { TimeBar } from './TimeBar';
import { useStoreApi, useView } from './StoreContext';
import { deferred } from './deferred';

/** Asked when a file arrives during an import (rare: loaded then). */
const DropQuestion = deferred(() => import('./DropQuestion').then((m) => m.DropQuestion));

/** A pair's history loads when a tie or a pair is first chosen. */
const PairHistory = deferred(() => import('./pair/PairHistory').then((m) => m.PairHistory));

const Legend = deferred(() => import('./Legend').then((m) => m.Legend));
// The side panels too; an empty column holds their place, so the graph does not move when they come.
const Sidebar = deferred(
  () => import('./Sidebar').then((m) => m.Sidebar),
  <div className="sidebar" aria-busy="true" />,
);
const Messages = deferred(() => import('./Messages').then((m) => m.Messages));
const TiesPanel = deferred(() => import('./TiesPanel').then((m) => m.TiesPanel));
const DatasetMenu = deferred(() => import('./DatasetMenu').then((m) => m.DatasetMenu));
const SmallMultiples = deferred(() => import('./SmallMultiples').then((m) => m.SmallMultiples));
const VideoExport = deferred(() => import('./VideoExport').then((m) => m.VideoExport));

/** The import dialog loads when a file arrives. */
const ImportDialog = deferred(() => import('./ImportDialog').then((m) => m.ImportDialog));

/** Opens the dataset the URL names, then keeps the URL in step (src/app/url-sync.ts). */
function useUrlSync(): void {
  const store = useStoreApi();
  useEffect(() => {
    // Loading lives in its own chunk (src/app/), fetched alongside the first script's work.
    let stop: (() => void) | null = null;
    let live = true;
    void import('../app/url-sync').then((m) => {
      if (live) stop = m.startUrlSync(store);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [store]);
}

/** Export buttons; the export code loads only when asked for. */
function ExportButtons({ adapter }: { adapter: GraphAdapter | null }) {
  const store = useStoreApi();
  const [busy, setBusy] = useState(false);
  const run = async (ext: 'png' | 'svg'): Promise<void> => {
    if (!adapter) return;
    setBusy(true);
    try {
      // The snapshot code (hash, citation lines, export) loads only when asked for.
      const { exportSnapshot } = await import('../app/snapshot');
      // A big graph's ties are the tie layer's: the export sees them as Cytoscape edges meanwhile.
      await adapter.withTieElements(() => exportSnapshot(store, adapter, ext));
    } catch (e) {
      store.getState().setNotice(`Export failed: ${errorMessage(e)}`);
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

/** A file waiting for (or in) the import dialog. */
interface Queued {
  readonly file: File;
  readonly key: number;
}
let queuedCount = 0;
function queued(file: File): Queued {
  return { file, key: ++queuedCount };
}

/** The whole explorer. */
export function App() {
  const store = useStoreApi();
  const title = useView((s) => clip(s.dataset?.title ?? 'Loading…', 120));
  const pairOpen = useView((s) => s.pair !== null);
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

  // The file being imported first, then the ones queued after it; `asking` arrived during an import.
  // Each entry has its own key: a replacing file gets a fresh dialog, even under the same name.
  const [imports, setImports] = useState<readonly Queued[]>([]);
  const [asking, setAsking] = useState<File | null>(null);
  const importing = imports[0] ?? null;
  const openFile = useCallback(
    (file: File) => (imports.length ? setAsking(file) : setImports([queued(file)])),
    [imports.length],
  );
  const answer = (choice: DropChoice): void => {
    const file = asking;
    setAsking(null);
    if (!file) return;
    if (choice === 'replace') setImports([queued(file)]);
    else if (choice === 'queue') setImports((list) => [...list, queued(file)]);
  };
  const closeImport = useCallback(
    (entry: Queued) => {
      setImports((list) => (list[0] === entry ? list.slice(1) : list));
      // Nothing on screen (the import cancelled the first load, then was cancelled): open the bundled one.
      void import('../app/load').then((m) => m.showSomething(store));
    },
    [store],
  );
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
          {pairOpen ? <PairHistory /> : null}
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
        <ImportDialog
          key={importing.key}
          file={importing.file}
          onClose={() => closeImport(importing)}
        />
      ) : null}
      {asking && importing ? (
        <DropQuestion running={importing.file.name} arrived={asking.name} onChoose={answer} />
      ) : null}
      <SmallMultiples adapter={adapter} />
      <TimeBar />
    </div>
  );
}
