// States that last until superseded: derived ends, the current-state view and the opening date, against brute-force replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, type Model } from '../../src/model';
import { isoToDay } from '../../src/model/dates';
import { currentStateAt, nextStart, openingDate } from '../../src/model/current';
import { pairHistory, topPartners } from '../../src/model/pairs';
import { familyKey, pairKey } from '../../src/model/persistence';
import { spanOf, TemporalIndex } from '../../src/model/temporal';
import type { ActorId, Dataset, Relation } from '../../src/model/types';
import { datasetOfRelations, relationTypesOf, type RelationSpec } from '../fixtures/dataset';

const types = relationTypesOf([
  {
    id: 'alliance',
    label: 'Alliance',
    directed: false,
    kind: 'state',
    family: 'relationship',
    lasts: 'until-superseded',
  },
  {
    id: 'rivalry',
    label: 'Rivalry',
    directed: false,
    kind: 'state',
    family: 'relationship',
    lasts: 'until-superseded',
  },
  {
    id: 'affiliation',
    label: 'Affiliation',
    directed: true,
    kind: 'state',
    family: 'relationship',
    lasts: 'until-superseded',
  },
  { id: 'split', label: 'Split', directed: true, kind: 'event', family: 'relationship' },
  { id: 'pact', label: 'Pact', directed: false, kind: 'state', family: 'relationship' },
  // Lasting without a family: a family of its own.
  { id: 'lone', label: 'Lone', directed: false, kind: 'state', lasts: 'until-superseded' },
  { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
  { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
]);
const LASTING = new Set(['alliance', 'rivalry', 'affiliation', 'lone']);

function rel(
  id: string,
  type: string,
  source: string,
  target: string,
  start: string,
  end?: string | null,
): RelationSpec {
  return { id, type, source, target, start, ...(end !== undefined ? { end } : {}) };
}
const day = (iso: string): number => isoToDay(iso) as number;
function dataset(
  relations: readonly RelationSpec[],
  relationTypes: readonly unknown[] = types,
): Dataset {
  return datasetOfRelations(relations, relationTypes);
}

describe('a state that lasts until superseded', () => {
  const rels = [
    rel('ally', 'alliance', 'ansar', 'is', '2012-11-25'),
    rel('rival', 'rivalry', 'is', 'ansar', '2013-10'),
    rel('merge', 'split', 'ansar', 'is', '2014-08-03'),
    rel('old-truce', 'truce', 'ansar', 'is', '2012-01-01'),
  ];
  const index = new TemporalIndex(dataset(rels));
  const at = (iso: string): string[] => index.activeAt(day(iso)).map((i) => rels[i]!.id);

  it('holds from its date until the first day of the pair next record, either direction', () => {
    expect(at('2013-06-01')).toEqual(['ally', 'old-truce']);
    expect(at('2013-09-30')).toEqual(['ally', 'old-truce']);
    expect(at('2013-10-01')).toEqual(['rival', 'old-truce']);
    expect(index.spans[0]!.hi).toBe(day('2013-10-01'));
    expect(index.spans[0]!.supersededBy).toBe(1);
  });

  it('is ended by an event of its family, and the last one holds with no derived end yet', () => {
    expect(index.spans[1]!.hi).toBe(day('2014-08-03'));
    expect(index.spans[1]!.supersededBy).toBe(2);
    expect(at('2014-08-10')).toEqual(['merge', 'old-truce']);
  });

  it('leaves relations outside any family exactly as dated', () => {
    const plain = spanOf(rels[3]!, false, 30);
    expect(index.spans[3]).toEqual(plain);
    expect(index.spans[3]!.supersededBy).toBeUndefined();
  });

  it('keeps a reported end, same-day records hold together, undated ones never end another', () => {
    const r = [
      rel('ended', 'alliance', 'a', 'b', '2010-01-01', '2010-06-30'),
      rel('later', 'rivalry', 'a', 'b', '2010-03-01'),
      rel('same-1', 'alliance', 'c', 'd', '2011-05-05'),
      rel('same-2', 'rivalry', 'd', 'c', '2011-05-05'),
      rel('next', 'split', 'c', 'd', '2012-01-01'),
      rel('undated', 'alliance', 'e', 'f', '..'),
      rel('undated-2', 'pact', 'e', 'f', '..', '2009-01-01'),
      rel('first-dated', 'rivalry', 'e', 'f', '2015-02'),
    ];
    const idx = new TemporalIndex(dataset(r));
    expect(idx.spans[0]!.hi).toBe(day('2010-07-01'));
    expect(idx.spans[0]!.supersededBy).toBeUndefined();
    expect(idx.spans[2]!.hi).toBe(day('2012-01-01'));
    expect(idx.spans[3]!.hi).toBe(day('2012-01-01'));
    expect(idx.spans[2]!.supersededBy).toBe(4);
    expect(idx.spans[5]!.lo).toBe(-Infinity);
    expect(idx.spans[5]!.hi).toBe(day('2015-02-01'));
    expect(idx.spans[5]!.supersededBy).toBe(7);
  });

  it('changes nothing in a dataset whose types declare no lasts and no family', () => {
    const plainTypes = types.map(({ id, label, directed, kind }) => ({
      id,
      label,
      directed,
      kind,
    }));
    const idx = new TemporalIndex(dataset(rels, plainTypes));
    rels.forEach((r, i) => {
      expect(idx.spans[i]).toEqual(spanOf(r, r.type === 'split', 30));
    });
  });
});

// ---- property tests: generated pairs with ties, same-day records, undated ones, shuffled files ----

const DAYS = ['2000-01-03', '2000-01-10', '2000-01-17', '2000-02-01', '2000-02-14', '2000-03-01'];
const startArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...DAYS) },
  { weight: 1, arbitrary: fc.constant('2000-02') },
  { weight: 1, arbitrary: fc.constant('..') },
);
const recArb = fc.record({
  type: fc.constantFrom(...types.map((t) => t.id as string)),
  a: fc.constantFrom('p', 'q', 'r'),
  b: fc.constantFrom('p', 'q', 'r'),
  start: startArb,
  end: fc.option(fc.constantFrom('2000-02-20', '2000-04'), { nil: null }),
});
type Rec = typeof recArb extends fc.Arbitrary<infer R> ? R : never;

function build(recs: Rec[]): Relation[] {
  const specs = recs.map((s, i) => {
    const isEvent = s.type === 'split' || s.type === 'attack';
    // An end only where it cannot come before the start.
    const end = !isEvent && s.end && s.start !== '..' && s.start <= '2000-02-19' ? s.end : null;
    return rel(`r${i}`, s.type, s.a, s.b, s.start, end);
  });
  return [...dataset(specs).relations];
}
const typeById = new Map(types.map((t) => [t.id as string, t]));

/**
 * The replay: day by day, each pair's family records start; any dated record ends every lasting
 * state of its pair and family that started on an earlier day; the lasting ones that start join.
 * Returns, per relation, the set of days it is shown on within [from, to].
 */
function replay(rels: Relation[], from: number, to: number, window: number): Set<number>[] {
  const shown = rels.map(() => new Set<number>());
  const plain = rels.map((r) => spanOf(r, typeById.get(r.type)!.kind === 'event', window));
  const holding = new Map<string, Set<number>>();
  const groupOf = rels.map((r) => {
    const f = familyKey(typeById.get(r.type));
    return f === null ? null : pairKey(r, f);
  });
  const lasting = rels.map((r, i) => LASTING.has(r.type) && !r.end && groupOf[i] !== null);
  rels.forEach((_, i) => {
    if (lasting[i] && plain[i]!.lo === -Infinity) {
      const g = groupOf[i]!;
      if (!holding.has(g)) holding.set(g, new Set());
      holding.get(g)!.add(i);
    }
  });
  for (let d = from; d <= to; d++) {
    const starting = rels.map((_, i) => i).filter((i) => plain[i]!.lo === d);
    for (const i of starting) {
      const g = groupOf[i] ?? null;
      if (g !== null) holding.get(g)?.forEach((h) => plain[h]!.lo < d && holding.get(g)!.delete(h));
    }
    for (const i of starting) {
      if (!lasting[i]) continue;
      const g = groupOf[i]!;
      if (!holding.has(g)) holding.set(g, new Set());
      holding.get(g)!.add(i);
    }
    rels.forEach((_, i) => {
      const inForce = lasting[i]
        ? holding.get(groupOf[i]!)?.has(i) === true
        : plain[i]!.lo <= d && d < plain[i]!.hi;
      if (inForce) shown[i]!.add(d);
    });
  }
  return shown;
}

const FROM = day('1999-12-25');
const TO = day('2000-05-10');

describe('derived spans against a replay of each pair (property)', () => {
  it('the index shows each relation on exactly the days the replay does, at a date and in windows', () => {
    fc.assert(
      fc.property(
        fc.array(recArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 20 }),
        (recs, window) => {
          const rels = build(recs);
          const index = new TemporalIndex(dataset(rels), { eventWindow: window });
          const want = replay(rels, FROM, TO, window);
          for (let d = FROM; d <= TO; d += 1) {
            const expected = rels.map((_, i) => i).filter((i) => want[i]!.has(d));
            expect(index.activeAt(d)).toEqual(expected);
          }
          for (let d = FROM; d <= TO; d += 9) {
            const expected = rels
              .map((_, i) => i)
              .filter((i) => [...want[i]!].some((x) => x >= d && x <= d + 6));
            expect(index.inWindow(d, d + 6)).toEqual(expected);
            const { entered, exited } = index.step(d, d + 9);
            const before = new Set(index.activeAt(d));
            entered.forEach((i) => before.add(i));
            exited.forEach((i) => before.delete(i));
            expect([...before].sort((x, y) => x - y)).toEqual(index.activeAt(d + 9));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('records out of order in the file give the same spans', () => {
    fc.assert(
      fc.property(fc.array(recArb, { minLength: 1, maxLength: 40 }), fc.integer(), (recs, seed) => {
        const rels = build(recs);
        const shuffled = fc.sample(fc.shuffledSubarray(rels, { minLength: rels.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const a = new TemporalIndex(dataset(rels));
        const b = new TemporalIndex(dataset(shuffled));
        const byId = (idx: TemporalIndex, list: Relation[]) =>
          new Map(list.map((r, i) => [r.id, [idx.spans[i]!.lo, idx.spans[i]!.hi]]));
        expect(byId(b, shuffled)).toEqual(byId(a, rels));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the current-state view (property)', () => {
  it('shows one relation per pair and family: the latest in force, or the family event last recorded', () => {
    fc.assert(
      fc.property(fc.array(recArb, { maxLength: 40 }), (recs) => {
        const rels = build(recs);
        const model = buildModel(dataset(rels));
        const lineOf = rels.map((r) =>
          pairKey(r, familyKey(typeById.get(r.type)) ?? 'T:' + r.type),
        );
        const lo = model.index.lo;
        for (let d = FROM; d <= TO; d += 3) {
          const got = currentStateAt(model, d);
          const lines = got.map((i) => lineOf[i]);
          expect(new Set(lines).size).toBe(lines.length);
          // Brute force: per line, the latest (first day, then ordinal) of the relations in force,
          // or of the family events started by d with no later-day record of the line by d.
          const best = new Map<string, number>();
          rels.forEach((r, i) => {
            const line = lineOf[i]!;
            const inForce = model.index.isActive(i, d);
            const sticky =
              typeById.get(r.type)!.kind === 'event' &&
              typeById.get(r.type)!.family !== undefined &&
              lo[i]! <= d &&
              !rels.some((_, j) => lineOf[j] === line && lo[j]! > lo[i]! && lo[j]! <= d);
            if (!inForce && !sticky) return;
            const cur = best.get(line);
            if (cur === undefined || lo[i]! > lo[cur]! || (lo[i] === lo[cur] && i > cur))
              best.set(line, i);
          });
          expect(got).toEqual([...best.values()].sort((x, y) => x - y));
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('the opening date (property)', () => {
  it('is a start day (or the first day) that shows as many ties as any day, the latest such', () => {
    fc.assert(
      fc.property(fc.array(recArb, { maxLength: 30 }), (recs) => {
        const rels = build(recs);
        const model = buildModel(dataset(rels));
        const open = openingDate(model);
        const dated = rels.filter((_, i) => Number.isFinite(model.index.lo[i]!));
        if (dated.length === 0) {
          expect(open).toBeNull();
          return;
        }
        // Every day the time bar can reach; the candidates are start days and the first day.
        const { first, last } = model.index.extent!;
        const los = Array.from(model.index.lo);
        let most = -1;
        let latest = -Infinity;
        // Past the generated records' days nothing starts, so no later day shows more ties: scan the
        // first day, then the records' days within the time bar (an open end can stretch the bar far).
        const days = [first];
        for (let d = Math.max(first + 1, FROM); d <= Math.min(last, TO); d++) days.push(d);
        for (const d of days) {
          const n = model.index.activeAt(d).length;
          if (n > most) most = n;
          if ((los.includes(d) || d === first) && n >= most) latest = d;
        }
        expect(open).not.toBeNull();
        expect(model.index.activeAt(open!).length).toBe(most);
        expect(los.includes(open!) || open === first).toBe(true);
        expect(open).toBe(latest);
      }),
      { numRuns: 300 },
    );
  });

  it('offers the next day on which a kept record starts', () => {
    const rels = [
      rel('a', 'truce', 'p', 'q', '2001-01-01', '2001-01-05'),
      rel('b', 'truce', 'p', 'q', '2001-03-01'),
      rel('c', 'truce', 'p', 'q', '2001-04-01'),
    ];
    const model = buildModel(dataset(rels));
    expect(nextStart(model, day('2001-02-01'))).toBe(day('2001-03-01'));
    expect(nextStart(model, day('2001-02-01'), (i) => i !== 1)).toBe(day('2001-04-01'));
    expect(nextStart(model, day('2001-04-01'))).toBeNull();
  });
});

describe('pair history', () => {
  const rels = [
    rel('ally', 'alliance', 'a', 'b', '2003'),
    rel('noise', 'attack', 'a', 'c', '2005-01-01'),
    rel('rival', 'rivalry', 'b', 'a', '2013-10'),
    rel('merge', 'split', 'a', 'b', '2014-08-03'),
  ];
  const model: Model = buildModel(dataset(rels));
  it('lists the pair records in order, with derived ends, on one lane', () => {
    const lane = pairHistory(model, 'a' as ActorId, 'b' as ActorId);
    expect(lane.map((s) => rels[s.ordinal]!.id)).toEqual(['ally', 'rival', 'merge']);
    expect(lane[0]!.to).toBe(day('2013-10-01'));
    expect(lane[0]!.supersededBy).toBe(2);
    expect(lane.map((s) => s.row)).toEqual([0, 0, 0]);
    expect(lane[2]!.event).toBe(true);
    expect(pairHistory(model, 'b' as ActorId, 'a' as ActorId)).toEqual(lane);
  });
  it('ranks partners by shared records', () => {
    expect(topPartners(model, 'a' as ActorId)).toEqual(['b', 'c']);
  });
});
