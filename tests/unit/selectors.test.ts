// The view selectors: one rule of what is shown at t (in view and kept by the lens), used by every view.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetText } from '../../src/io/validate';
import { isoToDay } from '../../src/model';
import {
  selectActiveDegree,
  selectShown,
  selectStatuses,
  selectVisible,
  shownAmong,
  tiesOf,
} from '../../src/store/selectors';
import { createViewStore } from '../../src/store/store';

function loaded() {
  const r = readDatasetText(readFileSync('data/tieline.json', 'utf8'));
  if (!r.ok) throw new Error('invalid');
  const store = createViewStore();
  store.getState().loadDataset(r.dataset, 'bundled', { time: isoToDay('2014-11-03')! });
  return store;
}

describe('selectShown and selectActiveDegree', () => {
  it('keep only what the lens keeps of what is in view', () => {
    const store = loaded();
    const s = store.getState();
    const statuses = selectStatuses(s);
    const visible = selectVisible(s);
    expect(visible.length).toBeGreaterThan(0);
    expect(selectShown(s)).toEqual(visible.filter((i) => statuses[i] !== null));
    const degree = selectActiveDegree(s);
    let ends = 0;
    for (const n of degree.values()) ends += n;
    const rels = s.dataset!.relations;
    const expected = selectShown(s).reduce(
      (sum, i) => sum + (rels[i]!.source === rels[i]!.target ? 1 : 2),
      0,
    );
    expect(ends).toBe(expected);
  });

  it('count no tie when every type is filtered out, though the time query still finds relations', () => {
    const store = loaded();
    store.getState().setFacet('types', []);
    const s = store.getState();
    expect(selectVisible(s).length).toBeGreaterThan(0);
    expect(selectShown(s)).toEqual([]);
    expect(selectActiveDegree(s).size).toBe(0);
    expect(tiesOf(s, s.dataset!.actors.find((a) => a.id === 'is')!.id).current).toEqual([]);
  });

  it('return the same array and map while the inputs stay, so React does not re-render', () => {
    const store = loaded();
    const a = store.getState();
    const shown = selectShown(a);
    const degree = selectActiveDegree(a);
    store.getState().selectActor(a.dataset!.actors[0]!.id);
    const b = store.getState();
    expect(b).not.toBe(a);
    expect(selectShown(b)).toBe(shown);
    expect(selectActiveDegree(b)).toBe(degree);
    store.getState().stepTime(40);
    expect(selectShown(store.getState())).not.toBe(shown);
  });

  it('keep answers per store: a second store on another dataset does not evict the first', () => {
    const one = loaded();
    const two = loaded();
    two.getState().loadDataset(structuredClone(one.getState().dataset!), 'copy');
    const first = selectShown(one.getState());
    selectShown(two.getState());
    expect(selectShown(one.getState())).toBe(first);
  });

  it('shownAmong drops relations the lens hides (null) or does not know', () => {
    expect(shownAmong([0, 1, 2, 3], ['reported', null, 'disputed'])).toEqual([0, 2]);
  });
});
