// The store: verbs move the view and hand real work to the model, which is built once per dataset and window.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetText } from '../../src/io/validate';
import { dayToIso, isoToDay } from '../../src/model';
import { modelBuildCount, modelOf, selectVisible } from '../../src/store/selectors';
import { createViewStore } from '../../src/store/store';

function loaded() {
  const r = readDatasetText(readFileSync('data/tieline.json', 'utf8'));
  if (!r.ok) throw new Error('invalid');
  const store = createViewStore();
  store.getState().loadDataset(r.dataset, 'bundled', { time: isoToDay('2014-11-03')! });
  return store;
}

describe('the view store', () => {
  it('builds the model once per dataset and event window, not on every step', () => {
    const store = loaded();
    modelOf(store.getState());
    const before = modelBuildCount();
    for (let k = 0; k < 20; k++) store.getState().stepTime(1);
    store.getState().stepMonths(-2);
    store.getState().setRange([isoToDay('2014-01-01')!, isoToDay('2014-12-31')!]);
    store.getState().setCompare([isoToDay('2014-10-01')!, isoToDay('2014-11-20')!]);
    store.getState().setMultiples([isoToDay('2014-11-02')!]);
    store.getState().play();
    store.getState().tick();
    expect(modelBuildCount()).toBe(before);
    store.getState().setEventWindow(7);
    modelOf(store.getState());
    expect(modelBuildCount()).toBe(before + 1);
  });

  it('stores the dataset as loaded: frozen at the top, its relations not walked or deep-frozen', () => {
    // A dataset from the import worker arrives as a structured clone: nothing in it is frozen.
    const r = readDatasetText(readFileSync('data/tieline.json', 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const fromWorker = structuredClone(r.dataset);
    const store = createViewStore();
    store.getState().loadDataset(fromWorker, 'from a worker');
    const { dataset } = store.getState();
    expect(dataset).toBe(fromWorker);
    expect(Object.isFrozen(dataset)).toBe(true);
    // immer's auto-freeze would have frozen every relation and claim (a walk of the whole dataset).
    expect(Object.isFrozen(dataset!.relations)).toBe(false);
    expect(Object.isFrozen(dataset!.relations[0])).toBe(false);
    // Later updates leave the very same object in place (no copy, no second walk).
    store.getState().stepTime(1);
    expect(store.getState().dataset).toBe(dataset);
  });

  it('prepareModel builds the model ahead, so loading the dataset builds nothing more', () => {
    const r = readDatasetText(readFileSync('data/tieline.json', 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const dataset = structuredClone(r.dataset);
    const store = createViewStore();
    const before = modelBuildCount();
    store.getState().prepareModel(dataset);
    expect(modelBuildCount()).toBe(before + 1);
    expect(store.getState().dataset).toBeNull();
    store.getState().loadDataset(dataset, 'prepared');
    modelOf(store.getState());
    expect(modelBuildCount()).toBe(before + 1);
  });

  it('clamps the date to the dataset and steps by days, months and events', () => {
    const store = loaded();
    store.getState().setTime(isoToDay('1990-01-01')!);
    // The earliest date any source gives: Digital Journal dates the IS–al-Qaeda split to 2012.
    expect(dayToIso(store.getState().time)).toBe('2012-01-01');
    store.getState().setTime(isoToDay('2014-11-01')!);
    store.getState().nextEvent();
    expect(dayToIso(store.getState().time)).toBe('2014-11-02');
    store.getState().stepMonths(1);
    expect(dayToIso(store.getState().time)).toBe('2014-12-02');
  });

  it('keeps the visible set a stable reference while nothing changes', () => {
    const store = loaded();
    const a = selectVisible(store.getState());
    store.getState().selectActor('is' as never);
    expect(selectVisible(store.getState())).toBe(a);
    store.getState().stepTime(40);
    expect(selectVisible(store.getState())).not.toBe(a);
  });

  it('a new dataset resets the lens, the comparison and the pins', () => {
    const store = loaded();
    store.getState().setFacet('statuses', ['disputed']);
    store.getState().setCompare([isoToDay('2014-10-01')!, isoToDay('2014-11-20')!]);
    store.getState().setMultiples([isoToDay('2014-11-02')!, isoToDay('2014-06-01')!]);
    expect(store.getState().multiples).toHaveLength(2);
    const d = store.getState().dataset!;
    store.getState().loadDataset(d, 'again');
    expect(store.getState().lens.statuses).toBeNull();
    expect(store.getState().compare).toBeNull();
    expect(store.getState().multiples).toEqual([]);
  });

  it('says what was loaded: title, counts and the dated span', () => {
    const { status, dataset } = loaded().getState();
    expect(status).toMatch(
      new RegExp(
        `^Loaded .+: ${dataset!.actors.length} actors, ${dataset!.relations.length} relations, \\d{4}-\\d{2}-\\d{2} to \\d{4}-\\d{2}-\\d{2}$`,
      ),
    );
  });
});
