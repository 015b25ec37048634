// Renders the real app (production build) in headless Chromium to docs/screenshot.png.
// Usage: npm run screenshot [-- "?t=2014-11-03&actor=nusra" out.png]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const query = process.argv[2] ?? '?t=2014-11-03&actor=nusra';
const out = process.argv[3] ?? 'docs/screenshot.png';
const PORT = 4391;

if (!existsSync('dist/index.html')) {
  console.log('Building first…');
  await new Promise((ok, fail) =>
    spawn('npx', ['vite', 'build'], { stdio: 'inherit' }).on('exit', (c) =>
      c ? fail(new Error('build failed')) : ok(),
    ),
  );
}
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore' },
);
try {
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(url + query);
  await page.waitForFunction(() => window.__tieline?.ready === true, undefined, { timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`Wrote ${out}`);
} finally {
  server.kill();
}
