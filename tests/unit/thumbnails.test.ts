// Tests of the small multiples and the video export's pure parts: spread dates, thumbnail drawing, the frame schedule and the WebM Duration patch.
import { describe, expect, it, vi } from 'vitest';
import { GraphAdapter } from '../../src/graph/adapter';
import {
  DEFAULT_SPREAD,
  drawThumbnail,
  watchPositions,
  type ThumbnailContext,
} from '../../src/graph/thumbnails';
import {
  BlockCounter,
  EBML_IDS,
  MAX_FRAMES,
  blockTimes,
  fixWebmDuration,
  framesFor,
  matchFrames,
  pickMimeType,
  retimeWebm,
  videoFileName,
  webmInfo,
} from '../../src/graph/video';
import {
  OPEN_LENS,
  buildModel,
  isoToDay,
  lensStatuses,
  spreadDates,
  type Dataset,
  type Model,
  type Status,
} from '../../src/model';

const day = (iso: string): number => isoToDay(iso) as number;
const asserts = (source: string) => ({ source, stance: 'asserts', locator: 'p 1' });
const disputes = (source: string) => ({ source, stance: 'disputes', locator: 'p 2' });

const dataset = {
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
} as unknown as Dataset;

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
    const { ctx } = draw('2014-04-05');
    for (const [x, y] of ctx.points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(160);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(110);
    }
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

describe('framesFor', () => {
  it('steps by days from the first day, always ending on the last', () => {
    expect(framesFor([10, 15], { kind: 'days', days: 1 })).toEqual([10, 11, 12, 13, 14, 15]);
    expect(framesFor([10, 20], { kind: 'days', days: 4 })).toEqual([10, 14, 18, 20]);
    expect(framesFor([10, 12], { kind: 'days', days: 30 })).toEqual([10, 12]);
    expect(framesFor([10, 10], { kind: 'days', days: 7 })).toEqual([10]);
    expect(framesFor([20, 10], { kind: 'days', days: 5 })).toEqual([10, 15, 20]);
    expect(framesFor([10, 39], { kind: 'days', days: 1 })).toHaveLength(30);
  });

  it('goes event to event within the range, each date held', () => {
    const changes = [5, 12, 14, 30, 41];
    expect(framesFor([10, 35], { kind: 'events', changes, hold: 2 })).toEqual([
      10, 10, 12, 12, 14, 14, 30, 30, 35, 35,
    ]);
    expect(framesFor([12, 14], { kind: 'events', changes, hold: 1 })).toEqual([12, 14]);
  });

  it('stops building past MAX_FRAMES', () => {
    expect(framesFor([0, 100_000], { kind: 'days', days: 1 })).toHaveLength(MAX_FRAMES + 1);
  });

  it('names the file by the range and picks a WebM type the browser supports', () => {
    expect(videoFileName(day('2014-01-01'), day('2014-01-30'))).toBe(
      'tieline-2014-01-01-2014-01-30.webm',
    );
    expect(pickMimeType((t) => t.includes('vp9'))).toBe('video/webm;codecs=vp9');
    expect(pickMimeType(() => true)).toBe('video/webm;codecs=vp8');
    expect(pickMimeType(() => false)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------
// A small synthetic WebM, built as Chromium's MediaRecorder writes one (no Duration, unknown sizes).

type Bytes = number[];
const ascii = (s: string): Bytes => [...s].map((c) => c.charCodeAt(0));
const idOf = (id: number): Bytes => {
  const out: Bytes = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
};
const uint = (v: number, width: number): Bytes =>
  Array.from({ length: width }, (_, k) => Math.floor(v / 256 ** (width - 1 - k)) % 256);
/** An EBML size: one byte when small, else eight. */
const sizeOf = (n: number, eight = false): Bytes =>
  !eight && n < 127 ? [0x80 | n] : [0x01, ...uint(n, 7)];
const UNKNOWN: Bytes = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
const el = (id: number, ...children: Bytes[]): Bytes => {
  const body = children.flat();
  return [...idOf(id), ...sizeOf(body.length), ...body];
};
const simpleBlock = (rel: number): Bytes =>
  el(EBML_IDS.SimpleBlock, [0x81, ...uint(rel, 2), 0x80, 1, 2, 3]);

interface Fixture {
  bytes: Uint8Array;
  segmentDataStart: number;
}

/** EBML header, then a Segment holding SeekHead → Info, Tracks, Cluster; Info, optional Void, Tracks, two Clusters, optional Cues. */
function webm(options: { voidBytes?: number; knownSize?: boolean; cues?: boolean } = {}): Fixture {
  const header = el(
    EBML_IDS.EBML,
    el(0x4286, [1]),
    el(0x42f7, [1]),
    el(EBML_IDS.DocType, ascii('webm')),
    el(0x4287, [4]),
    el(0x4285, [2]),
  );
  const info = el(
    EBML_IDS.Info,
    el(EBML_IDS.TimecodeScale, uint(1_000_000, 3)),
    el(0x4d80, ascii('Chrome')),
    el(0x5741, ascii('Chrome')),
  );
  const voidEl = options.voidBytes
    ? el(EBML_IDS.Void, new Array<number>(options.voidBytes - 2).fill(0))
    : [];
  const tracks = el(EBML_IDS.Tracks, el(0xae, el(0xd7, [1]), el(0x86, ascii('V_VP8'))));
  const cluster = (time: number, rels: number[]): Bytes => [
    ...idOf(EBML_IDS.Cluster),
    ...UNKNOWN,
    ...el(EBML_IDS.Timecode, uint(time, 2)),
    ...rels.flatMap(simpleBlock),
  ];
  const c1 = cluster(0, [0, 33, 66]);
  const c2 = cluster(1000, [33, 66]);
  const seekHead = (infoAt: number, tracksAt: number, clusterAt: number): Bytes =>
    el(
      EBML_IDS.SeekHead,
      el(
        EBML_IDS.Seek,
        el(0x53ab, idOf(EBML_IDS.Info)),
        el(EBML_IDS.SeekPosition, uint(infoAt, 2)),
      ),
      el(
        EBML_IDS.Seek,
        el(0x53ab, idOf(EBML_IDS.Tracks)),
        el(EBML_IDS.SeekPosition, uint(tracksAt, 2)),
      ),
      el(
        EBML_IDS.Seek,
        el(0x53ab, idOf(EBML_IDS.Cluster)),
        el(EBML_IDS.SeekPosition, uint(clusterAt, 2)),
      ),
    );
  const headLength = seekHead(0, 0, 0).length;
  const infoAt = headLength;
  const tracksAt = infoAt + info.length + voidEl.length;
  const clusterAt = tracksAt + tracks.length;
  const cues = options.cues
    ? el(
        EBML_IDS.Cues,
        el(
          EBML_IDS.CuePoint,
          el(0xb3, [0]),
          el(
            EBML_IDS.CueTrackPositions,
            el(0xf7, [1]),
            el(EBML_IDS.CueClusterPosition, uint(clusterAt, 2)),
          ),
        ),
      )
    : [];
  const body = [
    ...seekHead(infoAt, tracksAt, clusterAt),
    ...info,
    ...voidEl,
    ...tracks,
    ...c1,
    ...c2,
    ...cues,
  ];
  const segHead = [
    ...idOf(EBML_IDS.Segment),
    ...(options.knownSize ? sizeOf(body.length, true) : UNKNOWN),
  ];
  return {
    bytes: Uint8Array.from([...header, ...segHead, ...body]),
    segmentDataStart: header.length + segHead.length,
  };
}

/** Reads the Duration float straight from the bytes, without the module's parser. */
function rawDuration(bytes: Uint8Array): number | null {
  for (let i = 0; i + 11 <= bytes.length; i++) {
    if (bytes[i] === 0x44 && bytes[i + 1] === 0x89 && bytes[i + 2] === 0x88) {
      return new DataView(bytes.buffer, bytes.byteOffset + i + 3, 8).getFloat64(0);
    }
  }
  return null;
}

/** The id of the element at a SeekHead-style position (relative to the Segment's data). */
function idAt(bytes: Uint8Array, segmentDataStart: number, position: number): number {
  const at = segmentDataStart + position;
  const first = bytes[at]!;
  const len = first >= 0x80 ? 1 : first >= 0x40 ? 2 : first >= 0x20 ? 3 : 4;
  let id = 0;
  for (let k = 0; k < len; k++) id = id * 256 + bytes[at + k]!;
  return id;
}

/** SeekPosition values, in order, read straight from the bytes (2-byte uints in the fixture). */
function seekPositions(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x53 && bytes[i + 1] === 0xac && bytes[i + 2] === 0x82) {
      out.push(bytes[i + 3]! * 256 + bytes[i + 4]!);
    }
  }
  return out;
}

describe('WebM Duration patch', () => {
  it('reads the fixture as Chromium writes it: webm, no Duration, five blocks from 0 to 1066 ms', () => {
    const info = webmInfo(webm().bytes);
    expect(info).toEqual({
      docType: 'webm',
      timecodeScale: 1_000_000,
      durationMs: null,
      blocks: 5,
      firstBlockMs: 0,
      lastBlockMs: 1066,
    });
  });

  it('adds a Duration to the Segment Info and keeps every block and SeekHead position valid', () => {
    const { bytes, segmentDataStart } = webm();
    const out = fixWebmDuration(bytes, 1100);
    expect(out.length).toBe(bytes.length + 11);
    expect(rawDuration(out)).toBe(1100);
    const info = webmInfo(out);
    expect(info.durationMs).toBe(1100);
    expect(info.blocks).toBe(5);
    expect(info.lastBlockMs).toBe(1066);
    expect([...out.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const [infoAt, tracksAt, clusterAt] = seekPositions(out);
    expect(idAt(out, segmentDataStart, infoAt!)).toBe(EBML_IDS.Info);
    expect(idAt(out, segmentDataStart, tracksAt!)).toBe(EBML_IDS.Tracks);
    expect(idAt(out, segmentDataStart, clusterAt!)).toBe(EBML_IDS.Cluster);
    expect(bytes).toEqual(webm().bytes); // the input is not modified
  });

  it('overwrites an existing Duration in place', () => {
    const once = fixWebmDuration(webm().bytes, 1100);
    const twice = fixWebmDuration(once, 2500.5);
    expect(twice.length).toBe(once.length);
    expect(rawDuration(twice)).toBe(2500.5);
    expect(webmInfo(twice).durationMs).toBe(2500.5);
  });

  it('takes the room from a Void after the Info, so nothing moves', () => {
    for (const voidBytes of [11, 13, 40]) {
      const { bytes, segmentDataStart } = webm({ voidBytes });
      const out = fixWebmDuration(bytes, 2000);
      expect(out.length).toBe(bytes.length);
      expect(webmInfo(out).durationMs).toBe(2000);
      expect(seekPositions(out)).toEqual(seekPositions(bytes));
      const [, tracksAt] = seekPositions(out);
      expect(idAt(out, segmentDataStart, tracksAt!)).toBe(EBML_IDS.Tracks);
    }
  });

  it('grows a known Segment size and shifts Cue positions', () => {
    const { bytes, segmentDataStart } = webm({ knownSize: true, cues: true });
    const out = fixWebmDuration(bytes, 1234);
    expect(webmInfo(out)).toMatchObject({ durationMs: 1234, blocks: 5, lastBlockMs: 1066 });
    const sizeAt = segmentDataStart - 8;
    const size = (b: Uint8Array) =>
      Number(new DataView(b.buffer, b.byteOffset + sizeAt, 8).getBigUint64(0) & 0xffffffffffffffn);
    expect(size(out)).toBe(size(bytes) + 11);
    expect(size(out)).toBe(out.length - segmentDataStart);
    // The CueClusterPosition (0xF1, 2 bytes) still points at the first Cluster.
    let cueAt = -1;
    for (let i = out.length - 4; i > 0; i--) {
      if (out[i] === 0xf1 && out[i + 1] === 0x82) {
        cueAt = out[i + 2]! * 256 + out[i + 3]!;
        break;
      }
    }
    expect(idAt(out, segmentDataStart, cueAt)).toBe(EBML_IDS.Cluster);
  });

  it('refuses what is not WebM', () => {
    expect(() => fixWebmDuration(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 1000)).toThrow(
      /EBML magic/,
    );
    expect(() => fixWebmDuration(webm().bytes, Number.NaN)).toThrow();
  });
});

describe('re-stamping a slow recording to its frame schedule', () => {
  it('matches blocks to the frames they show, skipping frames the encoder dropped', () => {
    // Frames handed over every 66.7 ms; blocks a little later, frame 2 dropped.
    const captured = [0, 67, 133, 200, 267];
    expect(matchFrames([0, 70, 205, 270], captured)).toEqual([0, 1, 3, 4]);
    // A slow view: frames every ~500 ms, blocks right after each.
    expect(matchFrames([0, 510, 1004, 1530], [0, 500, 1000, 1520])).toEqual([0, 1, 2, 3]);
    // As many blocks as frames: one to one, whatever the jitter.
    expect(matchFrames([0, 10, 20], [0, 100, 200])).toEqual([0, 1, 2]);
    expect(matchFrames([0, 50, 66, 100], [0, 33, 67, 100])).toEqual([0, 1, 2, 3]);
    // One dropped frame near jittered ones: never two blocks on one frame, none past the last.
    expect(matchFrames([0, 40, 66], [0, 33, 67, 100])).toEqual([0, 1, 2]);
    expect(matchFrames([0, 90, 100], [0, 33, 67, 100])).toEqual([0, 2, 3]);
  });

  it('rewrites every block time (cluster timecodes and relative ones) in place', () => {
    const { bytes } = webm();
    expect(blockTimes(bytes)).toEqual([0, 33, 66, 1033, 1066]);
    const out = retimeWebm(bytes, [0, 100, 200, 300, 400]);
    expect(out.length).toBe(bytes.length);
    expect(blockTimes(out)).toEqual([0, 100, 200, 300, 400]);
    const fixed = fixWebmDuration(out, 500);
    expect(webmInfo(fixed)).toMatchObject({ durationMs: 500, blocks: 5, lastBlockMs: 400 });
  });

  it('refuses times it cannot write: wrong count, going backwards, beyond a cluster’s reach', () => {
    const { bytes } = webm();
    expect(() => retimeWebm(bytes, [0, 1, 2])).toThrow(/5 blocks/);
    expect(() => retimeWebm(bytes, [0, 50, 40, 60, 70])).toThrow();
    expect(() => retimeWebm(bytes, [0, 40_000, 40_001, 40_002, 40_003])).toThrow();
  });
});

describe('BlockCounter', () => {
  it('counts the blocks of a WebM however the stream is cut into chunks', () => {
    const { bytes } = webm({ cues: true });
    for (const size of [1, 2, 3, 7, 16, 50, bytes.length]) {
      const counter = new BlockCounter();
      for (let at = 0; at < bytes.length; at += size) counter.push(bytes.subarray(at, at + size));
      expect(counter.blocks, `chunks of ${size}`).toBe(5);
      expect(counter.broken).toBe(false);
    }
  });

  it('stops counting on bytes that are not EBML', () => {
    const counter = new BlockCounter();
    counter.push(Uint8Array.from([0x00, 0x01, 0x02]));
    expect(counter.broken).toBe(true);
    expect(counter.blocks).toBe(0);
  });
});
