// Tests of the CSV/TSV/space-separated importer on CollegeMsg (real) and hand-written files with known quirks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBuffer, importCsv, inspectCsv } from '../../../src/io/import';
import { bytes, failed, fixture, ok, warning, warningCounts } from './helpers';

const COLLEGE_MSG = path.resolve(process.cwd(), '../shared/data/CollegeMsg.txt');

describe('CollegeMsg (SNAP, space-separated, Unix seconds)', () => {
  it('suggests src/dst/time from the header and reads the time as Unix seconds', () => {
    const text = new TextDecoder().decode(fixture('collegemsg-head.txt'));
    const r = inspectCsv(text, 'collegemsg-head.txt');
    if (!r.ok) return expect.fail(JSON.stringify(r.issues));
    expect(r.delimiter).toBe(' ');
    expect(r.hasHeader).toBe(true);
    expect(r.columns.map((c) => [c.name, c.role])).toEqual([
      ['src', 'source'],
      ['dst', 'target'],
      ['time', 'start'],
    ]);
    expect(r.mapping).toMatchObject({ source: 0, target: 1, start: 2, directed: true });
    expect(r.columns[2]?.date?.numberUnit).toBe('unix-seconds');
    expect(r.ambiguous).toBe(false);
    expect(r.rows).toBe(2000);
  });

  it('imports the committed head with exact counts', () => {
    // Numbers read from the file with awk, independently of the importer:
    //   awk 'NR>1' collegemsg-head.txt | wc -l                         → 2000 data lines
    //   awk 'NR>1 && seen[$0]++ {print NR}' collegemsg-head.txt        → 968 (one exact duplicate row)
    //   → 2000 − 1 = 1999 relations
    //   awk 'NR>1 {print $1; print $2}' collegemsg-head.txt | sort -u | wc -l → 333 ids
    //   awk 'NR>1 {print $3}' … | sort -n | sed -n '1p;$p' → 1082040961, 1083059913
    //   python3 datetime.fromtimestamp(t, timezone.utc) → 2004-04-15, 2004-04-27
    const r = ok(importBuffer('collegemsg-head.txt', fixture('collegemsg-head.txt')));
    expect(r.format).toBe('csv');
    expect(r.stats).toEqual({
      actors: 333,
      relations: 1999,
      first: '2004-04-15',
      last: '2004-04-27',
    });
    expect(r.dataset.relationTypes).toEqual([
      { id: 'tie', label: 'Tie', directed: true, kind: 'event', sign: 'neutral' },
    ]);
    expect(warningCounts(r)).toEqual({ 'numeric-time': 1, 'duplicate-row': 1, 'numeric-ids': 333 });
    expect(warning(r, 'duplicate-row').path).toBe('line 968');
    const first = r.dataset.relations[0];
    expect(first).toMatchObject({ id: 'line-2', source: '1', target: '2', start: '2004-04-15' });
    expect(first?.end).toBeUndefined();
    expect(first?.claims).toEqual([{ source: 'import', stance: 'asserts', locator: 'line 2' }]);
    expect(r.dataset.sources).toEqual([
      { id: 'import', title: 'collegemsg-head.txt', document: 'collegemsg-head.txt' },
    ]);
    expect(r.dataset.actors[0]).toMatchObject({ id: '1', name: '1' });
  });

  // Speed is measured by `npm run bench`, not asserted here (about 0.5 s warm on this machine).
  it('imports the whole file (59,835 rows) with exact counts and steady progress', () => {
    if (!existsSync(COLLEGE_MSG)) {
      expect.fail(`${COLLEGE_MSG} is missing: CI checks out shared/ beside the repository`);
    }
    // Numbers read from the file with awk, independently of the importer:
    //   awk 'NR>1' CollegeMsg.txt | wc -l                              → 59835 data lines
    //   awk 'NR>1 && seen[$0]++' CollegeMsg.txt | wc -l                → 37 extra copies of earlier rows
    //     (awk 'NR>1' | sort | uniq -d | wc -l gives 36: "3 800 1097971961" occurs three times)
    //   awk 'NR>1' CollegeMsg.txt | sort -u | wc -l                    → 59798 relations (= 59835 − 37)
    //   awk 'NR>1 {print $1; print $2}' CollegeMsg.txt | sort -u | wc -l → 1899 actors
    //   awk 'NR>1 && $1==$2' CollegeMsg.txt | wc -l                    → 0 self-loops
    //   min/max of $3: 1082040961, 1098777142 → UTC days 2004-04-15, 2004-10-26 (python datetime)
    const data = readFileSync(COLLEGE_MSG);
    const calls: [number, number][] = [];
    const r = ok(
      importBuffer('CollegeMsg.txt', data, {}, (done, total) => calls.push([done, total])),
    );
    expect(r.stats).toEqual({
      actors: 1899,
      relations: 59798,
      first: '2004-04-15',
      last: '2004-10-26',
    });
    expect(warningCounts(r)).toEqual({
      'numeric-time': 1,
      'duplicate-row': 37,
      'numeric-ids': 1899,
    });
    expect(warning(r, 'duplicate-row').path).toBe('line 968');
    expect(r.dataset.relationTypes).toEqual([
      { id: 'tie', label: 'Tie', directed: true, kind: 'event', sign: 'neutral' },
    ]);
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.every(([, total]) => total === data.length)).toBe(true);
    const dones = calls.map(([done]) => done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(dones.at(-1)).toBe(data.length);
    // No gap over 5% of the file between two reports.
    const gaps = dones.slice(1).map((d, i) => d - (dones[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(data.length * 0.05);
  });
});

describe('quirks of hand-made spreadsheets', () => {
  // BOM, CRLF, a duplicate row, a value with a trailing space, a self-loop, cp1252 mojibake, a partial
  // date (YYYY-MM-00 → month), an open end, and markup in a name that must stay plain text.
  const file =
    '\uFEFFsource,target,relation,start,end\r\n' +
    'Alice,Bob,allied with,2014-03-00,2014-06\r\n' +
    'Alice,Bob,allied with,2014-03-00,2014-06\r\n' +
    'Bob ,Carol,attacked,2014-11-02,\r\n' +
    'Carol,Carol,allied with,2015,2016\r\n' +
    'O\u00e2\u20ac\u2122Brien,<img src=x onerror=alert(1)>,allied with,2016,\r\n';

  it('imports with one warning per quirk', () => {
    const r = ok(importBuffer('ties.csv', bytes(file)));
    expect(warningCounts(r)).toEqual({
      bom: 1,
      mojibake: 1,
      crlf: 6,
      'duplicate-row': 1,
      trimmed: 1,
      'self-loop': 1,
      'missing-end': 2,
    });
    expect(warning(r, 'duplicate-row').path).toBe('line 3');
    expect(warning(r, 'trimmed').path).toBe('line 4');
    expect(warning(r, 'self-loop').path).toBe('line 5');
    expect(r.dataset.actors.map((a) => a.name)).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'O\u2019Brien',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(r.dataset.relationTypes).toEqual([
      {
        id: 'allied-with',
        label: 'Allied with',
        directed: true,
        kind: 'state',
        sign: 'cooperative',
        lasts: 'as-dated',
      },
      {
        id: 'attacked',
        label: 'Attacked',
        directed: true,
        kind: 'state',
        sign: 'hostile',
        lasts: 'as-dated',
      },
    ]);
    expect(r.dataset.relations.map((x) => [x.id, x.start, x.end])).toEqual([
      ['line-2', '2014-03', '2014-06'],
      ['line-4', '2014-11-02', null],
      ['line-5', '2015', '2016'],
      ['line-6', '2016', null],
    ]);
    expect(r.stats).toEqual({ actors: 5, relations: 4, first: '2014-03-01', last: '2016-12-31' });
  });

  it('keeps unmapped columns as attributes and maps summary, place and count', () => {
    const r = ok(
      importCsv(
        'from,to,date,place,count,notes,colour\nA,B,2014,Raqqa,65,met,red\nA,C,2015,,x,,\n',
        'x.csv',
      ),
    );
    expect(r.dataset.relations[0]).toMatchObject({ place: 'Raqqa', count: 65, summary: 'met' });
    expect((r.dataset.relations[0] as unknown as { attributes: unknown }).attributes).toEqual({
      colour: 'red',
    });
    expect((r.dataset.relations[1] as unknown as { attributes: unknown }).attributes).toEqual({
      count: 'x',
    });
  });

  it('drops rows without a source or target, and rows that end before they start', () => {
    const r = ok(
      importCsv('source,target,start,end\nA,B,2014,2015\nA,,2014,\nB,C,2016,2015\n', 'x.csv'),
    );
    expect(r.stats.relations).toBe(1);
    expect(warning(r, 'skipped-row')).toMatchObject({ count: 1, path: 'line 3' });
    expect(warning(r, 'end-before-start')).toMatchObject({ count: 1, path: 'line 4' });
  });

  it('renames repeated relation ids from an id column the user maps', () => {
    const r = ok(
      importCsv('id,source,target\nr1,A,B\nr1,B,C\n', 'x.csv', {
        source: 'source',
        target: 'target',
        id: 'id',
      }),
    );
    expect(r.dataset.relations.map((x) => x.id)).toEqual(['r1', 'r1 (2)']);
    expect(warning(r, 'duplicate-id')).toMatchObject({ count: 1, path: 'line 3' });
  });

  it('makes undirected types when asked', () => {
    const r = ok(importCsv('a,b\nx,y\n', 'x.csv', { source: 'a', target: 'b', directed: false }));
    expect(r.dataset.relationTypes[0]?.directed).toBe(false);
    expect(warning(r, 'untimed').count).toBe(1);
  });
});

describe('delimiters, headers and quoting', () => {
  it('detects tabs, semicolons and pipes', () => {
    for (const d of ['\t', ';', '|']) {
      const r = inspectCsv(
        ['source', 'target', 'date'].join(d) + '\n' + ['a', 'b', '2014'].join(d) + '\n',
      );
      expect(r.ok && r.delimiter).toBe(d);
    }
  });

  it('keeps delimiters and line breaks inside quotes, and counts lines across them', () => {
    const r = ok(
      importCsv('source;target;note\n"Smith; J.";B;"two\nlines"\nC;D;x\nC;C;y\n', 'x.csv'),
    );
    expect(r.dataset.actors[0]?.name).toBe('Smith; J.');
    expect(r.dataset.relations[0]?.summary).toBe('two\nlines');
    // The second row starts on line 4 because the quoted note spans lines 2–3.
    expect(r.dataset.relations[1]?.claims[0]?.locator).toBe('line 4');
    expect(warning(r, 'self-loop').path).toBe('line 5');
  });

  it('guesses that a first row of names over numbers is a header, and that numbers are not', () => {
    const a = inspectCsv('ego,alter,when\n1,2,1082040961\n');
    expect(a.ok && a.hasHeader).toBe(true);
    const b = inspectCsv('1,2,1082040961\n3,4,1082155839\n');
    expect(b.ok && [b.hasHeader, b.mapping.source, b.mapping.target, b.mapping.start]).toEqual([
      false,
      0,
      1,
      2,
    ]);
    const c = inspectCsv('Anna,Ben,1999\nCarl,Dora,2001\n');
    expect(c.ok && c.hasHeader).toBe(false);
  });

  it('skips leading comment lines (SNAP, KONECT)', () => {
    const r = ok(importCsv('# Directed graph\n% konect\n1\t2\n2\t3\n', 'x.tsv'));
    expect(r.dataset.relations[0]?.claims[0]?.locator).toBe('line 3');
  });

  it('fails with the line of an unclosed quote', () => {
    const r = failed(importCsv('source,target\nA,B\n"C,D\nE,F\n', 'x.csv'));
    expect(r.issues[0]?.path).toBe('line 3');
    expect(r.issues[0]?.message).toMatch(/never closed/);
  });

  it('fails when there are no edge columns, saying what the file needs', () => {
    const r = failed(importBuffer('names.csv', bytes('name\nAlice\nBob\n')));
    expect(r.issues[0]?.path).toBe('line 1');
    expect(r.issues[0]?.message).toMatch(/source and a target column/);
    const m = failed(importCsv('a,b\nx,y\n', 'x.csv', { source: 'a', target: 'nope' }));
    expect(m.issues[0]?.message).toMatch(/"nope" is not in the file/);
  });

  it('reads an actors file for names, kinds and attributes', () => {
    const actors = {
      name: 'actors.csv',
      text: 'id,name,kind,country\n1,Islamic State,group,IQ\n2,Nusra,group,SY\n',
    };
    const r = ok(importCsv('source,target\n1,2\n2,3\n', 'ties.csv', {}, { actors }));
    expect(r.dataset.actors.map((a) => [a.id, a.name, a.kind])).toEqual([
      ['1', 'Islamic State', 'group'],
      ['2', 'Nusra', 'group'],
      ['3', '3', 'actor'],
    ]);
    expect((r.dataset.actors[0] as unknown as { attributes: unknown }).attributes).toEqual({
      country: 'IQ',
    });
    expect(warning(r, 'unknown-actor')).toMatchObject({ count: 1, path: 'line 3' });
    expect(warning(r, 'numeric-ids').count).toBe(1);
  });
});

describe('dates', () => {
  const ambiguous = 'source,target,date\nA,B,03/04/2014\nB,C,05/06/2014\nC,A,07/07/2014\n';

  it('reports D/M/Y vs M/D/Y ambiguity with examples from the file', () => {
    const r = inspectCsv(ambiguous);
    if (!r.ok) return expect.fail();
    expect(r.ambiguous).toBe(true);
    expect(r.examples).toEqual(['03/04/2014', '05/06/2014']);
    expect(r.mapping.dateOrder).toBeUndefined();
  });

  it('reads ambiguous dates month-first with a warning, or in the order the user chose', () => {
    const a = ok(importCsv(ambiguous, 'x.csv'));
    expect(a.dataset.relations.map((x) => x.start)).toEqual([
      '2014-03-04',
      '2014-05-06',
      '2014-07-07',
    ]);
    expect(warning(a, 'ambiguous-dates').message).toContain('"03/04/2014"');
    const b = ok(importCsv(ambiguous, 'x.csv', { dateOrder: 'dmy' }));
    expect(b.dataset.relations.map((x) => x.start)).toEqual([
      '2014-04-03',
      '2014-06-05',
      '2014-07-07',
    ]);
    expect(b.warnings.some((w) => w.code === 'ambiguous-dates')).toBe(false);
  });

  it('settles the order when one value only fits one way', () => {
    const text = 'source,target,date\nA,B,03/04/2014\nB,C,25/12/2014\n';
    const i = inspectCsv(text);
    expect(i.ok && [i.ambiguous, i.mapping.dateOrder]).toEqual([false, 'dmy']);
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.relations.map((x) => x.start)).toEqual(['2014-04-03', '2014-12-25']);
  });

  it('follows the order most values need, and skips the rows that need the other', () => {
    const r = ok(
      importCsv('source,target,date\nA,B,25/12/2014\nB,C,12/25/2014\nC,D,31/01/2015\n', 'x.csv'),
    );
    expect(r.dataset.relations.map((x) => x.start)).toEqual(['2014-12-25', '2015-01-31']);
    expect(warning(r, 'unreadable-date')).toMatchObject({ count: 1, path: 'line 3, column 3' });
  });

  it('reads years, two-digit years, fractional Unix seconds, ISO date-times and EDTF', () => {
    const r = ok(
      importCsv(
        'source,target,start,end\n' +
          'A,B,3/15/99,1/2/05\n' +
          'A,C,1999,2001~\n' +
          'A,D,2014-11-02T23:30:00-05:00,2014-XX\n' +
          'A,E,2014-00-00,..\n',
        'x.csv',
      ),
    );
    expect(r.dataset.relations.map((x) => [x.start, x.end])).toEqual([
      ['1999-03-15', '2005-01-02'],
      ['1999', '2001~'],
      ['2014-11-03', '2014-XX'],
      ['2014', null],
    ]);
    expect(warning(r, 'two-digit-year').count).toBe(1);
    const u = ok(importCsv('s,t,timestamp\nA,B,1082040961.75\nB,C,1098777142\n', 'x.csv'));
    expect(u.dataset.relations.map((x) => x.start)).toEqual(['2004-04-15', '2004-10-26']);
  });

  it('merges relations repeated once a year into intervals, unless told not to', () => {
    const text =
      'source,target,type,year\nA,B,ally,2001\nA,B,ally,2002\nA,B,ally,2003\nA,B,ally,2005\nA,C,ally,2001\n';
    const plain = ok(importCsv(text, 'x.csv', { mergeYearly: false }));
    expect(plain.stats.relations).toBe(5);
    // year,source,target,type is a yearly dyad table: its types are states that hold through each year.
    expect(plain.dataset.relationTypes[0]?.kind).toBe('state');
    const merged = ok(importCsv(text, 'x.csv', { mergeYearly: true }));
    expect(
      merged.dataset.relations.map((x) => [
        x.source,
        x.target,
        x.start,
        x.end,
        x.claims[0]?.locator,
      ]),
    ).toEqual([
      ['A', 'B', '2001', '2003', 'lines 2, 3, 4'],
      ['A', 'B', '2005', '2005', 'line 5'],
      ['A', 'C', '2001', '2001', 'line 6'],
    ]);
    expect(merged.dataset.relationTypes[0]?.kind).toBe('state');
    expect(warning(merged, 'merged-yearly').count).toBe(3);
  });
});
