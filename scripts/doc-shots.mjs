// Renders the pictures of docs/ from the real app (production build) in headless Chromium: npm run screenshot.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The same flags as playwright.config.ts (a plain .mjs script cannot import that TypeScript file). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI,PreloadTopChromeWebUILessNavigations',
];
/** Port of the preview server; TIELINE_SHOTS_PORT lets engineers sharing a machine each use their own. */
const PORT = Number(process.env.TIELINE_SHOTS_PORT ?? 4391);

/** Each picture: where it goes, the view's URL, and what a user would click before the shot. */
const SHOTS = [
  { out: 'docs/screenshot.png', query: '?t=2014-11-03&actor=nusra', steps: [] },
  {
    out: 'docs/img/filters.png',
    query:
      '?t=2014-11-20&sources=digitaljournal-2014-11-16,convergences-2015-04,vice-2014-10,ilnewswire-2017&actor=is',
    steps: [{ tab: 'Filters' }],
  },
  {
    out: 'docs/img/known-on.png',
    query: '?t=2014-11-20&known=2014-11-16&actor=nusra',
    steps: [{ tab: 'Filters' }],
  },
  {
    out: 'docs/img/compare.png',
    query: '?compare=2014-10-15..2014-11-20&actor=hazm',
    steps: [{ tab: 'Compare' }],
  },
  {
    out: 'docs/img/provenance.png',
    query: '?t=2013-06-01&actor=aq',
    steps: [],
  },
  { out: 'docs/img/multiples.png', query: '?t=2014-11-03', steps: [{ button: 'Small multiples' }] },
  { out: 'docs/img/video.png', query: '?t=2014-11-03', steps: [{ button: 'Record video' }] },
];

if (!existsSync('dist/index.html')) {
  await new Promise((ok, fail) =>
    spawn('npx', ['vite', 'build'], { stdio: 'inherit' }).on('exit', (c) =>
      c ? fail(new Error('build failed')) : ok(),
    ),
  );
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
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && console.error(`${shot.out}: ${m.text()}`));
    await page.goto(base + shot.query);
    await page.waitForFunction(() => window.__tieline?.ready === true, undefined, {
      timeout: 30000,
    });
    for (const step of shot.steps) {
      if (step.tab) await page.getByRole('tab', { name: step.tab }).click();
      if (step.button) {
        const button = page.getByRole('button', { name: step.button });
        if ((await button.count()) === 0) {
          console.warn(`${shot.out}: no "${step.button}" button; skipped`);
          continue;
        }
        await button.first().click();
      }
    }
    await page.waitForTimeout(400);
    await page.screenshot({ path: shot.out });
    await page.close();
    console.log(`Wrote ${shot.out}`);
  }
  await browser.close();
} finally {
  server.kill();
}
