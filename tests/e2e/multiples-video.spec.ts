// Small multiples and the video export in real Chromium: thumbnails at pinned dates that move the time bar, and a WebM or MP4 of the view with its real duration and frames.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { expect, openApp, test } from './fixtures';

const slider = (page: Page): Locator => page.getByRole('slider', { name: 'Timeline' });

/** Opens the collapsed Small multiples region and returns it. */
async function openStrip(page: Page): Promise<Locator> {
  const region = page.getByRole('region', { name: 'Small multiples' });
  const toggle = region.getByRole('button', { name: 'Small multiples', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return region;
}

/** Pins the current date, then moves the time bar one month on, `n` times. */
async function pinMonths(page: Page, region: Locator, n: number): Promise<void> {
  for (let k = 0; k < n; k++) {
    if (k > 0) {
      await slider(page).focus();
      await page.keyboard.press('PageUp');
    }
    await region.getByRole('button', { name: 'Pin this date' }).click();
  }
}

/** Accessibility violations (axe) inside one part of the page. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Non-white pixels of a canvas (every third pixel sampled). */
async function inkOf(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 12) if ((d[i] ?? 255) < 235 || (d[i + 2] ?? 255) < 235) n++;
    return n;
  });
}

test('pinned dates become labelled thumbnails that move the time bar', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page, '?t=2014-11-02');
  const region = await openStrip(page);
  // Nothing pinned: dates spread across the events.
  await expect(region.getByRole('button', { name: /^Show / })).toHaveCount(8);

  await pinMonths(page, region, 2);
  const thumbs = region.getByRole('button', { name: /^Show / });
  await expect(thumbs).toHaveCount(2);
  const first = region.getByRole('button', { name: 'Show 2 November 2014', exact: true });
  const second = region.getByRole('button', { name: 'Show 2 December 2014', exact: true });
  await expect(first).toBeVisible();
  await expect(second).toBeVisible();
  await expect(first).toContainText('2 November 2014');
  await expect(second).toContainText('2 December 2014');
  expect(await inkOf(first.locator('canvas'))).toBeGreaterThan(150);
  const box = await first.locator('canvas').boundingBox();
  expect(box?.width).toBeCloseTo(160, 0);
  expect(box?.height).toBeCloseTo(110, 0);

  await expect(slider(page)).toHaveAttribute('aria-valuetext', /2014-12-02/);
  await first.click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2014-11-02/);
  await expect(first).toHaveAttribute('aria-current', 'date');
  expect(await axeViolations(page, '.multiples')).toEqual([]);

  // Scrubbing changes the main view, not the thumbnails.
  const strip = region.getByRole('list');
  const draws = await strip.getAttribute('data-draws');
  await slider(page).focus();
  for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2014-11-07/);
  expect(await strip.getAttribute('data-draws')).toBe(draws);
  // …while a new layout redraws them.
  await page.getByRole('button', { name: 'Re-run layout' }).click();
  await expect.poll(() => strip.getAttribute('data-draws')).not.toBe(draws);

  await region.getByRole('button', { name: 'Unpin 2 December 2014', exact: true }).click();
  await expect(thumbs).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('with twelve pinned dates the strip scrolls and the last thumbnail works', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page, '?t=2013-01-01');
  const region = await openStrip(page);
  await pinMonths(page, region, 12);
  const thumbs = region.getByRole('button', { name: /^Show / });
  await expect(thumbs).toHaveCount(12);
  const strip = region.getByRole('list');
  const drawMs = Number(await strip.getAttribute('data-draw-ms'));
  console.log(`12 thumbnails drawn in ${drawMs.toFixed(2)} ms`);
  expect(drawMs).toBeLessThan(50);
  const sizes = await strip.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);

  await slider(page).focus();
  await page.keyboard.press('Home');
  const last = region.getByRole('button', { name: 'Show 1 December 2013', exact: true });
  await last.click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2013-12-01/);
  expect(await strip.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await inkOf(last.locator('canvas'))).toBeGreaterThan(150);
  expect(consoleErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// The recorded file, read back with mediabunny in Node (its demuxers, not the app's code path).

interface ReadBack {
  mimeType: string;
  codec: string | null;
  width: number;
  height: number;
  /** Seconds, from the packets' own timestamps. */
  duration: number;
  /** Encoded frames in the file. */
  packets: number;
  /** Frames per second measured from the packets. */
  rate: number;
}

async function readBack(bytes: Buffer): Promise<ReadBack> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track in the file');
  const stats = await track.computePacketStats();
  return {
    mimeType: await input.getMimeType(),
    codec: track.codec,
    width: await track.getDisplayWidth(),
    height: await track.getDisplayHeight(),
    duration: await input.computeDuration(),
    packets: stats.packetCount,
    rate: stats.averagePacketRate,
  };
}

/**
 * What Chromium's own player says about the file, on a page without the app's CSP: duration, size,
 * and for the first and last frames how much is inked and how many pixels differ between them.
 */
async function probe(context: BrowserContext, bytes: Buffer, mimeType: string) {
  const page = await context.newPage();
  try {
    await page.goto('about:blank');
    return await page.evaluate(
      async ({ b64, type }) => {
        const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const video = document.createElement('video');
        video.muted = true;
        video.src = URL.createObjectURL(new Blob([raw], { type }));
        await new Promise((resolve, reject) => {
          video.onloadedmetadata = resolve;
          video.onerror = () => reject(new Error(`video error ${video.error?.code}`));
        });
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        // `seeked` can fire before the new frame is the one drawImage reads (seen once in a loaded CI-like
        // run: first and last frames came out identical). Wait for the frame to be presented too
        // (requestVideoFrameCallback, with a timeout where it never fires for a paused element).
        const frameAt = async (t: number): Promise<Uint8ClampedArray> => {
          const v = video as HTMLVideoElement & {
            requestVideoFrameCallback?: (cb: () => void) => number;
          };
          const presented = new Promise<void>((resolve) => {
            if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(() => resolve());
            setTimeout(resolve, 1000);
          });
          video.currentTime = t;
          await new Promise((resolve) => (video.onseeked = resolve));
          await presented;
          ctx.drawImage(video, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        };
        const first = await frameAt(0.01);
        const last = await frameAt(video.duration - 0.01);
        let inked = 0;
        let changed = 0;
        for (let i = 0; i < first.length; i += 4 * 7) {
          if ((first[i] ?? 255) < 200) inked++;
          if (Math.abs((first[i] ?? 0) - (last[i] ?? 0)) > 60) changed++;
        }
        return {
          duration: video.duration,
          width: video.videoWidth,
          height: video.videoHeight,
          inked,
          changed,
        };
      },
      { b64: bytes.toString('base64'), type: mimeType },
    );
  } finally {
    await page.close();
  }
}

/** Opens the app on 2 November 2014, then the dialog, and sets a range of one day per frame at 15 fps, 960×540. */
async function setUpRecording(page: Page, from: string, to: string): Promise<Locator> {
  await openApp(page, '?t=2014-11-02');
  await page.getByRole('button', { name: 'Record video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record video' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('From', { exact: true }).fill(from);
  await dialog.getByLabel('To', { exact: true }).fill(to);
  await dialog.getByLabel('Speed', { exact: true }).selectOption('days');
  await dialog.getByLabel('Days per frame', { exact: true }).fill('1');
  await dialog.getByLabel('Frame rate', { exact: true }).selectOption('15');
  await dialog.getByLabel('Size', { exact: true }).selectOption('960x540');
  return dialog;
}

/** The formats the dialog offers, once the browser has been asked. */
async function offeredFormats(dialog: Locator): Promise<string[]> {
  const select = dialog.getByLabel('Format', { exact: true });
  await expect(select).toBeEnabled();
  return select.locator('option').allTextContents();
}

/** Whether this browser's WebCodecs can encode H.264 at 960×540, asked directly (not through the app). */
async function browserEncodesH264(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (typeof VideoEncoder === 'undefined') return false;
    const config = { codec: 'avc1.42001f', width: 960, height: 540, bitrate: 1e6, framerate: 15 };
    return (await VideoEncoder.isConfigSupported(config)).supported === true;
  });
}

/**
 * Records in the page, watching it: every value the progress bar and the time bar's date took
 * meanwhile (a MutationObserver, so a fast recording is seen whole). Returns the saved file.
 */
async function recordWatched(page: Page, dialog: Locator) {
  await slider(page).evaluate((timeline) => {
    const seen = { progress: [] as number[], dates: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('.video-dialog progress');
      if (bar) seen.progress.push(bar.value);
      seen.dates.push(timeline.getAttribute('aria-valuetext') ?? '');
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const file = await download;
  const seen = await page.evaluate(
    () => (window as unknown as { __seen: { progress: number[]; dates: string[] } }).__seen,
  );
  return { file, seen, bytes: readFileSync((await file.path())!) };
}

/** What every recording of 2014-01-01..30 at 15 fps, 960×540, must be: read back and played. */
async function expectThirtyFrames(
  context: BrowserContext,
  bytes: Buffer,
  expected: { mimeType: string; codec: string },
): Promise<string> {
  const file = await readBack(bytes);
  expect(file.mimeType).toContain(expected.mimeType);
  expect(file.codec).toBe(expected.codec);
  expect([file.width, file.height]).toEqual([960, 540]);
  // Every frame drawn is in the file, one per 1/15 s: 30 frames, 2 s.
  expect(file.packets).toBe(30);
  expect(file.duration).toBeCloseTo(2, 1);
  expect(file.rate).toBeCloseTo(15, 0);
  const player = await probe(context, bytes, expected.mimeType);
  expect(player.width).toBe(960);
  expect(player.height).toBe(540);
  expect(Math.abs(player.duration - file.duration)).toBeLessThan(0.1);
  // Real pictures: the graph, title and legend are inked; the burnt-in date differs first to last.
  expect(player.inked).toBeGreaterThan(1000);
  expect(player.changed).toBeGreaterThan(50);
  return (
    `${expected.mimeType}: ${file.packets} frames, ${file.duration.toFixed(3)} s read back, ` +
    `player ${player.duration.toFixed(3)} s, inked ${player.inked}, changed ${player.changed}, ${bytes.length} bytes`
  );
}

test('Record video saves a WebM of frames ÷ fps seconds and restores the date', async ({
  page,
  context,
  consoleErrors,
}) => {
  const dialog = await setUpRecording(page, '2014-01-01', '2014-01-30');
  expect(await offeredFormats(dialog)).toContain('WebM (VP8)');
  await dialog.getByLabel('Format', { exact: true }).selectOption('webm');
  await expect(dialog.getByText('30 frames at 15 fps: 2.0 s of WebM (VP8)')).toBeVisible();
  expect(await axeViolations(page, '.video-dialog')).toEqual([]);

  const { file, seen, bytes } = await recordWatched(page, dialog);
  expect(new Set(seen.progress).size).toBeGreaterThan(2); // the bar moved through several values
  expect(seen.progress).toContain(30);
  expect(seen.dates.some((t) => t.startsWith('2014-01-15'))).toBe(true); // the main view moved
  expect(file.suggestedFilename()).toBe('tieline-2014-01-01-2014-01-30.webm');
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML
  const summary = await expectThirtyFrames(context, bytes, {
    mimeType: 'video/webm',
    codec: 'vp8',
  });
  const status = dialog.locator('.video-status');
  await expect(status).toContainText('Saved tieline-2014-01-01-2014-01-30.webm (WebM (VP8))');
  console.log(
    `video: ${summary}; ${await status.getAttribute('data-ms-per-frame')} ms per frame; ` +
      `status "${await status.textContent()}"`,
  );

  // The user's date is back, and the dialog is ready for another take.
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2014-11-02/);
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('MP4 (H.264) is offered exactly when the browser can encode H.264, and records', async ({
  page,
  context,
  consoleErrors,
}) => {
  const dialog = await setUpRecording(page, '2014-01-01', '2014-01-30');
  const h264 = await browserEncodesH264(page);
  console.log(`this Chromium ${h264 ? 'can' : 'cannot'} encode H.264 with WebCodecs`);
  const formats = await offeredFormats(dialog);
  if (!h264) {
    // Never offered when it cannot be encoded; WebM stays.
    expect(formats).toEqual(['WebM (VP8)']);
    return;
  }
  expect(formats).toEqual(['MP4 (H.264)', 'WebM (VP8)']);
  // MP4 is the default where it is offered (the format slides play).
  await expect(dialog.getByLabel('Format', { exact: true })).toHaveValue('mp4');
  await expect(dialog.getByText('30 frames at 15 fps: 2.0 s of MP4 (H.264)')).toBeVisible();

  const { file, bytes } = await recordWatched(page, dialog);
  expect(file.suggestedFilename()).toBe('tieline-2014-01-01-2014-01-30.mp4');
  expect(bytes.toString('latin1', 4, 8)).toBe('ftyp'); // an ISO BMFF file
  const summary = await expectThirtyFrames(context, bytes, { mimeType: 'video/mp4', codec: 'avc' });
  console.log(`video: ${summary}`);
  await expect(dialog.locator('.video-status')).toContainText('(MP4 (H.264))');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2014-11-02/);
  expect(consoleErrors).toEqual([]);
});

test('a codec the encoder refuses is never offered (WebCodecs stubbed to refuse it)', async ({
  page,
  consoleErrors,
}) => {
  // The page's own VideoEncoder.isConfigSupported, answering "no" to the codecs listed in __refuse.
  await page.addInitScript(() => {
    const w = window as unknown as { __refuse: string[] };
    w.__refuse = ['avc1'];
    const real = VideoEncoder.isConfigSupported.bind(VideoEncoder);
    VideoEncoder.isConfigSupported = (config) =>
      w.__refuse.some((c) => config.codec.startsWith(c))
        ? Promise.resolve({ supported: false, config })
        : real(config);
  });
  const dialog = await setUpRecording(page, '2014-01-01', '2014-01-30');
  expect(await offeredFormats(dialog)).toEqual(['WebM (VP8)']);
  await expect(dialog.getByText('30 frames at 15 fps: 2.0 s of WebM (VP8)')).toBeVisible();

  // VP8 refused too: WebM falls back to VP9. (Asked at settings not asked before: answers are kept.)
  await page.evaluate(
    () => ((window as unknown as { __refuse: string[] }).__refuse = ['avc1', 'vp8']),
  );
  await dialog.getByLabel('Size', { exact: true }).selectOption('1920x1080');
  await expect(dialog.getByLabel('Format', { exact: true }).locator('option')).toHaveText([
    'WebM (VP9)',
  ]);

  // Nothing encodable: no format, and nothing to start.
  await page.evaluate(() => ((window as unknown as { __refuse: string[] }).__refuse = ['']));
  await dialog.getByLabel('Frame rate', { exact: true }).selectOption('24');
  await expect(dialog.getByText(/cannot encode video at this size/)).toBeVisible();
  await expect(dialog.getByLabel('Format', { exact: true })).toBeDisabled();
  await expect(dialog.getByLabel('Format', { exact: true }).locator('option')).toHaveText([
    'None available',
  ]);
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toBeDisabled();
  expect(consoleErrors).toEqual([]);
});

test('Cancel stops a recording without a download', async ({ page, consoleErrors }) => {
  let downloads = 0;
  page.on('download', () => downloads++);
  const dialog = await setUpRecording(page, '2013-01-01', '2014-12-31');
  await expect(dialog.getByLabel('Format', { exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Recording progress' });
  await expect
    .poll(() => progress.evaluate((p: HTMLProgressElement) => p.value), { intervals: [50] })
    .toBeGreaterThan(3);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Recording cancelled; nothing was saved.')).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2014-11-02/);
  await page.waitForTimeout(1500);
  expect(downloads).toBe(0);
  expect(consoleErrors).toEqual([]);
});
