// Small multiples and the video export in real Chromium: thumbnails at pinned dates that move the time bar, and a WebM of the view with its real duration.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
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
// A WebM reader written for this test, independent of the app's own.

interface Parsed {
  docType: string | null;
  durationMs: number | null;
  blocks: number;
  lastBlockMs: number;
}

function parseWebm(b: Buffer): Parsed {
  const vint = (
    pos: number,
    keepMarker: boolean,
  ): { value: number; len: number; ones: boolean } => {
    const first = b[pos]!;
    let len = 1;
    while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
    let value = keepMarker ? first : first & (0xff >> len);
    let ones = value === 0xff >> len;
    for (let k = 1; k < len; k++) {
      value = value * 256 + b[pos + k]!;
      if (b[pos + k] !== 0xff) ones = false;
    }
    return { value, len, ones };
  };
  const out: Parsed = { docType: null, durationMs: null, blocks: 0, lastBlockMs: -1 };
  let scale = 1_000_000;
  let cluster = 0;
  const masters = new Set([0x1a45dfa3, 0x18538067, 0x1549a966, 0x1f43b675]);
  let pos = 0;
  while (pos < b.length) {
    const id = vint(pos, true);
    const size = vint(pos + id.len, false);
    const data = pos + id.len + size.len;
    const end = size.ones ? b.length : data + size.value;
    if (masters.has(id.value)) {
      pos = data; // descend
      continue;
    }
    if (id.value === 0x4282) out.docType = b.toString('latin1', data, end);
    if (id.value === 0x2ad7b1) scale = b.readUIntBE(data, end - data);
    if (id.value === 0x4489) {
      const ticks = end - data === 8 ? b.readDoubleBE(data) : b.readFloatBE(data);
      out.durationMs = (ticks * scale) / 1e6;
    }
    if (id.value === 0xe7) cluster = b.readUIntBE(data, end - data);
    if (id.value === 0xa3) {
      const track = vint(data, false);
      const t = ((cluster + b.readInt16BE(data + track.len)) * scale) / 1e6;
      out.blocks++;
      out.lastBlockMs = Math.max(out.lastBlockMs, t);
    }
    pos = end;
  }
  return out;
}

/**
 * What Chromium's own player says about the file, on a page without the app's CSP: duration, size,
 * and for the first and last frames how much is inked and how many pixels differ between them.
 */
async function probe(context: BrowserContext, bytes: Buffer) {
  const page = await context.newPage();
  try {
    await page.goto('about:blank');
    return await page.evaluate(async (b64) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([raw], { type: 'video/webm' }));
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
    }, bytes.toString('base64'));
  } finally {
    await page.close();
  }
}

/** Opens the dialog and sets a range of one day per frame at 15 fps, 960×540. */
async function setUpRecording(page: Page, from: string, to: string): Promise<Locator> {
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

test('Record video saves a WebM of frames ÷ fps seconds and restores the date', async ({
  page,
  context,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  await openApp(page, '?t=2014-11-02');
  const dialog = await setUpRecording(page, '2014-01-01', '2014-01-30');
  await expect(dialog.getByText('30 frames at 15 fps: 2.0 s', { exact: false })).toBeVisible();
  expect(await axeViolations(page, '.video-dialog')).toEqual([]);

  const seen = new Set<string>();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Recording progress' });
  await expect(progress).toBeVisible();
  const values = new Set<number>();
  await expect
    .poll(
      async () => {
        const v = await progress.evaluate((p: HTMLProgressElement) => p.value).catch(() => -1);
        if (v >= 0) values.add(v);
        seen.add((await slider(page).getAttribute('aria-valuetext')) ?? '');
        return v;
      },
      { intervals: [50], timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(20);
  expect(values.size).toBeGreaterThan(2); // the bar moved through several values
  expect([...seen].some((t) => t.startsWith('2014-01-'))).toBe(true); // the main view moved

  const file = await download;
  expect(file.suggestedFilename()).toBe('tieline-2014-01-01-2014-01-30.webm');
  const bytes = readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const parsed = parseWebm(bytes);
  expect(parsed.docType).toBe('webm');
  expect(parsed.durationMs).not.toBeNull();
  const asked = (30 / 15) * 1000;
  expect(parsed.durationMs!).toBeGreaterThan(asked * 0.75);
  expect(parsed.durationMs!).toBeLessThan(asked * 1.25);
  // The Duration agrees with the blocks' own timecodes (last block + one frame).
  expect(Math.abs(parsed.durationMs! - (parsed.lastBlockMs + 1000 / 15))).toBeLessThan(80);
  const player = await probe(context, bytes);
  expect(player.width).toBe(960);
  expect(player.height).toBe(540);
  expect(Math.abs(player.duration * 1000 - parsed.durationMs!)).toBeLessThan(100);
  // Real pictures: the graph, title and legend are inked; the burnt-in date differs first to last.
  expect(player.inked).toBeGreaterThan(1000);
  expect(player.changed).toBeGreaterThan(50);
  const status = await dialog.locator('.video-status').textContent();
  console.log(
    `video: asked 30 frames at 15 fps (${asked} ms); blocks in file ${parsed.blocks}; ` +
      `Duration ${parsed.durationMs!.toFixed(1)} ms; player ${player.duration.toFixed(3)} s; ` +
      `inked ${player.inked}, changed ${player.changed}; ` +
      `${bytes.length} bytes; ${await dialog.locator('.video-status').getAttribute('data-ms-per-frame')} ms per frame; status "${status}"`,
  );
  expect(parsed.blocks).toBeGreaterThanOrEqual(27);
  expect(parsed.blocks).toBeLessThanOrEqual(30);

  // The user's date is back, and the dialog is ready for another take.
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2014-11-02/);
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('Cancel stops a recording without a download', async ({ page, consoleErrors }) => {
  test.setTimeout(60_000);
  await openApp(page, '?t=2014-11-02');
  let downloads = 0;
  page.on('download', () => downloads++);
  const dialog = await setUpRecording(page, '2013-01-01', '2014-12-31');
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
