// The recorder that films the main view date by date (browser only).
//
// For each frame it sets the store's date (the view updates through its normal path), waits for
// Cytoscape's next painted frame, composes the frame (frame.ts) on a canvas and hands it to
// mediabunny's CanvasSource stamped with its place on the schedule (frame k at k ÷ fps), which
// encodes it with WebCodecs and muxes it into MP4 or WebM. Times come from the schedule, not the
// wall clock, so the file lasts frames ÷ fps however slowly the view draws. mediabunny is loaded
// on first use, so nothing of it is in the app's first JavaScript.
import type { BufferTarget, CanvasSource, Output } from 'mediabunny';
import type { Day, TimeScale } from '../../model';
import type { GraphAdapter } from '../adapter';
import type { LegendData } from '../legend-data';
import { bitrateFor, type VideoFormat } from './formats';
import { drawFrame, frameLayout, graphLayers, type FrameLayout } from './frame';

/** Output sizes offered: 16:9, from light to full HD. */
export const VIDEO_SIZES = [
  { id: '960x540', width: 960, height: 540 },
  { id: '1280x720', width: 1280, height: 720 },
  { id: '1920x1080', width: 1920, height: 1080 },
] as const;

/** Frame rates offered. */
export const FRAME_RATES = [10, 15, 24, 30] as const;

/** What to record and how. */
export interface RecordRequest {
  readonly adapter: GraphAdapter;
  readonly frames: readonly Day[];
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  /** The container and codec, one of `offeredFormats`. */
  readonly format: VideoFormat;
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
  readonly format: VideoFormat;
  /** Frames drawn (as asked). */
  readonly frames: number;
  /** Frames the encoder handed back, all of which are in the file. */
  readonly encodedFrames: number;
  /** The video's length from the schedule (frames ÷ fps), in milliseconds. */
  readonly durationMs: number;
  /** Mean milliseconds per frame between setting the date and the encoder taking the frame. */
  readonly msPerFrame: number;
  /** How long the recording took in real time, in ms. */
  readonly wallMs: number;
}

/** The canvas frames are composed on, with what is drawn on it every frame. */
interface Stage {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  readonly layout: FrameLayout;
  readonly layers: readonly HTMLCanvasElement[];
}

function stageFor(req: RecordRequest): Stage {
  const canvas = document.createElement('canvas');
  canvas.width = req.width;
  canvas.height = req.height;
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('The browser could not create a canvas for the video.');
  return {
    canvas,
    ctx,
    layout: frameLayout(req.width, req.height, req.title, req.legend),
    layers: graphLayers(req.adapter),
  };
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

/** An output (MP4 or WebM in memory) with one video track fed from the stage's canvas. */
async function openOutput(
  req: RecordRequest,
  stage: Stage,
  onPacket: () => void,
): Promise<{ output: Output; source: CanvasSource; target: BufferTarget }> {
  const mb = await import('./mediabunny');
  const target = new mb.BufferTarget();
  const output = new mb.Output({
    format:
      req.format.container === 'mp4'
        ? new mb.Mp4OutputFormat({ fastStart: 'in-memory' })
        : new mb.WebMOutputFormat(),
    target,
  });
  const source = new mb.CanvasSource(stage.canvas, {
    codec: req.format.codec,
    quality: new mb.Quality({ bitrate: bitrateFor(req) }),
    onEncodedPacket: onPacket,
  });
  output.addVideoTrack(source, { frameRate: req.fps });
  await output.start();
  return { output, source, target };
}

/**
 * Draws and encodes every frame in order; resolves to the milliseconds spent, or stops early when
 * `signal` aborts. `source.add` waits while the encoder is busy, so frames never pile up.
 */
async function filmFrames(req: RecordRequest, stage: Stage, source: CanvasSource): Promise<number> {
  const interval = 1 / req.fps;
  let work = 0;
  for (let k = 0; k < req.frames.length; k++) {
    if (req.signal?.aborted) break;
    const day = req.frames[k]!;
    const started = performance.now();
    req.showDay(day);
    await nextPaint();
    drawFrame(stage.ctx, stage.layout, stage.layers, day, req.timeScale);
    await source.add(k * interval, interval);
    work += performance.now() - started;
    req.onProgress?.(k + 1, req.frames.length);
  }
  return work;
}

/**
 * Films the main view over `frames` at `fps` into `format`: see the file's head. Resolves to null
 * when `signal` aborts (the recording is discarded); rejects when the encoder fails. The caller
 * restores the view's date.
 */
export async function recordVideo(req: RecordRequest): Promise<RecordResult | null> {
  const stage = stageFor(req);
  let encodedFrames = 0;
  const { output, source, target } = await openOutput(req, stage, () => encodedFrames++);
  const t0 = performance.now();
  let work: number;
  try {
    work = await filmFrames(req, stage, source);
    if (req.signal?.aborted) {
      await output.cancel();
      return null;
    }
    await output.finalize();
  } catch (e) {
    if (output.state === 'started') await output.cancel();
    throw e;
  }
  const buffer = target.buffer;
  if (!buffer) throw new Error('The video was finished but holds no data.');
  return {
    blob: new Blob([buffer], { type: req.format.mimeType }),
    format: req.format,
    frames: req.frames.length,
    encodedFrames,
    durationMs: (req.frames.length / req.fps) * 1000,
    msPerFrame: req.frames.length > 0 ? work / req.frames.length : 0,
    wallMs: performance.now() - t0,
  };
}
