// Tests of the Cytoscape JSON importer: a real desktop export (gal.cyjs), cy.json() output and dated edges.
import { describe, expect, it } from 'vitest';
import { importBuffer, importCytoscape, inspectCytoscape } from '../../../src/io/import';
import { bytes, failed, fixture, ok, warning, warningCounts } from './helpers';

const attrs = (a: unknown): unknown => (a as { attributes?: unknown }).attributes;

describe('gal.cyjs (Cytoscape desktop export, no version header, no time)', () => {
  // Counts read with python's json module, independently of the importer:
  //   len(elements.nodes) → 331 (331 distinct ids, all with a name); len(elements.edges) → 362
  //   Counter(edge.data.interaction) → pp: 251, pd: 111 → two types
  //   Counter((source, target)) → ('231', '483') twice: the one parallel edge, kept as two relations
  //   no self-loops, no edge to an unknown node, no time field → 362 open relations ("..")
  const r = ok(importBuffer('gal.cyjs', fixture('gal.cyjs')));

  it('has every node and edge, typed by interaction, open in time', () => {
    expect(r.format).toBe('cytoscape');
    expect(r.stats).toEqual({ actors: 331, relations: 362, first: null, last: null });
    expect(r.dataset.relationTypes).toEqual([
      { id: 'pp', label: 'pp', directed: true, kind: 'state', sign: 'neutral', lasts: 'as-dated' },
      { id: 'pd', label: 'pd', directed: true, kind: 'state', sign: 'neutral', lasts: 'as-dated' },
    ]);
    const byType = (t: string): number => r.dataset.relations.filter((x) => x.type === t).length;
    expect([byType('pp'), byType('pd')]).toEqual([251, 111]);
    expect(r.dataset.relations.every((x) => x.start === '..' && x.end === null)).toBe(true);
    expect(warningCounts(r)).toEqual({ untimed: 362 });
  });

  it('keeps the parallel edge, the ids, names and data fields, and points claims into the file', () => {
    expect(
      r.dataset.relations.filter((x) => x.source === '231' && x.target === '483'),
    ).toHaveLength(2);
    expect(r.dataset.relations[0]).toMatchObject({ id: '753', source: '750', target: '752' });
    expect(r.dataset.relations[0]?.claims[0]?.locator).toBe('elements.edges[0]');
    expect(r.dataset.actors[0]).toMatchObject({ id: '752', name: 'YDL194W' });
    expect(attrs(r.dataset.actors[0])).toEqual({ shared_name: 'YDL194W', SUID: 752 });
    expect(attrs(r.dataset.relations[0])).toEqual({
      shared_interaction: 'pp',
      shared_name: 'YDR277C (pp) YDL194W',
      SUID: 753,
      name: 'YDR277C (pp) YDL194W',
    });
  });

  it('inspects the edge fields and suggests interaction as the type', () => {
    const i = inspectCytoscape(new TextDecoder().decode(fixture('gal.cyjs')));
    if (!i.ok) return expect.fail(JSON.stringify(i.issues));
    expect([i.variant, i.formatVersion, i.nodes, i.edges]).toEqual(['cyjs', null, 331, 362]);
    expect(i.suggested).toEqual({
      typeAttribute: 'interaction',
      startAttribute: null,
      endAttribute: null,
      weightAttribute: null,
      labelAttribute: 'name',
    });
    expect(i.positioned).toBe(331);
    expect(i.edgeFields.find((f) => f.name === 'interaction')).toMatchObject({
      count: 362,
      distinct: 2,
    });
  });
});

describe('other Cytoscape shapes', () => {
  it('reads cy.json() output (an element array with groups) and dates from a field', () => {
    const cy = {
      elements: [
        { group: 'nodes', data: { id: 'a', label: 'Alpha' } },
        { group: 'nodes', data: { id: 'b', name: 'Beta' } },
        {
          group: 'edges',
          data: { id: 'e1', source: 'a', target: 'b', kind: 'ally', date: '2014-05-01' },
        },
        {
          group: 'edges',
          data: { id: 'e2', source: 'b', target: 'c', kind: 'ally', date: 1400000000 },
        },
      ],
      style: [{ selector: 'node', style: { label: 'data(label)' } }],
      zoom: 1,
      pan: { x: 0, y: 0 },
    };
    const r = ok(importBuffer('session.json', bytes(JSON.stringify(cy))));
    expect(r.format).toBe('cytoscape');
    expect(r.dataset.actors.map((a) => [a.id, a.name])).toEqual([
      ['a', 'Alpha'],
      ['b', 'Beta'],
      ['c', 'c'],
    ]);
    expect(r.dataset.relationTypes).toEqual([
      { id: 'ally', label: 'Ally', directed: true, kind: 'event', sign: 'cooperative' },
    ]);
    // 1400000000 s = 2014-05-13T16:53:20Z; mixed with an ISO date the column is read per value.
    expect(r.dataset.relations.map((x) => [x.start, x.end, x.claims[0]?.locator])).toEqual([
      ['2014-05-01', undefined, 'elements[2]'],
      ['2014-05-13', undefined, 'elements[3]'],
    ]);
    expect(warningCounts(r)).toEqual({ 'numeric-time': 1, 'unknown-actor': 1 });
  });

  it('reads an export with the version header, and start/end fields chosen by the user', () => {
    const cyjs = {
      format_version: '1.0',
      generated_by: 'cytoscape-3.10.2',
      target_cytoscapejs_version: '~2.1',
      data: { name: 'net' },
      elements: {
        nodes: [{ data: { id: '1' } }, { data: { id: '2' } }],
        edges: [{ data: { source: '1', target: '2', from_day: '05/03/2014', to_day: '' } }],
      },
    };
    const text = JSON.stringify(cyjs);
    const i = inspectCytoscape(text);
    expect(i.ok && [i.formatVersion, i.suggested.startAttribute]).toEqual(['1.0', null]);
    const r = ok(
      importCytoscape(text, 'net.cyjs', {
        startAttribute: 'from_day',
        endAttribute: 'to_day',
        dateOrder: 'dmy',
      }),
    );
    expect(r.dataset.relations.map((x) => [x.id, x.start, x.end])).toEqual([
      ['edge-0', '2014-03-05', null],
    ]);
    expect(warningCounts(r)).toEqual({ 'numeric-ids': 2, 'missing-end': 1 });
  });

  it('keeps fields named like JavaScript internals, renamed, without touching prototypes', () => {
    const r = ok(
      importCytoscape(
        '{"elements":{"nodes":[{"data":{"id":"a","__proto__":"p","constructor":"c"}}],"edges":[]}}',
        'x.cyjs',
      ),
    );
    expect(attrs(r.dataset.actors[0])).toEqual({ __proto___: 'p', constructor_: 'c' });
    expect(warning(r, 'reserved-attribute').count).toBe(2);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('skips elements without data or ends, with the JSON path', () => {
    const r = ok(
      importCytoscape(
        JSON.stringify({
          elements: {
            nodes: [{ data: { id: 'a' } }, 5, { data: {} }],
            edges: [{ data: { source: 'a' } }],
          },
        }),
        'x.cyjs',
      ),
    );
    expect(r.stats.actors).toBe(1);
    expect(warning(r, 'skipped-row')).toMatchObject({ count: 3, path: '$.elements.nodes[1]' });
    expect(warning(r, 'skipped-row').message).toContain('$.elements.edges[0].data.target');
  });

  it('fails on wrong types with the JSON path, and on JSON syntax with line and column', () => {
    const a = failed(importCytoscape('{"elements": {"nodes": "x"}}', 'x.cyjs'));
    expect(a.issues[0]?.path).toBe('$.elements.nodes');
    const b = failed(importCytoscape('{"elements": 7}', 'x.cyjs'));
    expect(b.issues[0]?.path).toBe('$.elements');
    const c = failed(importCytoscape('{"elements": {\n"nodes": [}', 'x.cyjs'));
    expect(c.issues[0]?.path).toBe('line 2, column 11');
    const d = failed(importCytoscape('{"elements": {"nodes": [], "edges": []}}', 'x.cyjs'));
    expect(d.issues[0]?.path).toBe('$.elements');
  });
});

describe('genes-positions.cyjs (a desktop export with a label field, numeric names, positions, per-edge interactions)', () => {
  // Written for these tests (tests/fixtures/README.md): 14 genes whose `name` and `shared_name` are
  // Entrez numbers and whose `Human_Readable_Label` is the symbol; 20 edges whose `interaction` is
  // unique per edge, an `edge_type` (physical or genetic) and a numeric `weight`; every node positioned.
  const text = new TextDecoder().decode(fixture('genes-positions.cyjs'));
  const r = ok(importBuffer('genes-positions.cyjs', bytes(text)));

  it('labels actors from the most name-like field, not the numbers in "name"', () => {
    expect(r.stats).toEqual({ actors: 14, relations: 20, first: null, last: null });
    expect(r.dataset.actors.slice(0, 3).map((a) => a.name)).toEqual(['SNF3', 'HXT1', 'GAL4']);
    expect(attrs(r.dataset.actors[0])).toMatchObject({ name: '850647' });
  });

  it('keeps every saved position as the actor position', () => {
    expect(r.dataset.actors.every((a) => a.position !== undefined)).toBe(true);
    expect(r.dataset.actors[5]?.position).toEqual({ x: 100.5, y: -79.75 });
  });

  it('never suggests a per-edge-unique field as the type; takes edge_type and the weight', () => {
    const i = inspectCytoscape(text);
    if (!i.ok) return expect.fail(JSON.stringify(i.issues));
    expect(i.suggested).toMatchObject({
      typeAttribute: 'edge_type',
      weightAttribute: 'weight',
      labelAttribute: 'Human_Readable_Label',
    });
    expect(r.dataset.relationTypes.map((t) => [t.label, t.sign])).toEqual([
      ['Genetic', 'neutral'],
      ['Physical', 'neutral'],
    ]);
    expect(r.dataset.relations[1]).toMatchObject({ type: 'physical', weight: 0.14 });
    expect(warningCounts(r)).toEqual({ untimed: 20 });
  });

  it('without edge_type, a per-edge interaction still is not the type: one type "Tie"', () => {
    const doc = JSON.parse(text) as {
      elements: { edges: { data: Record<string, unknown> }[] };
    };
    for (const e of doc.elements.edges) delete e.data.edge_type;
    const i = inspectCytoscape(JSON.stringify(doc));
    expect(i.ok && i.suggested.typeAttribute).toBe(null);
  });

  it('falls back to the ids when no field reads as names', () => {
    const doc = JSON.parse(text) as {
      elements: { nodes: { data: Record<string, unknown> }[] };
    };
    for (const n of doc.elements.nodes) delete n.data.Human_Readable_Label;
    const i = inspectCytoscape(JSON.stringify(doc));
    expect(i.ok && i.suggested.labelAttribute).toBe(null);
    const r2 = ok(importCytoscape(JSON.stringify(doc), 'x.cyjs'));
    expect(r2.dataset.actors[0]?.name).toBe('850647');
  });
});
