// Tests of the vocabulary step's pure part: signs guessed from words and numbers, readable labels, what is kept, grouping.
import { describe, expect, it } from 'vitest';
import type { Dataset, RelationType } from '../../../src/model';
import {
  applyVocabulary,
  groupVocabulary,
  guessSign,
  readableLabel,
  setGroupSign,
  suggestVocabulary,
  withSuggestedVocabulary,
} from '../../../src/io/import/vocabulary';
import { datasetOfRelations } from '../../fixtures/dataset';

function dataset(types: Partial<RelationType>[], uses: Record<string, number> = {}): Dataset {
  const relationTypes = types.map((t, i) => ({
    id: `t${i}`,
    label: `t${i}`,
    directed: true,
    kind: 'event',
    ...t,
  }));
  const relations = relationTypes.flatMap((t) =>
    Array.from({ length: uses[t.id] ?? 1 }, (_, k) => ({
      id: `${t.id}-${k}`,
      type: t.id,
      source: 'a',
      target: 'b',
      start: '2000',
    })),
  );
  return datasetOfRelations(relations, relationTypes);
}

describe('guessSign', () => {
  it.each([
    ['ally', 'cooperative'],
    ['Allied with', 'cooperative'],
    ['alliance', 'cooperative'],
    ['provides support', 'cooperative'],
    ['cooperation', 'cooperative'],
    ['truce', 'cooperative'],
    ['attack', 'hostile'],
    ['Fighting', 'hostile'],
    ['rivalry', 'hostile'],
    ['hostility', 'hostile'],
    ['distrust', 'hostile'],
    ['pp', 'neutral'],
    ['interaction', 'neutral'],
    ['meeting', 'neutral'],
  ])('reads "%s" as %s', (label, sign) => {
    expect(guessSign(label)).toBe(sign);
  });

  it('reads signed ratings by their sign, zero as neutral', () => {
    expect(['-10', '-1', '0', '+3', '7', '2.5'].map(guessSign)).toEqual([
      'hostile',
      'hostile',
      'neutral',
      'cooperative',
      'cooperative',
      'cooperative',
    ]);
  });

  it('reads an explicitly signed number inside a label when the words settle nothing', () => {
    expect(guessSign('rating -3')).toBe('hostile');
    expect(guessSign('score +2')).toBe('cooperative');
    expect(guessSign('2014-05 meeting')).toBe('neutral');
  });

  it('turns a word round after a negation, and weighs mixed words as neutral', () => {
    expect(guessSign('non-aggression pact')).toBe('cooperative');
    expect(guessSign('broken truce')).toBe('hostile');
    expect(guessSign('attack on ally')).toBe('neutral');
  });

  it('reads rating words whole, not as stems', () => {
    expect(guessSign('neg')).toBe('hostile');
    expect(guessSign('pos')).toBe('cooperative');
    expect(guessSign('position')).toBe('neutral');
  });
});

describe('readableLabel', () => {
  it('spaces separators and capitalises one-case words once', () => {
    expect(readableLabel('allied_with')).toBe('Allied with');
    expect(readableLabel('ATTACK')).toBe('Attack');
    expect(readableLabel('armed-clash')).toBe('Armed clash');
  });
  it('keeps mixed case, numbers and vowel-less codes as written', () => {
    expect(readableLabel('Human Rights Watch')).toBe('Human Rights Watch');
    expect(readableLabel('McDonald')).toBe('McDonald');
    expect(readableLabel('-3')).toBe('-3');
    expect(readableLabel('pp')).toBe('pp');
  });
});

describe('suggestVocabulary / applyVocabulary', () => {
  it('guesses sign and label for unknown types, and keeps what a known format set', () => {
    const d = dataset([
      { label: 'attack' },
      {
        label: 'riv',
        sign: 'hostile',
        family: 'MMP',
        kind: 'state',
        lasts: 'until-superseded',
      },
    ]);
    const v = suggestVocabulary(d);
    expect(v.map((e) => [e.label, e.sign, e.family, e.lasts])).toEqual([
      ['Attack', 'hostile', '', 'as-dated'],
      ['riv', 'hostile', 'MMP', 'until-superseded'],
    ]);
  });

  it('accepting the suggestion untouched gives types with label, sign and (for states) lasts', () => {
    const d = withSuggestedVocabulary(
      dataset([{ label: 'ally_of', kind: 'state' }, { label: 'raid' }]),
    );
    expect(d.relationTypes).toEqual([
      {
        id: 't0',
        label: 'Ally of',
        directed: true,
        kind: 'state',
        sign: 'cooperative',
        lasts: 'as-dated',
      },
      { id: 't1', label: 'Raid', directed: true, kind: 'event', sign: 'hostile' },
    ]);
  });

  it('applies edits: label, kind, lasts, family, sign, colour; an emptied label keeps the old one', () => {
    const d = dataset([{ label: 'x' }, { label: 'y' }]);
    const v = suggestVocabulary(d);
    const out = applyVocabulary(d, [
      { ...v[0]!, label: '  ', kind: 'state', lasts: 'until-superseded', family: 'bond' },
      { ...v[1]!, sign: 'hostile', color: '#123456' },
    ]);
    expect(out.relationTypes[0]).toMatchObject({
      label: 'x',
      kind: 'state',
      lasts: 'until-superseded',
      family: 'bond',
    });
    expect(out.relationTypes[1]).toMatchObject({ sign: 'hostile', color: '#123456' });
    expect(out.relations).toBe(d.relations);
  });
});

describe('groupVocabulary', () => {
  it('summarises hundreds of types as a few groups, by sign then family, largest first', () => {
    const types = Array.from({ length: 300 }, (_, i) => ({
      label: i % 3 === 0 ? `attack ${i}` : i % 3 === 1 ? `support ${i}` : `code ${i}`,
    }));
    const groups = groupVocabulary(suggestVocabulary(dataset(types)));
    expect(groups.map((g) => [g.sign, g.types.length])).toEqual([
      ['cooperative', 100],
      ['hostile', 100],
      ['neutral', 100],
    ]);
  });

  it('orders types by use and sets a whole group’s sign at once', () => {
    const d = dataset([{ label: 'a1' }, { label: 'a2' }], { t0: 1, t1: 5 });
    const v = suggestVocabulary(d);
    const [g] = groupVocabulary(v);
    expect(g!.types.map((e) => e.id)).toEqual(['t1', 't0']);
    expect(g!.relations).toBe(6);
    expect(setGroupSign(v, g!, 'hostile').map((e) => e.sign)).toEqual(['hostile', 'hostile']);
  });
});

describe('labels that would meet', () => {
  it('keeps the file’s labels when two readable labels would be the same', () => {
    const v = suggestVocabulary(
      dataset([{ label: 'attack' }, { label: 'Attack' }, { label: 'war' }]),
    );
    expect(v.map((e) => e.label)).toEqual(['attack', 'Attack', 'War']);
  });
});
