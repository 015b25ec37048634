// The file formats a recording is offered in: MP4 (H.264) and WebM (VP8, else VP9), each only where the browser can encode its codec.

/** The video codecs Tieline records with (mediabunny's names). */
export type VideoCodecId = 'avc' | 'vp8' | 'vp9';

/** A format the dialog offers: a container and the codec that will fill it. */
export interface VideoFormat {
  readonly container: 'mp4' | 'webm';
  readonly codec: VideoCodecId;
  /** What the dialog shows, e.g. "MP4 (H.264)". */
  readonly label: string;
  /** The file name's extension, without the dot. */
  readonly extension: string;
  readonly mimeType: string;
}

/** What a recording is encoded at, which decides whether the encoder can take it. */
export interface EncodeOptions {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
}

/** Asks the browser whether it can encode `codec` at these settings (WebCodecs, through mediabunny). */
export type EncodeCheck = (codec: VideoCodecId, options: EncodeOptions) => Promise<boolean>;

/** The formats in the order they are offered, each with its codecs in order of preference. */
const CANDIDATES: readonly {
  readonly container: VideoFormat['container'];
  readonly name: string;
  readonly mimeType: string;
  readonly codecs: readonly { readonly id: VideoCodecId; readonly name: string }[];
}[] = [
  { container: 'mp4', name: 'MP4', mimeType: 'video/mp4', codecs: [{ id: 'avc', name: 'H.264' }] },
  {
    container: 'webm',
    name: 'WebM',
    mimeType: 'video/webm',
    // VP8 first: the cheapest to encode in software.
    codecs: [
      { id: 'vp8', name: 'VP8' },
      { id: 'vp9', name: 'VP9' },
    ],
  },
];

/** Bits per second for a recording: enough for sharp lines and text, capped at 8 Mbit/s. */
export function bitrateFor({ width, height, fps }: EncodeOptions): number {
  return Math.round(Math.min(8e6, width * height * fps * 0.12));
}

/**
 * The formats this browser can record at `options`: MP4 with H.264 when its encoder has H.264, WebM
 * with VP8 or else VP9; a format none of whose codecs passes `check` (or whose check fails) is not
 * offered, so the list may be empty.
 */
export async function offeredFormats(
  check: EncodeCheck,
  options: EncodeOptions,
): Promise<VideoFormat[]> {
  const out: VideoFormat[] = [];
  for (const c of CANDIDATES) {
    for (const codec of c.codecs) {
      if (!(await check(codec.id, options).catch(() => false))) continue;
      out.push({
        container: c.container,
        codec: codec.id,
        label: `${c.name} (${codec.name})`,
        extension: c.container,
        mimeType: c.mimeType,
      });
      break;
    }
  }
  return out;
}

/** The browser's own answer: mediabunny's `canEncodeVideo` (WebCodecs), with mediabunny loaded on first use. */
export const browserCanEncode: EncodeCheck = async (codec, options) => {
  if (typeof VideoEncoder === 'undefined') return false;
  const { canEncodeVideo, Quality } = await import('./mediabunny');
  return canEncodeVideo(codec, {
    width: options.width,
    height: options.height,
    frameRate: options.fps,
    quality: new Quality({ bitrate: bitrateFor(options) }),
  });
};
