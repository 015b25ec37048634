// States that last until superseded, on an MMP-shaped fixture: derived ends, the current-state view, pair lanes, the opening date, an empty date.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test, visibleIds } from './fixtures';

const FIXTURE = readFileSync(new URL('../fixtures/mmp-states.json', import.meta.url), 'utf8');
const data = JSON.parse(FIXTURE) as {
  relations: { id: string; type: string; source: string; target: string; start: string }[];
};
const pairOf = (id: string): string => {
  const r = data.relations.find((x) => x.id === id)!;
  return [r.source, r.target].sort().join('|');
};
// The story pairs of the fixture.
const HELPERS_ALLIANCE = 'r126';
const HELPERS_RIVALRY = 'r127';

/** Serves the fixture at /mmp-states.json and opens the app on it. */
async function openFixture(page: Page, query = ''): Promise<void> {
  await page.route(
    (u) => u.pathname === '/mmp-states.json',
    (route) => route.fulfill({ body: FIXTURE, contentType: 'application/json' }),
  );
  await openApp(page, `?data=/mmp-states.json${query}`);
}
const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });

test('an alliance holds until the pair records a rivalry, and says its end is derived', async ({
  page,
  consoleErrors,
}) => {
  await openFixture(page, '&t=2013-09-30&actor=helpers');
  expect(await visibleIds(page)).toContain(HELPERS_ALLIANCE);
  expect(await visibleIds(page)).not.toContain(HELPERS_RIVALRY);
  const panel = page.getByRole('region', { name: 'Ties of Helpers of the North' });
  await expect(panel).toContainText(
    'from 25 November 2012, until the next record (Rivalry, October 2013)',
  );
  // Drawn cased, and the legend says what the casing means.
  const outline = await page.evaluate(() =>
    window.__tieline!.adapter.cy.getElementById('e:r126').style('line-outline-width'),
  );
  expect(parseFloat(outline)).toBeGreaterThan(0);
  // The legend's own toggle (each of its sections folds too).
  await page.locator('.legend summary').first().click();
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('Until the next record');

  await slider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2013-10-01/);
  await expect.poll(() => visibleIds(page)).toContain(HELPERS_RIVALRY);
  expect(await visibleIds(page)).not.toContain(HELPERS_ALLIANCE);
  expect(consoleErrors).toEqual([]);
});

test('at-date and cumulative modes still behave as documented', async ({ page }) => {
  await openFixture(page, '&t=2013-10-20');
  // At the date: the rivalry only. Cumulative: everything started by the date, both records.
  expect(await visibleIds(page)).not.toContain(HELPERS_ALLIANCE);
  await page.getByRole('radio', { name: 'Cumulative' }).check();
  await expect.poll(() => visibleIds(page)).toContain(HELPERS_ALLIANCE);
  expect(await visibleIds(page)).toContain(HELPERS_RIVALRY);
  const cumulative = (await visibleIds(page)).length;
  expect(cumulative).toBe(data.relations.filter((r) => r.start.slice(0, 7) <= '2013-10').length);
  await expect(page).toHaveURL(/mode=cumulative/);
});

test('the current-state view shows one state per pair, and the address keeps it', async ({
  page,
}) => {
  await openFixture(page, '&t=2015-01-01');
  await page.getByRole('radio', { name: 'Current state' }).check();
  await expect(page.getByText('State on 1 January 2015')).toBeVisible();
  await expect(page).toHaveURL(/mode=current/);
  const ids = await visibleIds(page);
  const pairs = ids.map(pairOf);
  expect(new Set(pairs).size).toBe(pairs.length);
  // The Front–Brigade pair's latest word is its merger (August 2014), long after its event window.
  expect(ids).toContain('r130');
  expect(ids).not.toContain('r129');

  await page.reload();
  await page.waitForFunction(() => window.__tieline?.ready === true);
  await expect(page.getByRole('radio', { name: 'Current state' })).toBeChecked();
  expect((await visibleIds(page)).sort()).toEqual([...ids].sort());
});

test('the pair lane lists the records in order, with sources, and moves the time bar', async ({
  page,
  consoleErrors,
}) => {
  await openFixture(page, '&t=2016-01-01');
  await page.getByRole('button', { name: 'Victory Front', exact: true }).click();
  const ties = page.getByRole('region', { name: 'Ties of Victory Front' });
  // The partner lanes (KronoGraph-style) and a pair link on each tie.
  await expect(ties.getByRole('list', { name: 'Pairs over time' })).toBeVisible();
  await ties.getByRole('button', { name: 'Dawn Brigade: pair history', exact: true }).click();
  const history = page.getByRole('region', { name: 'History of Victory Front and Dawn Brigade' });
  await expect(history).toBeVisible();
  const records = history.locator('.pair-record');
  await expect(records).toHaveCount(3);
  await expect(records.nth(0)).toContainText('Alliance');
  await expect(records.nth(0)).toContainText('until the next record (Rivalry, 15 October 2013)');
  await expect(records.nth(1)).toContainText('Rivalry');
  await expect(records.nth(2)).toContainText('Merger');
  await expect(records.nth(2)).toContainText('Group profile');
  await expect(page).toHaveURL(/pair=front,brigade/);
  // No accessibility violation in the history or the ties panel with its lanes.
  const axe = await new AxeBuilder({ page })
    .include('.pair-history')
    .include('.ties-panel')
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
    [],
  );

  await history.getByRole('button', { name: 'Show 15 October 2013' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^2013-10-15/);
  await history.getByRole('button', { name: 'Close pair history' }).click();
  await expect(history).toHaveCount(0);

  // Tapping the tie on the graph opens the same history.
  // (r129 is recorded Brigade → Front: the history is named in the record's order.)
  await page.evaluate(() => {
    window.__tieline!.adapter.cy.getElementById('e:r129').emit('tap');
  });
  const tapped = page.getByRole('region', { name: 'History of Dawn Brigade and Victory Front' });
  await expect(tapped.locator('.pair-record')).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});

test('the view opens on a date with ties, not on the lone first record', async ({ page }) => {
  await openFixture(page);
  const text = (await slider(page).getAttribute('aria-valuetext')) ?? '';
  expect(text.startsWith('1990-03-12')).toBe(false);
  expect((await visibleIds(page)).length).toBeGreaterThan(10);
  await expect(page.getByText(/Nothing in view/)).toHaveCount(0);
});

test('a date with nothing in view says so and offers the next date with ties', async ({ page }) => {
  // Only splits and mergers kept: most dates show nothing.
  await openFixture(page, '&t=2009-06-01&types=split,merger');
  await expect(page.getByText('Nothing in view on 1 June 2009.')).toBeVisible();
  expect(await visibleIds(page)).toEqual([]);
  await page.getByRole('button', { name: /Go to the next date with ties/ }).click();
  await expect.poll(async () => (await visibleIds(page)).length).toBeGreaterThan(0);
  const iso = ((await slider(page).getAttribute('aria-valuetext')) ?? '').slice(0, 10);
  expect(iso).toBe('2011-05-06');
  await expect(page.getByText(/Nothing in view/)).toHaveCount(0);
});
