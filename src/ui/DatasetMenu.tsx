// The datasets menu: switch between the bundled dataset and the imported ones kept in this browser, delete them, export the current one.
import { useEffect, useState } from 'react';
import type { SavedSummary } from '../io/library';
import { BUNDLED_URL, loadFromLibrary, loadFromUrl } from '../app/load';
import { downloadDataset } from '../app/dataset-file';
import { useStoreApi, useView } from './StoreContext';

const BUNDLED = '__bundled__';

/** The menu in the header. */
export function DatasetMenu() {
  const store = useStoreApi();
  const datasetId = useView((s) => s.datasetId);
  const version = useView((s) => s.datasetVersion);
  const title = useView((s) => s.dataset?.title ?? '');
  const [saved, setSaved] = useState<SavedSummary[]>([]);

  // Re-read the saved list whenever a dataset loads (an import adds one, a delete reloads the bundled one).
  useEffect(() => {
    let live = true;
    import('../io/library')
      .then((lib) => lib.listDatasets())
      .then((list) => live && setSaved(list))
      // IndexedDB unavailable (private mode): the menu lists just the bundled dataset.
      .catch(() => live && setSaved([]));
    return () => {
      live = false;
    };
  }, [version]);

  const open = async (id: string): Promise<void> => {
    if (id === BUNDLED) {
      await loadFromUrl(store, BUNDLED_URL);
      return;
    }
    const outcome = await loadFromLibrary(store, id);
    if (typeof outcome === 'object') {
      store.getState().setNotice(`That saved dataset could not be opened: ${outcome.missing}`);
    }
  };
  const remove = async (): Promise<void> => {
    if (!datasetId) return;
    const { deleteDataset } = await import('../io/library');
    await deleteDataset(datasetId);
    await loadFromUrl(store, BUNDLED_URL);
  };
  const exportJson = (): Promise<void> => downloadDataset(store);

  return (
    <div className="dataset-menu">
      <label>
        <span className="visually-hidden">Dataset</span>
        <select
          aria-label="Dataset"
          value={datasetId ?? BUNDLED}
          onChange={(e) => void open(e.target.value)}
        >
          <option value={BUNDLED}>
            {datasetId ? 'Bundled dataset' : title || 'Bundled dataset'}
          </option>
          {saved.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.relations} relations)
            </option>
          ))}
        </select>
      </label>
      {datasetId ? (
        <button type="button" onClick={() => void remove()}>
          Delete dataset
        </button>
      ) : null}
      <button type="button" onClick={() => void exportJson()}>
        Export dataset
      </button>
    </div>
  );
}
