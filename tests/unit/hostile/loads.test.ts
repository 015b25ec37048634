// @vitest-environment jsdom
// Issue 18 rows 4, 6, 7, 8 and the limits: one load at a time (the newest intent wins), Cancel until the
// dataset is on screen with nothing left saved, storage failures and missing ds= entries reported after
// the load, and datasets past the limits refused with a located message.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { statsOf } from '../../../src/io/import/build';
import type { ImportResult } from '../../../src/io/import/types';
import type { Dataset } from '../../../src/model';
import { createViewStore } from '../../../src/store/store';
import { datasetOf } from '../../fixtures/dataset';
import { tiny, tinyData } from './helpers';

const library = vi.hoisted(() => ({
  saveDataset: vi.fn(),
  deleteDataset: vi.fn(),
  openDataset: vi.fn(),
  listDatasets: vi.fn(async () => []),
}));
vi.mock('../../../src/io/library', () => library);

const { applyImport } = await import('../../../src/app/importing');
const { beginLoad, currentLoad } = await import('../../../src/app/load-control');
const { BUNDLED_URL, loadFromLibrary, loadFromUrl } = await import('../../../src/app/load');
const { startUrlSync } = await import('../../../src/app/url-sync');
const { checkLimits, MAX_ACTORS, MAX_TEXT, MAX_TYPES } = await import('../../../src/io/limits');

const BUNDLED_TEXT = readFileSync('data/tieline.json', 'utf8');

function imported(d: Dataset): ImportResult {
  return { ok: true, format: 'tieline', dataset: d, warnings: [], stats: statsOf(d) };
}

/** A fetch whose answers the test releases: `answer(url, text)`; the bundled dataset answers at once. */
function controlledFetch() {
  const waiting = new Map<string, (r: Response) => void>();
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (url === BUNDLED_URL) return Promise.resolve(new Response(BUNDLED_TEXT));
    return new Promise<Response>((resolve, reject) => {
      waiting.set(url, resolve);
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      );
    });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    answer: (url: string, text: string) => waiting.get(url)?.(new Response(text)),
  };
}

beforeEach(() => {
  for (const f of [library.saveDataset, library.deleteDataset, library.openDataset]) f.mockReset();
  library.saveDataset.mockImplementation(async (d: Dataset) => ({ id: 'saved1', title: d.title }));
  library.openDataset.mockResolvedValue(null);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('issue 18: one load at a time, the newest intent wins', () => {
  it('row 4: a late ?data= answer never replaces the import the user made meanwhile', async () => {
    const net = controlledFetch();
    const store = createViewStore();
    const url = 'http://127.0.0.1:9/late.json';
    const urlLoad = loadFromUrl(store, url);
    await vi.waitFor(() => expect(net.fetch).toHaveBeenCalled(), { timeout: 15_000 });
    const ticket = beginLoad(store, 'file');
    await applyImport(store, 'mine.json', imported(tiny({ title: 'Mine' })), ticket);
    net.answer(url, JSON.stringify(tiny({ title: 'Late' })));
    expect(await urlLoad).toBe('cancelled');
    expect(store.getState().dataset?.title).toBe('Mine');
    expect(store.getState().loading).toBeNull();
  });

  it('a saved dataset opened during a download cancels the download', async () => {
    const net = controlledFetch();
    library.openDataset.mockResolvedValue({ name: 'kept.json', dataset: tiny({ title: 'Kept' }) });
    const store = createViewStore();
    const url = 'http://127.0.0.1:9/slow.csv';
    const urlLoad = loadFromUrl(store, url);
    await vi.waitFor(() => expect(net.fetch).toHaveBeenCalled(), { timeout: 15_000 });
    expect(await loadFromLibrary(store, 'k1')).toBe('loaded');
    expect(await urlLoad).toBe('cancelled');
    expect(store.getState().dataset?.title).toBe('Kept');
    expect(store.getState().datasetId).toBe('k1');
  });

  it('of two file imports, the later one wins even when the earlier finishes last', async () => {
    const store = createViewStore();
    const first = beginLoad(store, 'file');
    const second = beginLoad(store, 'file');
    await applyImport(store, 'two.json', imported(tiny({ title: 'Two' })), second);
    await expect(
      applyImport(store, 'one.json', imported(tiny({ title: 'One' })), first),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(store.getState().dataset?.title).toBe('Two');
  });

  it('row 6: Cancel while the finished import is being saved: not shown, and the saved copy deleted', async () => {
    let release: () => void = () => {};
    library.saveDataset.mockImplementation(
      (d: Dataset) =>
        new Promise((resolve) => {
          release = () => resolve({ id: 'half', title: d.title });
        }),
    );
    const store = createViewStore();
    store.getState().loadDataset(tiny({ title: 'Before' }), 'before.json');
    const ticket = beginLoad(store, 'file');
    const applying = applyImport(store, 'big.json', imported(tiny({ title: 'Big' })), ticket);
    await vi.waitFor(() => expect(library.saveDataset).toHaveBeenCalled());
    ticket.cancel();
    release();
    await expect(applying).rejects.toMatchObject({ name: 'AbortError' });
    expect(library.deleteDataset).toHaveBeenCalledWith('half');
    expect(store.getState().dataset?.title).toBe('Before');
    expect(currentLoad(store)).not.toBeNull(); // the dialog ends it; no later load has begun
  });
});

describe('issue 18: notices that survive the load', () => {
  it('row 7: over quota, the import loads and says it could not be kept (the notice is not cleared)', async () => {
    library.saveDataset.mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const store = createViewStore();
    await applyImport(store, 'q.json', imported(tiny({ title: 'Q' })), beginLoad(store, 'file'));
    expect(store.getState().dataset?.title).toBe('Q');
    expect(store.getState().unkept).toMatch(/quota/);
    expect(store.getState().datasetId).toBeNull();
  });

  it('row 7: IndexedDB unavailable, the import loads and says why it could not be kept', async () => {
    library.saveDataset.mockRejectedValue(new Error('indexedDB is not defined'));
    const store = createViewStore();
    await applyImport(store, 'p.json', imported(tiny({ title: 'P' })), beginLoad(store, 'file'));
    expect(store.getState().unkept).toMatch(/storage is not available/);
  });

  it('row 8: ?ds= naming a dataset no longer kept: the bundled one, with the notice after the load', async () => {
    controlledFetch();
    window.history.replaceState(null, '', '/?ds=gone123');
    const store = createViewStore();
    const stop = startUrlSync(store);
    await vi.waitFor(() => expect(store.getState().dataset).not.toBeNull(), { timeout: 10_000 });
    expect(store.getState().notice).toMatch(/ds=gone123.*no longer kept/);
    expect(store.getState().status).toMatch(/^Loaded /);
    stop();
  });

  it('row 8: ?ds= when storage itself fails says so', async () => {
    controlledFetch();
    library.openDataset.mockRejectedValue(new Error('The operation failed for reasons unrelated'));
    window.history.replaceState(null, '', '/?ds=x1');
    const store = createViewStore();
    const stop = startUrlSync(store);
    await vi.waitFor(() => expect(store.getState().dataset).not.toBeNull(), { timeout: 10_000 });
    expect(store.getState().notice).toMatch(/storage could not be read/);
    stop();
  });
});

describe('issue 18: stated limits', () => {
  const many = (n: number, make: (i: number) => unknown) =>
    Array.from({ length: n }, (_, i) => make(i));

  it('refuses more actors than MAX_ACTORS with a located message', () => {
    const d = datasetOf({
      ...tinyData({ actorIds: ['a0', 'a1'] }),
      actors: many(MAX_ACTORS + 1, (i) => ({ id: `a${i}`, name: 'x', aliases: [], kind: 'group' })),
    });
    expect(checkLimits(d)[0]).toMatchObject({
      path: '$.actors',
      message: expect.stringMatching(/20,001 actors/),
    });
  });

  it('refuses more relation types than MAX_TYPES (row 13) and loads nothing', async () => {
    const d = datasetOf({
      ...tinyData({ typeId: 't0' }),
      relationTypes: many(MAX_TYPES + 1, (i) => ({
        id: `t${i}`,
        label: 't',
        directed: true,
        kind: 'event',
      })),
    });
    const store = createViewStore();
    expect(await applyImport(store, 'types.json', imported(d), beginLoad(store, 'file'))).toBe(
      false,
    );
    expect(store.getState().loadError?.issues[0]?.path).toBe('$.relationTypes');
    expect(library.saveDataset).not.toHaveBeenCalled();
  });

  it('refuses a 1,000,000-character name with its path (row 15), keeps a 50,000-character title', () => {
    expect(checkLimits(tiny({ name: 'n'.repeat(1_000_000) }))[0]?.path).toBe('$.actors[0].name');
    expect(checkLimits(tiny({ title: 't'.repeat(50_000) }))).toEqual([]);
    expect(checkLimits(tiny({ label: 'l'.repeat(MAX_TEXT) }))).toEqual([]);
  });
});
