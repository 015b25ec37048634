// Tests of the small multiples: spread dates, thumbnail drawing, redraws when positions settle.
import { describe, expect, it, vi } from 'vitest';
import { GraphAdapter } from '../../src/graph/adapter';
import {
  DEFAULT_SPREAD,
  drawThumbnail,
  watchPositions,
  type ThumbnailContext,
} from '../../src/graph/thumbnails';
import {
  OPEN_LENS,
  buildModel,
  isoToDay,
  lensSpans,
  lensStatuses,
  spreadDates,
  type Dataset,
  type Model,
  type RelationSpan,
  type Status,
} from '../../src/model';
import { datasetOf } from '../fixtures/dataset';

const day = (iso: string): number => isoToDay(iso) as number;
const asserts = (source: string) => ({ source, stance: 'asserts', locator: 'p 1' });
const disputes = (source: string) => ({ source, stance: 'disputes', locator: 'p 2' });

const dataset = datasetOf({
  format: 'tieline/1',
  title: 'Thumbnail test',
  relationTypes: [
    { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
    { id: 'allegiance', label: 'Allegiance', directed: true, kind: 'state' },
    { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
  ],
  actors: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
    id,
    name: id.toUpperCase(),
    aliases: [],
    kind: id === 'b' ? 'state' : 'group',
  })),
  sources: [
    { id: 's1', title: 'One', published: '2014-01-01' },
    { id: 's2', title: 'Two', published: '2014-12-01' },
  ],
  relations: [
    // Solid, fully known: 2014-01-01 → 2014-06-30.
    {
      id: 'ab',
      type: 'truce',
      source: 'a',
      target: 'b',
      start: '2014-01-01',
      end: '2014-06-30',
      claims: [asserts('s1')],
    },
    // Disputed (s2 disputes): from 2014-03-01, open-ended.
    {
      id: 'bc',
      type: 'allegiance',
      source: 'b',
      target: 'c',
      start: '2014-03-01',
      claims: [asserts('s1'), disputes('s2')],
    },
    // Fuzzy start (month precision): in its uncertain span during May 2014.
    {
      id: 'cd',
      type: 'truce',
      source: 'c',
      target: 'd',
      start: '2014-05',
      claims: [asserts('s1'), asserts('s2')],
    },
    // Events: shown for the 30-day window after their date, fading.
    {
      id: 'ad1',
      type: 'attack',
      source: 'a',
      target: 'd',
      start: '2014-04-01',
      claims: [asserts('s1')],
    },
    {
      id: 'ad2',
      type: 'attack',
      source: 'a',
      target: 'd',
      start: '2014-04-02',
      claims: [asserts('s1')],
    },
    {
      id: 'ad3',
      type: 'attack',
      source: 'a',
      target: 'd',
      start: '2014-04-03',
      claims: [asserts('s1')],
    },
    {
      id: 'ad4',
      type: 'attack',
      source: 'a',
      target: 'd',
      start: '2014-04-04',
      claims: [asserts('s1')],
    },
    {
      id: 'ca',
      type: 'attack',
      source: 'c',
      target: 'a',
      start: '2014-09-15',
      claims: [asserts('s2')],
    },
  ],
});

const model = buildModel(dataset);
const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 200, y: 0 }],
  ['c', { x: 200, y: 150 }],
  ['d', { x: 0, y: 150 }],
  ['e', { x: 100, y: 300 }],
] as const);

/** A 2D context that records what is drawn: each stroke with its dash, alpha and number of lines. */
class RecordingContext implements ThumbnailContext {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  lineCap: CanvasLineCap = 'butt';
  dash: number[] = [];
  lines = 0;
  arcs = 0;
  points: [number, number][] = [];
  strokes: { color: string; dash: number[]; alpha: number; lines: number; arcs: number }[] = [];
  fills: { alpha: number; arcs: number }[] = [];
  save(): void {}
  restore(): void {}
  fillRect(): void {}
  beginPath(): void {
    this.lines = 0;
    this.arcs = 0;
  }
  moveTo(x: number, y: number): void {
    this.points.push([x, y]);
  }
  lineTo(x: number, y: number): void {
    this.lines++;
    this.points.push([x, y]);
  }
  arc(x: number, y: number): void {
    this.arcs++;
    this.points.push([x, y]);
  }
  fill(): void {
    this.fills.push({ alpha: this.globalAlpha, arcs: this.arcs });
  }
  stroke(): void {
    this.strokes.push({
      color: String(this.strokeStyle),
      dash: [...this.dash],
      alpha: this.globalAlpha,
      lines: this.lines,
      arcs: this.arcs,
    });
  }
  setLineDash(segments: Iterable<number>): void {
    this.dash = [...segments];
  }
  /** Strokes of ties (paths of lines), as opposed to node outlines (paths of arcs). */
  get ties() {
    return this.strokes.filter((s) => s.lines > 0);
  }
}

function draw(
  iso: string,
  statuses: readonly (Status | null)[] = model.statuses,
  m: Model = model,
) {
  const ctx = new RecordingContext();
  const report = drawThumbnail(ctx, {
    model: m,
    positions,
    day: day(iso),
    statuses,
    width: 160,
    height: 110,
  });
  return { ctx, report };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('spreadDates', () => {
  const changes = model.index.changes;
  const extent = model.index.extent!;

  it('gives n sorted, distinct change days within the extent, first and last change included', () => {
    const dates = spreadDates(model, 4);
    expect(dates).toHaveLength(4);
    expect([...dates].sort((x, y) => x - y)).toEqual(dates);
    expect(new Set(dates).size).toBe(4);
    for (const d of dates) {
      expect(changes).toContain(d);
      expect(d).toBeGreaterThanOrEqual(extent.first);
      expect(d).toBeLessThanOrEqual(extent.last);
    }
    expect(dates[0]).toBe(day('2014-01-01'));
  });

  it('follows the events: quantiles put more dates where changes cluster', () => {
    // 6 of the change days fall within 2014-03-01 … 2014-05-01; a spread of 5 puts 3 or more there.
    const dates = spreadDates(model, 5);
    const inCluster = dates.filter((d) => d >= day('2014-03-01') && d <= day('2014-05-01'));
    expect(inCluster.length).toBeGreaterThanOrEqual(3);
  });

  it('uses every change day and fills the largest gaps when n exceeds them', () => {
    const within = changes.filter((d) => d >= extent.first && d <= extent.last);
    const n = within.length + 3;
    const dates = spreadDates(model, n);
    expect(dates).toHaveLength(n);
    for (const d of within) expect(dates).toContain(d);
    expect(new Set(dates).size).toBe(n);
    expect([...dates].sort((x, y) => x - y)).toEqual(dates);
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(extent.first);
    expect(Math.max(...dates)).toBeLessThanOrEqual(extent.last);
  });

  it('handles the edges: n = exactly the change days, 1, 0, more than the extent has days, no relations', () => {
    const within = changes.filter((d) => d >= extent.first && d <= extent.last);
    expect(spreadDates(model, within.length)).toEqual(within);
    expect(spreadDates(model, 1)).toHaveLength(1);
    expect(spreadDates(model, 0)).toEqual([]);
    expect(spreadDates(model, DEFAULT_SPREAD)).toHaveLength(DEFAULT_SPREAD);
    const oneDay = buildModel({
      ...dataset,
      relations: [{ ...dataset.relations[0]!, start: '2014-01-01', end: '2014-01-01' }],
    });
    expect(spreadDates(oneDay, 8)).toEqual([day('2014-01-01')]);
    expect(spreadDates(buildModel({ ...dataset, relations: [] }), 8)).toEqual([]);
  });
});

describe('drawThumbnail', () => {
  it('draws one line per tie in view at the day, and only those', () => {
    for (const iso of [
      '2014-01-15',
      '2014-03-10',
      '2014-04-05',
      '2014-05-10',
      '2014-07-15',
      '2014-09-20',
    ]) {
      const { ctx, report } = draw(iso);
      const expected = model.index.activeAt(day(iso)).length;
      expect(sum(ctx.ties.map((s) => s.lines)), iso).toBe(expected);
      expect(report.ties).toBe(expected);
    }
  });

  it('dashes disputed ties, and only those', () => {
    const { ctx, report } = draw('2014-03-10'); // ab (solid) and bc (disputed)
    const dashed = ctx.ties.filter((s) => s.dash.length > 0);
    expect(sum(dashed.map((s) => s.lines))).toBe(1);
    expect(sum(ctx.ties.filter((s) => s.dash.length === 0).map((s) => s.lines))).toBe(1);
    expect(report.disputed).toBe(1);
  });

  it('follows the lens statuses: hidden ties are not drawn, and a dispute filtered out is solid', () => {
    // Only source s1 counts: bc is merely reported (solid); the attack ca (s2 only) is hidden.
    const lens = { ...OPEN_LENS, sources: ['s1'] };
    const statuses = lensStatuses(model, lens);
    const march = draw('2014-03-10', statuses);
    expect(march.ctx.ties.every((s) => s.dash.length === 0)).toBe(true);
    expect(march.report.ties).toBe(2);
    expect(draw('2014-09-20').report.ties).toBe(3); // bc, cd and the attack ca
    expect(draw('2014-09-20', statuses).report.ties).toBe(2); // ca rests on s2 alone
  });

  it('dims actors with no tie at that day', () => {
    const { ctx, report } = draw('2014-01-15'); // only a–b
    expect(report.activeActors).toBe(2);
    const dimmed = ctx.fills.find((f) => f.alpha < 1);
    const opaque = ctx.fills.find((f) => f.alpha === 1);
    expect(dimmed?.arcs).toBe(3);
    expect(opaque?.arcs).toBe(2);
  });

  it('fades event ties with their age and lightens a fuzzy date’s uncertain span', () => {
    const alphaOf = (iso: string, color: string) =>
      draw(iso)
        .ctx.ties.filter((s) => s.color === color)
        .map((s) => s.alpha);
    const attack = '#d7301f';
    // Two days after: the four attacks are at different ages, the oldest faded most.
    const fresh = alphaOf('2014-04-04', attack);
    expect(Math.max(...fresh)).toBe(1);
    const late = alphaOf('2014-04-30', attack);
    expect(Math.max(...late)).toBeLessThan(Math.max(...fresh));
    // cd starts "2014-05": uncertain until 31 May (lighter), certain from then on.
    const truce = '#2166ac';
    expect(Math.min(...alphaOf('2014-05-10', truce))).toBeLessThan(1);
    expect(Math.min(...alphaOf('2014-07-10', truce))).toBe(1);
  });

  it('keeps the drawing inside the thumbnail', () => {
    const { ctx, report } = draw('2014-04-05');
    // Something was drawn (ties and every actor), so the bounds below are checked on real points.
    expect(report.ties).toBeGreaterThan(0);
    expect(ctx.points.length).toBeGreaterThanOrEqual(2 * report.ties + model.dataset.actors.length);
    for (const [x, y] of ctx.points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(160);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(110);
    }
  });

  it('follows the lens’s claim dates: a tie the kept sources date later is not drawn', () => {
    const d: Dataset = {
      ...model.dataset,
      sources: [
        ...model.dataset.sources,
        { id: 'later' as never, title: 'Later', published: '2015' },
      ],
      relations: model.dataset.relations.map((r, i) =>
        i === 0
          ? {
              ...r,
              claims: [
                ...r.claims,
                {
                  source: 'later' as never,
                  stance: 'asserts',
                  locator: 'p 1',
                  start: '2016',
                  end: null,
                },
              ],
            }
          : r,
      ),
    };
    const m = buildModel(d);
    const r0 = d.relations[0]!;
    // The first tie ('ab') holds from January to June 2014; the later source dates it to 2016.
    const at = day('2014-03-01');
    expect(r0.id).toBe('ab');
    const draw = (spans?: readonly RelationSpan[]) =>
      drawThumbnail(new RecordingContext(), {
        model: m,
        positions,
        day: at,
        statuses: m.statuses,
        ...(spans ? { spans } : {}),
        width: 160,
        height: 110,
      }).ties;
    const all = draw();
    const onlyLater = draw(lensSpans(m, { sources: ['later'], knownOn: null }));
    expect(onlyLater).toBe(all - 1);
  });

  it('skips ties whose actors have no position (positions of another dataset)', () => {
    const ctx = new RecordingContext();
    const report = drawThumbnail(ctx, {
      model,
      positions: new Map([['a', { x: 0, y: 0 }]]),
      day: day('2014-04-05'),
      statuses: model.statuses,
      width: 160,
      height: 110,
    });
    expect(report.ties).toBe(0);
  });
});

describe('watchPositions', () => {
  it('reports once when positions settle (a layout written in one batch), not per node', () => {
    vi.useFakeTimers();
    try {
      const adapter = new GraphAdapter(null);
      adapter.setModel(model);
      const onChange = vi.fn();
      const stop = watchPositions(adapter, onChange);
      adapter.cy.batch(() => {
        adapter.cy.nodes().forEach((n, i) => {
          n.position({ x: i * 10, y: i * 5 });
        });
      });
      expect(onChange).not.toHaveBeenCalled();
      vi.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
      stop();
      adapter.cy.nodes().first().position({ x: 1, y: 1 });
      vi.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
      adapter.destroy();
    } finally {
      vi.useRealTimers();
    }
  });
});
