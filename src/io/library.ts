// The user's imported datasets, kept in IndexedDB (via idb-keyval) so they survive a reload.
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { Dataset } from '../model';
import { validateDataset } from './validate';

/** One saved dataset: its id (used in the URL as ds=ID), where it came from, and when. */
export interface SavedDataset {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly savedAt: string;
  readonly actors: number;
  readonly relations: number;
  readonly dataset: Dataset;
}

/** The list entry of a saved dataset, without the data itself. */
export type SavedSummary = Omit<SavedDataset, 'dataset'>;

let db: UseStore | null = null;
function store(): UseStore {
  db ??= createStore('tieline', 'datasets');
  return db;
}

/** A short id from the content and the time, stable enough to name a dataset in the URL. */
function newId(dataset: Dataset): string {
  let h = 0x811c9dc5;
  const t = `${dataset.title}|${dataset.actors.length}|${dataset.relations.length}|${Date.now()}`;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Saves an imported dataset and returns its summary. */
export async function saveDataset(dataset: Dataset, name: string): Promise<SavedSummary> {
  const entry: SavedDataset = {
    id: newId(dataset),
    name,
    title: dataset.title,
    savedAt: new Date().toISOString(),
    actors: dataset.actors.length,
    relations: dataset.relations.length,
    // Structured clone of a frozen object is a plain copy: IndexedDB stores data, not freezes.
    dataset,
  };
  await set(entry.id, entry, store());
  const { dataset: _data, ...summary } = entry;
  return summary;
}

/** The saved datasets, newest first (summaries only). */
export async function listDatasets(): Promise<SavedSummary[]> {
  const all = (await values<SavedDataset>(store())) ?? [];
  return all
    .map(({ dataset: _data, ...summary }) => summary)
    .sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

/** A saved dataset, validated again (storage is an edge too), or null when missing or no longer valid. */
export async function openDataset(id: string): Promise<{ name: string; dataset: Dataset } | null> {
  const entry = await get<SavedDataset>(id, store());
  if (!entry) return null;
  const r = validateDataset(entry.dataset);
  return r.ok ? { name: entry.name, dataset: r.dataset } : null;
}

/** Deletes a saved dataset. */
export async function deleteDataset(id: string): Promise<void> {
  await del(id, store());
}
