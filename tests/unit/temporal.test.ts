// Unit and property tests of the temporal index, checked against a brute-force scan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayToIso, edtf, isoToDay } from '../../src/model/dates';
import { IntervalTree } from '../../src/model/interval-tree';
import { TemporalIndex } from '../../src/model/temporal';
import type { Dataset } from '../../src/model/types';
import { datasetOfRelations, relationTypesOf, type RelationSpec } from '../fixtures/dataset';

const types = relationTypesOf([
  { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
  { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
]);

function rel(id: string, type: string, start: string, end?: string | null): RelationSpec {
  return { id, type, source: 'a', target: 'b', start, ...(end !== undefined ? { end } : {}) };
}
const day = (iso: string): number => isoToDay(iso) as number;
const ids = (_index: TemporalIndex, ordinals: number[], rels: readonly RelationSpec[]): string[] =>
  ordinals.map((i) => rels[i]?.id as string).sort();

describe('TemporalIndex answers in ascending order, small and big', () => {
  // 64 relations: a day where 2 are in view (sorted path) and one where 60 are (marked in a byte
  // array and read back in order), each asked twice to show the marks are cleared between queries.
  const rels: RelationSpec[] = [];
  for (let i = 0; i < 64; i++) {
    if (i % 3 === 0) rels.push(rel(`open-end-${i}`, 'truce', '2014-01-01'));
    else if (i % 3 === 1) rels.push(rel(`open-start-${i}`, 'truce', '..', '2010-01-10'));
    else rels.push(rel(`closed-${i}`, 'truce', '2014-01-01', '2015-12-31'));
  }
  rels[5] = rel('early', 'truce', '2010-01-01', '2010-02-01');
  rels[6] = rel('early-too', 'truce', '2010-01-15', '2010-03-01');
  const index = new TemporalIndex(datasetOfRelations(rels, types));
  const brute = (t: number): number[] => rels.map((_, i) => i).filter((i) => index.isActive(i, t));

  it.each([
    ['2010-01-20', 'small'],
    ['2010-01-05', 'big, open-started'],
    ['2015-06-01', 'big, open-ended and closed'],
  ])('at %s (%s answer) it equals a scan, ascending, every time', (iso) => {
    const t = day(iso);
    const want = brute(t);
    expect(want.length).toBeGreaterThan(0);
    for (let k = 0; k < 3; k++) expect(index.activeAt(t)).toEqual(want);
  });

  it('a big answer is really big and a small one small (both paths run)', () => {
    expect(index.activeAt(day('2015-06-01')).length * 16).toBeGreaterThanOrEqual(rels.length);
    expect(index.activeAt(day('2010-01-05')).length * 16).toBeGreaterThanOrEqual(rels.length);
    expect(index.activeAt(day('2010-01-20')).length * 16).toBeLessThan(rels.length);
  });
});

describe('TemporalIndex on hand-made cases', () => {
  const rels = [
    rel('open-truce', 'truce', '2014-11~'),
    rel('closed-truce', 'truce', '2014-01', '2014-06'),
    rel('day-attack', 'attack', '2014-11-02'),
    rel('month-attack', 'attack', '2014-09'),
    rel('always', 'truce', '..'),
    rel('year-truce', 'truce', '2012', '2013'),
  ];
  const index = new TemporalIndex(datasetOfRelations(rels, types));

  it('keeps open-ended state relations in force', () => {
    expect(ids(index, index.activeAt(day('2030-01-01')), rels)).toEqual(['always', 'open-truce']);
  });

  it('starts a month-precision relation on the first day it may denote', () => {
    expect(ids(index, index.activeAt(day('2014-10-31')), rels)).not.toContain('open-truce');
    expect(ids(index, index.activeAt(day('2014-11-01')), rels)).toContain('open-truce');
  });

  it('ends a state relation on the last day its end may denote', () => {
    expect(ids(index, index.activeAt(day('2014-06-30')), rels)).toContain('closed-truce');
    expect(ids(index, index.activeAt(day('2014-07-01')), rels)).not.toContain('closed-truce');
    expect(ids(index, index.activeAt(day('2013-12-31')), rels)).toContain('year-truce');
  });

  it('shows an event from its day through the event window, boundary days included', () => {
    expect(ids(index, index.activeAt(day('2014-11-01')), rels)).not.toContain('day-attack');
    expect(ids(index, index.activeAt(day('2014-11-02')), rels)).toContain('day-attack');
    // 30-day window: 2 Nov + 30 days = 2 Dec is the last day shown.
    expect(ids(index, index.activeAt(day('2014-12-02')), rels)).toContain('day-attack');
    expect(ids(index, index.activeAt(day('2014-12-03')), rels)).not.toContain('day-attack');
    // A month-precision event lasts the month plus the window.
    expect(ids(index, index.activeAt(day('2014-10-30')), rels)).toContain('month-attack');
    expect(ids(index, index.activeAt(day('2014-10-31')), rels)).not.toContain('month-attack');
  });

  it('marks the uncertain span of a fuzzy date', () => {
    const s = index.spans[0];
    expect(dayToIso(s?.lo as number)).toBe('2014-11-01');
    expect(dayToIso(s?.certainFrom as number)).toBe('2014-11-30');
  });

  it('answers windows and the cumulative view', () => {
    expect(ids(index, index.inWindow(day('2014-07-01'), day('2014-09-01')), rels)).toEqual([
      'always',
      'month-attack',
    ]);
    expect(ids(index, index.upTo(day('2014-02-01')), rels)).toEqual([
      'always',
      'closed-truce',
      'year-truce',
    ]);
  });

  it('finds the previous and next change', () => {
    expect(dayToIso(index.nextChange(day('2014-10-01')) as number)).toBe('2014-11-01');
    expect(dayToIso(index.nextChange(day('2014-11-01')) as number)).toBe('2014-11-02');
    expect(dayToIso(index.previousChange(day('2014-11-02')) as number)).toBe('2014-11-01');
    expect(index.nextChange(day('2030-01-01'))).toBeNull();
  });

  it('counts starts per bucket and type', () => {
    const edges = [day('2014-09-01'), day('2014-10-01'), day('2014-11-01'), day('2014-12-01')];
    const h = index.histogram(edges);
    expect(h.get('attack' as never)).toEqual([1, 0, 1]);
    expect(h.get('truce' as never)).toEqual([0, 0, 1]);
  });

  it('handles an empty dataset', () => {
    const empty = new TemporalIndex({ relations: [], relationTypes: types });
    expect(empty.activeAt(0)).toEqual([]);
    expect(empty.extent).toBeNull();
    expect(empty.step(0, 100)).toEqual({ entered: [], exited: [] });
    expect(empty.nextChange(0)).toBeNull();
  });
});

// Random datasets: relations over ~3 years with every precision, qualifier and open bound.
const dateArb = fc
  .tuple(
    fc.integer({ min: 2012, max: 2014 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom('day', 'day', 'month', 'year'),
    fc.constantFrom('', '', '~', '?'),
  )
  .map(([y, m, d, p, q]) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    return (p === 'day' ? `${y}-${mm}-${dd}` : p === 'month' ? `${y}-${mm}` : `${y}`) + q;
  });
const relArb = fc
  .tuple(fc.boolean(), dateArb, fc.option(dateArb, { nil: null }), fc.boolean())
  .map(([isEvent, a, b, openStart]) => ({ isEvent, a, b, openStart }));

function buildRandom(
  specs: { isEvent: boolean; a: string; b: string | null; openStart: boolean }[],
): Dataset {
  const relations = specs.map((s, i) => {
    if (s.isEvent) return rel(`r${i}`, 'attack', s.a);
    let [start, end] = [s.openStart ? '..' : s.a, s.b];
    // A valid dataset: an end that may only come before the start is swapped with it.
    if (end && start !== '..' && edtf(end).latest < edtf(start).earliest) {
      [start, end] = [end, start];
    }
    return rel(`r${i}`, 'truce', start, end);
  });
  return datasetOfRelations(relations, types);
}

const brute = (index: TemporalIndex, t: number): number[] =>
  Array.from({ length: index.size }, (_, i) => i).filter((i) => index.isActive(i, t));

describe('TemporalIndex against a brute-force scan (property)', () => {
  const tArb = fc.integer({ min: day('2011-06-01'), max: day('2015-06-01') });

  it('activeAt, inWindow and upTo agree with the scan', () => {
    fc.assert(
      fc.property(
        fc.array(relArb, { maxLength: 80 }),
        tArb,
        tArb,
        fc.integer({ min: 0, max: 90 }),
        (specs, t, u, w) => {
          const index = new TemporalIndex(buildRandom(specs), { eventWindow: w });
          expect(index.activeAt(t)).toEqual(brute(index, t));
          const [a, b] = t <= u ? [t, u] : [u, t];
          const windowScan = Array.from({ length: index.size }, (_, i) => i).filter(
            (i) => (index.lo[i] as number) <= b && (index.hi[i] as number) > a,
          );
          expect(index.inWindow(a, b)).toEqual(windowScan);
          const upToScan = Array.from({ length: index.size }, (_, i) => i).filter(
            (i) => (index.lo[i] as number) <= t,
          );
          expect(index.upTo(t)).toEqual(upToScan);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('step(t1, t2) turns the set at t1 into the set at t2', () => {
    fc.assert(
      fc.property(
        fc.array(relArb, { maxLength: 120 }),
        tArb,
        fc.integer({ min: -400, max: 400 }),
        (specs, t, delta) => {
          const index = new TemporalIndex(buildRandom(specs));
          const before = new Set(brute(index, t));
          const { entered, exited } = index.step(t, t + delta);
          for (const i of entered) expect(before.has(i)).toBe(false);
          for (const i of exited) expect(before.has(i)).toBe(true);
          for (const i of entered) before.add(i);
          for (const i of exited) before.delete(i);
          expect([...before].sort((x, y) => x - y)).toEqual(brute(index, t + delta));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('previous and next change are the nearest change days', () => {
    fc.assert(
      fc.property(fc.array(relArb, { minLength: 1, maxLength: 60 }), tArb, (specs, t) => {
        const index = new TemporalIndex(buildRandom(specs));
        const days = index.changes;
        const next = days.find((d) => d > t) ?? null;
        const prev = [...days].reverse().find((d) => d < t) ?? null;
        expect(index.nextChange(t)).toBe(next);
        expect(index.previousChange(t)).toBe(prev);
      }),
      { numRuns: 200 },
    );
  });
});

describe('IntervalTree', () => {
  it('finds every overlapping interval, for random intervals and queries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 300 })), {
          maxLength: 300,
        }),
        fc.integer({ min: -10, max: 1100 }),
        fc.integer({ min: 1, max: 200 }),
        (ivs, qs, len) => {
          const starts = ivs.map(([s]) => s);
          const ends = ivs.map(([s, l]) => s + l);
          const tree = new IntervalTree(starts, ends);
          const got: number[] = [];
          tree.overlapping(qs, qs + len, (i) => got.push(i));
          const want = ivs.flatMap(([s, l], i) => (s < qs + len && qs < s + l ? [i] : []));
          expect(got.sort((a, b) => a - b)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
