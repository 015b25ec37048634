// Screenshots of imported tables at their default view (and with an actor selected), for docs/img: node scripts/label-shots.mjs <suffix>.
// Builds nothing: run `npm run build` first. Serves dist/ on port LABEL_SHOTS_PORT (default 5405).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { mmpTable, yearlyTable } from './label-tables.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The same flags as playwright.config.ts. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI,PreloadTopChromeWebUILessNavigations',
];
const PORT = Number(process.env.LABEL_SHOTS_PORT ?? 5405);
const suffix = process.argv[2] ?? 'after';

/** Drops a CSV on the page, confirms the mapping step, and waits for the graph. */
async function importCsv(page, name, csv) {
  const transfer = await page.evaluateHandle(
    ({ csv, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], name, { type: 'text/csv' }));
      return dt;
    },
    { csv, name },
  );
  await page.evaluate(() => (window.__tieline.layouts = 0));
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  // A recognised format (MMP) imports without the mapping step; others ask for it.
  const dialog = page.getByRole('dialog');
  await Promise.race([
    dialog.waitFor({ timeout: 60000 }).catch(() => undefined),
    page.waitForFunction(() => window.__tieline?.layouts > 0, undefined, { timeout: 60000 }),
  ]);
  if (await dialog.isVisible()) {
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // Files with relation types stop at the vocabulary step: accept its suggestion.
    const vocabulary = dialog.locator('.vocabulary');
    for (let i = 0; i < 600; i++) {
      if ((await vocabulary.isVisible()) || !(await dialog.isVisible())) break;
      await page.waitForTimeout(100);
    }
    if (await vocabulary.isVisible())
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }
  await page.waitForFunction(
    () => window.__tieline?.ready && window.__tieline.layouts > 0,
    undefined,
    {
      timeout: 60000,
    },
  );
  await page.waitForTimeout(800);
}

mkdirSync('docs/img', { recursive: true });
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore' },
);
try {
  const base = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const tables = [
    { file: 'mmp-groups.csv', ...mmpTable() },
    { file: 'yearly-600.csv', ...yearlyTable() },
  ];
  for (const t of tables) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && console.error(`${t.file}: ${m.text()}`));
    await page.goto(base);
    await page.waitForFunction(() => window.__tieline?.ready === true, undefined, {
      timeout: 30000,
    });
    await importCsv(page, t.file, t.csv);
    // Every tie up to the last date (Cumulative, End): the import opens at the first date, where
    // little is in view.
    await page.getByRole('radio', { name: 'Cumulative' }).check();
    await page.getByRole('slider', { name: 'Timeline' }).focus();
    await page.keyboard.press('End');
    await page.waitForTimeout(1000);
    const stem = t.file.replace(/\.csv$/, '');
    await page.screenshot({ path: `docs/img/labels-${stem}-${suffix}.png` });
    const drawn = () => page.evaluate(() => window.__tieline.labels?.().length ?? 0);
    console.log(`Wrote docs/img/labels-${stem}-${suffix}.png (${await drawn()} names drawn)`);
    // The actor with the most ties at the date, selected through the actor list.
    const name = await page.evaluate(() => {
      const src = window.__tieline.adapter.labelSource?.();
      if (!src) return null;
      let best = 0;
      for (let i = 0; i < src.tiesNow.length; i++) if (src.tiesNow[i] > src.tiesNow[best]) best = i;
      return src.names[best];
    });
    // The list renders the rows in view: find the actor by name first, as a user would.
    await page.getByRole('searchbox', { name: 'Find an actor' }).fill(name ?? t.names[0]);
    await page
      .getByRole('button', { name: name ?? t.names[0], exact: true })
      .first()
      .click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/img/labels-${stem}-selected-${suffix}.png` });
    console.log(
      `Wrote docs/img/labels-${stem}-selected-${suffix}.png (${await drawn()} names drawn)`,
    );
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
