// Putting a big dataset into the store without one long main-thread task (shared by every load path).
import type { StoreApi } from 'zustand';
import type { Dataset } from '../model';
import type { ViewStore } from '../store/store';

/** Lets the browser run a frame and other tasks before the next piece of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Puts a big dataset into the store in separate main-thread tasks, so no single one blocks the page for
 * all of it: the worker's message (its structured clone) ends one task; the model (index, statuses,
 * lookups; ~200 ms at 60,000 relations) is built in the next (prepareModel); the store update
 * and React's render of the new dataset come in a third, finding the model built.
 */
export async function loadInSteps(
  store: StoreApi<ViewStore>,
  dataset: Dataset,
  load: () => void,
): Promise<void> {
  await nextTask();
  store.getState().prepareModel(dataset);
  await nextTask();
  load();
}
