// Property test: exporting any valid dataset and reading it back gives the same dataset; keys in a fixed order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../../src/io/export-json';
import { readDatasetText, validateDataset } from '../../../src/io/validate';
import { parseEdtf, type Dataset } from '../../../src/model';

/** Text as users write it: any Unicode (lone surrogates included), plus markup that must stay text. */
const label = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '</script><b>&amp;</b>',
    'Da\u2019esh \u062f\u0627\u0639\u0634',
    '🏳️‍🌈 x',
  ),
);
const nonEmpty = label.filter((s) => s.length > 0);
/** Ids: non-empty, no surrounding spaces (the schema trims them). */
const id = fc
  .oneof(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  )
  .filter((s) => s.trim() === s && s !== '');

const year = fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0'));
/** EDTF dates of every precision, qualified, with unspecified digits, and the open bound. */
const edtf = fc
  .oneof(
    year,
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.constantFrom('201X', '19XX', '2014-XX', '2014-11-XX', '..'),
  )
  .chain((d) => fc.constantFrom('', '~', '?', '%').map((q) => (d === '..' ? d : d + q)))
  .filter((d) => parseEdtf(d).ok);

const count = fc
  .oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true }))
  .filter((n) => !Object.is(n, -0));
const attributeValue = fc.oneof(label, count, fc.boolean(), fc.constant(null));
const attributes = fc.dictionary(
  id.filter((k) => !['__proto__', 'prototype', 'constructor'].includes(k)),
  attributeValue,
  { maxKeys: 3, noNullPrototype: true },
);

const dataset: fc.Arbitrary<Dataset> = fc
  .record({
    title: label,
    description: fc.option(label, { nil: undefined }),
    typeIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    actorIds: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
    sourceIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
    relationIds: fc.uniqueArray(id, { maxLength: 8 }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
  })
  .chain(({ title, description, typeIds, actorIds, sourceIds, relationIds, seed }) => {
    const pick = <T>(xs: readonly T[], i: number): T =>
      xs[(seed[i % seed.length] ?? 0) % xs.length] as T;
    const relationType = (tid: string) =>
      fc.record(
        {
          id: fc.constant(tid),
          label,
          directed: fc.boolean(),
          kind: fc.constantFrom('state', 'event'),
          color: label,
        },
        { requiredKeys: ['id', 'label', 'directed', 'kind'], noNullPrototype: true },
      );
    const actor = (aid: string) =>
      fc.record(
        {
          id: fc.constant(aid),
          name: nonEmpty,
          aliases: fc.array(label, { maxLength: 3 }),
          kind: label,
          description: label,
          attributes,
        },
        { requiredKeys: ['id', 'name', 'aliases', 'kind'], noNullPrototype: true },
      );
    const source = (sid: string) =>
      fc.record(
        {
          id: fc.constant(sid),
          title: label,
          publisher: label,
          author: label,
          published: edtf,
          document: label,
          url: label,
        },
        { requiredKeys: ['id', 'title'], noNullPrototype: true },
      );
    const claim = (i: number) =>
      fc.record(
        {
          source: fc.constant(pick(sourceIds, i)),
          stance: fc.constantFrom('asserts', 'disputes'),
          locator: nonEmpty,
          note: label,
        },
        { requiredKeys: ['source', 'stance', 'locator'], noNullPrototype: true },
      );
    const relation = (rid: string, i: number) =>
      fc
        .record(
          {
            id: fc.constant(rid),
            type: fc.constant(pick(typeIds, i)),
            source: fc.constant(pick(actorIds, i + 1)),
            target: fc.constant(pick(actorIds, i + 2)),
            start: edtf,
            end: fc.oneof(edtf, fc.constant(null)),
            place: label,
            count,
            summary: label,
            claims: fc.array(claim(i), { minLength: 1, maxLength: 3 }),
            attributes,
          },
          {
            requiredKeys: ['id', 'type', 'source', 'target', 'start', 'claims'],
            noNullPrototype: true,
          },
        )
        .map((r) => {
          // Keep `end` only when it does not fall before `start`.
          if (typeof r.end !== 'string') return r;
          const s = parseEdtf(r.start);
          const e = parseEdtf(r.end);
          if (s.ok && e.ok && e.date.latest >= s.date.earliest) return r;
          const rest = { ...r };
          delete rest.end;
          return rest;
        });
    return fc.record(
      {
        format: fc.constant('tieline/1' as const),
        title: fc.constant(title),
        ...(description === undefined ? {} : { description: fc.constant(description) }),
        relationTypes: fc.tuple(...typeIds.map(relationType)),
        actors: fc.tuple(...actorIds.map(actor)),
        sources: fc.tuple(...sourceIds.map(source)),
        relations:
          relationIds.length > 0 ? fc.tuple(...relationIds.map(relation)) : fc.constant([]),
      },
      { noNullPrototype: true },
    ) as unknown as fc.Arbitrary<Dataset>;
  });

describe('exportDataset', () => {
  it('round-trips every valid dataset: readDatasetText(exportDataset(d)) deep-equals d', () => {
    fc.assert(
      fc.property(dataset, (d) => {
        const valid = validateDataset(d);
        if (!valid.ok)
          throw new Error(`generator made an invalid dataset: ${JSON.stringify(valid.issues)}`);
        const text = exportDataset(d);
        const back = readDatasetText(text);
        if (!back.ok) throw new Error(JSON.stringify(back.issues));
        expect(back.dataset).toStrictEqual(d);
        expect(exportDataset(back.dataset)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('writes pretty JSON with keys in the documented order and drops undefined', () => {
    const d = {
      relations: [
        {
          claims: [{ locator: 'p. 2', stance: 'asserts', source: 's' }],
          start: '2014',
          end: undefined,
          target: 'b',
          source: 'a',
          type: 't',
          id: 'r',
          zeta: 1,
        },
      ],
      sources: [{ title: 'S', id: 's' }],
      actors: [{ kind: 'group', aliases: [], name: 'A', id: 'a' }],
      relationTypes: [{ kind: 'event', directed: true, label: 'T', id: 't' }],
      title: 'x',
      format: 'tieline/1',
    } as unknown as Dataset;
    const text = exportDataset(d);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "title": "x",');
    const keys = (o: unknown): string[] => Object.keys(o as object);
    const parsed = JSON.parse(text) as Record<string, unknown[]>;
    expect(keys(parsed)).toEqual([
      'format',
      'title',
      'relationTypes',
      'actors',
      'sources',
      'relations',
    ]);
    expect(keys(parsed.relationTypes?.[0])).toEqual(['id', 'label', 'directed', 'kind']);
    expect(keys(parsed.actors?.[0])).toEqual(['id', 'name', 'aliases', 'kind']);
    expect(keys(parsed.relations?.[0])).toEqual([
      'id',
      'type',
      'source',
      'target',
      'start',
      'claims',
      'zeta',
    ]);
    expect(keys((parsed.relations?.[0] as { claims: unknown[] }).claims[0])).toEqual([
      'source',
      'stance',
      'locator',
    ]);
  });
});
