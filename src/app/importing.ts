// Bringing data in: run an import (in the worker), then load, save and report it; failures keep what is on screen.
import type { StoreApi } from 'zustand';
import type { ClientImportOptions, FileInput } from '../io/import/client';
import type { ImportResult } from '../io/import/types';
import type { ViewStore } from '../store/store';
import { loadInSteps } from './load-steps';

/** Loads a finished import into the store and keeps it in the library; reports a failure as an alert. */
export async function applyImport(
  store: StoreApi<ViewStore>,
  name: string,
  result: ImportResult,
  save = true,
): Promise<boolean> {
  if (!result.ok) {
    store.getState().failLoad({ file: name, issues: result.issues });
    return false;
  }
  let id: string | null = null;
  if (save) {
    try {
      const { saveDataset } = await import('../io/library');
      id = (await saveDataset(result.dataset, name)).id;
    } catch (e) {
      store
        .getState()
        .setNotice(
          `Loaded, but could not keep it for later: ${e instanceof Error ? e.message : String(e)}`,
        );
    }
  }
  const { dataset, warnings } = result;
  await loadInSteps(store, dataset, () =>
    store.getState().loadDataset(dataset, name, {}, { id, warnings }),
  );
  return true;
}

/** Imports a file in the worker with the chosen options, then applies it. */
export async function runImport(
  store: StoreApi<ViewStore>,
  file: FileInput,
  options: ClientImportOptions,
  run: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<boolean> {
  const { importFile } = await import('../io/import/client');
  const result = await importFile(file, options, run);
  return applyImport(store, file.name, result);
}
