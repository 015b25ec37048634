// @vitest-environment jsdom
// Tests of the snapshot exports: the legend data, footnotes, file names, the PNG scale and the hand-written SVG.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphAdapter } from '../../src/graph/adapter';
import {
  MAX_CANVAS_AREA,
  MAX_CANVAS_SIDE,
  MAX_GRAPH_PIXELS,
  MIN_HEIGHT,
  MIN_WIDTH,
  exportPng,
  exportSvg,
  footnotesOf,
  pngScale,
  snapshotFileName,
  type SnapshotMeta,
} from '../../src/graph/export';
import { downloadBlob } from '../../src/app/download';
import { legendOf } from '../../src/graph/legend-data';
import {
  buildModel,
  isoToDay,
  type ActorId,
  type Dataset,
  type Model,
  type Relation,
} from '../../src/model';

const MARKUP = '<img src=x onerror=alert(1)>';

const dataset = {
  format: 'tieline/1',
  title: 'Test & <Title>',
  relationTypes: [
    { id: 'allegiance', label: 'Allegiance', directed: true, kind: 'state' },
    { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
    { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
    { id: 'defection', label: 'Defection', directed: true, kind: 'event' },
  ],
  actors: [
    { id: 'a', name: 'Alpha Front', aliases: [], kind: 'group' },
    { id: 'b', name: 'Beta State', aliases: [], kind: 'state' },
    { id: 'c', name: MARKUP, aliases: [], kind: 'formation' },
    { id: 'd', name: 'Delta & "Sons"', aliases: [], kind: 'person' },
    { id: 'e', name: "Echo\u0007's \ud800cell", aliases: [], kind: 'militia' },
  ],
  sources: [
    {
      id: 's1',
      title: 'First report',
      publisher: 'Wire',
      author: 'A. Writer',
      published: '2014-11-15',
    },
    { id: 's2', title: 'Second <look>', publisher: 'Daily & Co', published: '2014-11' },
  ],
  relations: [
    {
      id: 'r1',
      type: 'allegiance',
      source: 'a',
      target: 'c',
      start: '2014-10-01',
      end: null,
      claims: [{ source: 's1', stance: 'asserts', locator: 'p 1' }],
    },
    {
      id: 'r2',
      type: 'truce',
      source: 'a',
      target: 'b',
      start: '2014-09',
      claims: [
        { source: 's2', stance: 'asserts', locator: 'p 2' },
        { source: 's1', stance: 'disputes', locator: 'p 3' },
      ],
    },
    {
      id: 'r3',
      type: 'attack',
      source: 'b',
      target: 'c',
      start: '2014-10-25',
      claims: [
        { source: 's1', stance: 'asserts', locator: 'p 4' },
        { source: 's2', stance: 'asserts', locator: 'p 5' },
      ],
    },
    {
      id: 'r4',
      type: 'allegiance',
      source: 'd',
      target: 'b',
      start: '2015-01-01',
      claims: [{ source: 's1', stance: 'asserts', locator: 'p 6' }],
    },
    {
      id: 'r5',
      type: 'attack',
      source: 'c',
      target: 'a',
      start: '2014-01-01',
      claims: [{ source: 's2', stance: 'asserts', locator: 'p 7' }],
    },
    {
      id: 'r6',
      type: 'truce',
      source: 'c',
      target: 'a',
      start: '2014-08-01',
      end: '2014-12',
      claims: [{ source: 's2', stance: 'asserts', locator: 'p 8' }],
    },
  ],
} as unknown as Dataset;

const ISO = '2014-11-02';
const meta: SnapshotMeta = {
  title: dataset.title,
  isoDate: ISO,
  dateText: '2 November 2014',
  lines: ['Filters: none'],
};

const POSITIONS: Record<string, { x: number; y: number }> = {
  a: { x: 0, y: 0 },
  b: { x: 240, y: 40 },
  c: { x: 120, y: 200 },
  d: { x: 360, y: 220 },
  e: { x: -80, y: 260 },
};

let model: Model;
let adapter: GraphAdapter;
let svg: string;
let doc: Document;

function ordinal(id: string): number {
  return model.dataset.relations.findIndex((r) => r.id === id);
}

beforeAll(() => {
  model = buildModel(dataset);
  adapter = new GraphAdapter(null);
  adapter.setModel(model);
  for (const [id, p] of Object.entries(POSITIONS)) {
    adapter.cy.getElementById('n:' + id).position({ ...p });
  }
  const time = isoToDay(ISO) as number;
  adapter.apply({ visible: model.index.activeAt(time), time, selected: null });
  svg = exportSvg(adapter, meta, legendOf(model), model);
  doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
});

afterAll(() => adapter.destroy());

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('legendOf', () => {
  it('lists only the relation types and actor kinds present, with the graph colours', () => {
    const legend = legendOf(model);
    expect(legend.types.map((t) => t.id)).toEqual(['allegiance', 'truce', 'attack']);
    expect(legend.types[0]).toMatchObject({ label: 'Allegiance', directed: true, kind: 'state' });
    expect(legend.types[1]).toMatchObject({ directed: false, kind: 'state' });
    expect(legend.types[2]).toMatchObject({ directed: true, kind: 'event' });
    expect(legend.types.every((t) => /^#[0-9a-f]{6}$/i.test(t.color))).toBe(true);
    expect(legend.kinds.map((k) => [k.kind, k.shape])).toEqual([
      ['group', 'ellipse'],
      ['formation', 'hexagon'],
      ['state', 'round-rectangle'],
      ['person', 'triangle'],
      ['militia', 'ellipse'],
    ]);
    expect(legend.kinds[4]?.label).toBe('Militia');
  });

  it('explains the statuses and the time-bearing line styles', () => {
    const legend = legendOf(model);
    expect(legend.statuses.map((s) => [s.status, s.line])).toEqual([
      ['reported', 'solid'],
      ['corroborated', 'solid'],
      ['disputed', 'dashed'],
    ]);
    expect(legend.statuses.every((s) => s.meaning.length > 0)).toBe(true);
    expect(legend.lines.map((l) => l.id)).toEqual(['fuzzy', 'fading']);
    expect(legend.lines[0]?.opacities).toEqual([0.45]);
    expect(legend.lines[1]?.meaning).toContain('30 days');
    const fades = legend.lines[1]?.opacities ?? [];
    expect(fades.length).toBeGreaterThan(2);
    expect([...fades].sort((x, y) => y - x)).toEqual(fades);
    expect(legend.dashPattern).toEqual([7, 4]);
  });

  it('shows the shades a large graph steps through: every other one', () => {
    const small = legendOf(model).lines[1]?.opacities ?? [];
    expect(small).toHaveLength(5);
    const fillers = Array.from({ length: 5001 }, (_, k) => ({
      ...model.dataset.relations[0]!,
      id: `filler-${k}` as Relation['id'],
    }));
    const large = buildModel({
      ...model.dataset,
      relations: [...model.dataset.relations, ...fillers],
    });
    expect(legendOf(large).lines[1]?.opacities).toEqual([small[0], small[2], small[4]]);
    // And says that one of its lines stands for every tie of one type between two actors.
    expect(legendOf(large).lines.map((l) => l.id)).toEqual(['fuzzy', 'fading', 'merged']);
    expect(legendOf(large).lines[2]?.meaning).toContain('the ties panel lists each');
    expect(legendOf(model).lines.some((l) => l.id === 'merged')).toBe(false);
  });
});

describe('footnotesOf', () => {
  it('numbers sources by first citation with the ties in date order, each source once', () => {
    const visible = ['r3', 'r1', 'r2', 'r6', 'r3'].map(ordinal);
    const notes = footnotesOf(model, visible);
    // r6 (Aug 2014) cites s2 first, so s2 is 1 although s1 comes first in the dataset.
    expect(notes.sources.map((s) => [s.number, s.sourceId])).toEqual([
      [1, 's2'],
      [2, 's1'],
    ]);
    expect(notes.sources[0]?.text).toBe('Second <look> — Daily & Co, November 2014');
    expect(notes.sources[1]?.text).toBe('First report — Wire, A. Writer, 15 November 2014');
    expect(notes.byRelation.get(ordinal('r6'))).toEqual([1]);
    expect(notes.byRelation.get(ordinal('r2'))).toEqual([1, 2]);
    expect(notes.byRelation.get(ordinal('r1'))).toEqual([2]);
    expect(notes.byRelation.get(ordinal('r3'))).toEqual([1, 2]);
    expect(notes.byRelation.size).toBe(4);
  });

  it('is empty when no tie is shown', () => {
    const notes = footnotesOf(model, []);
    expect(notes.sources).toEqual([]);
    expect(notes.byRelation.size).toBe(0);
  });
});

describe('snapshotFileName', () => {
  it('names files tieline-YYYY-MM-DD.ext', () => {
    expect(snapshotFileName('2014-11-02', 'png')).toBe('tieline-2014-11-02.png');
    expect(snapshotFileName('2014-11-02', 'svg')).toBe('tieline-2014-11-02.svg');
  });
  it('refuses anything that is not a date', () => {
    expect(() => snapshotFileName('../etc/passwd', 'png')).toThrow(Error);
  });
});

describe('pngScale', () => {
  const size = (bb: number, s: number, extra: number, min: number): number =>
    Math.max(min, Math.ceil(Math.ceil(bb * s) + extra));

  it('is 2 for ordinary graphs', () => {
    expect(pngScale(800, 600, 96, 900)).toBe(2);
    expect(pngScale(0, 0, 96, 900)).toBe(2);
    expect(pngScale(2_000, 2_000, 96, 900)).toBe(2);
  });

  it('keeps the graph raster within 4,096² pixels (a big spread-out graph is not a 30 MB file)', () => {
    const s = pngScale(12_000, 3_000, 96, 900);
    expect(s).toBeLessThan(2);
    expect(12_000 * s * 3_000 * s).toBeLessThanOrEqual(MAX_GRAPH_PIXELS);
    expect(12_000 * (s + 0.01) * 3_000 * (s + 0.01)).toBeGreaterThan(MAX_GRAPH_PIXELS);
  });

  it('shrinks a graph too long on one side to the largest scale that fits', () => {
    const s = pngScale(60_000, 100, 96, 900);
    expect(s).toBeLessThan(2);
    expect(s).toBeGreaterThanOrEqual(0.25);
    expect(size(60_000, s, 96, MIN_WIDTH)).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(size(60_000, s + 0.01, 96, MIN_WIDTH)).toBeGreaterThan(MAX_CANVAS_SIDE);
  });

  it('shrinks an image too large in area (long footnotes) to fit 16,384²', () => {
    const s = pngScale(16_000, 1_000, 96, 20_000);
    expect(s).toBeLessThan(2);
    const area = (k: number): number =>
      size(16_000, k, 96, MIN_WIDTH) * size(1_000, k, 20_000, MIN_HEIGHT);
    expect(area(s)).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(area(s + 0.01)).toBeGreaterThan(MAX_CANVAS_AREA);
  });

  it('throws a plain Error when even a quarter of the size does not fit', () => {
    expect(() => pngScale(200_000, 1_000, 96, 900)).toThrow(/too large to export as a PNG/);
    expect(() => pngScale(70_000, 70_000, 96, 900)).toThrow(Error);
    expect(() => pngScale(100, 100, 96, 40_000)).toThrow(Error);
    expect(() => pngScale(Number.NaN, 100, 96, 900)).toThrow(Error);
  });
});

describe('exportSvg', () => {
  it('parses as SVG without errors, at least 1600 × 1000', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));
    expect(width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(height).toBeGreaterThanOrEqual(MIN_HEIGHT);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
  });

  it('is titled with the dataset title and the date, and shows the ISO date', () => {
    const title = doc.querySelector('svg > title')?.textContent ?? '';
    expect(title).toContain('Test & <Title>');
    expect(title).toContain('2 November 2014');
    expect(title).toContain(ISO);
    expect(doc.querySelector('[data-part="title"]')?.textContent).toBe('Test & <Title>');
    expect(doc.querySelector('[data-part="date"]')?.textContent).toContain(ISO);
    expect(doc.querySelector('[data-part="line"]')?.textContent).toBe('Filters: none');
  });

  it('draws exactly the visible ties', () => {
    const drawn = [...doc.querySelectorAll('[data-relation]')];
    expect(drawn.every((el) => el.localName === 'path' || el.localName === 'line')).toBe(true);
    const ids = drawn.map((el) => el.getAttribute('data-relation')).sort();
    expect(ids).toEqual(['r1', 'r2', 'r3', 'r6']);
    expect(ids).toEqual(adapter.visibleRelationIds());
  });

  it('dashes the disputed tie and no other', () => {
    const dashed = [...doc.querySelectorAll('[data-relation]')]
      .filter((el) => el.hasAttribute('stroke-dasharray'))
      .map((el) => el.getAttribute('data-relation'));
    expect(dashed).toEqual(['r2']);
  });

  it('puts arrowheads on directed ties only, with a marker per colour', () => {
    const withArrow = [...doc.querySelectorAll('[data-relation]')]
      .filter((el) => el.hasAttribute('marker-end'))
      .map((el) => el.getAttribute('data-relation'))
      .sort();
    expect(withArrow).toEqual(['r1', 'r3']);
    expect(doc.querySelectorAll('marker')).toHaveLength(2);
    for (const el of doc.querySelectorAll('[marker-end]')) {
      const id = /url\(#(.+)\)/.exec(el.getAttribute('marker-end') ?? '')?.[1] ?? '';
      expect(doc.getElementById(id)?.localName).toBe('marker');
    }
  });

  it('bows parallel ties apart and draws a lone tie straight', () => {
    const d = (id: string): string =>
      doc.querySelector(`[data-relation="${id}"]`)?.getAttribute('d') ?? '';
    expect(d('r1')).toContain(' Q ');
    expect(d('r6')).toContain(' Q ');
    expect(d('r2')).toContain(' L ');
  });

  it('draws every actor with its shape, and the markup label only as text', () => {
    expect(svg).not.toContain('<img');
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    expect(doc.querySelector('[data-actor="c"] text')?.textContent).toBe(MARKUP);
    expect(doc.querySelector('[data-actor="c"] polygon')).not.toBeNull();
    expect(doc.querySelector('[data-actor="b"] rect')).not.toBeNull();
    expect(doc.querySelector('[data-actor="a"] ellipse')).not.toBeNull();
    expect(doc.querySelector('[data-actor="d"] text')?.textContent).toBe('Delta & "Sons"');
    // Characters XML cannot carry are dropped rather than breaking the file.
    expect(doc.querySelector('[data-actor="e"] text')?.textContent).toBe("Echo's cell");
    // d has no tie at this date: it is drawn faint.
    expect(Number(doc.querySelector('[data-actor="d"]')?.getAttribute('opacity'))).toBeLessThan(1);
  });

  it('lists the footnotes in order, and numbers the ties with them', () => {
    const notes = footnotesOf(model, adapter.visibleOrdinals());
    const listed = [...doc.querySelectorAll('[data-footnote]')];
    expect(listed.map((el) => el.getAttribute('data-footnote'))).toEqual(['1', '2']);
    expect(listed.map((el) => el.textContent)).toEqual(notes.sources.map((s) => s.text));
    expect(doc.querySelector('[data-notes-for="r2"]')?.textContent).toBe('1,2');
    expect(doc.querySelector('[data-notes-for="r1"]')?.textContent).toBe('2');
  });

  it('has a legend entry for each type present, each status and each kind', () => {
    const tags = [...doc.querySelectorAll('[data-legend]')].map((el) =>
      el.getAttribute('data-legend'),
    );
    expect(tags.filter((t) => t?.startsWith('type:'))).toEqual([
      'type:allegiance',
      'type:truce',
      'type:attack',
    ]);
    expect(tags).toEqual(
      expect.arrayContaining([
        'status:reported',
        'status:corroborated',
        'status:disputed',
        'line:fuzzy',
        'line:fading',
        'kind:group',
        'kind:formation',
        'kind:state',
        'kind:person',
      ]),
    );
    expect(doc.querySelector('[data-legend="type:attack"]')?.textContent).toContain('Attack');
  });

  it('leaves hidden ties out after the date changes, and stays valid with a selection', () => {
    const time = isoToDay('2015-02-01') as number;
    adapter.apply({ visible: model.index.activeAt(time), time, selected: 'b' as ActorId });
    try {
      const later = exportSvg(
        adapter,
        { title: 'Later', isoDate: '2015-02-01', dateText: '1 February 2015' },
        legendOf(model),
        model,
      );
      const d2 = new DOMParser().parseFromString(later, 'image/svg+xml');
      expect(d2.getElementsByTagName('parsererror')).toHaveLength(0);
      const ids = [...d2.querySelectorAll('[data-relation]')]
        .map((el) => el.getAttribute('data-relation'))
        .sort();
      expect(ids).toEqual(adapter.visibleRelationIds());
      expect(ids).toContain('r4');
      expect(ids).not.toContain('r3');
      expect(later).toContain('2015-02-01');
    } finally {
      const t0 = isoToDay(ISO) as number;
      adapter.apply({ visible: model.index.activeAt(t0), time: t0, selected: null });
    }
  });
});

describe('exportPng (what can be checked without a browser)', () => {
  const fakeContext = {
    font: '',
    measureText: (text: string) => ({ width: text.length * 12 }),
  } as unknown as CanvasRenderingContext2D;

  it('asks Cytoscape for the whole graph at 2× on white, and refuses an empty image', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(fakeContext as never);
    const png = vi.spyOn(adapter.cy, 'png').mockResolvedValue(new Blob([]) as never);
    await expect(exportPng(adapter, meta, legendOf(model), model)).rejects.toThrow(/empty/);
    expect(png).toHaveBeenCalledTimes(1);
    expect(png.mock.calls[0]?.[0]).toMatchObject({
      output: 'blob-promise',
      full: true,
      scale: 2,
      bg: '#ffffff',
    });
  });

  it('refuses a graph too large to draw before asking Cytoscape for it', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(fakeContext as never);
    const png = vi.spyOn(adapter.cy, 'png');
    const far = adapter.cy.getElementById('n:d');
    far.position({ x: 200_000, y: 0 });
    try {
      await expect(exportPng(adapter, meta, legendOf(model), model)).rejects.toThrow(
        /too large to export as a PNG/,
      );
      expect(png).not.toHaveBeenCalled();
    } finally {
      far.position({ ...POSITIONS['d']! });
    }
  });

  it('says so plainly when the browser has no 2D canvas', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await expect(exportPng(adapter, meta, legendOf(model), model)).rejects.toThrow(
      /cannot draw on a canvas/,
    );
  });
});

describe('downloadBlob', () => {
  it('clicks a temporary anchor with the file name, then revokes the URL', () => {
    vi.useFakeTimers();
    const create = vi.fn(() => 'blob:tieline-test');
    const revoke = vi.fn();
    Object.defineProperty(URL, 'createObjectURL', { value: create, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: revoke, configurable: true });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
    downloadBlob(new Blob(['x']), 'tieline-2014-11-02.svg');
    expect(clicked).toEqual([{ download: 'tieline-2014-11-02.svg', href: 'blob:tieline-test' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:tieline-test');
  });
});
