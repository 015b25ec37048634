// Animated export: the frame schedule and the WebM Duration patch (pure), then the recorder that films the main view date by date.
/* eslint-disable max-lines, max-lines-per-function -- issue 12 (i12): video.ts becomes graph/video/{schedule,record}.ts with mediabunny. */
//
// The recorder moves the store's time frame by frame (the view updates through its normal path),
// waits for Cytoscape's next painted frame, and composes its layer canvases with the date, the title
// and a compact legend onto a canvas fed to a MediaRecorder. MediaRecorder stamps frames with wall
// time, so frames are paced in real time (and re-stamped to the schedule afterwards when the view was
// slower). Chromium writes no Duration into the WebM, so the file is patched before it is saved.
import { dayToIso, formatTime, type Day, type TimeScale } from '../model';
import type { GraphAdapter } from './adapter';
import type { LegendData } from './legend-data';
import { INK, MUTED, PAPER, SAMPLE_INK } from './colors';

// ---------------------------------------------------------------------------------------------------
// Frame schedule

/** How far the view moves per frame: a number of days, or from one change day to the next. */
export type FrameSpeed =
  | { readonly kind: 'days'; readonly days: number }
  | {
      readonly kind: 'events';
      /** The dataset's change days, ascending (`TemporalIndex.changes`). */
      readonly changes: readonly Day[];
      /** Frames each date is held for, so a viewer can read it. */
      readonly hold: number;
    };

/** The most frames one recording may have (20 minutes at 30 fps would not fit in memory comfortably). */
export const MAX_FRAMES = 9000;

/**
 * The day shown in each frame, first to last: from `range[0]` in steps of `days` with the range's
 * last day always included, or (event to event) the first day, each change day inside the range and
 * the last day, each held `hold` frames. A reversed range is read in order. A schedule longer than
 * `MAX_FRAMES` is cut at `MAX_FRAMES + 1` frames, so callers can refuse it without building it all.
 */
export function framesFor(range: readonly [Day, Day], speed: FrameSpeed): Day[] {
  const from = Math.round(Math.min(range[0], range[1]));
  const to = Math.round(Math.max(range[0], range[1]));
  const out: Day[] = [];
  if (!Number.isFinite(from) || !Number.isFinite(to)) return out;
  if (speed.kind === 'days') {
    const step = Math.max(1, Math.round(speed.days));
    const count = Math.floor((to - from) / step) + 1;
    if (count > MAX_FRAMES)
      return Array.from({ length: MAX_FRAMES + 1 }, (_, k) => from + k * step);
    for (let d = from; d <= to; d += step) out.push(d);
    if (out[out.length - 1] !== to) out.push(to);
    return out;
  }
  const hold = Math.max(1, Math.round(speed.hold));
  const days = [
    from,
    ...speed.changes.filter((d) => d > from && d < to),
    ...(to > from ? [to] : []),
  ];
  for (const d of days) {
    for (let k = 0; k < hold; k++) out.push(d);
    if (out.length > MAX_FRAMES) return out.slice(0, MAX_FRAMES + 1);
  }
  return out;
}

/** The file name of a recording: `tieline-<from>-<to>.webm` with ISO dates. */
export function videoFileName(from: Day, to: Day): string {
  return `tieline-${dayToIso(from)}-${dayToIso(to)}.webm`;
}

// ---------------------------------------------------------------------------------------------------
// EBML / WebM

/** The EBML element ids the patch and the reader use. */
export const EBML_IDS = {
  EBML: 0x1a45dfa3,
  DocType: 0x4282,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Seek: 0x4dbb,
  SeekPosition: 0x53ac,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  Cues: 0x1c53bb6b,
  CuePoint: 0xbb,
  CueTrackPositions: 0xb7,
  CueClusterPosition: 0xf1,
  Void: 0xec,
} as const;
const ID = EBML_IDS;

/** Children of a Segment: an unknown-size Cluster ends where one of these starts. */
const TOP_LEVEL = new Set<number>([
  ID.SeekHead,
  ID.Info,
  ID.Tracks,
  ID.Cluster,
  ID.Cues,
  0x1043a770, // Chapters
  0x1254c367, // Tags
  0x1941a469, // Attachments
  ID.EBML,
  ID.Segment,
]);

/** One element: where its id starts, where its data starts and ends (resolved for unknown sizes). */
interface Element {
  readonly id: number;
  readonly start: number;
  readonly sizeLength: number;
  readonly dataStart: number;
  readonly end: number;
  readonly unknownSize: boolean;
}

function readId(b: Uint8Array, pos: number): { id: number; length: number } | null {
  const first = b[pos];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 4 && (first & (0x80 >> (length - 1))) === 0) length++;
  if (length > 4 || pos + length > b.length) return null;
  let id = 0;
  for (let k = 0; k < length; k++) id = id * 256 + b[pos + k]!;
  return { id, length };
}

function readSize(b: Uint8Array, pos: number): { size: number | null; length: number } | null {
  const first = b[pos];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while ((first & (0x80 >> (length - 1))) === 0) length++;
  if (pos + length > b.length) return null;
  const mask = 0xff >> length;
  let value = first & mask;
  let allOnes = value === mask;
  for (let k = 1; k < length; k++) {
    const byte = b[pos + k]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { size: allOnes ? null : value, length };
}

/** Where an unknown-size element's data ends: at the next top-level element, or the end of the bytes. */
function unknownEnd(b: Uint8Array, start: number): number {
  let pos = start;
  while (pos < b.length) {
    const id = readId(b, pos);
    if (!id || TOP_LEVEL.has(id.id)) return pos;
    const el = readElement(b, pos);
    if (!el) return b.length;
    pos = el.end;
  }
  return b.length;
}

function readElement(b: Uint8Array, pos: number): Element | null {
  const id = readId(b, pos);
  if (!id) return null;
  const size = readSize(b, pos + id.length);
  if (!size) return null;
  const dataStart = pos + id.length + size.length;
  const end =
    size.size === null ? unknownEnd(b, dataStart) : Math.min(b.length, dataStart + size.size);
  return {
    id: id.id,
    start: pos,
    sizeLength: size.length,
    dataStart,
    end,
    unknownSize: size.size === null,
  };
}

/** The elements from `start` to `end`, stopping at anything unreadable (a truncated tail). */
function childrenOf(b: Uint8Array, start: number, end: number): Element[] {
  const out: Element[] = [];
  let pos = start;
  while (pos < end) {
    const el = readElement(b, pos);
    if (!el || el.end <= pos) break;
    out.push(el);
    pos = el.end;
  }
  return out;
}

function readUint(b: Uint8Array, el: Element): number {
  let v = 0;
  for (let k = el.dataStart; k < el.end; k++) v = v * 256 + b[k]!;
  return v;
}

function writeUint(b: Uint8Array, pos: number, length: number, value: number): void {
  if (value < 0 || value >= 256 ** length) {
    throw new Error(`${value} does not fit in ${length} byte(s) of the WebM file.`);
  }
  let v = value;
  for (let k = length - 1; k >= 0; k--) {
    b[pos + k] = v % 256;
    v = Math.floor(v / 256);
  }
}

function readFloat(b: Uint8Array, el: Element): number | null {
  const view = new DataView(b.buffer, b.byteOffset + el.dataStart, el.end - el.dataStart);
  if (el.end - el.dataStart === 8) return view.getFloat64(0);
  if (el.end - el.dataStart === 4) return view.getFloat32(0);
  return null;
}

/** An EBML size of `length` bytes (the all-ones value is reserved for "unknown"). */
function encodeSize(value: number, length: number): Uint8Array | null {
  if (length < 1 || length > 8 || value < 0 || value >= 2 ** (7 * length) - 1) return null;
  const out = new Uint8Array(length);
  writeUint(out, 0, length, value);
  out[0] = out[0]! | (0x80 >> (length - 1));
  return out;
}

/** The size in the same width as before when it fits (so nothing else moves), else the smallest. */
function sizeBytes(value: number, preferred: number): Uint8Array {
  const same = encodeSize(value, preferred);
  if (same) return same;
  for (let length = 1; length <= 8; length++) {
    const e = encodeSize(value, length);
    if (e) return e;
  }
  throw new Error(`Size ${value} cannot be written in EBML.`);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The EBML header and the Segment with its children, or an Error saying what is missing. */
function segmentOf(b: Uint8Array): { docType: string | null; segment: Element; kids: Element[] } {
  const head = readElement(b, 0);
  if (!head || head.id !== ID.EBML) {
    throw new Error('Not a WebM file: it does not start with the EBML magic 1A 45 DF A3.');
  }
  const docEl = childrenOf(b, head.dataStart, head.end).find((e) => e.id === ID.DocType);
  const docType = docEl
    ? new TextDecoder().decode(b.subarray(docEl.dataStart, docEl.end)).replace(/\0+$/, '')
    : null;
  const segment = readElement(b, head.end);
  if (!segment || segment.id !== ID.Segment) throw new Error('The WebM file has no Segment.');
  // A Segment's own children include top-level ids, so an unknown size runs to the end of the file.
  const end = segment.unknownSize ? b.length : segment.end;
  return { docType, segment: { ...segment, end }, kids: childrenOf(b, segment.dataStart, end) };
}

/** What a WebM file says about itself: doc type, time scale, Duration and its blocks' timecodes. */
export interface WebmInfo {
  readonly docType: string | null;
  /** Nanoseconds per timecode tick (1,000,000 by default: ticks are milliseconds). */
  readonly timecodeScale: number;
  /** The Duration element in milliseconds, or null when the file has none (Chromium's MediaRecorder). */
  readonly durationMs: number | null;
  /** Number of (Simple)Blocks: frames of all tracks. */
  readonly blocks: number;
  readonly firstBlockMs: number | null;
  readonly lastBlockMs: number | null;
}

/** The Clusters of a WebM in file order: each one's Timecode element and where its blocks' timecodes sit. */
interface ClusterRef {
  readonly timecode: Element | null;
  readonly time: number;
  /** Byte offset of each block's signed 16-bit relative timecode, and its value. */
  readonly blocks: readonly { readonly at: number; readonly rel: number }[];
}

function timeScaleOf(b: Uint8Array, kids: readonly Element[]): { scale: number; info: Element[] } {
  const info = kids.find((e) => e.id === ID.Info);
  const infoKids = info ? childrenOf(b, info.dataStart, info.end) : [];
  const scaleEl = infoKids.find((e) => e.id === ID.TimecodeScale);
  return { scale: scaleEl ? readUint(b, scaleEl) : 1_000_000, info: infoKids };
}

function clustersOf(b: Uint8Array, kids: readonly Element[]): ClusterRef[] {
  const out: ClusterRef[] = [];
  for (const cluster of kids) {
    if (cluster.id !== ID.Cluster) continue;
    const parts = childrenOf(b, cluster.dataStart, cluster.end);
    const timecode = parts.find((e) => e.id === ID.Timecode) ?? null;
    const blocks: { at: number; rel: number }[] = [];
    const block = (el: Element): void => {
      const track = readSize(b, el.dataStart);
      if (!track || el.dataStart + track.length + 2 > el.end) return;
      const at = el.dataStart + track.length;
      blocks.push({ at, rel: (((b[at]! << 8) | b[at + 1]!) << 16) >> 16 });
    };
    for (const p of parts) {
      if (p.id === ID.SimpleBlock) block(p);
      else if (p.id === ID.BlockGroup) {
        const inner = childrenOf(b, p.dataStart, p.end).find((e) => e.id === ID.Block);
        if (inner) block(inner);
      }
    }
    out.push({ timecode, time: timecode ? readUint(b, timecode) : 0, blocks });
  }
  return out;
}

/** Every block's timestamp in milliseconds, in file order. */
export function blockTimes(bytes: Uint8Array): number[] {
  const { kids } = segmentOf(bytes);
  const { scale } = timeScaleOf(bytes, kids);
  return clustersOf(bytes, kids).flatMap((c) =>
    c.blocks.map((bl) => ((c.time + bl.rel) * scale) / 1e6),
  );
}

/** Reads a WebM's header, Segment Info and every block's timecode (Clusters of unknown size included). */
export function webmInfo(bytes: Uint8Array): WebmInfo {
  const { docType, kids } = segmentOf(bytes);
  const { scale, info } = timeScaleOf(bytes, kids);
  const durEl = info.find((e) => e.id === ID.Duration);
  const durTicks = durEl ? readFloat(bytes, durEl) : null;
  const times = blockTimes(bytes);
  return {
    docType,
    timecodeScale: scale,
    durationMs: durTicks === null ? null : (durTicks * scale) / 1e6,
    blocks: times.length,
    firstBlockMs: times.length > 0 ? Math.min(...times) : null,
    lastBlockMs: times.length > 0 ? Math.max(...times) : null,
  };
}

/**
 * A copy of a WebM whose blocks carry new timestamps (`timesMs[i]` for the i-th block in file order):
 * each Cluster's Timecode becomes its first block's time and the blocks' relative timecodes follow,
 * written in place in the widths the file already has. Throws when the count differs, a time goes
 * backwards, or a value does not fit, so the caller can keep the file as it was.
 */
export function retimeWebm(bytes: Uint8Array, timesMs: readonly number[]): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  const { kids } = segmentOf(out);
  const { scale } = timeScaleOf(out, kids);
  const clusters = clustersOf(out, kids);
  const count = clusters.reduce((n, c) => n + c.blocks.length, 0);
  if (count !== timesMs.length) {
    throw new Error(`The file has ${count} blocks, not ${timesMs.length}.`);
  }
  let i = 0;
  let previous = -Infinity;
  for (const c of clusters) {
    if (c.blocks.length === 0) continue;
    if (!c.timecode) throw new Error('A Cluster has no Timecode.');
    const ticks = c.blocks.map(() => Math.round(((timesMs[i++] ?? 0) * 1e6) / scale));
    const base = ticks[0]!;
    writeUint(out, c.timecode.dataStart, c.timecode.end - c.timecode.dataStart, base);
    c.blocks.forEach((bl, k) => {
      const t = ticks[k]!;
      const rel = t - base;
      if (t < previous || rel > 32767) throw new Error('Block times cannot be written.');
      previous = t;
      out[bl.at] = (rel >> 8) & 0xff;
      out[bl.at + 1] = rel & 0xff;
    });
  }
  return out;
}

/**
 * Which drawn frame each block of a recording shows: blocks are stamped with the time the browser
 * captured them, frames with when they were handed over (both in ms from the first). Each block goes
 * to the nearest frame after the previous block's that still leaves a frame for every later block, so
 * with as many blocks as frames the match is one to one, and frames the encoder dropped are skipped.
 */
export function matchFrames(blockMs: readonly number[], capturedMs: readonly number[]): number[] {
  const m = blockMs.length;
  const n = capturedMs.length;
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < m; i++) {
    const b = blockMs[i]!;
    const lo = i === 0 ? 0 : out[i - 1]! + 1;
    const hi = Math.max(lo, n - (m - i));
    k = Math.max(k, lo);
    while (k + 1 <= hi && Math.abs(capturedMs[k + 1]! - b) <= Math.abs(capturedMs[k]! - b)) k++;
    out.push(Math.min(k, hi));
  }
  return out;
}

/** Elements a streaming count descends into; every other element is skipped whole. */
const STREAM_MASTERS = new Set<number>([ID.EBML, ID.Segment, ID.Cluster, ID.BlockGroup]);

/**
 * Counts the blocks (encoded frames) of a WebM as it streams out of a MediaRecorder, chunk by chunk:
 * the recorder uses it to hold back while the encoder is behind, since Chromium drops frames when too
 * many wait to be encoded and loses those still waiting when the recording stops.
 */
export class BlockCounter {
  /** Blocks seen so far. */
  blocks = 0;
  /** Set when the stream stops looking like EBML; counting stops. */
  broken = false;
  private carry: Uint8Array = new Uint8Array(0);
  private skip = 0;

  /** Feeds the next chunk, in order. */
  push(chunk: Uint8Array): void {
    if (this.broken) return;
    let b = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, b.length);
      this.skip -= n;
      b = b.subarray(n);
    }
    if (this.carry.length > 0) b = concat([this.carry, b]);
    this.carry = new Uint8Array(0);
    let pos = 0;
    while (pos < b.length) {
      const first = b[pos]!;
      if (first === 0 || first < 0x10) {
        this.broken = true; // not an element id (ids are 1–4 bytes)
        return;
      }
      const id = readId(b, pos);
      const size = id ? readSize(b, pos + id.length) : null;
      if (!id || !size) {
        this.carry = b.slice(pos); // a header cut by the chunk's end
        return;
      }
      const dataStart = pos + id.length + size.length;
      if (id.id === ID.SimpleBlock || id.id === ID.Block) this.blocks++;
      if (STREAM_MASTERS.has(id.id) || size.size === null) {
        pos = dataStart;
        continue;
      }
      const end = dataStart + size.size;
      if (end > b.length) {
        this.skip = end - b.length;
        return;
      }
      pos = end;
    }
  }
}

/** Adds `delta` to every SeekPosition / CueClusterPosition at or after `from` (Segment-relative). */
function shiftPositions(b: Uint8Array, from: number, delta: number): void {
  const { kids } = segmentOf(b);
  const patch = (el: Element): void => {
    const v = readUint(b, el);
    if (v >= from) writeUint(b, el.dataStart, el.end - el.dataStart, v + delta);
  };
  for (const top of kids) {
    if (top.id === ID.SeekHead) {
      for (const seek of childrenOf(b, top.dataStart, top.end)) {
        if (seek.id !== ID.Seek) continue;
        for (const p of childrenOf(b, seek.dataStart, seek.end)) {
          if (p.id === ID.SeekPosition) patch(p);
        }
      }
    } else if (top.id === ID.Cues) {
      for (const point of childrenOf(b, top.dataStart, top.end)) {
        if (point.id !== ID.CuePoint) continue;
        for (const tp of childrenOf(b, point.dataStart, point.end)) {
          if (tp.id !== ID.CueTrackPositions) continue;
          for (const p of childrenOf(b, tp.dataStart, tp.end)) {
            if (p.id === ID.CueClusterPosition) patch(p);
          }
        }
      }
    }
  }
}

/**
 * A copy of a WebM file whose Segment Info says it lasts `durationMs`: Chromium's MediaRecorder writes
 * no Duration element, so players show no length and cannot seek. An existing Duration is
 * overwritten in place; otherwise one (a float64) is appended to the Info, taking its room from a Void
 * element right after it when there is one (nothing else moves), else growing the file by 11 bytes,
 * with a known Segment size, SeekHead positions and Cue positions shifted to match.
 */
export function fixWebmDuration(bytes: Uint8Array, durationMs: number): Uint8Array<ArrayBuffer> {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new Error(`A duration of ${durationMs} ms cannot be written.`);
  }
  const { segment, kids } = segmentOf(bytes);
  const at = kids.findIndex((e) => e.id === ID.Info);
  const info = kids[at];
  if (!info) throw new Error('The WebM file has no Segment Info.');
  const infoKids = childrenOf(bytes, info.dataStart, info.end);
  const scaleEl = infoKids.find((e) => e.id === ID.TimecodeScale);
  const scale = scaleEl ? readUint(bytes, scaleEl) : 1_000_000;
  const ticks = (durationMs * 1e6) / (scale || 1_000_000);

  const existing = infoKids.find((e) => e.id === ID.Duration);
  if (
    existing &&
    (existing.end - existing.dataStart === 8 || existing.end - existing.dataStart === 4)
  ) {
    const out = bytes.slice();
    const view = new DataView(out.buffer, out.byteOffset + existing.dataStart);
    if (existing.end - existing.dataStart === 8) view.setFloat64(0, ticks);
    else view.setFloat32(0, ticks);
    return out;
  }

  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, ticks);
  const kept = infoKids.filter((e) => e.id !== ID.Duration);
  const body = concat([...kept.map((e) => bytes.subarray(e.start, e.end)), duration]);
  const idBytes = bytes.subarray(info.start, info.dataStart - info.sizeLength);
  const newInfo = concat([idBytes, sizeBytes(body.length, info.sizeLength), body]);
  const growth = newInfo.length - (info.end - info.start);

  // Room from a Void right after the Info: the file keeps its length and every offset.
  const next = kids[at + 1];
  if (next && next.id === ID.Void && next.start === info.end) {
    const room = next.end - next.start - growth;
    let filler: Uint8Array | null = room === 0 ? new Uint8Array(0) : null;
    for (let len = 1; !filler && len <= 8 && room - 1 - len >= 0; len++) {
      const size = encodeSize(room - 1 - len, len);
      if (size) filler = concat([new Uint8Array([ID.Void]), size, new Uint8Array(room - 1 - len)]);
    }
    if (filler) {
      return concat([bytes.subarray(0, info.start), newInfo, filler, bytes.subarray(next.end)]);
    }
  }

  const out = concat([bytes.subarray(0, info.start), newInfo, bytes.subarray(info.end)]);
  if (!segment.unknownSize) {
    const sizeAt = segment.dataStart - segment.sizeLength;
    const size = sizeBytes(segment.end - segment.dataStart + growth, segment.sizeLength);
    if (size.length !== segment.sizeLength) {
      throw new Error('The WebM Segment size cannot grow in place.');
    }
    out.set(size, sizeAt);
  }
  shiftPositions(out, info.end - segment.dataStart, growth);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Recording (browser only)

/** Output sizes offered: 16:9, from light to full HD. */
export const VIDEO_SIZES = [
  { id: '960x540', width: 960, height: 540 },
  { id: '1280x720', width: 1280, height: 720 },
  { id: '1920x1080', width: 1920, height: 1080 },
] as const;

/** Frame rates offered: fixed, cheap enough to keep real-time pacing without a GPU. */
export const FRAME_RATES = [10, 15, 24, 30] as const;

/** The WebM type to record: VP8 first (cheapest to encode in software), then VP9; null when none works. */
export function pickMimeType(
  isSupported: (type: string) => boolean = (t) =>
    typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(t),
): string | null {
  for (const type of ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm']) {
    if (isSupported(type)) return type;
  }
  return null;
}

/** What to record and how. */
export interface RecordRequest {
  readonly adapter: GraphAdapter;
  readonly frames: readonly Day[];
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly legend: LegendData;
  /** How the date caption reads: calendar dates, or "step 8" for numbered steps. */
  readonly timeScale?: TimeScale;
  /** Moves the main view to a day through the store, so it updates by its normal path. */
  readonly showDay: (day: Day) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** A finished recording, with what was measured on the way. */
export interface RecordResult {
  readonly blob: Blob;
  readonly mimeType: string;
  /** Frames drawn (as asked). */
  readonly frames: number;
  /** Blocks in the file: frames the encoder actually kept. */
  readonly recordedFrames: number;
  /** Duration written into the file, in milliseconds. */
  readonly durationMs: number;
  /** False when the Duration patch failed and the file was saved as the browser wrote it. */
  readonly durationFixed: boolean;
  /** Mean milliseconds spent per frame between setting the date and handing the frame over. */
  readonly msPerFrame: number;
  /** True when the blocks were re-stamped to the frame schedule (see `matchFrames`). */
  readonly retimed: boolean;
  /** How long drawing the frames took in real time (the last one held for its interval), in ms. */
  readonly wallMs: number;
}

/** Frames that may wait for the encoder before the recorder holds back (Chromium drops beyond ~10). */
const IN_FLIGHT = 4;
const FONT = 'system-ui, sans-serif';

/** Where the parts of a frame go, computed once per recording. */
interface FrameLayout {
  readonly unit: number;
  readonly margin: number;
  readonly dateY: number;
  readonly dateFont: string;
  readonly graph: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
  /** Title and legend, drawn once and stamped on each frame. */
  readonly overlay: HTMLCanvasElement;
}

/** The title above and a compact legend of types and statuses below, on a transparent canvas. */
function frameLayout(
  width: number,
  height: number,
  title: string,
  legend: LegendData,
): FrameLayout {
  const unit = height / 540;
  const margin = Math.round(16 * unit);
  const overlay = document.createElement('canvas');
  overlay.width = width;
  overlay.height = height;
  const ctx = overlay.getContext('2d');
  if (!ctx) throw new Error('The browser could not create a canvas for the video.');
  const titleSize = Math.round(15 * unit);
  const dateSize = Math.round(32 * unit);
  const legendSize = Math.round(11 * unit);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = MUTED;
  ctx.font = `600 ${titleSize}px ${FONT}`;
  let shown = title || 'Untitled dataset';
  while (shown.length > 1 && ctx.measureText(shown).width > width - 2 * margin) {
    shown = shown.slice(0, -2) + '…';
  }
  const titleY = margin + titleSize;
  ctx.fillText(shown, margin, titleY);
  const dateY = titleY + Math.round(dateSize * 1.15);

  // Legend entries: a line sample and a label, wrapped into rows from the bottom margin up.
  ctx.font = `${legendSize}px ${FONT}`;
  const sample = Math.round(22 * unit);
  const gap = Math.round(14 * unit);
  const entries = [
    ...legend.types.map((t) => ({ label: t.label, color: t.color, dash: false })),
    ...legend.statuses.map((s) => ({
      label: s.label,
      color: SAMPLE_INK,
      dash: s.line === 'dashed',
    })),
  ];
  const rows: { label: string; color: string; dash: boolean; x: number }[][] = [[]];
  let x = margin;
  for (const e of entries) {
    const w = sample + 5 * unit + ctx.measureText(e.label).width;
    if (x + w > width - margin && x > margin) {
      rows.push([]);
      x = margin;
    }
    rows[rows.length - 1]!.push({ ...e, x });
    x += w + gap;
  }
  const rowH = Math.round(legendSize * 1.6);
  const legendTop = height - margin - rows.length * rowH;
  const dash = legend.dashPattern.map((d) => d * unit * 0.8);
  rows.forEach((row, r) => {
    const y = legendTop + r * rowH + rowH / 2;
    for (const e of row) {
      ctx.strokeStyle = e.color;
      ctx.lineWidth = Math.max(1.5, 2.5 * unit);
      ctx.setLineDash(e.dash ? dash : []);
      ctx.beginPath();
      ctx.moveTo(e.x, y);
      ctx.lineTo(e.x + sample, y);
      ctx.stroke();
      ctx.fillStyle = INK;
      ctx.textBaseline = 'middle';
      ctx.fillText(e.label, e.x + sample + 5 * unit, y);
    }
  });
  const top = dateY + Math.round(10 * unit);
  const bottom = legendTop - Math.round(6 * unit);
  return {
    unit,
    margin,
    dateY,
    dateFont: `bold ${dateSize}px ${FONT}`,
    graph: { x: margin, y: top, w: width - 2 * margin, h: Math.max(10, bottom - top) },
    overlay,
  };
}

/** Cytoscape's layer canvases under the graph container, bottom layer first. */
function graphLayers(adapter: GraphAdapter): HTMLCanvasElement[] {
  const container = adapter.cy.container();
  if (!container) return [];
  const z = (c: HTMLCanvasElement): number => Number(getComputedStyle(c).zIndex) || 0;
  return [...container.querySelectorAll('canvas')]
    .map((c) => ({ c, z: z(c) }))
    .sort((a, b) => a.z - b.z)
    .map((l) => l.c);
}

function drawFrame(
  ctx: CanvasRenderingContext2D,
  layout: FrameLayout,
  layers: readonly HTMLCanvasElement[],
  day: Day,
  scale: TimeScale = 'calendar',
): void {
  const { width, height } = ctx.canvas;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, width, height);
  const base = layers[0];
  if (base && base.width > 0 && base.height > 0) {
    const g = layout.graph;
    const s = Math.min(g.w / base.width, g.h / base.height);
    const w = base.width * s;
    const h = base.height * s;
    const x = g.x + (g.w - w) / 2;
    const y = g.y + (g.h - h) / 2;
    for (const layer of layers) {
      if (layer.width > 0 && layer.height > 0) ctx.drawImage(layer, x, y, w, h);
    }
  }
  ctx.drawImage(layout.overlay, 0, 0);
  ctx.fillStyle = INK;
  ctx.font = layout.dateFont;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(formatTime(day, scale), layout.margin, layout.dateY);
}

function sleepUntil(t: number, signal?: AbortSignal): Promise<void> {
  const wait = t - performance.now();
  if (wait <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const id = setTimeout(done, wait);
    function done(): void {
      clearTimeout(id);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The next animation frame (Cytoscape's render loop has drawn by then), or 100 ms if frames are paused. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Films the main view over `frames` at `fps` in real time: for each frame it sets the date through
 * the store, waits for the next painted frame, composes Cytoscape's layer canvases with the date,
 * the title and the legend onto a `width` × `height` canvas, and captures that frame
 * (`captureStream(0)` + `requestFrame()`, so each drawn frame is captured exactly once). Frames are
 * paced at the frame rate, later when the view draws slower than that; the blocks are then
 * re-stamped to their frames' places on the schedule and the Duration written, so the file lasts
 * frames ÷ fps either way. Resolves to null when `signal` aborts (the recording is discarded). The
 * caller restores the view's date.
 */
export async function recordVideo(req: RecordRequest): Promise<RecordResult | null> {
  const mimeType = pickMimeType();
  if (!mimeType)
    throw new Error('This browser cannot record WebM video (no MediaRecorder for VP8/VP9).');
  const canvas = document.createElement('canvas');
  canvas.width = req.width;
  canvas.height = req.height;
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('The browser could not create a canvas for the video.');
  const layout = frameLayout(req.width, req.height, req.title, req.legend);
  const layers = graphLayers(req.adapter);
  const interval = 1000 / req.fps;

  // Frame 0 is on the canvas before the stream starts, so the first captured frame is never blank.
  const first = req.frames[0];
  if (first !== undefined) {
    req.showDay(first);
    await nextPaint();
    drawFrame(ctx, layout, layers, first, req.timeScale);
  }
  // On demand (each drawn frame captured once); where requestFrame is missing, sampled at the rate.
  let stream = canvas.captureStream(0);
  let track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
  if (typeof track?.requestFrame !== 'function') {
    for (const t of stream.getTracks()) t.stop();
    stream = canvas.captureStream(req.fps);
    track = undefined;
  }
  const recorder = new MediaRecorder(stream, {
    mimeType,
    videoBitsPerSecond: Math.round(Math.min(8e6, req.width * req.height * req.fps * 0.12)),
  });
  const chunks: Blob[] = [];
  const counter = new BlockCounter();
  let counted: Promise<void> = Promise.resolve();
  recorder.ondataavailable = (e) => {
    const blob = e.data;
    if (blob.size === 0) return;
    chunks.push(blob);
    counted = counted.then(async () => counter.push(new Uint8Array(await blob.arrayBuffer())));
  };
  const stopped = new Promise<void>((resolve) => {
    recorder.onstop = () => resolve();
  });
  /** Waits until `target` blocks are out of the encoder, or it has made no progress for `stallMs`. */
  const encoded = async (target: number, stallMs: number): Promise<void> => {
    let seen = counter.blocks;
    let since = performance.now();
    while (counter.blocks < target && !counter.broken && !req.signal?.aborted) {
      if (performance.now() - since > stallMs) return;
      recorder.requestData();
      await sleepUntil(performance.now() + 20, req.signal);
      await counted;
      if (counter.blocks > seen) {
        seen = counter.blocks;
        since = performance.now();
      }
    }
  };
  recorder.start();
  let work = 0;
  /** When each frame was handed to the stream. */
  const captured: number[] = [];
  const t0 = performance.now();
  try {
    for (let k = 0; k < req.frames.length; k++) {
      if (req.signal?.aborted) break;
      await sleepUntil(t0 + k * interval, req.signal);
      // Backpressure: at most IN_FLIGHT frames wait for the encoder (later frames are re-stamped).
      if (track && k - counter.blocks > IN_FLIGHT) await encoded(k - IN_FLIGHT, 2000);
      if (req.signal?.aborted) break;
      const day = req.frames[k]!;
      const started = performance.now();
      if (k > 0) {
        req.showDay(day);
        await nextPaint();
        drawFrame(ctx, layout, layers, day, req.timeScale);
      }
      track?.requestFrame();
      captured.push(performance.now());
      if (track) recorder.requestData();
      work += performance.now() - started;
      req.onProgress?.(k + 1, req.frames.length);
    }
    // The last frame stays on screen for one interval; then the encoder drains, since frames still
    // in its queue when the recorder stops are lost (no new frame is captured meanwhile).
    await sleepUntil(t0 + req.frames.length * interval, req.signal);
    if (track) await encoded(captured.length, 1500);
    else await sleepUntil(performance.now() + 1000, req.signal);
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    for (const t of stream.getTracks()) t.stop();
  }
  if (req.signal?.aborted) return null;

  const raw = new Uint8Array(await new Blob(chunks).arrayBuffer());
  const wallMs = (captured[captured.length - 1] ?? t0) - t0 + interval;
  let bytes: Uint8Array<ArrayBuffer> = raw;
  let recordedFrames = 0;
  let durationMs = wallMs;
  let durationFixed = false;
  let retimed = false;
  try {
    const times = blockTimes(raw);
    recordedFrames = times.length;
    const first = times[0];
    if (first !== undefined) {
      durationMs = Math.max(...times) - first + interval;
      if (track && captured.length === req.frames.length && times.length <= captured.length) {
        // Each block gets its frame's place on the schedule: exact frames ÷ fps even when the view
        // drew slower than real time. If the file cannot take it, the wall-clock times stay.
        const c0 = captured[0] ?? 0;
        const frameOf = matchFrames(
          times.map((t) => t - first),
          captured.map((c) => c - c0),
        );
        try {
          bytes = retimeWebm(
            raw,
            frameOf.map((k) => k * interval),
          );
          durationMs = req.frames.length * interval;
          retimed = true;
        } catch {
          bytes = raw;
        }
      }
    }
    bytes = fixWebmDuration(bytes, durationMs);
    durationFixed = true;
  } catch {
    // Saved as the browser wrote it: still playable, without a length.
  }
  return {
    blob: new Blob([bytes], { type: 'video/webm' }),
    mimeType,
    frames: req.frames.length,
    recordedFrames,
    durationMs,
    durationFixed,
    retimed,
    wallMs,
    msPerFrame: req.frames.length > 0 ? work / req.frames.length : 0,
  };
}
