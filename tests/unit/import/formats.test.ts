// Known table formats, imported as an untouched dialog would (no mapping): counts, names, type labels, dates, warnings.
import { describe, expect, it } from 'vitest';
import { importBuffer, inspectBuffer, type ImportOptions } from '../../../src/io/import';
import { cameoLabel } from '../../../src/io/import/cameo';
import { GDELT1_FIELDS, GDELT2_FIELDS } from '../../../src/io/import/formats';
import { failed, fixture, ok, warning, warningCounts } from './helpers';

const KEY = { name: 'mmp-key.csv', buffer: fixture('formats/mmp-key.csv') };
function load(name: string, options: ImportOptions = {}) {
  return ok(importBuffer(name, fixture(`formats/${name}`), options));
}
const labels = (r: ReturnType<typeof load>): string[] =>
  r.dataset.relationTypes.map((t) => t.label).sort();

describe('Mapping Militant Organizations: relations table and key file', () => {
  it('is recognised by its columns and says so', () => {
    const i = inspectBuffer('mmp-relations.csv', fixture('formats/mmp-relations.csv'));
    if (!i.ok || i.format !== 'csv') expect.fail('not inspected as CSV');
    expect(i.known?.id).toBe('mmp');
    expect(i.flags).toEqual([]);
  });

  it('names every group from group1_name / group2_name, even without the key file', () => {
    const r = load('mmp-relations.csv');
    expect(r.stats).toEqual({ actors: 36, relations: 60, first: '2003-01-01', last: '2018-12-31' });
    const names = r.dataset.actors.map((a) => a.name);
    expect(names).toContain('Kata’ib Hezbollah');
    expect(names.some((n) => /^\d+$/.test(n))).toBe(false);
    expect(labels(r)).toEqual(['Affiliation', 'Alliance', 'Merger', 'Rivalry', 'Split']);
    expect(warning(r, 'repaired-text').count).toBe(11);
  });

  it('reads the key (BOM, trailing empty column) without making its header an actor', () => {
    const r = load('mmp-relations.csv', { actors: KEY });
    expect(r.stats.actors).toBe(36);
    expect(r.dataset.actors.some((a) => a.name === 'group_id' || a.id === 'group_id')).toBe(false);
    expect(r.dataset.actors.find((a) => a.id === '104')?.name).toBe('Kata’ib Hezbollah');
    expect(r.warnings.some((w) => /Add an actors file/.test(w.message))).toBe(false);
    expect(r.warnings.map((w) => w.code)).not.toContain('unknown-actor');
  });

  it('gives the types the contract defaults: states last until superseded, events in the same family', () => {
    const r = load('mmp-relations.csv');
    const t = Object.fromEntries(r.dataset.relationTypes.map((x) => [x.label, x]));
    expect(t.Alliance).toMatchObject({
      kind: 'state',
      lasts: 'until-superseded',
      family: 'relationship',
      sign: 'cooperative',
    });
    expect(t.Rivalry).toMatchObject({ kind: 'state', lasts: 'until-superseded', sign: 'hostile' });
    expect(t.Affiliation).toMatchObject({
      kind: 'state',
      lasts: 'until-superseded',
      sign: 'cooperative',
    });
    expect(t.Split).toMatchObject({ kind: 'event', family: 'relationship', sign: 'hostile' });
    expect(t.Merger).toMatchObject({ kind: 'event', family: 'relationship', sign: 'cooperative' });
    // A state with no reported end stays open, without a "missing end" warning for each.
    expect(r.warnings.map((w) => w.code)).not.toContain('missing-end');
  });

  it('warns clearly when the key names ids the table lacks, keeping them', () => {
    const r = load('mmp-relations.csv', {
      actors: { name: 'mmp-key-extra.csv', buffer: fixture('formats/mmp-key-extra.csv') },
    });
    const w = warning(r, 'unused-actors');
    expect(w.count).toBe(2);
    expect(w.message).toMatch(/"901", "902"/);
    expect(r.stats.actors).toBe(38);
  });
});

describe('UCDP-style yearly dyad table', () => {
  it('merges the yearly repeats into spans by default, counting them', () => {
    const i = inspectBuffer('ucdp-yearly.csv', fixture('formats/ucdp-yearly.csv'));
    if (!i.ok || i.format !== 'csv') expect.fail('not inspected as CSV');
    expect(i.mapping.mergeYearly).toBe(true);
    expect(i.repeats).toBe(34);
    const r = load('ucdp-yearly.csv');
    expect(r.stats).toEqual({ actors: 12, relations: 9, first: '1990-01-01', last: '2019-12-31' });
    expect(labels(r)).toEqual(['Conflict', 'Rivalry']);
    expect(warning(r, 'merged-yearly').count).toBe(42);
    const aa = r.dataset.relations.filter((x) => x.source === 'Armenia');
    expect(aa.map((x) => [x.start, x.end])).toEqual([
      ['1991', '1994'],
      ['2016', '2016'],
    ]);
  });
});

describe('ACLED export', () => {
  it('types by sub_event_type under event_type, with notes, sources, fatalities and precision', () => {
    const r = load('acled-nigeria.csv');
    expect(r.stats).toEqual({ actors: 10, relations: 40, first: '2023-01-01', last: '2023-03-31' });
    expect(labels(r)).toContain('Armed clash');
    const clash = r.dataset.relationTypes.find((t) => t.label === 'Armed clash');
    expect(clash).toMatchObject({ kind: 'event', family: 'Battles', sign: 'hostile' });
    const first = r.dataset.relations[0];
    expect(first?.summary).toMatch(/^On 21 January 2023/);
    expect(first?.weight).toBe(18);
    expect(first?.claims.map((c) => c.source)).toEqual(['src-premium-times', 'src-humangle']);
    expect(r.dataset.relations.some((x) => x.start.endsWith('~'))).toBe(true);
    expect(r.dataset.relations.some((x) => /^\d{4}-\d{2}$/.test(x.start))).toBe(true);
  });

  it('keeps one-sided events as the actor’s own events, warned once', () => {
    const r = load('acled-nigeria.csv');
    expect(warning(r, 'one-sided').count).toBe(2);
    expect(r.warnings.map((w) => w.code)).not.toContain('self-loop');
    const protests = r.dataset.relations.filter((x) => x.source === x.target);
    expect(protests.every((x) => x.source === 'Protesters (Nigeria)')).toBe(true);
  });

  it('adds associated actors as "Acted with" ties only when asked', () => {
    const r = load('acled-nigeria.csv', { csv: { associates: true } });
    expect(labels(r)).toContain('Acted with');
    expect(r.dataset.actors.map((a) => a.name)).toContain('Labour Group (Nigeria)');
  });
});

describe('GDELT event files (tab-separated, no header)', () => {
  it('knows the field lists: 57/58 fields in 1.0, 61 in 2.0', () => {
    expect(GDELT1_FIELDS).toHaveLength(58);
    expect(GDELT1_FIELDS[57]).toBe('SOURCEURL');
    expect(GDELT2_FIELDS).toHaveLength(61);
    expect(GDELT2_FIELDS[26]).toBe('EventCode');
  });

  for (const [file, fields, first, last, claims] of [
    ['201303.csv', 57, '2013-04-01', '2013-04-09', 1],
    ['20130401.export.CSV', 58, '2013-04-01', '2013-04-09', 49],
    ['20150402153000.export.CSV', 61, '2015-04-01', '2015-04-09', 62],
  ] as const) {
    it(`${file} (${fields} fields): CAMEO types named, one relation per event with a claim per story`, () => {
      const r = load(file);
      expect(r.stats).toEqual({ actors: 7, relations: 30, first, last });
      const visit = r.dataset.relationTypes.find((t) => t.id === '042');
      if (visit)
        expect(visit).toMatchObject({ label: 'Visits', sign: 'cooperative', family: 'Consult' });
      const fight = r.dataset.relationTypes.find((t) => t.id === '190');
      if (fight) expect(fight).toMatchObject({ sign: 'hostile', family: 'Fight' });
      expect(r.dataset.relationTypes.every((t) => !/^\d+$/.test(t.label))).toBe(true);
      expect(r.dataset.actors.map((a) => a.name)).toContain('UNITED STATES');
      expect(r.dataset.relations.every((x) => typeof x.weight === 'number')).toBe(true);
      const claimCount = r.dataset.relations.reduce((n, x) => n + x.claims.length, 0);
      expect(fields === 57 ? r.dataset.sources.length : claimCount).toBe(claims);
      expect(warning(r, 'merged-reports').count).toBeGreaterThan(0);
    });
  }

  it('labels CAMEO codes with their leading zeros, and 4-digit codes by their parent', () => {
    expect(cameoLabel('042')).toBe('Visits');
    expect(cameoLabel('42')).toBe('Visits');
    expect(cameoLabel('0311')).toMatch(/^Intends material cooperation/);
    expect(cameoLabel('19')).toBe('Fight');
    expect(cameoLabel('999')).toBeNull();
  });
});

describe('ICEWS events', () => {
  it('reads NA as missing, CAMEO types, Intensity as weight and sign, Publisher as claims', () => {
    const r = load('icews-2014.tab');
    expect(r.stats).toEqual({ actors: 6, relations: 25, first: '2014-03-01', last: '2014-03-20' });
    expect(warning(r, 'missing-values').count).toBe(179);
    const arrest = r.dataset.relationTypes.find((t) => t.id === '173');
    expect(arrest).toMatchObject({ label: 'Arrests or detains', sign: 'hostile' });
    expect(r.dataset.sources.map((s) => s.title)).toContain('Interfax');
    expect(r.dataset.sources.map((s) => s.title)).not.toContain('NA');
    expect(warning(r, 'merged-reports').count).toBe(8);
  });
});

describe('broken forms of these shapes', () => {
  it('a truncated last row is skipped with its line, nothing else lost', () => {
    const r = load('acled-truncated.csv');
    expect(r.stats.relations).toBe(39);
    expect(warning(r, 'ragged-rows').path).toBe('line 41');
    expect(warning(r, 'skipped-row').path).toBe('line 41');
  });

  it('ragged rows are read with a located warning', () => {
    const r = load('ragged.csv');
    expect(r.stats.relations).toBe(4);
    expect(warning(r, 'ragged-rows')).toMatchObject({ count: 3, path: 'line 3' });
  });

  it('NA everywhere fails with a located error that says why', () => {
    const r = failed(importBuffer('icews-na.tab', fixture('formats/icews-na.tab')));
    expect(r.issues[0]?.path).toBe('line 2');
    expect(r.issues[0]?.message).toMatch(/"NA"/);
  });

  it('the warnings of a clean known file are only those a reader needs', () => {
    expect(warningCounts(load('ucdp-yearly.csv'))).toEqual({ 'merged-yearly': 42 });
  });
});
