// Loading datasets into the store: the bundled one, a ?data= URL, or a saved one; failures keep what is
// on screen, and a later load cancels an earlier one (load-control.ts).
import type { StoreApi } from 'zustand';
import type { ViewStore } from '../store/store';
import { errorMessage, type Day } from '../model';
import { loadInSteps } from './load-steps';
import { beginLoad, currentLoad, endLoad, isAbort, type LoadTicket } from './load-control';

/** The bundled dataset, emitted by Vite as an asset (kept out of the JavaScript bundle). */
export const BUNDLED_URL = new URL('../../data/tieline.json', import.meta.url).href;

/** How a load ended: on screen, refused (reported in the alert), or cancelled (by the user or a later load). */
export type LoadOutcome = 'loaded' | 'failed' | 'cancelled';

/** Where to open a dataset, and what to say once it is on screen. */
export interface LoadOptions {
  readonly initial?: { time?: Day; actor?: string | null };
  /** Notices to show with the load report (they survive the load, unlike an earlier setNotice). */
  readonly notices?: readonly string[];
}

/** Fetches a dataset from a URL (any importable format); on success loads it, on failure reports it and keeps the old one. */
export async function loadFromUrl(
  store: StoreApi<ViewStore>,
  url: string,
  options: LoadOptions = {},
): Promise<LoadOutcome> {
  const bundled = url === BUNDLED_URL;
  const ticket = beginLoad(store, bundled ? 'bundled' : 'url');
  try {
    return await fetchAndLoad(store, url, bundled, ticket, options);
  } catch (e) {
    if (isAbort(e)) return 'cancelled';
    throw e;
  } finally {
    // The progress line goes with this load, unless a later URL load has put up its own.
    const now = currentLoad(store);
    if (store.getState().loading && (!now || now === ticket || now.kind !== 'url')) {
      store.getState().setLoading(null);
    }
    endLoad(store, ticket);
  }
}

async function fetchAndLoad(
  store: StoreApi<ViewStore>,
  url: string,
  bundled: boolean,
  ticket: LoadTicket,
  { initial = {}, notices = [] }: LoadOptions,
): Promise<LoadOutcome> {
  const name = bundled ? 'the bundled dataset' : url;
  const signal = ticket.signal;
  // The validator (valibot) is its own chunk, fetched alongside the dataset rather than in the first script.
  const validator = bundled ? import('../io/validate') : null;
  // Any other file is parsed in the import worker: its chunk and the worker start during the download.
  const client = bundled
    ? null
    : import('../io/import/client').then((c) => {
        c.prewarm();
        return c;
      });
  const [{ fetchBounded }, { checkLimits }] = await Promise.all([
    import('../io/fetch'),
    import('../io/limits'),
  ]);
  const fail = (path: string, message: string): LoadOutcome => {
    if (signal.aborted) return 'cancelled';
    store.getState().failLoad({ file: name, issues: [{ path, message }] });
    return 'failed';
  };
  if (!bundled) store.getState().setLoading({ name, done: 0, total: null });
  const fetched = await fetchBounded(url, {
    signal,
    onProgress: bundled
      ? undefined
      : (done, total) => {
          if (!signal.aborted) store.getState().setLoading({ name, done, total });
        },
  });
  if (!fetched.ok) return fail(url, `could not fetch it: ${fetched.message}`);
  const { buffer } = fetched;
  if (validator) {
    const { readDatasetText } = await validator;
    const result = readDatasetText(new TextDecoder().decode(buffer));
    if (signal.aborted) return 'cancelled';
    const issues = result.ok ? checkLimits(result.dataset) : result.issues;
    if (!result.ok || issues.length) {
      store.getState().failLoad({ file: name, issues });
      return 'failed';
    }
    store.getState().loadDataset(result.dataset, name, initial, { notices });
    return 'loaded';
  }
  // Any format the importers read (tieline/1, CSV, GEXF, Cytoscape JSON), parsed in the worker.
  const path = new URL(url, window.location.href).pathname;
  const fileName = decodeURIComponent(path.split('/').pop() || 'data');
  const { importFile } = await (client ?? import('../io/import/client'));
  const result = await importFile({ name: fileName, buffer }, {}, { signal });
  if (signal.aborted) return 'cancelled';
  const issues = result.ok ? checkLimits(result.dataset) : result.issues;
  if (!result.ok || issues.length) {
    store.getState().failLoad({ file: name, issues });
    return 'failed';
  }
  const { dataset, warnings } = result;
  await loadInSteps(
    store,
    dataset,
    () => store.getState().loadDataset(dataset, name, initial, { warnings, notices }),
    signal,
  );
  return 'loaded';
}

/** Why a saved dataset could not be opened: not there, or the browser's storage failed. */
export type LibraryOutcome = LoadOutcome | { readonly missing: string };

/** Opens a dataset kept in this browser's library; `{ missing }` (a sentence) when it cannot. */
export async function loadFromLibrary(
  store: StoreApi<ViewStore>,
  id: string,
  options: LoadOptions = {},
): Promise<LibraryOutcome> {
  const ticket = beginLoad(store, 'library');
  try {
    let entry;
    try {
      const { openDataset } = await import('../io/library');
      entry = await openDataset(id);
    } catch (e) {
      return {
        missing: `This browser's storage could not be read (${errorMessage(e)}).`,
      };
    }
    if (ticket.signal.aborted) return 'cancelled';
    if (!entry) return { missing: 'It is no longer kept in this browser.' };
    const { dataset, name } = entry;
    await loadInSteps(
      store,
      dataset,
      () =>
        store.getState().loadDataset(dataset, name, options.initial ?? {}, {
          id,
          notices: options.notices ?? [],
        }),
      ticket.signal,
    );
    return 'loaded';
  } catch (e) {
    if (isAbort(e)) return 'cancelled';
    throw e;
  } finally {
    endLoad(store, ticket);
  }
}

/** Opens the bundled dataset when nothing is on screen and no load is running (after a cancelled first load). */
export async function showSomething(store: StoreApi<ViewStore>): Promise<void> {
  if (store.getState().dataset || currentLoad(store)) return;
  await loadFromUrl(store, BUNDLED_URL);
}
