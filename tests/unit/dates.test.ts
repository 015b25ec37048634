// Unit tests of EDTF parsing and formatting, checked against the `edtf` package as an oracle.
import edtfOracle from 'edtf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOf,
  dayToIso,
  formatEdtf,
  edtf,
  isoToDay,
  parseEdtf,
  startOfMonth,
} from '../../src/model/dates';

const MS = 86_400_000;

describe('parseEdtf', () => {
  it('reads day, month and year precision as spans of days', () => {
    const d = edtf('2014-11-02');
    expect(d.precision).toBe('day');
    expect(dayToIso(d.earliest)).toBe('2014-11-02');
    expect(d.latest).toBe(d.earliest);
    const m = edtf('2014-11');
    expect(m.precision).toBe('month');
    expect([dayToIso(m.earliest), dayToIso(m.latest)]).toEqual(['2014-11-01', '2014-11-30']);
    const y = edtf('2014');
    expect([dayToIso(y.earliest), dayToIso(y.latest)]).toEqual(['2014-01-01', '2014-12-31']);
  });

  it('keeps the qualifiers', () => {
    expect(edtf('2014-11~')).toMatchObject({ approximate: true, uncertain: false });
    expect(edtf('2017?')).toMatchObject({ approximate: false, uncertain: true });
    expect(edtf('2014-07%')).toMatchObject({ approximate: true, uncertain: true });
  });

  it('reads unspecified digits and leap days', () => {
    const d = edtf('201X');
    expect([dayToIso(d.earliest), dayToIso(d.latest)]).toEqual(['2010-01-01', '2019-12-31']);
    expect(dayToIso(edtf('2016-02').latest)).toBe('2016-02-29');
    expect(dayToIso(edtf('2015-02').latest)).toBe('2015-02-28');
    expect(dayToIso(edtf('2014-XX').latest)).toBe('2014-12-31');
  });

  it('reads the open bound as unbounded', () => {
    const d = edtf('..');
    expect(d.precision).toBe('open');
    expect(d.earliest).toBe(-Infinity);
    expect(d.latest).toBe(Infinity);
  });

  it.each([
    ['2014-13', /month 13/],
    ['2014-02-30', /February has no day 30/],
    ['2014-11-31', /November has no day 31/],
    ['14-11-02', /not an EDTF date/],
    ['2014/11/02', /not an EDTF date/],
    ['2014-11-02~~', /not an EDTF date/],
    ['', /not an EDTF date/],
    ['20X4', /unspecified digits/],
  ])('rejects %s with a sentence', (text, message) => {
    const r = parseEdtf(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('agrees with the edtf package on every generated date', () => {
    const dateText = fc
      .tuple(
        fc.integer({ min: 1000, max: 2999 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        fc.integer({ min: 1, max: 31 }),
        fc.boolean(),
        fc.constantFrom('', '~', '?', '%'),
      )
      .map(([y, m, d, withDay, q]) => {
        const mm = m === undefined ? '' : `-${String(m).padStart(2, '0')}`;
        const dd = m !== undefined && withDay ? `-${String(d).padStart(2, '0')}` : '';
        return `${y}${mm}${dd}${q}`;
      });
    fc.assert(
      fc.property(dateText, (text) => {
        let oracle: { min: number; max: number } | null;
        try {
          oracle = edtfOracle(text);
        } catch {
          oracle = null;
        }
        const ours = parseEdtf(text);
        // The edtf package accepts 29 February in any year and rolls it over to 1 March
        // (2015-02-29 gives 2015-03-01); a calendar has no such day, so we reject it.
        const y = Number(text.slice(0, 4));
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        if (/^\d{4}-02-29/.test(text) && !leap) {
          expect(ours.ok).toBe(false);
          return;
        }
        expect(ours.ok).toBe(oracle !== null);
        if (ours.ok && oracle) {
          expect(ours.date.earliest).toBe(Math.floor(oracle.min / MS));
          expect(ours.date.latest).toBe(Math.floor(oracle.max / MS));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatEdtf', () => {
  it.each([
    ['2014-11-02', '2 November 2014'],
    ['2014-11', 'November 2014'],
    ['2014-09~', 'about September 2014'],
    ['2014', '2014'],
    ['2017?', '2017 (uncertain)'],
    ['2014-07%', 'about July 2014 (uncertain)'],
    ['..', 'date unknown'],
  ])('writes %s as "%s", never a false day', (text, expected) => {
    expect(formatEdtf(edtf(text))).toBe(expected);
  });
});

describe('day arithmetic', () => {
  it('round-trips ISO days, including years before 100', () => {
    for (const iso of ['1970-01-01', '2014-11-02', '2000-02-29', '0050-06-15', '1969-12-31']) {
      expect(dayToIso(isoToDay(iso) as number)).toBe(iso);
    }
    expect(isoToDay('2014-02-29')).toBeNull();
    expect(isoToDay('2014-11')).toBeNull();
    expect(dayOf(1970, 1, 1)).toBe(0);
  });

  it('dayOf agrees with Date.setUTCFullYear for every month of years -800 to 3200, overflow included', () => {
    const viaDate = (y: number, m: number, d: number): number => {
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      return Math.floor(t.getTime() / 86_400_000);
    };
    let checked = 0;
    for (let y = -800; y <= 3200; y += 7) {
      for (let m = -1; m <= 14; m++) {
        for (const d of [0, 1, 15, 28, 29, 30, 31, 32]) {
          expect(dayOf(y, m, d), `${y}-${m}-${d}`).toBe(viaDate(y, m, d));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(70_000);
  });

  it('moves by months and clamps to the month length', () => {
    expect(dayToIso(addMonths(isoToDay('2014-01-31') as number, 1))).toBe('2014-02-28');
    expect(dayToIso(addMonths(isoToDay('2014-11-02') as number, -12))).toBe('2013-11-02');
    expect(dayToIso(startOfMonth(isoToDay('2014-11-17') as number))).toBe('2014-11-01');
  });
});
