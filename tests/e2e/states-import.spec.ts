// An MMP relations table and its key file imported through the dialog untouched: a pair read before and after its change.
import { readFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { confirmImport, dropFile } from './import-dialog';

const DIR = 'tests/fixtures/mmp-change';

test('an MMP table imported untouched: an alliance holds until the pair’s rivalry', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page);
  await dropFile(page, 'relations.csv', readFileSync(`${DIR}/relations.csv`), 'text/csv');
  const dialog = page.getByRole('dialog', { name: 'Import relations.csv' });
  await expect(dialog).toContainText('Mapping Militant Organizations');
  await dialog.getByLabel(/Actors file/).setInputFiles(`${DIR}/key.csv`);
  // Import, then Import again on the vocabulary step: its suggestion accepted untouched.
  await confirmImport(dialog);
  await expect(page.getByRole('status')).toContainText(/Loaded .*: 7 actors, 8 relations/);
  await page.waitForFunction(() => window.__tieline?.ready === true);

  await page.getByRole('button', { name: 'Victory Front', exact: true }).click();
  const ties = page.getByRole('region', { name: 'Ties of Victory Front' });
  await ties.getByRole('button', { name: 'Dawn Brigade: pair history', exact: true }).click();
  const history = page.getByRole('region', { name: 'History of Victory Front and Dawn Brigade' });
  const records = history.locator('.pair-record');
  await expect(records).toHaveCount(2);
  await expect(records.nth(0)).toContainText('until the next record (Rivalry, 2014)');

  // Before the change: allied, in view through 2013.
  await history.getByRole('button', { name: 'Show 1 January 2012' }).click();
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toHaveAttribute('aria-valuetext', /^2012-01-01/);
  await slider.focus();
  for (let k = 0; k < 23; k++) await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', /^2013-12-01/);
  const inView = ties.locator('ul.ties:not(.history) > li');
  await expect(inView.filter({ hasText: 'Dawn Brigade' })).toHaveCount(1);
  await expect(inView.filter({ hasText: 'Dawn Brigade' })).toContainText('Alliance');

  // After it: rivals, and the alliance is gone (the record says so, not a 30-day window).
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', /^2014-01-01/);
  await expect(inView.filter({ hasText: 'Dawn Brigade' })).toHaveCount(1);
  await expect(inView.filter({ hasText: 'Dawn Brigade' })).toContainText('Rivalry');
  expect(consoleErrors).toEqual([]);
});
