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
  // 79 relations since the #17 corrections (one group-level tie removed, six added from the texts).
  await expect(filters).toContainText('79 of 79 relations pass the filters');
  // Orton is the only source that disputes the truce: without it, the truce is corroborated (solid).
  await filters.getByRole('checkbox', { name: /A Word of Caution/ }).uncheck();
  await expect(page).toHaveURL(/sources=/);
  await expect.poll(() => page.evaluate(lineStyle(TRUCE))).toBe('solid');
  await expect(filters).not.toContainText('79 of 79');
  // Only disputed ties, with their count shown beside the option.
  await filters.getByRole('button', { name: 'Reset filters' }).click();
  const disputed = filters.getByRole('checkbox', { name: /^disputed/ });
  // Five: the reconciliation overtures are no longer disputed (Orton and VICE only qualify them).
  await expect(disputed.locator('xpath=..')).toContainText(/disputed\s*5/);
  await filters.getByRole('checkbox', { name: /^reported/ }).uncheck();
  await filters.getByRole('checkbox', { name: /^corroborated/ }).uncheck();
  await expect(filters).toContainText('5 of 79 relations pass the filters');
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

test('the ties panel says who said it first: two relays of one AP account are one original', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-03&actor=jund-al-aqsa');
  const panel = page.getByRole('region', { name: 'Ties of Jund al-Aqsa' });
  const current = panel.getByRole('list').first();
  const meeting = current.getByRole('listitem').filter({ hasText: /^Negotiation/ });
  await expect(meeting).toContainText('2 reports, 1 original (Associated Press)');
  await expect(meeting.locator('.badge')).toHaveText('reported');
  await expect(meeting).toContainText('via Associated Press');
  // The truce: one report with two originals, qualified by three sources, disputed by Orton.
  await openApp(page, '?t=2014-11-20&actor=nusra');
  const nusra = page.getByRole('region', { name: 'Ties of Jabhat al-Nusra' });
  const truce = nusra
    .getByRole('listitem')
    .filter({ hasText: /^Truce/ })
    .filter({ hasText: 'early-November 2014' })
    .first();
  await expect(truce).toContainText(
    '1 report, 2 originals (Associated Press, The Independent); qualified by 3 sources; disputed by 1 source',
  );
  await expect(truce.locator('.claim.stance-qualifies')).toHaveCount(3);
  await expect(truce.locator('.claim.stance-qualifies').first()).toContainText('Qualifies:');
  // Under the lens without Orton the wording follows the claims in view.
  await page.getByRole('tab', { name: 'Filters' }).click();
  await page
    .getByRole('region', { name: 'Filters' })
    .getByRole('checkbox', { name: /A Word of Caution/ })
    .uncheck();
  await expect(truce).toContainText(
    '1 report, 2 originals (Associated Press, The Independent); qualified by 2 sources',
  );
  await expect(truce).not.toContainText('disputed by');
  await expect(truce.locator('.badge')).toHaveText('corroborated');
});

test('sources that disagree on when: each date listed, the range drawn uncertain, the lens and as-known-on apply', async ({
  page,
}) => {
  await openApp(page, '?t=2013-06-01&actor=aq');
  const panel = page.getByRole('region', { name: 'Ties of al-Qaeda' });
  const split = panel
    .getByRole('listitem')
    .filter({ hasText: /^Split/ })
    .first();
  await expect(split.locator('.tie-dates')).toHaveText(
    '2012; April 2013; 2014 (the sources differ)',
  );
  await expect(split).toContainText('dates it 2012');
  await expect(split).toContainText('dates it April 2013');
  // In view in mid-2013, inside the range of disagreement: drawn uncertain (fuzzy).
  const fuzzy = () =>
    page.evaluate(() =>
      window.__tieline!.adapter.cy.getElementById('e:is-splits-from-aq').hasClass('fuzzy'),
    );
  expect(await visibleIds(page)).toContain('is-splits-from-aq');
  expect(await fuzzy()).toBe(true);
  // The time bar marks the stretch of disagreement.
  await expect(
    page.locator('.histogram .disagreement[data-relation="is-splits-from-aq"]'),
  ).toHaveCount(1);
  // As known on 15 November 2014 Digital Journal's 2012 is not out yet: not in view before April 2013.
  await openApp(page, '?t=2012-06-01&actor=aq&known=2014-11-15');
  expect(await visibleIds(page)).not.toContain('is-splits-from-aq');
  await expect(
    page
      .getByRole('region', { name: 'Ties of al-Qaeda' })
      .getByRole('listitem')
      .filter({ hasText: /^Split/ })
      .first()
      .locator('.tie-dates'),
  ).toHaveText('April 2013; 2014 (the sources differ)');
  await openApp(page, '?t=2012-06-01&actor=aq');
  expect(await visibleIds(page)).toContain('is-splits-from-aq');
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
