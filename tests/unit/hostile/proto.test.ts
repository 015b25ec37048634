// @vitest-environment jsdom
// Issue 18 rows 2 and 3: ids, types and kinds named like Object's members (`__proto__`, `constructor`, …)
// load fully, replace the dataset before them in the graph, get real colours and shapes, and export.
import { describe, expect, it } from 'vitest';
import { GraphAdapter } from '../../../src/graph/adapter';
import { exportSvg } from '../../../src/graph/export';
import { legendOf } from '../../../src/graph/legend-data';
import { shapeOf, typeColors } from '../../../src/graph/palette';
import { importBuffer } from '../../../src/io/import';
import { validateDataset } from '../../../src/io/validate';
import { buildModel, isoToDay, type Dataset } from '../../../src/model';
import { createViewStore } from '../../../src/store/store';
import { PROTO_NAMES, tinyData } from './helpers';

const HEX = /^#[0-9a-f]{6}$/i;

function valid(d: unknown): Dataset {
  const r = validateDataset(JSON.parse(JSON.stringify(d)));
  if (!r.ok) expect.fail(JSON.stringify(r.issues));
  return r.dataset;
}

/** Loads `d` into a headless adapter that showed another dataset first; returns the node ids drawn. */
function drawnAfterAnother(d: Dataset): { nodes: string[]; svg: string } {
  const adapter = new GraphAdapter(null);
  try {
    adapter.setModel(buildModel(valid(tinyData({ actorIds: ['old1', 'old2'] }))));
    const model = buildModel(d);
    adapter.setModel(model);
    const time = isoToDay('2014-11-15') as number;
    adapter.apply({ visible: model.index.activeAt(time), time, selected: null });
    const nodes = adapter.cy
      .nodes()
      .map((n) => String(n.id()))
      .sort();
    const meta = { title: d.title, isoDate: '2014-11-15', dateText: '15 November 2014' };
    return { nodes, svg: exportSvg(adapter, meta, legendOf(model), model) };
  } finally {
    adapter.destroy();
  }
}

describe('issue 18: prototype names as user strings', () => {
  describe.each(PROTO_NAMES)('%s', (name) => {
    it('as a relation-type id: a real colour, drawn after another dataset, exported', () => {
      const d = valid(tinyData({ typeId: name }));
      const color = typeColors(d.relationTypes).get(name);
      expect(color).toMatch(HEX);
      const { nodes, svg } = drawnAfterAnother(d);
      expect(nodes.some((n) => n.includes('old'))).toBe(false);
      expect(nodes.length).toBe(2);
      expect(svg).toContain('<svg');
      expect(legendOf(buildModel(d)).types.map((t) => t.color)).toEqual([color]);
    });

    it('as actor ids and an actor kind: loads into the store, a real shape, drawn', () => {
      const d = valid(tinyData({ actorIds: [name, `${name}2`], kind: name }));
      expect(typeof shapeOf(name)).toBe('string');
      expect(shapeOf(name)).toBe('ellipse');
      const store = createViewStore();
      store.getState().loadDataset(d, 'proto', { actor: name });
      expect(store.getState().selected).toBe(name);
      expect(store.getState().status).toMatch(/Loaded Tiny: 2 actors, 1 relations/);
      const { nodes } = drawnAfterAnother(d);
      expect(nodes.length).toBe(2);
    });

    it('as a CSV relation type: imported with a real colour', async () => {
      const csv = `source,target,type,date\nA,B,${name},2014-01-02\nB,C,${name},2014-02-03\n`;
      const r = await importBuffer('p.csv', new TextEncoder().encode(csv), {
        csv: { source: 0, target: 1, type: 2, start: 3 },
      });
      if (!r.ok) expect.fail(JSON.stringify(r.issues));
      for (const c of typeColors(r.dataset.relationTypes).values()) expect(c).toMatch(HEX);
      expect(drawnAfterAnother(r.dataset).nodes.length).toBe(3);
    });
  });
});
