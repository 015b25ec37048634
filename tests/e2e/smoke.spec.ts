// Smoke test: the production build loads, draws the bundled actors on the canvas, with no console errors.
import { expect, openApp, test } from './fixtures';

test('the production build draws the bundled dataset without console errors', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page);
  await expect(page.getByRole('status')).toContainText(/Loaded .+: \d+ actors, \d+ relations/);
  const drawn = await page.evaluate(() => {
    const cy = window.__tieline!.adapter.cy;
    return { nodes: cy.nodes().length, visibleNodes: cy.nodes(':visible').length };
  });
  expect(drawn.nodes).toBeGreaterThanOrEqual(20);
  expect(drawn.visibleNodes).toBe(drawn.nodes);
  // The canvas really has ink on it: count non-white pixels of the node layer.
  const inked = await page.evaluate(() => {
    const canvases = [
      ...document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph"] canvas'),
    ];
    let count = 0;
    for (const c of canvases) {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0) continue;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4 * 7) if ((data[i] ?? 0) > 0) count++;
    }
    return count;
  });
  expect(inked).toBeGreaterThan(500);
  expect(consoleErrors).toEqual([]);
});

test('the production page carries a Content-Security-Policy without inline or eval scripts', async ({
  page,
}) => {
  await page.goto('./');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toBeTruthy();
  const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
  // The policy is enforced: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    return (window as unknown as { __inline?: number }).__inline;
  });
  expect(ran).toBeUndefined();
});
