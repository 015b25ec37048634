// Adapter tests on a headless Cytoscape: a time change touches only the relations that changed, never the elements.
import { describe, expect, it } from 'vitest';
import { GraphAdapter } from '../../src/graph/adapter';
import { buildModel, isoToDay, type Dataset } from '../../src/model';
import { datasetOf } from '../fixtures/dataset';

const claims = [{ source: 's', stance: 'asserts', locator: 'paragraph 1' }];
const dataset = datasetOf({
  format: 'tieline/1',
  title: 'Adapter test',
  relationTypes: [
    { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
    { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
  ],
  actors: ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    name: id.toUpperCase(),
    aliases: [],
    kind: 'group',
  })),
  sources: [
    { id: 's', title: 'S' },
    { id: 's2', title: 'S2' },
  ],
  relations: [
    { id: 'ab', type: 'truce', source: 'a', target: 'b', start: '2014-01', end: '2014-06', claims },
    { id: 'bc', type: 'truce', source: 'b', target: 'c', start: '2014-03-01', claims },
    { id: 'cd', type: 'attack', source: 'c', target: 'd', start: '2014-05-10', claims },
    {
      id: 'ad',
      type: 'truce',
      source: 'a',
      target: 'd',
      start: '2014-02',
      claims: [...claims, { source: 's2', stance: 'disputes', locator: 'p 2' }],
    },
  ],
});
const day = (iso: string): number => isoToDay(iso) as number;

/**
 * The test dataset's actors with `relations`, made a large graph (tierOf: over TIE_LAYER_RELATIONS relations) by
 * 5,000 one-day truces in 2010 between 101 other actors, long ended by the dates the tests look at.
 */
function largeWith(relations: readonly unknown[]): Dataset {
  const others = Array.from({ length: 101 }, (_, k) => ({
    id: `x${k}`,
    name: `X${k}`,
    aliases: [],
    kind: 'group',
  }));
  const pairs = others.flatMap((_, i) => others.slice(i + 1).map((__, j) => [i, i + 1 + j]));
  const fillers = pairs.slice(0, 5000).map(([i, j], k) => ({
    id: `f${k}`,
    type: 'truce',
    source: `x${i}`,
    target: `x${j}`,
    start: '2010-01-01',
    end: '2010-01-02',
    claims,
  }));
  return datasetOf({
    ...dataset,
    actors: [...dataset.actors, ...others],
    relations: [...relations, ...fillers],
  });
}

function setup(eventWindow = 30) {
  const model = buildModel(dataset, { eventWindow });
  const adapter = new GraphAdapter(null);
  adapter.setModel(model);
  const changes = { add: 0, remove: 0, classWrites: new Map<string, number>() };
  adapter.cy.on('add', () => changes.add++);
  adapter.cy.on('remove', () => changes.remove++);
  adapter.cy.on('class', (e) => {
    const id = e.target.id() as string;
    changes.classWrites.set(id, (changes.classWrites.get(id) ?? 0) + 1);
  });
  const show = (iso: string, selected: string | null = null) =>
    adapter.apply({
      visible: model.index.activeAt(day(iso)),
      time: day(iso),
      selected: selected as never,
    });
  return { model, adapter, changes, show };
}

describe('GraphAdapter', () => {
  it('builds one element per actor and relation, all relations hidden at first', () => {
    const { adapter } = setup();
    expect(adapter.cy.nodes()).toHaveLength(4);
    expect(adapter.cy.edges()).toHaveLength(4);
    expect(adapter.cy.edges('.hidden')).toHaveLength(4);
    expect(adapter.cy.nodes('.dim')).toHaveLength(4);
  });

  it('shows exactly the relations active at the date', () => {
    const { adapter, show } = setup();
    show('2014-03-15');
    expect(adapter.visibleRelationIds()).toEqual(['ab', 'ad', 'bc']);
    expect(
      adapter.cy
        .edges(':visible')
        .map((e) => e.id())
        .sort(),
    ).toEqual(['e:ab', 'e:ad', 'e:bc']);
  });

  it('a time change touches only the relations that changed and never adds or removes elements', () => {
    const { adapter, changes, show } = setup();
    show('2014-03-15');
    changes.classWrites.clear();
    const report = show('2014-05-12'); // cd (attack of 10 May) enters; nothing leaves
    expect(report).toMatchObject({ entered: 1, exited: 0 });
    expect(adapter.visibleRelationIds()).toEqual(['ab', 'ad', 'bc', 'cd']);
    const touchedEdges = [...changes.classWrites.keys()].filter((id) => id.startsWith('e:'));
    expect(touchedEdges).toEqual(['e:cd']);
    expect(changes.add + changes.remove).toBe(0);

    changes.classWrites.clear();
    // cd's 30-day window ended on 9 June; ab ends "2014-06", so June is its uncertain end: restyled.
    const report2 = show('2014-06-20');
    expect(report2).toMatchObject({ entered: 0, exited: 1, restyled: 1 });
    expect([...changes.classWrites.keys()].filter((id) => id.startsWith('e:')).sort()).toEqual([
      'e:ab',
      'e:cd',
    ]);
    expect(adapter.cy.getElementById('e:ab').hasClass('fuzzy')).toBe(true);

    changes.classWrites.clear();
    const report3 = show('2014-07-01'); // ab ended with June
    expect(report3).toMatchObject({ entered: 0, exited: 1 });
    expect([...changes.classWrites.keys()].filter((id) => id.startsWith('e:'))).toEqual(['e:ab']);
    expect(changes.add + changes.remove).toBe(0);
  });

  it('the same date twice writes nothing', () => {
    const { changes, show } = setup();
    show('2014-05-12');
    changes.classWrites.clear();
    expect(show('2014-05-12')).toEqual({ entered: 0, exited: 0, restyled: 0 });
    expect(changes.classWrites.size).toBe(0);
  });

  it('dims actors with no tie at the date and dashes disputed ties', () => {
    const { adapter, show } = setup();
    show('2014-01-15');
    expect(
      adapter.cy
        .nodes('.dim')
        .map((n) => n.id())
        .sort(),
    ).toEqual(['n:c', 'n:d']);
    show('2014-03-15');
    expect(adapter.cy.getElementById('e:ad').hasClass('disputed')).toBe(true);
    expect(adapter.cy.getElementById('e:bc').hasClass('disputed')).toBe(false);
  });

  it('marks the uncertain span of a month-precision start as fuzzy', () => {
    const { adapter, show } = setup();
    show('2014-02-10'); // ad starts "2014-02": uncertain through February
    expect(adapter.cy.getElementById('e:ad').hasClass('fuzzy')).toBe(true);
    show('2014-03-02');
    expect(adapter.cy.getElementById('e:ad').hasClass('fuzzy')).toBe(false);
  });

  it('fades events across the event window', () => {
    const { adapter, show } = setup();
    show('2014-05-10');
    const cd = adapter.cy.getElementById('e:cd');
    expect(cd.classes().filter((c) => c.startsWith('fade-'))).toEqual([]);
    show('2014-06-05');
    expect(cd.hasClass('fade-4')).toBe(true);
  });

  it('steps a large graph’s events through every other shade, so fewer edges restyle each day', () => {
    // Over TIE_LAYER_RELATIONS relations: the event and 5,000 short truces, ended by then, between 101 others.
    const model = buildModel(largeWith(dataset.relations), { eventWindow: 30 });
    const adapter = new GraphAdapter(null);
    adapter.setModel(model);
    const cd = model.dataset.relations.findIndex((r) => r.id === 'cd');
    /** The fade level the tie layer draws cd at, as its class name would be. */
    const fadeOf = (iso: string) => {
      adapter.apply({ visible: model.index.activeAt(day(iso)), time: day(iso), selected: null });
      const looks = adapter.drawnTies();
      const fade = looks.fade[looks.list.indexOf(cd)] ?? 0;
      return fade ? [`fade-${fade}`] : [];
    };
    expect(fadeOf('2014-05-10')).toEqual([]);
    expect(fadeOf('2014-05-11')).toEqual(['fade-2']);
    expect(fadeOf('2014-05-24')).toEqual(['fade-2']);
    expect(fadeOf('2014-05-26')).toEqual(['fade-4']);
    // A small graph steps through all four.
    const { adapter: small, show } = setup();
    show('2014-05-11');
    expect(small.cy.getElementById('e:cd').hasClass('fade-1')).toBe(true);
  });

  it('draws a large graph’s ties of one type between two actors once, from the freshest with each look', () => {
    // Over TIE_LAYER_RELATIONS relations (5,000 fillers, ended long before), so edges are haystack lines.
    const disputed = [...claims, { source: 's2', stance: 'disputes', locator: 'p 2' }];
    const rel = (id: string, type: string, source: string, target: string, start: string) => ({
      id,
      type,
      source,
      target,
      start,
      claims,
    });
    const ties = [
      rel('m1', 'attack', 'a', 'b', '2014-05-01'),
      rel('m2', 'attack', 'b', 'a', '2014-05-10'), // the other direction: the same line
      rel('m3', 'attack', 'a', 'b', '2014-05-05'),
      rel('t1', 'truce', 'a', 'b', '2014-01'), // uncertain through January
      { ...rel('t2', 'truce', 'b', 'a', '2014-03-01'), claims: disputed },
      rel('t3', 'truce', 'a', 'b', '2014-04-01'),
      rel('u1', 'attack', 'a', 'c', '2014-05-02'),
    ];
    const model = buildModel(largeWith(ties), { eventWindow: 30 });
    const adapter = new GraphAdapter(null);
    adapter.setModel(model);
    const at = (iso: string, statuses?: ReturnType<typeof buildModel>['statuses']) => {
      adapter.apply({
        visible: model.index.activeAt(day(iso)),
        time: day(iso),
        selected: null,
        ...(statuses ? { statuses } : {}),
      });
      // Drawn by the tie layer, not by Cytoscape: a big graph has no edge elements.
      expect(adapter.cy.edges()).toHaveLength(0);
      return adapter
        .drawnTies()
        .list.map((i) => model.dataset.relations[i]!.id as string)
        .sort();
    };
    /** The fade level the tie layer draws relation `id` at. */
    const fadeOf = (id: string) => {
      const looks = adapter.drawnTies();
      return looks.fade[looks.list.indexOf(model.dataset.relations.findIndex((r) => r.id === id))];
    };
    // Every tie is shown (the ties panel and exports see them all); one edge a line and look is drawn.
    expect(at('2014-05-12')).toEqual(['m2', 't2', 't3', 'u1']);
    expect(adapter.visibleRelationIds()).toEqual(['m1', 'm2', 'm3', 't1', 't2', 't3', 'u1']);
    // Before m2, the freshest attack on the line is m3; t1, uncertain in January, is its own look.
    expect(at('2014-01-20')).toEqual(['t1']);
    expect(at('2014-05-07')).toEqual(['m3', 't2', 't3', 'u1']);
    // A line is drawn at the shade of its ties stacked: m1 and m3, each at fade-2 (opacity 0.68),
    // stack to 0.9, closest to unfaded; u1 alone keeps its own fade-2.
    expect(fadeOf('m3')).toBe(0);
    expect(fadeOf('u1')).toBe(2);
    // m1 and m3 have left the window, m2 is still drawn, faded as its own age says.
    expect(at('2014-06-05')).toEqual(['m2', 't2', 't3']);
    expect(fadeOf('m2')).toBe(4);
    expect(adapter.visibleRelationIds()).toEqual(['m2', 't1', 't2', 't3']);
    // Without the dispute t2 looks like t1 and t3, and one truce edge is left: the last relation.
    const undisputed = model.statuses.map((st) => (st === 'disputed' ? 'reported' : st));
    expect(at('2014-06-05', undisputed)).toEqual(['m2', 't3']);
    // Both actors keep their ties (not dimmed), counted from what is shown, not what is drawn.
    expect(adapter.cy.getElementById('n:a').hasClass('dim')).toBe(false);
    expect(adapter.cy.getElementById('n:c').hasClass('dim')).toBe(true);
  });

  it('focuses the selected actor: its ties and neighbours stay, the rest fades', () => {
    const { adapter, show } = setup();
    show('2014-03-15', 'b');
    expect(adapter.cy.getElementById('n:b').hasClass('selected')).toBe(true);
    expect(adapter.cy.nodes('.faded').map((n) => n.id())).toEqual(['n:d']);
    expect(
      adapter.cy
        .edges('.focus')
        .map((e) => e.id())
        .sort(),
    ).toEqual(['e:ab', 'e:bc']);
    show('2014-03-15', null);
    expect(adapter.cy.elements('.faded')).toHaveLength(0);
  });

  it('lays out every actor deterministically (seeded), with finite positions', async () => {
    const a = setup().adapter;
    await a.layout(3);
    const b = setup().adapter;
    await b.layout(3);
    const pa = [...a.positions().values()];
    expect(pa.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(new Set(pa.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(4);
    expect([...b.positions().entries()]).toEqual([...a.positions().entries()]);
  });
});
