// Provenance views in Chromium: the claims lens, "as known on", comparing two dates, and citable snapshots.
import { readFileSync } from 'node:fs';
import { expect, openApp, test, visibleIds } from './fixtures';

const TRUCE = 'is-nusra-truce-2014-11';
const lineStyle = (id: string) =>
  `window.__tieline.adapter.cy.getElementById('e:${id}').style('line-style')`;

test('the claims lens: filtering out a source recomputes status; the status filter shows its count', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-20');
  expect(await page.evaluate(lineStyle(TRUCE))).toBe('dashed');
  await page.getByRole('tab', { name: 'Filters' }).click();
  const filters = page.getByRole('region', { name: 'Filters' });
  await expect(filters).toContainText('74 of 74 relations pass the filters');
  // Orton is the only source that disputes the truce: without it, the truce is corroborated (solid).
  await filters.getByRole('checkbox', { name: /A Word of Caution/ }).uncheck();
  await expect(page).toHaveURL(/sources=/);
  await expect.poll(() => page.evaluate(lineStyle(TRUCE))).toBe('solid');
  await expect(filters).not.toContainText('74 of 74');
  // Only disputed ties, with their count shown beside the option.
  await filters.getByRole('button', { name: 'Reset filters' }).click();
  const disputed = filters.getByRole('checkbox', { name: /^disputed/ });
  await expect(disputed.locator('xpath=..')).toContainText(/disputed\s*6/);
  await filters.getByRole('checkbox', { name: /^reported/ }).uncheck();
  await filters.getByRole('checkbox', { name: /^corroborated/ }).uncheck();
  await expect(filters).toContainText('6 of 74 relations pass the filters');
  const ids = await visibleIds(page);
  expect(ids).toContain(TRUCE);
  expect(ids).not.toContain('nusra-attacks-srf-2014-11-02');
});

test('as known on: the truce appears disputed once Digital Journal relays the AP report', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-20');
  await page.getByRole('tab', { name: 'Filters' }).click();
  const known = page
    .getByRole('textbox', { name: 'As known on' })
    .or(page.getByLabel('As known on'));
  // 15 Nov 2014: only Orton (who doubts it) has published; nothing asserts the truce yet.
  await known.first().fill('2014-11-15');
  await expect(page).toHaveURL(/known=2014-11-15/);
  await expect.poll(() => visibleIds(page)).not.toContain(TRUCE);
  // 16 Nov 2014: Digital Journal asserts it; Orton disputes it: disputed.
  await known.first().fill('2014-11-16');
  await expect.poll(() => visibleIds(page)).toContain(TRUCE);
  expect(await page.evaluate(lineStyle(TRUCE))).toBe('dashed');
  // A deep link with known= restores it.
  await openApp(page, '?t=2014-11-20&known=2014-11-15');
  expect(await visibleIds(page)).not.toContain(TRUCE);
});

test('compare two dates: marks formed and ended ties and lists the changes, each clickable', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-20');
  await page.getByRole('tab', { name: 'Compare' }).click();
  const panel = page.getByRole('region', { name: 'Compare dates' });
  await panel.getByLabel('Date A').fill('2014-10-15');
  await panel.getByLabel('Date B').fill('2014-11-05');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/compare=2014-10-15\.\.2014-11-05/);
  const changes = panel.getByRole('list', { name: 'Changes' });
  await expect(changes).toContainText('Formed: Attack, Jabhat al-Nusra – Harakat Hazm');
  const marked = await page.evaluate(() =>
    window.__tieline!.adapter.cy.$('edge.cmp-formed').map((e) => e.id()),
  );
  expect(marked).toContain('e:nusra-attacks-hazm-2014-11-02');
  await changes
    .getByRole('button', { name: /Formed: Attack, Jabhat al-Nusra – Harakat Hazm/ })
    .click();
  await expect(page.getByRole('region', { name: 'Ties of Jabhat al-Nusra' })).toBeVisible();
  // Restored from a URL.
  await openApp(page, '?compare=2014-10-15..2014-11-05');
  expect(await page.evaluate(() => window.__tieline!.adapter.cy.$('edge.cmp-formed').length)).toBe(
    marked.length,
  );
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Stop comparing' }).click();
  expect(await page.evaluate(() => window.__tieline!.adapter.cy.$('edge.cmp-formed').length)).toBe(
    0,
  );
});

test('citable snapshots: the SVG carries the filters, the as-known-on date, a dataset hash and a permalink', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-20&known=2014-11-16&statuses=disputed');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('Filters: status disputed');
  expect(svg).toContain('As known on: 16 November 2014');
  expect(svg).toMatch(/Dataset [0-9a-f]{12}/);
  const link = /Permalink: (http[^<\s]+)/.exec(svg.replace(/&amp;/g, '&'))?.[1];
  expect(link).toBeDefined();
  expect(link).toContain('known=2014-11-16');
  expect(link).toContain('statuses=disputed');
  // The permalink restores the exact view.
  const before = await visibleIds(page);
  await page.goto(link!);
  await page.waitForFunction(() => window.__tieline?.ready === true);
  expect(await visibleIds(page)).toEqual(before);
});
