// Tests of the palette: colour families by sign, distinct up to a dozen types, grouped beyond, Map-keyed kinds and types.
import { describe, expect, it } from 'vitest';
import { SIGN_FAMILIES, kindLabel, shapeOf, typeColors, type Sign } from '../../src/graph/palette';
import type { RelationType } from '../../src/model';

const type = (id: string, sign?: Sign, family?: string): RelationType =>
  ({
    id,
    label: id,
    directed: true,
    kind: 'event',
    ...(sign ? { sign } : {}),
    ...(family ? { family } : {}),
  }) as RelationType;

describe('typeColors by sign', () => {
  it('draws cooperative types in the cool family, hostile in the warm, neutral in the grey', () => {
    const c = typeColors([type('a', 'cooperative'), type('b', 'hostile'), type('c', 'neutral')]);
    expect(SIGN_FAMILIES.get('cooperative')).toContain(c.get('a'));
    expect(SIGN_FAMILIES.get('hostile')).toContain(c.get('b'));
    expect(SIGN_FAMILIES.get('neutral')).toContain(c.get('c'));
  });

  it('gives twelve signed types twelve different colours, even all of one sign', () => {
    for (const sign of ['cooperative', 'hostile', 'neutral'] as const) {
      const types = Array.from({ length: 12 }, (_, i) => type(`t${i}`, sign));
      expect(new Set(typeColors(types).values()).size).toBe(12);
    }
  });

  it('twenty signed ratings: distrust and trust never share a colour', () => {
    const ratings = Array.from({ length: 20 }, (_, i) => i - 10).filter((n) => n !== 0);
    const types = ratings.map((n) => type(String(n), n < 0 ? 'hostile' : 'cooperative'));
    const c = typeColors(types);
    const warm = new Set(types.filter((t) => t.sign === 'hostile').map((t) => c.get(t.id)));
    const cool = new Set(types.filter((t) => t.sign === 'cooperative').map((t) => c.get(t.id)));
    expect([...warm].some((x) => cool.has(x))).toBe(false);
  });

  it('beyond a dozen, types share one colour per family', () => {
    const types = Array.from({ length: 40 }, (_, i) =>
      type(`t${i}`, 'hostile', i % 2 ? 'violence' : 'threats'),
    );
    const c = typeColors(types);
    expect(new Set(c.values()).size).toBe(2);
    expect(c.get('t1')).toBe(c.get('t3'));
    expect(c.get('t1')).not.toBe(c.get('t2'));
  });

  it('keeps a type’s own colour and the bundled colours of unsigned types', () => {
    const c = typeColors([{ ...type('x', 'hostile'), color: '#010203' }, type('truce')]);
    expect(c.get('x')).toBe('#010203');
    expect(c.get('truce')).toBe('#2166ac');
  });

  it('gives types named like Object’s members an ordinary colour string', () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
    const c = typeColors(names.map((n) => type(n)));
    for (const n of names) expect(c.get(n)).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('actor kinds', () => {
  it('labels the imported default kind "Actor" and keeps the bundled labels', () => {
    expect(kindLabel('actor')).toBe('Actor');
    expect(kindLabel('group')).toBe('Armed group');
    expect(kindLabel('militia')).toBe('Militia');
  });
  it('never returns Object’s members for kinds named like them', () => {
    expect(kindLabel('constructor')).toBe('Constructor');
    expect(shapeOf('constructor')).toBe('ellipse');
    expect(shapeOf('toString')).toBe('ellipse');
  });
});
