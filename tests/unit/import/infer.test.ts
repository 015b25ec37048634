// One test per inference rule of src/io/import/infer.ts: each fails when its rule is taken out.
import { describe, expect, it } from 'vitest';
import { importCsv, inspectCsv, type CsvInspection } from '../../../src/io/import';
import { decodeBytes, repairC1 } from '../../../src/io/import/decode';
import { lookWrong } from '../../../src/io/import/flags';
import { splitList, tokens } from '../../../src/io/import/infer';
import { bytes, ok, warning } from './helpers';

function inspect(text: string): CsvInspection {
  const r = inspectCsv(text);
  if (!r.ok) expect.fail(JSON.stringify(r.issues));
  return r;
}
const col = (i: CsvInspection, ref: number | string | undefined): string | undefined =>
  typeof ref === 'number' ? i.columns[ref]?.name : undefined;
const rows = (n: number, f: (k: number) => string): string =>
  Array.from({ length: n }, (_, k) => f(k)).join('\n') + '\n';

describe('role inference: pairs of columns that share a stem', () => {
  const cases: [string, string, string][] = [
    ['group1_id', 'group2_id', 'a'],
    ['actor1', 'actor2', 'a'],
    ['side_a', 'side_b', 'a'],
    ['SideA', 'SideB', 'a'],
    ['src', 'dst', 'a'],
    ['from', 'to', 'a'],
    ['Source Name', 'Target Name', 'a'],
    ['Actor1Name', 'Actor2Name', 'a'],
    ['source', 'target', 'a'],
  ];
  for (const [a, b] of cases) {
    it(`${a} / ${b} are the two ends, whatever comes before them`, () => {
      // A first column of free text would be taken as the source without the pair rule.
      const text =
        `comment,${a},${b},when\n` + rows(8, (k) => `note ${k % 3},G${k % 4},H${k % 3},200${k}`);
      const i = inspect(text);
      expect([col(i, i.mapping.source), col(i, i.mapping.target)]).toEqual([a, b]);
      expect(i.reasons.map((r) => r.text)).toContain(`${a} / ${b}: a pair`);
    });
  }
  it('cuts names into words at case, digits and punctuation', () => {
    expect(tokens('Actor1Name')).toEqual(['actor', '1', 'name']);
    expect(tokens('SideA2nd')).toEqual(['side', 'a', '2', 'nd']);
    expect(tokens('group2_id')).toEqual(['group', '2', 'id']);
  });
});

describe('role inference: identity, labels, uniqueness', () => {
  it('takes *_id as identity and its *_name twin as the label, and says so', () => {
    const text =
      'uid,kind,g1_name,g2_name,g1_id,g2_id,year\n' +
      rows(
        10,
        (k) => `${k},all,Group ${k % 4},Group ${(k + 1) % 4},${k % 4},${(k + 1) % 4},${2000 + k}`,
      );
    const i = inspect(text);
    expect(col(i, i.mapping.source)).toBe('g1_id');
    expect(col(i, i.mapping.sourceName)).toBe('g1_name');
    expect(i.reasons.map((r) => r.text)).toContain(
      'g1_id / g2_id: a pair; names from g1_name / g2_name',
    );
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.actors.find((a) => a.id === '2')?.name).toBe('Group 2');
  });

  it('never takes a column with one value per row as an actor', () => {
    const text = 'row,alpha,beta,year\n' + rows(10, (k) => `r${k},A${k % 3},B${k % 2},${2000 + k}`);
    const i = inspect(text);
    expect(col(i, i.mapping.source)).toBe('alpha');
    expect(col(i, i.mapping.target)).toBe('beta');
  });

  it('never takes a column with nearly one value per row as a type, and says why', () => {
    const text =
      'source,target,type\n' + rows(20, (k) => `A${k % 3},B${k % 4},${k < 19 ? `t${k}` : 't0'}`);
    const i = inspect(text);
    expect(i.mapping.type).toBeUndefined();
    expect(i.reasons.some((r) => /nearly one value per row/.test(r.text))).toBe(true);
  });

  it('never uses an ID column that repeats as the relation id, and flags it', () => {
    const text = 'ID,source,target\n' + rows(6, (k) => `${k % 3},A${k % 3},B${k % 2}`);
    const i = inspect(text);
    expect(i.mapping.id).toBeUndefined();
    expect(i.reasons.some((r) => /ID: not unique per row/.test(r.text))).toBe(true);
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.relations.map((x) => x.id)).toEqual(
      rows(6, (k) => `line-${k + 2}`)
        .trim()
        .split('\n'),
    );
  });

  it('takes a coarser type column under which every type falls as the family', () => {
    const text =
      'actor_a,actor_b,main_type,sub_type\n' +
      rows(
        12,
        (k) =>
          `A${k % 3},B${k % 2},${k % 2 ? 'Battles' : 'Protests'},${k % 2 ? `clash${k % 3}` : 'march'}`,
      );
    const i = inspect(text);
    expect(col(i, i.mapping.type)).toBe('sub_type');
    expect(col(i, i.mapping.family)).toBe('main_type');
  });
});

describe('role inference: the columns around a tie', () => {
  it('takes a description or notes column as the summary', () => {
    const i = inspect('from,to,Event description\nX,Y,They met\nY,Z,They fought\n');
    expect(col(i, i.mapping.summary)).toBe('Event description');
  });

  it('takes a publisher or URL column as the source of the claim', () => {
    const i = inspect('from,to,publisher\nX,Y,Reuters\nY,Z,AFP\n');
    expect(col(i, i.mapping.reference)).toBe('publisher');
    const u = inspect('from,to,link2\nX,Y,https://a.example/1\nY,Z,https://b.example/2\n');
    expect(col(i, i.mapping.reference)).toBe('publisher');
    expect(col(u, u.mapping.reference)).toBe('link2');
    const r = ok(importCsv('from,to,publisher\nX,Y,Reuters\nY,Z,AFP\n', 'x.csv'));
    expect(r.dataset.sources.map((s) => s.title)).toEqual(['x.csv', 'Reuters', 'AFP']);
    expect(r.dataset.relations[0]?.claims[0]?.source).toBe('src-reuters');
  });

  it('takes a time precision column as the EDTF precision of the date', () => {
    const text =
      'from,to,date,time_precision\nX,Y,2020-01-05,1\nY,Z,2020-01-06,2\nZ,X,2020-01-07,3\n';
    expect(col(inspect(text), inspect(text).mapping.precision)).toBe('time_precision');
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.relations.map((x) => x.start)).toEqual([
      '2020-01-05',
      '2020-01-06~',
      '2020-01',
    ]);
  });

  it('takes fatalities, or a signed rating, as the weight; the rating signs the type', () => {
    const f = inspect('from,to,fatalities\nX,Y,3\nY,Z,0\n');
    expect(col(f, f.mapping.weight)).toBe('fatalities');
    const text =
      'rater,ratee,r\n' + rows(10, (k) => `U${k % 4},V${k % 3},${k % 2 ? -(k % 10) : k % 10}`);
    const s = inspect(text);
    expect(col(s, s.mapping.weight)).toBe('r');
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.relations.map((x) => x.weight)).toContain(-9);
    // Without a type column, trust and distrust become two types of opposite signs.
    const types = Object.fromEntries(r.dataset.relationTypes.map((t) => [t.label, t.sign]));
    expect(types).toMatchObject({ Positive: 'cooperative', Negative: 'hostile' });
  });

  it('suggests splitting cells that list several actors, keeping commas inside parentheses', () => {
    expect(splitList('Afghanistan, Australia, Congo (Kinshasa, DRC), Canada', ', ')).toEqual([
      'Afghanistan',
      'Australia',
      'Congo (Kinshasa, DRC)',
      'Canada',
    ]);
    const text =
      'SideA,SideB,Year\n' +
      rows(
        6,
        (k) => `"Government of X, Government of Y (North, South)",Rebels ${k % 2},${2000 + k}`,
      );
    const i = inspect(text);
    expect(i.mapping.actorSeparator).toBe(', ');
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.actors.map((a) => a.name)).toContain('Government of Y (North, South)');
    expect(warning(r, 'split-cells').count).toBe(6);
  });
});

describe('role inference: repeats, symmetry and what looks wrong', () => {
  it('pre-ticks merging of repeats over consecutive days, with the count', () => {
    const text = 'from,to,day\nX,Y,2020-01-01\nX,Y,2020-01-02\nX,Y,2020-01-03\nX,Z,2020-01-09\n';
    const i = inspect(text);
    expect(i.mapping.mergeYearly).toBe(true);
    expect(i.repeats).toBe(2);
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.dataset.relations[0]).toMatchObject({ start: '2020-01-01', end: '2020-01-03' });
  });

  it('suggests undirected when every pair appears both ways, and keeps each pair once', () => {
    const text = 'from,to\nA,B\nB,A\nA,C\nC,A\nB,C\nC,B\nC,D\nD,C\n';
    const i = inspect(text);
    expect(i.symmetric).toBe(true);
    expect(i.mapping.directed).toBe(false);
    const r = ok(importCsv(text, 'x.csv'));
    expect(r.stats.relations).toBe(4);
    expect(warning(r, 'merged-symmetric').count).toBe(4);
  });

  it('flags actors about as many as rows, one relation per type, and ids that repeat', () => {
    const columns = [
      { index: 0, name: 'unique_id', filled: 100, distinct: 100 },
      { index: 1, name: 'g1', filled: 100, distinct: 95 },
      { index: 2, name: 'kind', filled: 100, distinct: 99 },
      { index: 3, name: 'ID', filled: 100, distinct: 40 },
    ];
    const flags = lookWrong({ source: 0, target: 1, type: 2, id: 3 }, columns, 100);
    expect(flags).toHaveLength(3);
    expect(flags[0]).toMatch(/as many actors as rows/);
    expect(flags[1]).toMatch(/one relation per type/);
    expect(flags[2]).toMatch(/ID is not unique per row/);
    expect(lookWrong({ source: 1, target: 2 }, columns, 1000)).toEqual([]);
  });
});

describe('text repair', () => {
  it('reads C1 controls as Windows-1252 punctuation and counts them', () => {
    expect(repairC1('Kata\u0092ib \u0093x\u0094 \u0096 \u0085').text).toBe('Kata’ib “x” – …');
    const d = decodeBytes(bytes('a,b\nKata\u0092ib,B\u0081\n'), 'x.csv');
    if (!d.ok) expect.fail('decoding failed');
    expect(d.text).toBe('a,b\nKata’ib,B\u0081\n');
    expect(d.warnings.find((w) => w.code === 'repaired-text')?.count).toBe(1);
  });

  it('repairs double-encoded UTF-8 and counts it', () => {
    const d = decodeBytes(bytes('a,b\nKataâ€™ib,B\n'), 'x.csv');
    if (!d.ok) expect.fail('decoding failed');
    expect(d.text).toBe('a,b\nKata’ib,B\n');
    expect(d.warnings.find((w) => w.code === 'mojibake')?.count).toBe(1);
  });
});

describe('actors files with any header', () => {
  it('finds id, name, kind and aliases columns, and the user can pick others', async () => {
    const { inspectActors } = await import('../../../src/io/import/actors');
    const text =
      'actor_id;Full label;actor_type;aka;;\nA;Alpha Front;group;AF|Alfa;;\nB;Beta Army;state;;;\n';
    const i = inspectActors({ name: 'key.csv', text });
    if (!i.ok) expect.fail(JSON.stringify(i.issues));
    expect(i.inspection.columns).toEqual({ id: 0, name: 1, kind: 2, aliases: 3 });
    const r = ok(
      importCsv(
        'source,target\nA,B\n',
        'ties.csv',
        { actorColumns: { kind: 3, aliases: 2 } },
        { actors: { name: 'key.csv', text } },
      ),
    );
    expect(r.dataset.actors.map((a) => [a.id, a.name, a.aliases])).toEqual([
      ['A', 'Alpha Front', ['group']],
      ['B', 'Beta Army', ['state']],
    ]);
    expect(r.dataset.actors[0]?.kind).toBe('AF|Alfa');
  });

  it('never makes an actor of a key file header, even with numeric ids below and a trailing empty column', () => {
    const r = ok(
      importCsv(
        'a_id,b_id,year\n1,2,2001\n2,3,2002\n',
        'x.csv',
        {},
        {
          actors: { name: 'key.csv', text: 'group_id,name,\n1,One,\n2,Two,\n3,Three,\n' },
        },
      ),
    );
    expect(r.dataset.actors.map((a) => a.name)).toEqual(['One', 'Two', 'Three']);
  });

  it('never asks for an actors file when one was given: it names the file that lacks the ids', () => {
    const actors = { name: 'key.csv', text: 'id,name\n1,One\n' };
    const r = ok(importCsv('source,target\n1,2\n2,3\n', 'x.csv', {}, { actors }));
    const w = warning(r, 'numeric-ids');
    expect(w.message).not.toMatch(/Add an actors file/);
    expect(w.message).toMatch(/key\.csv does not name them/);
    const without = ok(importCsv('source,target\n1,2\n2,3\n', 'x.csv'));
    expect(warning(without, 'numeric-ids').message).toMatch(/Add an actors file/);
  });
});
