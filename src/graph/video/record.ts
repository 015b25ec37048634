// The recorder that films the main view date by date (browser only).
/* eslint-disable max-lines-per-function -- issue 12 (i12): recordVideo (134 lines) is to split when mediabunny replaces the MediaRecorder path. */
//
// The recorder moves the store's time frame by frame (the view updates through its normal path),
// waits for Cytoscape's next painted frame, and composes its layer canvases with the date, the title
// and a compact legend onto a canvas fed to a MediaRecorder. MediaRecorder stamps frames with wall
// time, so frames are paced in real time (and re-stamped to the schedule afterwards when the view was
// slower). Chromium writes no Duration into the WebM, so the file is patched before it is saved.
import type { Day, TimeScale } from '../../model';
import type { GraphAdapter } from '../adapter';
import type { LegendData } from '../legend-data';
import { drawFrame, frameLayout, graphLayers } from './frame';
import { BlockCounter, blockTimes, fixWebmDuration, matchFrames, retimeWebm } from './webm';

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
