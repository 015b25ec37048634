// Loading datasets into the store: the bundled one, a ?data= URL, or a file; failures keep what is on screen.
import type { StoreApi } from 'zustand';
import type { ValidationResult } from '../io/validate';
import type { ViewStore } from '../store/store';
import type { Day } from '../model';
import { loadInSteps } from './load-steps';

/** The bundled dataset, emitted by Vite as an asset (kept out of the JavaScript bundle). */
export const BUNDLED_URL = new URL('../../data/tieline.json', import.meta.url).href;

/** Fetches a dataset from a URL (any importable format); on success loads it, on failure reports it and keeps the old one. */
export async function loadFromUrl(
  store: StoreApi<ViewStore>,
  url: string,
  initial: { time?: Day; actor?: string | null } = {},
): Promise<boolean> {
  const bundled = url === BUNDLED_URL;
  const name = bundled ? 'the bundled dataset' : url;
  // The validator (valibot) is its own chunk, fetched alongside the dataset rather than in the first script.
  const validator = bundled ? import('../io/validate') : null;
  // Any other file is parsed in the import worker: its chunk and the worker start during the download.
  const client = bundled
    ? null
    : import('../io/import/client').then((c) => {
        c.prewarm();
        return c;
      });
  let buffer: ArrayBuffer;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
    buffer = await res.arrayBuffer();
  } catch (e) {
    store.getState().failLoad({
      file: name,
      issues: [
        { path: url, message: `could not fetch it: ${e instanceof Error ? e.message : String(e)}` },
      ],
    });
    return false;
  }
  if (validator) {
    const { readDatasetText } = await validator;
    return loadText(store, name, readDatasetText(new TextDecoder().decode(buffer)), initial);
  }
  // Any format the importers read (tieline/1, CSV, GEXF, Cytoscape JSON), parsed in the worker.
  const path = new URL(url, window.location.href).pathname;
  const fileName = decodeURIComponent(path.split('/').pop() || 'data');
  const { importFile } = await (client ?? import('../io/import/client'));
  const result = await importFile({ name: fileName, buffer });
  if (!result.ok) {
    store.getState().failLoad({ file: name, issues: result.issues });
    return false;
  }
  const { dataset, warnings } = result;
  await loadInSteps(store, dataset, () =>
    store.getState().loadDataset(dataset, name, initial, { warnings }),
  );
  return true;
}

/** Opens a dataset kept in this browser's library; false when it is not there. */
export async function loadFromLibrary(
  store: StoreApi<ViewStore>,
  id: string,
  initial: { time?: Day; actor?: string | null } = {},
): Promise<boolean> {
  try {
    const { openDataset } = await import('../io/library');
    const entry = await openDataset(id);
    if (!entry) return false;
    store.getState().loadDataset(entry.dataset, entry.name, initial, { id });
    return true;
  } catch {
    return false;
  }
}

/** Loads a validated dataset, or reports every issue with the file's name. */
function loadText(
  store: StoreApi<ViewStore>,
  name: string,
  result: ValidationResult,
  initial: { time?: Day; actor?: string | null },
): boolean {
  if (!result.ok) {
    store.getState().failLoad({ file: name, issues: result.issues });
    return false;
  }
  store.getState().loadDataset(result.dataset, name, initial);
  return true;
}
