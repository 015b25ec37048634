// The view in the address: what readUrl accepts, what it refuses with a sentence, and what writeUrl keeps.
import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/model';
import { OPEN_LENS } from '../../src/model/lens';
import { readUrl, writeUrl } from '../../src/store/url';

describe('readUrl', () => {
  it('reads the date, actor, comparison, window and renderer', () => {
    const v = readUrl(
      '?t=2014-11-02&actor=nusra&compare=2014-01-01..2014-12-31&window=7&renderer=webgl',
    );
    expect(v.time).toBe(isoToDay('2014-11-02'));
    expect(v.actor).toBe('nusra');
    expect(v.compare).toEqual([isoToDay('2014-01-01'), isoToDay('2014-12-31')]);
    expect(v.eventWindow).toBe(7);
    expect(v.renderer).toBe('webgl');
    expect(v.problems).toEqual([]);
  });

  it('refuses what it cannot honour, each with a sentence naming the value', () => {
    const v = readUrl('?t=2014-13-02&window=week&renderer=svg');
    expect(v.time).toBeUndefined();
    expect(v.eventWindow).toBeUndefined();
    expect(v.renderer).toBeUndefined();
    expect(v.problems).toHaveLength(3);
    expect(v.problems.join(' ')).toContain('"svg"');
  });
});

describe('writeUrl', () => {
  it('keeps parameters it does not own (data=, renderer=) and drops defaults', () => {
    const out = writeUrl('?data=x.json&renderer=webgl&window=30', {
      time: isoToDay('2014-11-02'),
      actor: null,
      lens: OPEN_LENS,
      compare: null,
      eventWindow: 30,
      datasetId: null,
    });
    const p = new URLSearchParams(out);
    expect(p.get('data')).toBe('x.json');
    expect(p.get('renderer')).toBe('webgl');
    expect(p.get('t')).toBe('2014-11-02');
    expect(p.has('window')).toBe(false);
  });
});
