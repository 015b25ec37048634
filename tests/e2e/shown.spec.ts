// One rule of what is shown at t, in Chromium: with every relation type filtered out, no view counts a tie.
import type { Page } from '@playwright/test';
import { expect, openApp, test, visibleIds } from './fixtures';

/** What each view counts: ties the graph shows, actor-list counts, the ties panel's heading, thumbnail ties. */
async function counts(page: Page) {
  const region = page.getByRole('region', { name: 'Small multiples' });
  const toggle = region.getByRole('button', { name: 'Small multiples', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const strip = page.locator('.multiples-strip');
  await expect(strip).toHaveAttribute('data-ties', /\d+/);
  const listed = await page
    .locator('.actor-list .count')
    .evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((t) => t !== ''));
  return {
    graph: (await visibleIds(page)).length,
    actorList: listed.length,
    panel: await page.getByRole('heading', { name: /^In view/ }).textContent(),
    thumbnails: Number(await strip.getAttribute('data-ties')),
  };
}

test('with every type filtered out, no view counts a tie; with all types, every view does', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page, '?t=2014-11-03&actor=nusra');
  const all = await counts(page);
  expect(all.graph).toBeGreaterThan(0);
  expect(all.actorList).toBeGreaterThan(0);
  expect(all.panel).not.toMatch(/\(0\)$/);
  expect(all.thumbnails).toBeGreaterThan(0);

  await openApp(page, '?t=2014-11-03&actor=nusra&types=');
  const none = await counts(page);
  expect(none).toEqual({
    graph: 0,
    actorList: 0,
    panel: 'In view on 3 November 2014 (0)',
    thumbnails: 0,
  });
  expect(consoleErrors).toEqual([]);
});
