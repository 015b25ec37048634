// Bringing data in: run an import (in the worker), then load, save and report it; failures keep what
// is on screen, and a cancelled or superseded import leaves nothing behind (not on screen, not saved).
import type { StoreApi } from 'zustand';
import type { ClientImportOptions, FileInput } from '../io/import/client';
import type { ImportResult } from '../io/import/types';
import type { ViewStore } from '../store/store';
import { checkLimits } from '../io/limits';
import { errorMessage } from '../model';
import { abortError, type LoadTicket } from './load-control';
import { loadInSteps } from './load-steps';

/** The sentence shown when a dataset could not be kept in the browser's storage. */
function unkeptReason(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (/quota/i.test(text)) return 'the browser has no room left for it (storage quota exceeded)';
  return `the browser's storage is not available (${errorMessage(e)})`;
}

/** Removes a dataset saved by a load that was then cancelled, so nothing half-done stays in the library. */
async function unsave(id: string | null): Promise<void> {
  if (!id) return;
  try {
    const { deleteDataset } = await import('../io/library');
    await deleteDataset(id);
  } catch {
    // Storage that failed to delete failed to keep too: nothing more to undo.
  }
}

/**
 * Loads a finished import into the store and keeps it in the library; reports a failure as an alert.
 * Rejects with an AbortError when `ticket` is cancelled or superseded before the dataset is on screen;
 * a copy saved meanwhile is deleted again.
 */
export async function applyImport(
  store: StoreApi<ViewStore>,
  name: string,
  result: ImportResult,
  ticket: LoadTicket,
  save = true,
): Promise<boolean> {
  if (ticket.signal.aborted) throw abortError();
  if (!result.ok) {
    store.getState().failLoad({ file: name, issues: result.issues });
    return false;
  }
  const over = checkLimits(result.dataset);
  if (over.length) {
    store.getState().failLoad({ file: name, issues: over });
    return false;
  }
  let id: string | null = null;
  let unkept: string | null = null;
  if (save) {
    try {
      const { saveDataset } = await import('../io/library');
      id = (await saveDataset(result.dataset, name)).id;
    } catch (e) {
      unkept = unkeptReason(e);
    }
  }
  const { dataset, warnings } = result;
  try {
    await loadInSteps(
      store,
      dataset,
      () => store.getState().loadDataset(dataset, name, {}, { id, warnings, unkept }),
      ticket.signal,
    );
  } catch (e) {
    await unsave(id);
    throw e;
  }
  return true;
}

/** Imports a file in the worker with the chosen options, then applies it (see applyImport). */
export async function runImport(
  store: StoreApi<ViewStore>,
  file: FileInput,
  options: ClientImportOptions,
  ticket: LoadTicket,
  run: { onProgress?: (done: number, total: number) => void } = {},
): Promise<boolean> {
  const { importFile } = await import('../io/import/client');
  const result = await importFile(file, options, { ...run, signal: ticket.signal });
  return applyImport(store, file.name, result, ticket);
}
