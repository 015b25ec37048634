// Putting a big dataset into the store without one long main-thread task (shared by every load path).
import type { StoreApi } from 'zustand';
import type { Dataset } from '../model';
import type { ViewStore } from '../store/store';
import { abortError } from './load-control';

/** Lets the browser run a frame and other tasks before the next piece of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Puts a big dataset into the store in separate main-thread tasks, so no single one blocks the page for
 * all of it: the worker's message (its structured clone) ends one task; the model (index, statuses,
 * lookups; ~200 ms at 60,000 relations) is built in the next (prepareModel); the store update
 * and React's render of the new dataset come in a third, finding the model built. A load cancelled or
 * superseded between the steps (`signal`) never reaches the store: it rejects with an AbortError.
 */
export async function loadInSteps(
  store: StoreApi<ViewStore>,
  dataset: Dataset,
  load: () => void,
  signal?: AbortSignal,
): Promise<void> {
  await nextTask();
  if (signal?.aborted) throw abortError();
  store.getState().prepareModel(dataset);
  await nextTask();
  if (signal?.aborted) throw abortError();
  load();
}
