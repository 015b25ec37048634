// Big graphs' layouts kept in this browser (IndexedDB), so a dataset opened again gets its final layout at once.
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/** How many layouts are kept; the least recently written go first. */
const KEEP = 8;

interface Entry {
  readonly at: number;
  readonly xy: Float64Array;
}

let store: UseStore | null = null;
const db = (): UseStore => (store ??= createStore('tieline-layouts', 'positions'));

/** The layout stored under `key`, if it has one position per actor; null otherwise or without IndexedDB. */
export async function readLayout(key: string, nodes: number): Promise<Float64Array | null> {
  try {
    const hit = await get<Entry>(key, db());
    return hit && hit.xy instanceof Float64Array && hit.xy.length === nodes * 2 ? hit.xy : null;
  } catch {
    return null;
  }
}

/** Stores a layout under `key` and drops the oldest beyond KEEP. Never throws: the cache is optional. */
export async function writeLayout(key: string, xy: Float64Array): Promise<void> {
  try {
    await set(key, { at: Date.now(), xy } satisfies Entry, db());
    const all = await entries<string, Entry>(db());
    if (all.length <= KEEP) return;
    const old = all.sort((a, b) => (a[1]?.at ?? 0) - (b[1]?.at ?? 0)).slice(0, all.length - KEEP);
    await Promise.all(old.map(([k]) => del(k, db())));
  } catch {
    // No IndexedDB (private mode, tests), or full: lay out again next time.
  }
}
