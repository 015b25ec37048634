// Validation: every issue is collected, each with a JSON path and a plain sentence; valid input comes back frozen.
import { describe, expect, it } from 'vitest';
import { readDatasetText, validateDataset } from '../../src/io/validate';

const valid = () => ({
  format: 'tieline/1',
  title: 'T',
  relationTypes: [{ id: 'truce', label: 'Truce', directed: false, kind: 'state' }],
  actors: [
    { id: 'a', name: 'A', aliases: [], kind: 'group' },
    { id: 'b', name: 'B', aliases: [], kind: 'group' },
  ],
  sources: [{ id: 's', title: 'S', published: '2014-11-15' }],
  relations: [
    {
      id: 'r1',
      type: 'truce',
      source: 'a',
      target: 'b',
      start: '2014-11~',
      claims: [{ source: 's', stance: 'asserts', locator: 'paragraph 1' }],
    },
  ],
});

describe('validateDataset', () => {
  it('accepts a valid dataset and freezes it', () => {
    const r = validateDataset(valid());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.isFrozen(r.dataset.relations[0]!.claims[0])).toBe(true);
      expect(r.dataset.actors[0]!.aliases).toEqual([]);
    }
  });

  it('leaves the dataset unfrozen when asked (an import worker, whose result is cloned anyway)', () => {
    const r = validateDataset(valid(), { freeze: false });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.isFrozen(r.dataset)).toBe(false);
      expect(Object.isFrozen(r.dataset.relations[0]!.claims[0])).toBe(false);
    }
  });

  it('reports a bad date at every relation that repeats it, and reads a repeated good date alike', () => {
    const d = valid();
    const r1: Record<string, unknown> = d.relations[0]!;
    (d.relations as Record<string, unknown>[]).push(
      { ...r1, id: 'r2', start: '2014-13' },
      { ...r1, id: 'r3', start: '2014-13' },
      { ...r1, id: 'r4', start: '2014-11~', end: '2014-10' },
    );
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual([
        '$.relations[1].start',
        '$.relations[2].start',
        '$.relations[3].end',
      ]);
    }
  });

  it('reports shape problems with their JSON paths', () => {
    const d = valid() as Record<string, unknown>;
    d.format = 'tieline/2';
    (d.actors as Record<string, unknown>[])[1]!.name = 42;
    delete (d.relations as Record<string, unknown>[])[0]!.claims;
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path);
      expect(paths).toContain('$.format');
      expect(paths).toContain('$.actors[1].name');
      expect(paths).toContain('$.relations[0].claims');
      expect(r.issues.find((i) => i.path === '$.actors[1].name')?.message).toMatch(/string/);
    }
  });

  it('reports every meaning problem at once, each with a path and a sentence', () => {
    const d = valid();
    d.actors.push({ id: 'a', name: 'A again', aliases: [], kind: 'group' });
    d.relations.push(
      {
        id: 'r2',
        type: 'war',
        source: 'a',
        target: 'zz',
        start: '2014-13',
        claims: [{ source: 'nope', stance: 'asserts', locator: 'p 1' }],
      },
      {
        id: 'r3',
        type: 'truce',
        source: 'a',
        target: 'b',
        start: '2014-11',
        end: '2013',
        claims: [],
      } as never,
      {
        id: 'r1',
        type: 'truce',
        source: 'a',
        target: 'b',
        start: '2014',
        claims: [{ source: 's', stance: 'asserts', locator: 'p' }],
      },
    );
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(byPath['$.actors[2].id']).toMatch(
      /duplicate actor id "a" \(first used at \$\.actors\[0\]\)/,
    );
    expect(byPath['$.relations[1].type']).toMatch(/unknown relation type "war"/);
    expect(byPath['$.relations[1].target']).toMatch(/unknown actor "zz"/);
    expect(byPath['$.relations[1].start']).toMatch(/month 13 does not exist/);
    expect(byPath['$.relations[1].claims[0].source']).toMatch(/unknown source "nope"/);
    expect(byPath['$.relations[2].end']).toMatch(/ends \(2013\) before it starts \(2014-11\)/);
    expect(byPath['$.relations[2].claims']).toMatch(/at least one claim/);
    expect(byPath['$.relations[3].id']).toMatch(/duplicate relation id "r1"/);
    expect(r.issues.length).toBe(8);
  });

  it('rejects values that are not objects at all', () => {
    for (const input of [null, 42, 'text', [], { format: 'tieline/1' }]) {
      const r = validateDataset(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('readDatasetText', () => {
  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "format": "tieline/1",\n  "title": "T",,\n}';
    const r = readDatasetText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.path).toMatch(/^line 3, column \d+$/);
      expect(r.issues[0]!.message).toMatch(/not valid JSON/);
    }
  });

  it('reads a file with a byte-order mark', () => {
    expect(readDatasetText('\uFEFF' + JSON.stringify(valid())).ok).toBe(true);
  });
});
