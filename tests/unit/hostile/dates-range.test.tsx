// @vitest-environment jsdom
// Issue 18 row 1: every date the validator accepts (negative years, year 0, 9999, XXXX) is drawn by every
// view; the time bar's bins stay bounded however long the span.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/io/validate';
import { addMonths, dayOf, partsOf } from '../../../src/model';
import { createViewStore } from '../../../src/store/store';
import { Legend } from '../../../src/ui/Legend';
import { LensPanel } from '../../../src/ui/LensPanel';
import { Sidebar } from '../../../src/ui/Sidebar';
import { StoreProvider } from '../../../src/ui/StoreContext';
import { TiesPanel } from '../../../src/ui/TiesPanel';
import { TimeBar } from '../../../src/ui/TimeBar';
import { MAX_BARS, monthEdges } from '../../../src/ui/timebar/bars';
import { tinyData } from './helpers';

const RANGES: [string, string | null][] = [
  ['-0001', '0000'],
  ['-9999', '9999'],
  ['-9999', null],
  ['0000', '0001'],
  ['9999', '9999-12-31'],
  ['-0500-03', '-0499-11-30'],
  ['XXXX', null],
  ['-XXXX', '0010'],
  ['-0044-03-15', '-0044-03-15'],
  ['-1000~', '1000?'],
];

describe('issue 18: dates across the EDTF range', () => {
  it.each(RANGES)('start %s, end %s: valid and drawn by every view', (start, end) => {
    const r = validateDataset(JSON.parse(JSON.stringify(tinyData({ start, end }))));
    if (!r.ok) {
      // Refusing is allowed only with a located message.
      expect(r.issues[0]?.path).toMatch(/relations\[0\]\.(start|end)/);
      return;
    }
    const store = createViewStore();
    store.getState().loadDataset(r.dataset, 'dates', { actor: 'a' });
    const view = render(
      <StoreProvider store={store}>
        <TimeBar />
        <Sidebar />
        <TiesPanel />
        <Legend />
        <LensPanel />
      </StoreProvider>,
    );
    expect(view.container.querySelectorAll('svg.histogram rect').length).toBeLessThanOrEqual(
      4 * (MAX_BARS + 2),
    );
    // The page still answers: the next month is reachable.
    store.getState().stepMonths(1);
    store.getState().stepMonths(-13);
    expect(Number.isFinite(store.getState().time)).toBe(true);
    view.unmount();
  });

  it('steps month by month through year 0 in both directions', () => {
    let d = dayOf(-2, 11, 30);
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const p = partsOf(d);
      seen.push(`${p.year}-${p.month}`);
      const next = addMonths(d, 1);
      expect(next).toBeGreaterThan(d);
      expect(partsOf(addMonths(next, -1)).month).toBe(p.month);
      d = next;
    }
    expect(seen).toContain('0-1');
    expect(seen).toContain('-1-12');
    expect(new Set(seen).size).toBe(30);
  });

  it('bins twenty thousand years into at most MAX_BARS bars', () => {
    const edges = monthEdges(dayOf(-9999, 1, 1), dayOf(9999, 12, 31));
    expect(edges.length).toBeLessThanOrEqual(MAX_BARS + 2);
    for (let i = 1; i < edges.length; i++) {
      expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
    }
  });
});
