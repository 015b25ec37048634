// Tests of the video export's pure parts: the frame schedule, the file name, and which formats are offered for what the browser can encode.
import { describe, expect, it } from 'vitest';
import {
  MAX_FRAMES,
  bitrateFor,
  framesFor,
  offeredFormats,
  videoFileName,
  type EncodeCheck,
  type VideoCodecId,
} from '../../src/graph/video';
import { isoToDay } from '../../src/model';

const day = (iso: string): number => isoToDay(iso) as number;

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

  it('names the file by the range and the format', () => {
    expect(videoFileName(day('2014-01-01'), day('2014-01-30'), 'webm')).toBe(
      'tieline-2014-01-01-2014-01-30.webm',
    );
    expect(videoFileName(day('2014-01-01'), day('2014-01-30'), 'mp4')).toBe(
      'tieline-2014-01-01-2014-01-30.mp4',
    );
  });
});

/** A capability check that says yes to `codecs` only, and records what it was asked. */
function stubCheck(codecs: readonly VideoCodecId[]): EncodeCheck & { asked: string[] } {
  const asked: string[] = [];
  const check = (codec: VideoCodecId, o: { width: number; height: number; fps: number }) => {
    asked.push(`${codec} ${o.width}x${o.height}@${o.fps}`);
    return Promise.resolve(codecs.includes(codec));
  };
  return Object.assign(check, { asked });
}

describe('offeredFormats', () => {
  const hd = { width: 1280, height: 720, fps: 15 };

  it('offers MP4 (H.264) first when the encoder has H.264, then WebM with VP8', async () => {
    const check = stubCheck(['avc', 'vp8', 'vp9']);
    const formats = await offeredFormats(check, hd);
    expect(formats.map((f) => f.label)).toEqual(['MP4 (H.264)', 'WebM (VP8)']);
    expect(formats[0]).toMatchObject({
      container: 'mp4',
      codec: 'avc',
      extension: 'mp4',
      mimeType: 'video/mp4',
    });
    expect(formats[1]).toMatchObject({ container: 'webm', codec: 'vp8', extension: 'webm' });
    // Asked at the recording's own size and rate; VP9 is not asked once VP8 is found.
    expect(check.asked).toEqual(['avc 1280x720@15', 'vp8 1280x720@15']);
  });

  it('does not offer MP4 when H.264 cannot be encoded, and falls back to VP9 for WebM', async () => {
    expect((await offeredFormats(stubCheck(['vp8', 'vp9']), hd)).map((f) => f.label)).toEqual([
      'WebM (VP8)',
    ]);
    expect((await offeredFormats(stubCheck(['vp9']), hd)).map((f) => f.label)).toEqual([
      'WebM (VP9)',
    ]);
    expect((await offeredFormats(stubCheck(['avc']), hd)).map((f) => f.label)).toEqual([
      'MP4 (H.264)',
    ]);
  });

  it('offers nothing when no codec can be encoded, or when the check itself fails', async () => {
    expect(await offeredFormats(stubCheck([]), hd)).toEqual([]);
    const failing: EncodeCheck = () => Promise.reject(new Error('no WebCodecs'));
    expect(await offeredFormats(failing, hd)).toEqual([]);
  });

  it('asks for a bitrate that grows with size and rate, capped at 8 Mbit/s', () => {
    expect(bitrateFor({ width: 960, height: 540, fps: 15 })).toBe(933_120);
    expect(bitrateFor({ width: 1280, height: 720, fps: 30 })).toBe(3_317_760);
    expect(bitrateFor({ width: 1920, height: 1080, fps: 30 })).toBe(7_464_960);
    expect(bitrateFor({ width: 3840, height: 2160, fps: 30 })).toBe(8_000_000);
  });
});
