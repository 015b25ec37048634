// Loading datasets into the store: the bundled one, a ?data= URL, or a file; failures keep what is on screen.
import type { StoreApi } from 'zustand';
import { readDatasetText } from '../io/validate';
import type { ViewStore } from '../store/store';
import type { Day } from '../model';

/** The bundled dataset, emitted by Vite as an asset (kept out of the JavaScript bundle). */
export const BUNDLED_URL = new URL('../../data/tieline.json', import.meta.url).href;

/** Fetches and validates a dataset from a URL; on success loads it, on failure reports it and keeps the old one. */
export async function loadFromUrl(
  store: StoreApi<ViewStore>,
  url: string,
  initial: { time?: Day; actor?: string | null } = {},
): Promise<boolean> {
  const name = url === BUNDLED_URL ? 'the bundled dataset' : url;
  let text: string;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
    text = await res.text();
  } catch (e) {
    store.getState().failLoad({
      file: name,
      issues: [
        { path: url, message: `could not fetch it: ${e instanceof Error ? e.message : String(e)}` },
      ],
    });
    return false;
  }
  return loadText(store, name, text, initial);
}

/** Validates a dataset text and loads it, or reports every issue with the file's name. */
export function loadText(
  store: StoreApi<ViewStore>,
  name: string,
  text: string,
  initial: { time?: Day; actor?: string | null } = {},
): boolean {
  const result = readDatasetText(text);
  if (!result.ok) {
    store.getState().failLoad({ file: name, issues: result.issues });
    return false;
  }
  store.getState().loadDataset(result.dataset, name, initial);
  return true;
}
