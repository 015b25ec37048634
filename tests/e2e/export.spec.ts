// Export: the downloaded PNG and SVG are real images of the view, named by the date, with title, date and legend.
import { readFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';

test('Export PNG downloads a real PNG of at least 1600×1000 named by the date', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-03');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tieline-2014-11-03.png');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThanOrEqual(1600);
  expect(height).toBeGreaterThanOrEqual(1000);
  // Not blank: decode it in the page and count non-white pixels.
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 13)
      if ((d[i] ?? 255) < 200 || (d[i + 1] ?? 255) < 200) n++;
    return n;
  }, bytes.toString('base64'));
  expect(inked).toBeGreaterThan(2000);
});

test('Export SVG downloads an SVG with the title, the date, the legend and the visible ties', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-03');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tieline-2014-11-03.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml|^<svg/);
  expect(svg).toContain('2014-11-03');
  expect(svg).toContain('Jihadist alliances in Syria and beyond');
  expect(svg).toContain('Disputed');
  const visible = await page.evaluate(() => window.__tieline!.adapter.visibleRelationIds());
  const drawn = [...svg.matchAll(/data-relation="([^"]+)"/g)].map((m) => m[1]).sort();
  expect(drawn).toEqual(visible);
  const size = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror') !== null,
      w: Number(root.getAttribute('width')),
      h: Number(root.getAttribute('height')),
    };
  }, svg);
  expect(size.error).toBe(false);
  expect(size.w).toBeGreaterThanOrEqual(1600);
});
