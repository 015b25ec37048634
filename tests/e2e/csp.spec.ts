// The production build under its own Content-Security-Policy: loading, importing a file and exporting PNG break no directive.
import { readFileSync } from 'node:fs';
import { CSP } from '../../vite.config';
import { expect, openApp, test } from './fixtures';

test('the page carries the policy and nothing it does while loading, importing and exporting violates it', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}`),
    );
  });
  await openApp(page, '?t=2014-11-03');
  expect(
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
  ).toBe(CSP);

  // Import a CSV: the import worker, the mapping dialog, a new graph.
  const csv = 'source,target,type,date\nAlpha,Beta,ally,2014-01-02\nBeta,Gamma,attack,2014-02-03\n';
  await page
    .getByLabel('Import dataset')
    .setInputFiles({ name: 'ties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'Import ties.csv' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('status')).toContainText(/Loaded/);

  // Export PNG: Cytoscape's raster, a canvas, data: and blob: images.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations).toEqual([]);
  expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
});
