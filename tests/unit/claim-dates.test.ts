// Dates per claim: a relation spans what its asserting claims support, disagreement is uncertain, and the lens and "as known on" narrow it without rebuilding the index.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/io/validate';
import {
  OPEN_LENS,
  buildModel,
  compareDates,
  dateDisagreements,
  dayToIso,
  describeSupport,
  isoToDay,
  lensSpans,
  supportedDatesAsWritten,
  type Dataset,
  type Lens,
  type RelationSpan,
} from '../../src/model';
import { claimFilter } from '../../src/model/lens';
import { modelBuildCount, modelOf, selectSpans, selectVisible } from '../../src/store/selectors';
import { createViewStore } from '../../src/store/store';

const day = (iso: string): number => isoToDay(iso) as number;
const iso = (d: number): string => (Number.isFinite(d) ? dayToIso(d) : String(d));

const input = {
  format: 'tieline/1',
  title: 'Claim dates',
  relationTypes: [
    { id: 'split', label: 'Split', directed: true, kind: 'event' },
    { id: 'coop', label: 'Cooperation', directed: false, kind: 'state' },
  ],
  actors: [
    { id: 'x', name: 'X', aliases: [] },
    { id: 'y', name: 'Y', aliases: [] },
  ],
  sources: [
    { id: 'mid', title: 'Mid', published: '2014-11-15' },
    { id: 'early', title: 'Early', published: '2014-11-16' },
    { id: 'late', title: 'Late', published: '2015-04~' },
  ],
  originators: [{ id: 'ap', name: 'Associated Press' }],
  relations: [
    // Three sources date one split three ways: 2014 (the relation's own date), 2012 and April 2013.
    {
      id: 'split',
      type: 'split',
      source: 'x',
      target: 'y',
      start: '2014',
      claims: [
        { source: 'late', stance: 'asserts', locator: 'p 6' },
        { source: 'early', stance: 'asserts', locator: 'p 9', start: '2012', via: 'ap' },
        { source: 'mid', stance: 'asserts', locator: 'p 25', start: '2013-04' },
        { source: 'mid', stance: 'disputes', locator: 'p 26', start: '2010' },
      ],
    },
    // A cooperation one source (before it ended) reports with no end, another ends by April 2015.
    {
      id: 'coop',
      type: 'coop',
      source: 'x',
      target: 'y',
      start: '2014-09~',
      end: '2015-04~',
      claims: [
        { source: 'mid', stance: 'asserts', locator: 'p 20', end: null },
        { source: 'late', stance: 'asserts', locator: 'p 4' },
      ],
    },
  ],
};
const result = validateDataset(input);
if (!result.ok) throw new Error(JSON.stringify(result.issues));
const dataset: Dataset = result.dataset;
const model = buildModel(dataset);
const lens = (over: Partial<Lens>): Lens => ({ ...OPEN_LENS, ...over });
const span = (s: RelationSpan) => ({
  lo: iso(s.lo),
  hi: iso(s.hi),
  certainFrom: iso(s.certainFrom),
  certainUntil: iso(s.certainUntil),
});

describe('a relation whose sources date it differently', () => {
  it('spans the range of disagreement, uncertain until the latest date a source gives', () => {
    // Event window 30 days after the last day any source gives (31 December 2014).
    expect(span(model.index.spans[0]!)).toEqual({
      lo: '2012-01-01',
      hi: '2015-01-31',
      certainFrom: '2014-12-31',
      certainUntil: '2015-01-31',
    });
    // In view (drawn uncertain) in 2013, as the index answers: the index spans all claims.
    expect(model.index.activeAt(day('2013-06-01'))).toContain(0);
  });

  it('a dispute does not date the relation; a claim without dates takes the relation’s', () => {
    expect(model.index.activeAt(day('2011-06-01'))).not.toContain(0);
    expect(supportedDatesAsWritten(dataset.relations[0]!, 'event')).toBe(
      '2012; April 2013; 2014 (the sources differ)',
    );
  });

  it('the source filter narrows the span to what the kept claims support', () => {
    const spans = lensSpans(model, lens({ sources: ['late'] }));
    expect(span(spans[0]!)).toEqual({
      lo: '2014-01-01',
      hi: '2015-01-31',
      certainFrom: '2014-12-31',
      certainUntil: '2015-01-31',
    });
    const keep = claimFilter(model, lens({ sources: ['early', 'late'] }));
    expect(supportedDatesAsWritten(dataset.relations[0]!, 'event', keep)).toBe(
      '2012; 2014 (the sources differ)',
    );
  });

  it('as known on 15 November 2014 only the April 2013 date is known', () => {
    const known = lens({ knownOn: day('2014-11-15') });
    const spans = lensSpans(model, known);
    expect(span(spans[0]!)).toMatchObject({ lo: '2013-04-01', certainFrom: '2013-04-30' });
    expect(supportedDatesAsWritten(dataset.relations[0]!, 'event', claimFilter(model, known))).toBe(
      'April 2013',
    );
    // The next day Digital Journal's 2012 is known too.
    const next = lensSpans(model, lens({ knownOn: day('2014-11-16') }));
    expect(span(next[0]!)).toMatchObject({ lo: '2012-01-01', certainFrom: '2013-04-30' });
  });

  it('an end one source gives and another does not know of: the end stands, and as known before it there is none', () => {
    expect(span(model.index.spans[1]!)).toEqual({
      lo: '2014-09-01',
      hi: '2015-05-01',
      certainFrom: '2014-09-30',
      certainUntil: '2015-04-01',
    });
    const r = dataset.relations[1]!;
    expect(supportedDatesAsWritten(r)).toBe(
      'from about September 2014 to about April 2015; from about September 2014, no end reported (the sources differ)',
    );
    const known = claimFilter(model, lens({ knownOn: day('2014-11-20') }));
    expect(supportedDatesAsWritten(r, 'state', known)).toBe(
      'from about September 2014, no end reported',
    );
    // A lens never widens a span beyond what all claims support.
    expect(lensSpans(model, lens({ knownOn: day('2014-11-20') }))[1]!.hi).toBe(day('2015-05-01'));
  });

  it('the comparison of two dates follows the lens’s dates', () => {
    const a = day('2013-06-01');
    const b = day('2014-06-01');
    const all = compareDates(model, a, b, OPEN_LENS).filter((c) => c.ordinal === 0);
    expect(all).toEqual([]); // in view (uncertain) at both dates
    const late = compareDates(model, a, b, lens({ sources: ['late'] })).filter(
      (c) => c.ordinal === 0,
    );
    expect(late.map((c) => c.kind)).toEqual(['formed']);
  });
});

describe('dateDisagreements (the strips on the time bar)', () => {
  const statuses = model.statuses;
  const strips = (l: Lens) =>
    dateDisagreements(model, l, lensSpans(model, l), statuses).map((b) => [
      dataset.relations[b.ordinal]!.id,
      iso(b.from),
      iso(b.to),
    ]);
  it('covers the stretch the sources disagree over: the split’s start, the cooperation’s end', () => {
    expect(strips(OPEN_LENS)).toEqual([
      ['split', '2012-01-01', '2015-01-01'],
      ['coop', '2015-04-01', '2015-05-01'],
    ]);
  });
  it('is gone when the sources in view agree, and skips ties the lens hides', () => {
    expect(strips(lens({ sources: ['late'] }))).toEqual([]);
    expect(dateDisagreements(model, OPEN_LENS, model.index.spans, [null, null])).toEqual([]);
  });
});

describe('the view under a lens that narrows dates', () => {
  it('hides what the kept claims do not date there, without rebuilding the model or index', () => {
    const store = createViewStore();
    store.getState().loadDataset(dataset, 'test', { time: day('2013-06-01') });
    modelOf(store.getState());
    const builds = modelBuildCount();
    const index = modelOf(store.getState())!.index;
    expect(selectVisible(store.getState())).toContain(0);
    expect(selectSpans(store.getState())).toBe(index.spans);
    store.getState().setFacet('sources', ['late', 'mid']);
    expect(selectVisible(store.getState())).toContain(0); // Orton's April 2013
    store.getState().setFacet('sources', ['late']);
    expect(selectVisible(store.getState())).not.toContain(0);
    for (let k = 0; k < 400; k++) store.getState().stepTime(1);
    expect(dayToIso(store.getState().time)).toBe('2014-07-06');
    expect(selectVisible(store.getState())).toContain(0); // 2014 is Late's own date
    store.getState().setFacet('sources', null);
    store.getState().setKnownOn(day('2014-11-15'));
    // As known on 15 November 2014 only Mid's April 2013 dates it: gone in July 2014, there in April 2013.
    expect(selectVisible(store.getState())).not.toContain(0);
    store.getState().setTime(day('2013-04-15'));
    expect(selectVisible(store.getState())).toContain(0);
    expect(modelBuildCount()).toBe(builds);
    expect(modelOf(store.getState())!.index).toBe(index);
  });
});

describe('validation of claim fields', () => {
  const withClaim = (claim: Record<string, unknown>) => ({
    ...input,
    relations: [{ ...input.relations[0]!, claims: [claim] }],
  });
  it('rejects an unknown originator and a malformed claim date, and a claim ending before it starts', () => {
    const r = validateDataset(
      withClaim({
        source: 'mid',
        stance: 'asserts',
        locator: 'p',
        via: 'reuters',
        start: '2014-13',
      }),
    );
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([
      '$.relations[0].claims[0].via',
      '$.relations[0].claims[0].start',
    ]);
    const ends = validateDataset({
      ...input,
      relations: [
        {
          ...input.relations[1]!,
          claims: [{ source: 'mid', stance: 'asserts', locator: 'p', start: '2016' }],
        },
      ],
    });
    expect(ends.ok ? [] : ends.issues.map((i) => i.message)).toEqual([
      'ends (2015-04~) before it starts (2016)',
    ]);
  });
  it('accepts "qualifies" and rejects another stance', () => {
    expect(
      validateDataset(withClaim({ source: 'mid', stance: 'qualifies', locator: 'p' })).ok,
    ).toBe(true);
    const r = validateDataset(withClaim({ source: 'mid', stance: 'doubts', locator: 'p' }));
    expect(r.ok ? '' : r.issues[0]!.message).toBe(
      'stance must be "asserts", "disputes" or "qualifies"',
    );
  });
  it('still loads an older tieline/1 file without originators, claim dates or qualifies', () => {
    const old = {
      format: 'tieline/1',
      title: 'Old',
      relationTypes: [{ id: 't', label: 'T', directed: false, kind: 'state' }],
      actors: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      sources: [{ id: 's', title: 'S' }],
      relations: [
        {
          id: 'r',
          type: 't',
          source: 'a',
          target: 'b',
          start: '2014',
          claims: [{ source: 's', stance: 'asserts', locator: 'p 1' }],
        },
      ],
    };
    const r = validateDataset(old);
    expect(r.ok).toBe(true);
    if (r.ok) expect(buildModel(r.dataset).statuses).toEqual(['reported']);
  });
});

describe('the worked example of docs/dataset-format.md', () => {
  it('loads and reads as the text says: a disputed truce and a corroborated attack dated two ways', () => {
    const doc = readFileSync('docs/dataset-format.md', 'utf8');
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
    const r = validateDataset(JSON.parse(json));
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    const m = buildModel(r.dataset);
    expect(m.statuses).toEqual(['disputed', 'corroborated']);
    expect(describeSupport(r.dataset, r.dataset.relations[0]!.claims)).toBe(
      '1 report, 1 original (A News Agency); qualified by 1 source; disputed by 1 source',
    );
    expect(supportedDatesAsWritten(r.dataset.relations[1]!, 'event')).toBe(
      'November 2014; 2 November 2014 (the sources differ)',
    );
    expect(span(m.index.spans[1]!)).toMatchObject({ lo: '2014-11-01', certainFrom: '2014-11-30' });
  });
});
