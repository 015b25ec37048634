// Graph files as a new user brings them: a Cytoscape export and a GEXF of integer steps, through the real
// dialog with its suggestions accepted untouched.
import { readFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { confirmImport } from './import-dialog';

test('a Cytoscape export: actors named from its label field, drawn where it saved them, typed by edge_type', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page);
  await page.getByLabel('Import dataset').setInputFiles({
    name: 'genes-positions.cyjs',
    mimeType: 'application/json',
    buffer: readFileSync('tests/fixtures/genes-positions.cyjs'),
  });
  const dialog = page.getByRole('dialog', { name: 'Import genes-positions.cyjs' });
  await expect(dialog.getByRole('combobox', { name: 'Actor names from' })).toHaveValue(
    'Human_Readable_Label',
  );
  await expect(dialog.getByRole('combobox', { name: 'Relation type from' })).toHaveValue(
    'edge_type',
  );
  await confirmImport(dialog);
  await expect(page.getByRole('status')).toContainText(/Loaded .*: 14 actors, 20 relations/);
  await page.waitForFunction(() => window.__tieline?.ready === true);
  // Labels are the gene symbols, not the numbers in "name".
  const names = await page.evaluate(() =>
    window.__tieline!.adapter.cy.nodes().map((n) => String(n.data('label'))),
  );
  expect(names).toContain('SNF3');
  expect(names).not.toContain('850647');
  // Saved positions are the layout: SNF3 (saved at 0.5, 0.25) is left of and below HXT1 (100.5, 0.25)
  // by exactly the saved offset.
  const [a, b] = await page.evaluate(() =>
    ['n:100', 'n:101'].map((id) => window.__tieline!.adapter.cy.getElementById(id).position()),
  );
  expect((b?.x ?? 0) - (a?.x ?? 0)).toBeCloseTo(100, 5);
  expect((b?.y ?? 0) - (a?.y ?? 0)).toBeCloseTo(0, 5);
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText('Physical');
  await expect(legend).toContainText('Genetic');
  await expect(legend).toContainText('Actor');
  await expect(legend).not.toContainText('Armed group');
  expect(consoleErrors).toEqual([]);
});

test('a GEXF of integer steps: the time bar reads "step …" and moves one step per key', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page);
  await page.getByLabel('Import dataset').setInputFiles({
    name: 'integer-steps.gexf',
    mimeType: 'application/xml',
    buffer: readFileSync('tests/fixtures/integer-steps.gexf'),
  });
  const dialog = page.getByRole('dialog', { name: 'Import integer-steps.gexf' });
  await expect(dialog).toContainText('5 nodes, 5 edges');
  await confirmImport(dialog);
  await expect(page.getByRole('status')).toContainText(
    /Loaded .*: 5 actors, 6 relations, step 0 to step 37/,
  );
  await page.waitForFunction(() => window.__tieline?.ready === true);
  const bar = page.getByRole('region', { name: 'Time' });
  await expect(bar.locator('.current-date')).toHaveText(/^step \d+$/);
  await expect(bar.locator('.axis')).toContainText('step 0');
  await expect(bar.locator('.axis')).toContainText('step 37');
  await expect(bar).not.toContainText('1970');
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'step 0');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'step 1');
  await expect(bar.locator('.current-date')).toHaveText('step 1');
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText('Cooperate');
  await expect(legend).toContainText('Defect');
  expect(
    await page.evaluate(() =>
      window.__tieline!.adapter.cy.nodes().map((n) => String(n.data('label'))),
    ),
  ).toContain('Agent 100');
  expect(consoleErrors).toEqual([]);
});
