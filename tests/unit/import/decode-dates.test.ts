// Tests of the shared layers: byte decoding (BOM, UTF-16, cp1252, mojibake, CRLF), date reading, JSON errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBytes,
  decodeWindows1252,
  firstInvalidUtf8,
  repairMojibake,
} from '../../../src/io/import/decode';
import { detectDates, readDate, zonedToUtc } from '../../../src/io/import/dates';
import { jsonErrorOffset, jsonErrorPath } from '../../../src/io/json';

const text = (r: ReturnType<typeof decodeBytes>): string =>
  r.ok ? r.text : `ERROR ${r.issue.message}`;
const codes = (r: ReturnType<typeof decodeBytes>): string[] =>
  r.ok ? r.warnings.map((w) => w.code) : [];

describe('decodeBytes', () => {
  it('removes a BOM and converts CRLF and lone CR, with a warning each', () => {
    const r = decodeBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63]),
      'x.csv',
    );
    expect(text(r)).toBe('a\nb\nc');
    expect(codes(r)).toEqual(['bom', 'crlf']);
  });

  it('reads bytes that are not UTF-8 as windows-1252 and names the line of the first bad byte', () => {
    // "Caf\xe9\n\x93quoted\x94" in windows-1252.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0x0a, 0x93, 0x71, 0x94, 0x0a, 0xe9]);
    const r = decodeBytes(bytes, 'x.csv');
    expect(text(r)).toBe('Caf\n\u201cq\u201d\n\u00e9');
    expect(r.ok && r.warnings[0]).toMatchObject({ code: 'not-utf8', path: 'line 2' });
    expect(firstInvalidUtf8(bytes)).toBe(4);
    expect(decodeWindows1252(new Uint8Array([0x80, 0x81, 0x9f, 0xff]))).toBe(
      '\u20ac\u0081\u0178\u00ff',
    );
  });

  it('repairs UTF-8 read as windows-1252, and leaves real accents alone', () => {
    expect(
      repairMojibake(
        'O\u00e2\u20ac\u2122Brien, Ren\u00c3\u00a9e, \u00e2\u20ac\u0153hi\u00e2\u20ac\u009d',
      ),
    ).toEqual({
      text: 'O\u2019Brien, Ren\u00e9e, \u201chi\u201d',
      count: 4,
      firstAt: 1,
    });
    expect(repairMojibake('na\u00efve caf\u00e9 \u00c2ge S\u00e3o Paulo').count).toBe(0);
  });

  it('decodes UTF-16 with a BOM, and refuses binary files', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x19, 0x20]);
    expect(text(decodeBytes(le, 'x.csv'))).toBe('a\u2019');
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x20, 0x19]);
    expect(text(decodeBytes(be, 'x.csv'))).toBe('a\u2019');
    const png = decodeBytes(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'x.png',
    );
    expect(png.ok).toBe(false);
  });
});

describe('readDate', () => {
  it('reads each written form at its own precision', () => {
    const cases: [string, string][] = [
      ['2014', '2014'],
      ['2014-11', '2014-11'],
      ['2014-11-02', '2014-11-02'],
      ['2014-11-00', '2014-11'],
      ['2014-00-00', '2014'],
      ['2014-00', '2014'],
      ['2014-11~', '2014-11~'],
      ['201X', '201X'],
      ['..', '..'],
      ['2014/11/02', '2014-11-02'],
      ['2014-11-02Z', '2014-11-02'],
      ['2014-11-02T10:00', '2014-11-02'],
      ['2014-11-02T23:30:00-05:00', '2014-11-03'],
      ['2014-11-02 00:30:00+01:00', '2014-11-01'],
      ['11/2/2014', '2014-11-02'],
      ['11/2/14 3:45 PM', '2014-11-02'],
      ['1/1/30', '1930-01-01'],
      ['1/1/29', '2029-01-01'],
      ['850', '0850'],
      ['1995.5', '1995-07-02'],
      ['1082040961', '2004-04-15'],
      ['1082040961.999', '2004-04-15'],
      ['1082040961000', '2004-04-15'],
    ];
    for (const [input, edtf] of cases)
      expect([input, readDate(input)]).toEqual([input, { ok: true, edtf }]);
    expect(readDate('02.11.2014', { order: 'dmy' })).toEqual({ ok: true, edtf: '2014-11-02' });
  });

  it('says why a value is not a date', () => {
    for (const bad of [
      '2014-13',
      '2014-02-30',
      '31/31/2014',
      'yesterday',
      '1e308',
      '2014-11-02T25:00',
    ]) {
      expect([bad, readDate(bad).ok]).toEqual([bad, false]);
    }
    expect(readDate('2014', { numberUnit: 'unix-seconds' })).toEqual({
      ok: true,
      edtf: '1970-01-01',
    });
  });

  it('finds the wall time of a zone, across daylight saving time', () => {
    const la = (iso: string): string =>
      new Date(zonedToUtc(Date.parse(`${iso}Z`), 'America/Los_Angeles')).toISOString();
    expect(la('2012-01-12T15:00:00')).toBe('2012-01-12T23:00:00.000Z');
    expect(la('2012-07-01T17:30:00')).toBe('2012-07-02T00:30:00.000Z');
    expect(la('2012-03-11T02:30:00')).toBe('2012-03-11T10:30:00.000Z'); // in the spring gap: 03:30 PDT
    expect(la('2012-11-04T01:30:00')).toBe('2012-11-04T08:30:00.000Z'); // twice in the fall: the first, PDT
    expect(la('2012-03-11T05:00:00')).toBe('2012-03-11T12:00:00.000Z'); // just after the change
  });

  it('detects the number unit, the D/M/Y order and ambiguity over a column', () => {
    expect(detectDates(['1999', '2003'])).toMatchObject({ numberUnit: 'year', plausible: true });
    expect(detectDates(['1', '2', '3'])).toMatchObject({ numberUnit: 'year', plausible: false });
    expect(detectDates(['1082040961'])).toMatchObject({
      numberUnit: 'unix-seconds',
      plausible: true,
    });
    expect(detectDates(['01/02/2014', '03/04/2014'])).toMatchObject({
      ambiguous: true,
      order: 'mdy',
    });
    expect(detectDates(['01.02.2014', '03.04.2014'])).toMatchObject({
      ambiguous: true,
      order: 'dmy',
    });
    expect(detectDates(['01/01/2014', '02/02/2014'])).toMatchObject({ ambiguous: false });
    expect(detectDates(['01/02/2014', '13/02/2014'])).toMatchObject({
      ambiguous: false,
      order: 'dmy',
    });
    expect(detectDates(['01/02/2014', '01/13/2014'])).toMatchObject({
      ambiguous: false,
      order: 'mdy',
    });
    expect(detectDates(['13/02/2014', '01/13/2014'])).toMatchObject({ conflicting: true });
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on valid JSON and on every truncation of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const json = JSON.stringify(value, null, cut % 3);
        expect(jsonErrorOffset(json)).toBe(-1);
        const t = json.slice(0, cut % (json.length + 1));
        let parses = true;
        try {
          JSON.parse(t);
        } catch {
          parses = false;
        }
        expect(jsonErrorOffset(t) === -1).toBe(parses);
      }),
      { numRuns: 300 },
    );
  });

  it('points at the offending character, even 10,000 levels deep', () => {
    expect(jsonErrorPath('{\n  "a": [1, 2,]\n}')).toBe('line 2, column 14');
    expect(jsonErrorPath('{"a": tru}')).toBe('line 1, column 7');
    expect(jsonErrorPath('[1, 2')).toBe('line 1, column 6 (end of file)');
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(jsonErrorOffset(deep)).toBe(-1);
    expect(jsonErrorOffset(deep + ']')).toBe(20_000);
  });
});
