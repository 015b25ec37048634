// Bringing your own data in Chromium: drop GEXF and CSV (through the mapping step), see the report, reload, find them kept.
import { existsSync, readFileSync } from 'node:fs';
import { expect, openApp, test, visibleIds } from './fixtures';
import { dropFile } from './import-dialog';

const CSV = [
  'from,to,relation,date',
  'Alpha,Beta,allegiance,2014-03-01',
  'Beta,Gamma,attack,03/05/2014',
  'Gamma,Alpha,truce,2014-06',
  'Alpha,Beta,allegiance,2014-03-01',
].join('\n');

test('drop a GEXF and a CSV (through the mapping step), see the report, reload and find them still there', async ({
  page,
}) => {
  await openApp(page);
  // GEXF: the dialog offers the relation type attribute, then imports.
  await dropFile(
    page,
    'dynamics.gexf',
    readFileSync('tests/fixtures/dynamics.gexf'),
    'application/xml',
  );
  const gexfDialog = page.getByRole('dialog', { name: 'Import dynamics.gexf' });
  await expect(gexfDialog).toContainText('4 nodes, 5 edges');
  await gexfDialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText(
    /Loaded .*: 4 actors, 5 relations, 2009-03-01 to 2009-03-10/,
  );
  await expect(page.getByRole('status')).toContainText(/warning/);
  await page.waitForFunction(() => window.__tieline?.ready === true);
  expect(await page.evaluate(() => window.__tieline!.adapter.cy.nodes().length)).toBe(4);
  await expect(page).toHaveURL(/ds=/);

  // CSV: the mapping step shows the detected columns; the user confirms.
  await dropFile(page, 'ties.csv', CSV, 'text/csv');
  const csvDialog = page.getByRole('dialog', { name: 'Import ties.csv' });
  await expect(csvDialog.getByRole('combobox', { name: 'Source (from)' })).toHaveValue('0');
  await expect(csvDialog.getByRole('combobox', { name: 'Target (to)' })).toHaveValue('1');
  await expect(csvDialog.getByRole('combobox', { name: 'Relation type' })).toHaveValue('2');
  await csvDialog.getByRole('button', { name: 'Import' }).click();
  // The vocabulary step: the types with their suggested labels; accepted as they are.
  await expect(csvDialog.getByRole('table', { name: 'Relation types' })).toBeVisible();
  await expect(csvDialog.getByRole('textbox', { name: 'Label of allegiance' })).toHaveValue(
    'Allegiance',
  );
  await csvDialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText(/Loaded .*: 3 actors, 3 relations/);
  await expect(page.getByRole('status')).toContainText(/repeated an earlier row/);
  const url = page.url();

  // Reload: the CSV dataset comes back from IndexedDB, and the GEXF one is still in the menu.
  await page.reload();
  await page.waitForFunction(() => window.__tieline?.ready === true);
  expect(page.url()).toBe(url);
  await expect(page.getByRole('status')).toContainText(/3 actors, 3 relations/);
  const menu = page.getByRole('combobox', { name: 'Dataset' });
  const options = await menu.locator('option').allTextContents();
  expect(options.some((o) => /dynamics/i.test(o))).toBe(true);
  expect(options.some((o) => /ties/i.test(o))).toBe(true);
  // Switch back to the GEXF one, then delete it.
  await menu.selectOption({ label: options.find((o) => /dynamics/i.test(o))! });
  await expect(page.getByRole('status')).toContainText(/4 actors, 5 relations/);
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(page.getByRole('status')).toContainText('Loaded Jihadist alliances');
  await expect
    .poll(async () =>
      (await menu.locator('option').allTextContents()).some((o) => /dynamics/i.test(o)),
    )
    .toBe(false);
});

test('a broken file shows the error while the old graph stays', async ({ page }) => {
  await openApp(page, '?t=2014-11-03');
  const before = await visibleIds(page);
  await dropFile(
    page,
    'broken.gexf',
    '<?xml version="1.0"?><gexf><graph><nodes><node id="a"',
    'application/xml',
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.gexf');
  await expect(alert).toContainText(/line \d+/);
  expect(await visibleIds(page)).toEqual(before);
  await expect(page.getByRole('status')).toContainText('Loaded Jihadist alliances');
});

test('Export dataset writes tieline/1 JSON that imports back to the same dataset', async ({
  page,
}) => {
  await openApp(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export dataset' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  const original = JSON.parse(readFileSync('data/tieline.json', 'utf8')) as {
    relations: unknown[];
    actors: unknown[];
  };
  const exported = JSON.parse(text) as typeof original & { format: string };
  expect(exported.format).toBe('tieline/1');
  expect(exported.relations).toEqual(original.relations);
  expect(exported.actors.length).toBe(original.actors.length);
});

const COLLEGE = '../shared/data/CollegeMsg.txt';
test('the worker reports progress on CollegeMsg.txt and the page stays responsive', async ({
  page,
}) => {
  expect(existsSync(COLLEGE), `${COLLEGE} is needed (shared/ beside the repository)`).toBe(true);
  await openApp(page);
  // Record long main-thread tasks and progress values while the import runs.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __progress: number[] };
    w.__long = [];
    w.__progress = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const seen = new Set<number>();
    const tick = () => {
      const bar = document.querySelector<HTMLProgressElement>(
        'progress[aria-label="Import progress"]',
      );
      if (bar && !seen.has(bar.value)) {
        seen.add(bar.value);
        w.__progress.push(bar.value / bar.max);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByLabel('Import dataset').setInputFiles(COLLEGE);
  const dialog = page.getByRole('dialog', { name: 'Import CollegeMsg.txt' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText('1899 actors, 59798 relations', {
    timeout: 60_000,
  });
  const progress = await page.evaluate(
    () => (window as unknown as { __progress: number[] }).__progress,
  );
  // Several distinct progress values between 0 and 1 were painted while the worker ran.
  expect(progress.filter((p) => p > 0 && p < 1).length).toBeGreaterThanOrEqual(3);
});

test('hostile files get a located error or a warning-laden import, and the page keeps working', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page, '?t=2014-11-03');
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  let laughs = '<!ENTITY a "aaaaaaaaaa">';
  for (let i = 1; i < 8; i++)
    laughs += `<!ENTITY a${i} "${`&a${i === 1 ? '' : i - 1};`.repeat(10)}">`;
  const files: [string, string][] = [
    ['deep.json', deep],
    [
      'laughs.gexf',
      `<?xml version="1.0"?><!DOCTYPE gexf [${laughs}]><gexf><graph><nodes><node id="x" label="&a7;"/></nodes><edges/></graph></gexf>`,
    ],
    [
      'huge.json',
      '{"format":"tieline/1","title":"T","relationTypes":[],"actors":[{"id":"a","name":"A","aliases":[],"kind":"group"}],"sources":[],"relations":[{"id":"r","type":"x","source":"a","target":"a","start":"1e308","claims":[]}]}',
    ],
    ['markup.csv', 'source,target\n<img src=x onerror=alert(1)>,<script>alert(1)</script>\n'],
    [
      'truncated.cyjs',
      '{"elements":{"nodes":[{"data":{"id":"a"}}],"edges":[{"data":{"source":"a","tar',
    ],
    ['empty.csv', ''],
    ['binary.gexf', '\u0000\u0001\u0002PK\u0003\u0004'],
  ];
  for (const [name, content] of files) {
    await page
      .getByLabel('Import dataset')
      .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
    const dialog = page.getByRole('dialog', { name: `Import ${name}` });
    // CSV-like files stop at the mapping step: confirm it.
    const importButton = dialog.getByRole('button', { name: 'Import' });
    await expect
      .poll(async () => (await importButton.isVisible()) || !(await dialog.isVisible()), {
        timeout: 20_000,
      })
      .toBe(true);
    if (await importButton.isVisible()) await importButton.click();
    // A file with types stops again at the vocabulary step: accept it.
    await expect
      .poll(async () => (await importButton.isVisible()) || !(await dialog.isVisible()), {
        timeout: 20_000,
      })
      .toBe(true);
    if (await importButton.isVisible()) await importButton.click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    const alert = page.getByRole('alert');
    if (await alert.isVisible()) {
      await expect(alert).toContainText(name);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
    } else {
      await expect(page.getByRole('status')).toContainText(/Loaded/);
    }
    // The page still answers: the timeline moves.
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  }
  expect(await page.locator('main img, main script').count()).toBe(0);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
