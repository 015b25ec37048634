// @vitest-environment jsdom
// Issue 18's hostile corpus: hostile strings in every field of every format, and dates across the EDTF
// range. Each case ends loaded correctly (and drawable), or refused with a located message.
import { describe, expect, it } from 'vitest';
import { GraphAdapter } from '../../../src/graph/adapter';
import { exportSvg } from '../../../src/graph/export';
import { legendOf } from '../../../src/graph/legend-data';
import { typeColors } from '../../../src/graph/palette';
import { importBuffer, type ImportResult } from '../../../src/io/import';
import { checkLimits } from '../../../src/io/limits';
import { validateDataset } from '../../../src/io/validate';
import { buildModel, clip } from '../../../src/model';
import { createViewStore } from '../../../src/store/store';
import { PROTO_NAMES, tiny, tinyData, type Bend } from './helpers';

/** Strings that have broken parsers, selectors, styles, maps or layouts somewhere. */
const HOSTILE = [
  ...PROTO_NAMES.slice(0, 4),
  '<img src=x onerror=alert(1)>',
  '"]; node { background-color: red } [id="',
  '#a.b:c[d="e"] > f, g',
  'a\\"b\\\\c',
  'line\nbreak\r\nand\ttab',
  '\u202eRTL override\u202c',
  '\u0000nul',
  'lone \ud800 surrogate',
  '👩‍👩‍👧‍👦 family',
  ' ',
  'x'.repeat(5_000),
  'javascript:alert(1)',
  'data(color)',
  'mapData(weight, 0, 1, red, blue)',
] as const;

const FIELDS: (keyof Bend)[] = ['typeId', 'kind', 'title', 'name', 'label'];

/** Loaded: valid, within limits, in a store, with a real colour per type and a legend; or refused with paths. */
function settle(r: ImportResult): 'loaded' | 'refused' {
  if (!r.ok) {
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) expect(typeof i.path).toBe('string');
    for (const i of r.issues) expect(i.message.length).toBeGreaterThan(5);
    return 'refused';
  }
  const again = validateDataset(JSON.parse(JSON.stringify(r.dataset)));
  expect(again.ok).toBe(true);
  const over = checkLimits(r.dataset);
  if (over.length) {
    expect(over[0]?.path).toMatch(/^\$/);
    return 'refused';
  }
  const store = createViewStore();
  store.getState().loadDataset(r.dataset, 'corpus');
  expect(store.getState().status).toMatch(/^Loaded /);
  for (const c of typeColors(r.dataset.relationTypes).values())
    expect(c).toMatch(/^#[0-9a-f]{6}$/i);
  expect(legendOf(buildModel(r.dataset)).types.length).toBe(r.dataset.relationTypes.length);
  return 'loaded';
}

const json = (d: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(d));

describe('issue 18: hostile corpus', () => {
  describe.each(FIELDS)('tieline/1 %s', (field) => {
    it.each(HOSTILE.map((s, i) => [i, s] as const))('hostile string %i', async (_, s) => {
      const d = tinyData({ [field]: s } as Bend);
      const r = await importBuffer('h.json', json(d));
      const outcome = settle(r);
      if (
        outcome === 'loaded' &&
        r.ok &&
        (field === 'title' || field === 'name' || field === 'label')
      ) {
        // Text is kept as written (views clip it, the ties panel shows it whole).
        const kept =
          field === 'title'
            ? r.dataset.title
            : field === 'name'
              ? r.dataset.actors[0]?.name
              : r.dataset.relationTypes[0]?.label;
        expect(kept?.length).toBeGreaterThan(0);
      }
    });
  });

  describe('CSV relation types and actor names', () => {
    it.each(HOSTILE.map((s, i) => [i, s] as const))('hostile string %i', async (_, s) => {
      const cell = `"${s.replace(/"/g, '""')}"`;
      const csv = `source,target,type,date\n${cell},B,${cell},2014-01-02\nB,C,t,2014-02-03\n`;
      const r = await importBuffer('h.csv', new TextEncoder().encode(csv), {
        csv: { source: 0, target: 1, type: 2, start: 3 },
      });
      settle(r);
    });
  });

  const YEARS = [
    '-9999',
    '-1000',
    '-0044',
    '-0001',
    '0000',
    '0001',
    '0099',
    '0999',
    '1582',
    '9999',
  ];
  const FORMS = ['', '-02', '-02-29', '~', '?', '%'];
  describe('dates across the EDTF range', () => {
    it.each(YEARS.flatMap((y) => FORMS.map((f) => `${y}${f}`)))('start %s', async (start) => {
      const r = await importBuffer('d.json', json(tinyData({ start })));
      if (settle(r) === 'refused' && !r.ok) expect(r.issues[0]?.path).toMatch(/start/);
    });
    it.each([
      'XXXX',
      '-XXXX',
      '19XX',
      '-00XX',
      '2014-XX',
      '2014-XX-XX',
      '..',
      '99999',
      '-99999',
      'Y12345',
    ])('unusual %s', async (start) => {
      const r = await importBuffer('d.json', json(tinyData({ start })));
      if (settle(r) === 'refused' && !r.ok) expect(r.issues[0]?.path).toMatch(/start/);
    });
  });

  it('row 15: a 5 MB label and a 1,000,000-character title export as SVG, clipped with an ellipsis', () => {
    const d = tiny({
      title: 't'.repeat(1_000_000),
      label: 'L'.repeat(5_000_000),
      name: 'n'.repeat(90_000),
    });
    const model = buildModel(d);
    const adapter = new GraphAdapter(null);
    try {
      adapter.setModel(model);
      adapter.apply({
        visible: model.index.activeAt(model.index.extent!.first),
        time: model.index.extent!.first,
        selected: null,
      });
      const svg = exportSvg(
        adapter,
        { title: d.title, isoDate: '2014-11-01', dateText: '1 November 2014' },
        legendOf(model),
        model,
      );
      expect(svg).toContain('…');
      expect(svg.length).toBeLessThan(200_000);
    } finally {
      adapter.destroy();
    }
    expect(clip('ab'.repeat(200), 10)).toBe('ababababa…');
    expect(clip('short')).toBe('short');
  });
});
