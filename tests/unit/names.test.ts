// Names sort as people read them: numeric-aware, case-insensitive first.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../src/model';

describe('compareNames', () => {
  it('sorts numeric ids by value, not as text', () => {
    expect(['100', '10', '2', '1'].sort(compareNames)).toEqual(['1', '2', '10', '100']);
    expect(['Agent 10', 'Agent 2', 'Agent 1'].sort(compareNames)).toEqual([
      'Agent 1',
      'Agent 2',
      'Agent 10',
    ]);
  });
  it('ignores case and accents first, and still orders names that differ only by them', () => {
    expect(['beta', 'Alpha', 'Émile', 'alpha'].sort(compareNames)).toEqual([
      'Alpha',
      'alpha',
      'beta',
      'Émile',
    ]);
  });
});
