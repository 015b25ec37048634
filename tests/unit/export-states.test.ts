// @vitest-environment jsdom
// Exports show a derived end as the screen does: the tie cased, the legend's "until the next record" line drawn cased.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphAdapter } from '../../src/graph/adapter';
import { exportSvg } from '../../src/graph/export';
import { legendOf } from '../../src/graph/legend-data';
import { LASTING_COLOR } from '../../src/graph/style';
import { readDatasetText } from '../../src/io/validate';
import { buildModel, isoToDay, type Model } from '../../src/model';

/** `#rrggbb` as Cytoscape writes colours back: `rgb(r,g,b)`. */
const rgb = (hex: string): string =>
  `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(',')})`;

let model: Model;
let adapter: GraphAdapter;
let doc: Document;

beforeAll(() => {
  const r = readDatasetText(readFileSync('tests/fixtures/mmp-states.json', 'utf8'));
  if (!r.ok) throw new Error('invalid fixture');
  model = buildModel(r.dataset);
  adapter = new GraphAdapter(null);
  adapter.setModel(model);
  model.dataset.actors.forEach((a, i) => {
    adapter.cy
      .getElementById('n:' + a.id)
      .position({ x: (i % 6) * 120, y: Math.floor(i / 6) * 90 });
  });
  const time = isoToDay('2013-06-01') as number;
  adapter.apply({ visible: model.index.activeAt(time), time, selected: null });
  const meta = { title: 'MMP', isoDate: '2013-06-01', dateText: '1 June 2013', lines: [] };
  const svg = exportSvg(adapter, meta, legendOf(model), model);
  doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
});
afterAll(() => adapter.destroy());

describe('an SVG export of lasting states', () => {
  it('draws the Helpers–State alliance (a derived end) over a dark casing', () => {
    const tie = doc.querySelector('[data-relation="r126"]');
    expect(tie).not.toBeNull();
    const casing = tie!.previousElementSibling;
    expect(casing?.getAttribute('stroke')).toBe(rgb(LASTING_COLOR));
    expect(Number(casing?.getAttribute('stroke-width'))).toBeGreaterThan(
      Number(tie!.getAttribute('stroke-width')),
    );
    expect(casing?.getAttribute('d')).toBe(tie!.getAttribute('d'));
  });

  it('explains the casing in the legend', () => {
    const text = doc.documentElement.textContent ?? '';
    expect(text).toContain("held until the pair's next record");
    expect(doc.querySelector('[data-legend="line:lasting"]')).not.toBeNull();
  });
});
