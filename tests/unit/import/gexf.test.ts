// Tests of the GEXF importer on Gephi's own example files and on hand-written GEXF for each time form.
import { describe, expect, it } from 'vitest';
import { importBuffer, importGexf, inspectGexf } from '../../../src/io/import';
import { bytes, failed, fixture, ok, warning, warningCounts } from './helpers';

const attrs = (a: unknown): unknown => (a as { attributes?: unknown }).attributes;

describe('dynamics.gexf (GEXF 1.3 dynamics example, CRLF)', () => {
  // Counts read from the file with grep, independently of the importer:
  //   grep -c "<node " dynamics.gexf → 4 actors;  grep -c "<edge " dynamics.gexf → 5 relations
  //   grep -c $'\r' dynamics.gexf → 57 CRLF line ends
  //   edges with start= but no end=: 0→1, 1→0, 0→3 → 3 open ends; 2→1 has end= only → 1 open start
  //   nodes with their own time: node 0 (start=), node 2 (<spells>) → 2
  //   grep -c "<attvalue .*\(start\|end\)" dynamics.gexf → 7 timed attribute values
  //   defaultedgetype="directed"; no edge has a type attribute → one type "Tie", directed
  const r = ok(importBuffer('dynamics.gexf', fixture('dynamics.gexf')));

  it('has the nodes, edges and dates of the file', () => {
    expect(r.format).toBe('gexf');
    expect(r.stats).toEqual({ actors: 4, relations: 5, first: '2009-03-01', last: '2009-03-10' });
    expect(r.dataset.actors.map((a) => [a.id, a.name])).toEqual([
      ['0', 'Gephi'],
      ['1', 'Network'],
      ['2', 'Visualization'],
      ['3', 'Graph'],
    ]);
    expect(r.dataset.relationTypes).toEqual([
      {
        id: 'tie',
        label: 'Tie',
        directed: true,
        kind: 'state',
        sign: 'neutral',
        lasts: 'as-dated',
      },
    ]);
    expect(r.dataset.relations.map((x) => [x.source, x.target, x.start, x.end])).toEqual([
      ['0', '1', '2009-03-01', null],
      ['0', '2', '2009-03-01', '2009-03-10'],
      ['1', '0', '2009-03-01', null],
      ['2', '1', '..', '2009-03-10'],
      ['0', '3', '2009-03-01', null],
    ]);
  });

  it('points each claim at its edge (the edges have no ids)', () => {
    expect(r.dataset.relations.map((x) => [x.id, x.claims[0]?.locator])).toEqual([
      ['edge-0', 'graph > edges > edge[0]'],
      ['edge-1', 'graph > edges > edge[1]'],
      ['edge-2', 'graph > edges > edge[2]'],
      ['edge-3', 'graph > edges > edge[3]'],
      ['edge-4', 'graph > edges > edge[4]'],
    ]);
  });

  it('warns once per kind of quirk, with counts', () => {
    expect(warningCounts(r)).toEqual({
      crlf: 57,
      'node-time': 2,
      'timed-attribute': 7,
      'missing-end': 3,
      'missing-start': 1,
    });
    expect(warning(r, 'missing-start').path).toBe('graph > edges > edge[3]');
  });

  it('keeps node attributes, defaults, timed values and node time as attributes', () => {
    expect(r.dataset.actors.map((a) => attrs(a))).toEqual([
      { url: 'http://gephi.org', indegree: 1, frog: true, time: '2009-03-01/..' },
      {
        indegree: '1 [.., 2009-03-01]; 2 [2009-03-01, 2009-03-10]; 1 [2009-03-10, ..]',
        frog: true,
      },
      {
        indegree: '0 [.., 2009-03-01]; 1 [2009-03-01, ..]',
        frog: true,
        time: '../2009-03-01, 2009-03-05/2009-03-10',
      },
      { frog: false, indegree: '0 [.., 2009-03-01]; 1 [2009-03-01, ..]' },
    ]);
  });
});

describe('dynamics_openintervals.gexf (GEXF 1.2, timeformat double, open bounds)', () => {
  // 2 nodes and 1 edge (grep -c "<node " / "<edge "); the edge has no time of its own, so it is open
  // ("..", no end). grep -c "<attvalue .*\(start\|end\)" → 9 timed values (3 per node, 3 on the edge),
  // 2 bounds each → 18 numeric time values, all ≤ 9999 → read as years.
  const r = ok(importBuffer('dynamics_openintervals.gexf', fixture('dynamics_openintervals.gexf')));

  it('imports the untimed edge as open and keeps the timed values with their open brackets', () => {
    expect(r.stats).toEqual({ actors: 2, relations: 1, first: null, last: null });
    expect(r.dataset.relations[0]).toMatchObject({
      source: '1',
      target: '2',
      start: '..',
      end: null,
    });
    expect(warningCounts(r)).toEqual({ 'numeric-time': 18, 'timed-attribute': 9, untimed: 1 });
    expect(attrs(r.dataset.actors[0])).toEqual({
      value: '15 [2000, 2005]; 20 (2005, 2010); 25 [2010, 2015)',
    });
    expect(attrs(r.dataset.relations[0])).toEqual({
      value: '15 [2000, 2005]; 20 (2005, 2010); 25 [2010, 2015)',
    });
  });
});

describe('time zones', () => {
  it('timezone.gexf: both node timestamps land on 2012-01-12 in UTC', () => {
    // "Hello" 2012-01-12T15:00:00 has no offset, so it is read in the file's zone, America/Los_Angeles,
    // which is UTC−8 in January (PST): 23:00 UTC, still 2012-01-12. "Word" 15:00:00+03:00 uses its own
    // offset: 12:00 UTC, 2012-01-12 too, though it is 11 hours earlier than "Hello" despite the same text.
    const r = ok(importBuffer('timezone.gexf', fixture('timezone.gexf')));
    expect(r.dataset.actors.map((a) => [a.name, attrs(a)])).toEqual([
      ['Hello', { time: '2012-01-12' }],
      ['Word', { time: '2012-01-12' }],
    ]);
    expect(r.dataset.relations).toHaveLength(1);
    expect(r.dataset.relations[0]).toMatchObject({ id: '0', start: '..', end: null });
    expect(r.dataset.relations[0]?.claims[0]?.locator).toBe('edge 0');
    expect(warningCounts(r)).toEqual({ timezone: 1, 'node-time': 2, untimed: 1 });
  });

  it('moves timestamps across midnight by the rule: local zone without offset, else the offset, then UTC day', () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" timerepresentation="timestamp" timeformat="dateTime" timezone="America/Los_Angeles" defaultedgetype="undirected">
    <nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
    <edges>
      <edge id="late" source="a" target="b" timestamp="2012-01-12T20:00:00"/>
      <edge id="early" source="a" target="b" timestamp="2012-01-13T01:00:00+03:00"/>
      <edge id="summer" source="a" target="b" timestamp="2012-07-01T17:30:00"/>
      <edge id="utc" source="a" target="b" timestamp="2012-07-01T23:59:59Z"/>
    </edges>
  </graph>
</gexf>`;
    const r = ok(importGexf(gexf, 'tz.gexf'));
    // late: 20:00 PST (UTC−8) = 04:00 UTC next day. early: 01:00+03:00 = 22:00 UTC the day before.
    // summer: 17:30 PDT (UTC−7, daylight time) = 00:30 UTC on 2 July. utc: already UTC.
    expect(r.dataset.relations.map((x) => [x.id, x.start, x.end])).toEqual([
      ['late', '2012-01-13', undefined],
      ['early', '2012-01-12', undefined],
      ['summer', '2012-07-02', undefined],
      ['utc', '2012-07-01', undefined],
    ]);
    expect(r.dataset.relationTypes).toEqual([
      { id: 'tie', label: 'Tie', directed: false, kind: 'event' },
    ]);
  });

  it('reads times without an offset as UTC when the zone is unknown, and says so', () => {
    const gexf = `<gexf version="1.3"><graph timezone="Mars/Olympus" timeformat="dateTime"><nodes><node id="a"/></nodes>
      <edges><edge source="a" target="a" timestamp="2012-01-12T23:30:00"/></edges></graph></gexf>`;
    const r = ok(importGexf(gexf, 'x.gexf'));
    expect(r.dataset.relations[0]?.start).toBe('2012-01-12');
    expect(warning(r, 'timezone').message).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('time forms and types', () => {
  const typed = `<gexf version="1.2"><graph defaultedgetype="directed" timeformat="date" mode="dynamic">
    <attributes class="edge"><attribute id="r" title="Relation" type="string"/><attribute id="w" title="strength" type="float"/></attributes>
    <nodes><node id="is" label="Islamic State"/><node id="nusra" label="Nusra"/><node id="hazm" label=" Hazm "/></nodes>
    <edges>
      <edge id="e1" source="is" target="nusra" label="first"><attvalues><attvalue for="r" value="truce"/><attvalue for="w" value="0.5"/></attvalues>
        <spells><spell start="2014-01-01" end="2014-03-31"/><spell startopen="2014-11-01"/></spells></edge>
      <edge id="e2" source="nusra" target="hazm" type="undirected" timestamps="&lt;[2014-11-02, 2014-11-05]&gt;"><attvalues><attvalue for="r" value="attack"/></attvalues></edge>
      <edge id="e2" source="hazm" target="nobody" start="2015-02" end="2015"><attvalues><attvalue for="r" value="Attack"/></attvalues></edge>
    </edges></graph></gexf>`;

  it('lists the attributes that could give the type, and suggests the one named like a type', () => {
    const i = inspectGexf(typed);
    if (!i.ok) return expect.fail(JSON.stringify(i.issues));
    expect(i.typeCandidates.map((c) => [c.key, c.title, c.distinct])).toEqual([
      ['attr:r', 'Relation', 3],
      ['attr:w', 'strength', 1],
      ['label', 'label', 1],
    ]);
    expect(i.suggestedType).toBe('attr:r');
    expect([i.version, i.mode, i.timeformat, i.nodes, i.edges]).toEqual([
      '1.2',
      'dynamic',
      'date',
      3,
      3,
    ]);
  });

  it('makes one relation per spell and per timestamp, types from the attribute, and warns on the rest', () => {
    const r = ok(importGexf(typed, 'typed.gexf'));
    expect(
      r.dataset.relations.map((x) => [x.id, x.type, x.start, x.end, x.claims[0]?.locator]),
    ).toEqual([
      ['e1', 'truce', '2014-01-01', '2014-03-31', 'edge e1, spell 1'],
      ['e1 (2)', 'truce', '2014-11-01', null, 'edge e1, spell 2'],
      ['e2', 'attack', '2014-11-02', undefined, 'edge e2, timestamp 1'],
      ['e2 (2)', 'attack', '2014-11-05', undefined, 'edge e2, timestamp 2'],
      ['e2 (3)', 'attack-2', '2015-02', '2015', 'edge e2'],
    ]);
    expect(r.dataset.relationTypes).toEqual([
      { id: 'truce', label: 'truce', directed: true, kind: 'state' },
      { id: 'attack', label: 'attack', directed: false, kind: 'event' },
      { id: 'attack-2', label: 'Attack', directed: true, kind: 'state' },
    ]);
    expect(attrs(r.dataset.relations[0])).toEqual({ strength: 0.5, label: 'first' });
    expect(r.dataset.actors.map((a) => a.name)).toEqual([
      'Islamic State',
      'Nusra',
      'Hazm',
      'nobody',
    ]);
    expect(warningCounts(r)).toEqual({
      trimmed: 1,
      'missing-end': 1,
      'duplicate-id': 1,
      'unknown-actor': 1,
    });
  });

  it('uses one type "Tie" when asked for none', () => {
    const r = ok(importGexf(typed, 'typed.gexf', { typeAttribute: null }));
    expect(r.dataset.relationTypes.map((t) => t.id)).toEqual(['tie']);
    expect(warning(r, 'mixed-direction').count).toBe(2);
  });

  it('reads GEXF 1.1 slices, double years and a slice-mode graph', () => {
    const v11 = `<gexf version="1.1"><graph mode="dynamic" timeformat="double"><nodes><node id="a"/><node id="b"/></nodes>
      <edges><edge source="a" target="b"><slices><slice start="1990" end="1995.5"/></slices></edge></edges></graph></gexf>`;
    const a = ok(importGexf(v11, 'v11.gexf'));
    expect(a.dataset.relations.map((x) => [x.start, x.end])).toEqual([['1990', '1995-07-02']]);
    const slice = `<gexf version="1.3"><graph mode="slice" timeformat="date" start="2001-01-01" end="2001-12-31">
      <nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`;
    const b = ok(importGexf(slice, 'slice.gexf'));
    expect(b.dataset.relations.map((x) => [x.start, x.end])).toEqual([
      ['2001-01-01', '2001-12-31'],
    ]);
  });

  it('renames repeated node ids and keeps markup in labels as plain text', () => {
    const g = `<gexf><graph><nodes><node id="a" label="&lt;img src=x onerror=alert(1)&gt;"/><node id="a" label="A again"/></nodes>
      <edges><edge source="a" target="a"/></edges></graph></gexf>`;
    const r = ok(importGexf(g, 'x.gexf'));
    expect(r.dataset.actors.map((a) => [a.id, a.name])).toEqual([
      ['a', '<img src=x onerror=alert(1)>'],
      ['a (2)', 'A again'],
    ]);
    expect(warningCounts(r)).toEqual({ 'duplicate-id': 1, 'self-loop': 1, untimed: 1 });
    expect(r.dataset.relationTypes[0]?.directed).toBe(false);
  });
});

describe('broken and hostile GEXF', () => {
  it('names the line and column of malformed XML', () => {
    const r = failed(
      importBuffer(
        'bad.gexf',
        bytes('<gexf>\n<graph>\n<nodes><node id="a"></nodes>\n</graph></gexf>'),
      ),
    );
    expect(r.format).toBe('gexf');
    expect(r.issues[0]?.path).toBe('line 3, column 21');
    expect(r.issues[0]?.message).toMatch(/not well-formed XML/);
  });

  it('refuses XML that is not GEXF, and GraphML with advice', () => {
    const r = failed(importGexf('<svg><g/></svg>', 'x.gexf'));
    expect(r.issues[0]?.message).toMatch(/root element is <svg>/);
    const g = failed(importBuffer('x.graphml', bytes('<graphml><graph/></graphml>')));
    expect(g.issues[0]?.message).toMatch(/GraphML.*export GEXF/);
  });

  it('does not expand DOCTYPE entities (billion laughs)', () => {
    let dtd = '<!ENTITY lol "lol">';
    for (let i = 1; i < 10; i++)
      dtd += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE gexf [${dtd}]><gexf><graph><nodes><node id="a" label="&lol9;"/></nodes><edges><edge source="a" target="a"/></edges></graph></gexf>`;
    const r = ok(importBuffer('lol.gexf', bytes(xml)));
    expect(r.dataset.actors[0]?.name).toBe('&lol9;');
    expect(warning(r, 'xml-entities').count).toBe(1);
  });
});
