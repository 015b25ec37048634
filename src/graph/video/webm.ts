// The hand-written WebM reading and patching the recorder needs: Duration, block times, re-stamping (to be replaced by mediabunny).

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
