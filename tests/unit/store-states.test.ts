// The store's part of #14: the current-state mode, the open pair, the opening date and the mode in the address.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetText } from '../../src/io/validate';
import { dayToIso, isoToDay, openingDate, type ActorId, type Dataset } from '../../src/model';
import { OPEN_LENS } from '../../src/model/lens';
import { modelOf, selectVisible } from '../../src/store/selectors';
import { createViewStore } from '../../src/store/store';
import { readUrl, writeUrl } from '../../src/store/url';

function read(path: string): Dataset {
  const r = readDatasetText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error('invalid');
  return r.dataset;
}
const mmp = read('tests/fixtures/mmp-states.json');
const day = (iso: string): number => isoToDay(iso) as number;

describe('the store with lasting states', () => {
  it('opens where the address says, else on the opening date, never on the lone first record', () => {
    const store = createViewStore();
    store.getState().loadDataset(mmp, 'mmp');
    const model = modelOf(store.getState())!;
    expect(store.getState().time).toBe(openingDate(model));
    expect(store.getState().time).not.toBe(model.index.extent!.first);
    store.getState().loadDataset(mmp, 'mmp', { time: day('2001-05-05') });
    expect(dayToIso(store.getState().time)).toBe('2001-05-05');
  });

  it('opens the bundled dataset on the date that shows the most ties', () => {
    const store = createViewStore();
    const bundled = read('data/tieline.json');
    store.getState().loadDataset(bundled, 'bundled');
    const model = modelOf(store.getState())!;
    const shown = model.index.activeAt(store.getState().time).length;
    for (let d = model.index.extent!.first; d <= model.index.extent!.last; d++) {
      expect(model.index.activeAt(d).length).toBeLessThanOrEqual(shown);
    }
  });

  it('shows one relation per pair in the current-state mode, fewer than cumulative', () => {
    const store = createViewStore();
    store.getState().loadDataset(mmp, 'mmp', { time: day('2015-01-01') });
    store.getState().setMode('cumulative');
    const cumulative = selectVisible(store.getState()).length;
    store.getState().setMode('current');
    const current = selectVisible(store.getState());
    const rels = mmp.relations;
    const pairs = current.map((i) => [rels[i]!.source, rels[i]!.target].sort().join('|'));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(current.length).toBeLessThan(cumulative);
    const rivalry = rels.findIndex((r) => r.type === 'rivalry' && r.source === 'state');
    expect(current).toContain(rivalry);
  });

  it('opens and closes a pair, and a new dataset closes it', () => {
    const store = createViewStore();
    store.getState().loadDataset(mmp, 'mmp');
    store.getState().selectPair('front' as ActorId, 'brigade' as ActorId);
    expect(store.getState().pair).toEqual(['front', 'brigade']);
    store.getState().closePair();
    expect(store.getState().pair).toBeNull();
    store.getState().selectPair('front' as ActorId, 'brigade' as ActorId);
    store.getState().loadDataset(mmp, 'again');
    expect(store.getState().pair).toBeNull();
  });
});

describe('the mode and pair in the address', () => {
  const base = {
    time: day('2014-01-01'),
    actor: null,
    lens: OPEN_LENS,
    compare: null,
    eventWindow: 30,
    datasetId: null,
  };
  it('writes and reads the current-state mode, a range start and a pair', () => {
    const search = writeUrl('', { ...base, mode: 'current', from: 0, pair: ['front', 'brigade'] });
    expect(search).toBe('?t=2014-01-01&mode=current&pair=front,brigade');
    const v = readUrl(search);
    expect(v.mode).toBe('current');
    expect(v.pair).toEqual(['front', 'brigade']);
    const range = writeUrl('', { ...base, mode: 'range', from: day('2013-01-01'), pair: null });
    expect(readUrl(range).from).toBe(day('2013-01-01'));
    expect(writeUrl(search, { ...base, mode: 'at', pair: null })).toBe('?t=2014-01-01');
  });
  it('refuses an unknown mode with a sentence', () => {
    const v = readUrl('?mode=sometimes');
    expect(v.mode).toBeUndefined();
    expect(v.problems.join(' ')).toContain('"sometimes"');
  });
});
