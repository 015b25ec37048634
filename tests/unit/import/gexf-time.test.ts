// GEXF time beyond spells: dates in attributes (day/month order detected) and integer time steps.
import { describe, expect, it } from 'vitest';
import { importBuffer, importGexf, inspectGexf } from '../../../src/io/import';
import { isSteps } from '../../../src/io/import/gexf-time';
import { buildModel, datesAsWritten, edtf, formatDateIn, formatTime } from '../../../src/model';
import { fixture, ok, warningCounts } from './helpers';

const text = (name: string): string => new TextDecoder().decode(fixture(name));

describe('attribute-dates.gexf (edges dated only by "start date" / "end date" attributes, day first)', () => {
  const r = ok(importBuffer('attribute-dates.gexf', fixture('attribute-dates.gexf')));

  it('offers the date attributes and chooses start and end, day first, because elements carry no time', () => {
    const i = inspectGexf(text('attribute-dates.gexf'));
    if (!i.ok) return expect.fail(JSON.stringify(i.issues));
    expect(i.elementsTimed).toBe(false);
    expect(i.timeCandidates.map((c) => c.key)).toEqual(['edge:1', 'edge:2', 'node:0']);
    expect(i.suggestedTime).toEqual({
      startAttribute: 'edge:1',
      endAttribute: 'edge:2',
      dateOrder: 'dmy',
    });
  });

  it('imports every actor by name, readable types, the right date range and warnings', () => {
    expect(r.stats).toEqual({
      actors: 6,
      relations: 8,
      first: '1812-03-15',
      last: '1872-11-29',
    });
    expect(r.dataset.actors.map((a) => a.name)).toContain('Ada Byron');
    expect(r.dataset.relationTypes.map((t) => [t.label, t.sign])).toEqual([
      ['Friendship', 'cooperative'],
      ['Support', 'cooperative'],
      ['Rivalry', 'hostile'],
    ]);
    const e5 = r.dataset.relations.find((x) => x.id === 'e5');
    expect([e5?.start, e5?.end]).toEqual(['1850-10-30', '1871-10-18']);
    expect(warningCounts(r)).toEqual({ 'missing-end': 1 });
  });

  it('reads the order the user chose for ambiguous dates', () => {
    const amb = text('attribute-dates.gexf')
      .replace('30/10/1850', '03/10/1850')
      .replace(/value="(\d\d)\/(\d\d)\/(\d{4})"/g, (m, a: string, b: string, y: string) =>
        Number(a) > 12 ? `value="0${Number(a) % 10 || 1}/${b}/${y}"` : m,
      );
    const guessed = ok(importGexf(amb, 'x.gexf'));
    expect(warningCounts(guessed)['ambiguous-dates']).toBe(1);
    const chosen = ok(importGexf(amb, 'x.gexf', { dateOrder: 'dmy' }));
    expect(chosen.dataset.relations.find((x) => x.id === 'e5')?.start).toBe('1850-10-03');
  });

  it('dates a relation from its actors’ node attribute: from when both exist, open-ended', () => {
    const r2 = ok(
      importGexf(text('attribute-dates.gexf'), 'x.gexf', {
        startAttribute: 'node:0',
        endAttribute: null,
      }),
    );
    // Ada Byron born 10/12/1815, Charles Babbage 26/12/1791: their tie starts at the later.
    expect(r2.dataset.relations.find((x) => x.id === 'e1')).toMatchObject({
      start: '1815-12-10',
      end: null,
    });
  });

  it('uses no attribute as time when the elements carry their own', () => {
    const i = inspectGexf(text('dynamics.gexf'));
    expect(i.ok && i.suggestedTime.startAttribute).toBe(null);
  });
});

describe('integer-steps.gexf (start="8", no timeformat)', () => {
  const r = ok(importBuffer('integer-steps.gexf', fixture('integer-steps.gexf')));

  it('reads whole-number time as steps: timeScale "steps", step n stored as day n', () => {
    expect(r.dataset.timeScale).toBe('steps');
    const a = r.dataset.relations.find((x) => x.id === 'a');
    expect([a?.start, a?.end]).toEqual(['1970-01-09', '1970-01-13']);
    expect(r.stats.relations).toBe(6);
    expect(r.dataset.actors.map((x) => x.name)).toEqual([
      'Agent 1',
      'Agent 2',
      'Agent 10',
      'Agent 11',
      'Agent 100',
    ]);
    expect(r.dataset.relationTypes.map((t) => [t.label, t.sign])).toEqual([
      ['Cooperate', 'cooperative'],
      ['Defect', 'hostile'],
    ]);
    expect(warningCounts(r)).toMatchObject({ 'numeric-time': 11, 'missing-end': 1 });
    expect(r.warnings.find((w) => w.code === 'numeric-time')?.message).toContain(
      '"step 0" … "step 37"',
    );
  });

  it('writes steps as steps everywhere, never as calendar dates', () => {
    const a = r.dataset.relations.find((x) => x.id === 'a')!;
    expect(datesAsWritten(a, 'state', 'steps')).toBe('from step 8 to step 12');
    expect(formatTime(8, 'steps')).toBe('step 8');
    expect(formatDateIn(edtf('1970-01-09'), 'steps')).toBe('step 8');
    const model = buildModel(r.dataset);
    expect(model.index.extent).toEqual({ first: 0, last: 37 });
  });

  it('tells steps from years and Unix time', () => {
    expect(isSteps(['8', '12'], null)).toBe(true);
    expect(isSteps(['0', '5000'], 'double')).toBe(true);
    expect(isSteps(['2000.0', '2015.0'], 'double')).toBe(false);
    expect(isSteps(['8', '12'], 'date')).toBe(false);
    expect(isSteps(['1400000000'], null)).toBe(false);
    expect(isSteps(['2.5'], null)).toBe(false);
  });
});

describe('choosing an unnamed time attribute', () => {
  const gexf = (title: string, values: readonly string[]): string =>
    `<gexf version="1.3"><graph defaultedgetype="directed"><attributes class="edge"><attribute id="0" title="${title}" type="string"/></attributes><nodes><node id="a"/><node id="b"/></nodes><edges>${values
      .map(
        (v, i) =>
          `<edge id="e${i}" source="a" target="b"><attvalues><attvalue for="0" value="${v}"/></attvalues></edge>`,
      )
      .join('')}</edges></graph></gexf>`;

  it('takes the one attribute of written dates, whatever its name', () => {
    const i = inspectGexf(gexf('Datum', ['14/03/1915', '02/11/1916']));
    expect(i.ok && i.suggestedTime).toEqual({
      startAttribute: 'edge:0',
      endAttribute: null,
      dateOrder: 'dmy',
    });
  });

  it('never takes an unnamed column of plain numbers, even year-like ones', () => {
    const i = inspectGexf(gexf('count', ['1850', '1900']));
    expect(i.ok && i.timeCandidates.map((c) => c.key)).toEqual(['edge:0']);
    expect(i.ok && i.suggestedTime.startAttribute).toBe(null);
  });
});
