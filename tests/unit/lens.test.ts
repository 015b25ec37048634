// The claims lens (filters, as known on) and the comparison of two dates, on hand-made data and on the bundled dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetText } from '../../src/io/validate';
import { datasetOf } from '../fixtures/dataset';
import {
  OPEN_LENS,
  buildModel,
  compareDates,
  facetCounts,
  isoToDay,
  lensStatuses,
  type Lens,
} from '../../src/model';

const day = (iso: string): number => isoToDay(iso) as number;
const a = (source: string, locator = 'p 1') => ({ source, stance: 'asserts', locator });
const d = (source: string, locator = 'p 2') => ({ source, stance: 'disputes', locator });

const dataset = datasetOf({
  format: 'tieline/1',
  title: 'Lens test',
  relationTypes: [
    { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
    { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
  ],
  actors: [
    { id: 'x', name: 'X', aliases: [], kind: 'group' },
    { id: 'y', name: 'Y', aliases: [], kind: 'group' },
    { id: 'g', name: 'G', aliases: [], kind: 'state' },
  ],
  sources: [
    { id: 'early', title: 'Early', published: '2014-11-10' },
    { id: 'doubter', title: 'Doubter', published: '2014-11-15' },
    { id: 'late', title: 'Late', published: '2015-04~' },
    { id: 'undated', title: 'Undated' },
  ],
  relations: [
    // A truce from about November 2014 (fuzzy start, open end): reported, then doubted, then corroborated.
    {
      id: 'truce',
      type: 'truce',
      source: 'x',
      target: 'y',
      start: '2014-11~',
      claims: [a('early'), d('doubter'), a('late')],
    },
    // An attack on a known day, reported by the doubter only.
    {
      id: 'attack',
      type: 'attack',
      source: 'x',
      target: 'g',
      start: '2014-11-02',
      claims: [a('doubter')],
    },
    // An old state relation with an open start, ended in 2014, from an undated source.
    {
      id: 'old',
      type: 'truce',
      source: 'y',
      target: 'g',
      start: '..',
      end: '2014',
      claims: [a('undated')],
    },
  ],
});
const model = buildModel(dataset);
const lens = (over: Partial<Lens>): Lens => ({ ...OPEN_LENS, ...over });
const byId = (statuses: (string | null)[]) =>
  Object.fromEntries(dataset.relations.map((r, i) => [r.id, statuses[i]]));

describe('lensStatuses', () => {
  it('keeps every status under the open lens', () => {
    expect(byId(lensStatuses(model, OPEN_LENS))).toEqual({
      truce: 'disputed',
      attack: 'reported',
      old: 'reported',
    });
  });

  it('recomputes status from the claims left by a source filter', () => {
    // Without the doubter, two sources assert the truce: corroborated; the attack loses its only claim.
    expect(byId(lensStatuses(model, lens({ sources: ['early', 'late', 'undated'] })))).toEqual({
      truce: 'corroborated',
      attack: null,
      old: 'reported',
    });
    // Only the doubter: nothing asserts the truce any more, so it is not shown.
    expect(byId(lensStatuses(model, lens({ sources: ['doubter'] }))).truce).toBeNull();
  });

  it('filters by status, type and actor kind', () => {
    expect(byId(lensStatuses(model, lens({ statuses: ['disputed'] })))).toEqual({
      truce: 'disputed',
      attack: null,
      old: null,
    });
    expect(byId(lensStatuses(model, lens({ types: ['attack'] })))).toEqual({
      truce: null,
      attack: 'reported',
      old: null,
    });
    expect(byId(lensStatuses(model, lens({ kinds: ['group'] })))).toEqual({
      truce: 'disputed',
      attack: null,
      old: null,
    });
  });

  it('as known on a date, counts only sources certainly published by then', () => {
    const at = (iso: string) => byId(lensStatuses(model, lens({ knownOn: day(iso) })));
    expect(at('2014-11-09')).toEqual({ truce: null, attack: null, old: 'reported' });
    expect(at('2014-11-10')).toEqual({ truce: 'reported', attack: null, old: 'reported' });
    expect(at('2014-11-15')).toEqual({ truce: 'disputed', attack: 'reported', old: 'reported' });
    // "2015-04~" is certainly out only from 30 April 2015.
    expect(at('2015-04-29').truce).toBe('disputed');
    expect(
      byId(lensStatuses(model, lens({ knownOn: day('2015-04-30'), sources: ['early', 'late'] })))
        .truce,
    ).toBe('corroborated');
  });

  it('counts what each filter option leaves', () => {
    const c = facetCounts(model, lens({ types: ['truce'] }));
    expect(c.total).toBe(2);
    expect(c.types.get('attack')).toBe(1);
    expect(c.types.get('truce')).toBe(2);
    expect(c.statuses.get('disputed')).toBe(1);
    expect(c.sources.get('doubter')).toBe(1);
    expect(c.sources.get('undated')).toBe(1);
    expect(c.kinds.get('state')).toBe(1);
  });
});

describe('compareDates', () => {
  it('finds ties formed and ended, with fuzzy starts and open-ended relations', () => {
    const changes = compareDates(model, day('2014-10-15'), day('2015-01-15'), OPEN_LENS);
    expect(changes.map((c) => [dataset.relations[c.ordinal]!.id, c.kind])).toEqual([
      ['truce', 'formed'], // about November 2014, no end: in view on 15 January 2015
      ['old', 'ended'], // ended in 2014 (its last day may be 31 December 2014)
    ]);
  });

  it('an event seen inside its window at B has formed', () => {
    const changes = compareDates(model, day('2014-11-01'), day('2014-11-20'), OPEN_LENS);
    expect(
      changes.find((c) => c.kind === 'formed' && dataset.relations[c.ordinal]!.id === 'attack'),
    ).toBeDefined();
  });

  it('finds a change of status as claims arrive between A and B', () => {
    const changes = compareDates(model, day('2014-11-12'), day('2014-11-20'), OPEN_LENS);
    const truce = changes.find((c) => dataset.relations[c.ordinal]!.id === 'truce');
    expect(truce).toMatchObject({ kind: 'changed', before: 'reported', after: 'disputed' });
  });

  it('is empty between equal dates', () => {
    expect(compareDates(model, day('2014-11-12'), day('2014-11-12'), OPEN_LENS)).toEqual([]);
  });
});

describe('the bundled IS–Nusra truce of early November 2014, as known on', () => {
  const r = readDatasetText(readFileSync('data/tieline.json', 'utf8'));
  if (!r.ok) throw new Error('bundled dataset invalid');
  const m = buildModel(r.dataset);
  const i = r.dataset.relations.findIndex((x) => x.id === 'is-nusra-truce-2014-11');
  const at = (iso: string, sources: string[] | null = null) =>
    lensStatuses(m, lens({ knownOn: day(iso), sources }))[i];

  it('is unknown before 15 November 2014, when none of the five sources was out', () => {
    expect(at('2014-11-14')).toBeNull();
  });
  it('on 15 November only Orton has published, and he doubts it: nothing asserts it yet, so it is not shown', () => {
    expect(at('2014-11-15')).toBeNull();
  });
  it('from 16 November Digital Journal relays the AP report: asserted and doubted, so disputed', () => {
    expect(at('2014-11-16')).toBe('disputed');
  });
  it("without Orton's doubt it is corroborated from 16 November: Digital Journal relays two originals, the AP and the Independent", () => {
    const all = r.dataset.sources.map((s) => s.id).filter((s) => s !== 'orton-2014-11-15');
    expect(at('2014-11-15', all)).toBeNull();
    expect(at('2014-11-16', all)).toBe('corroborated');
    // The April 2015 blog only qualifies it (an inference from a later agreement): no change.
    expect(at('2015-04-30', all)).toBe('corroborated');
    // The blog alone does not assert it: not shown.
    expect(at('2015-04-30', ['convergences-2015-04'])).toBeNull();
  });
});
