// Playwright runs the browser tests against the production build, in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

/** Where Chromium is: CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The flags DESIGN.md §5 lists (no sandbox as root, no GPU, no network chatter), and one more: Chromium
 * 156 (headless) builds its omnibox popup, a hidden WebUI page, in a renderer of its own for about
 * half of the windows it opens, which costs 1.5–2.9 s of CPU on this 2-core machine while the page
 * under test loads (seen in traces of the benchmark's page loads: 4 of 9 without the flag, 0 of 11
 * with it). Disabling those features changes nothing a page can see.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI,PreloadTopChromeWebUILessNavigations',
];
const PORT = Number(process.env.TIELINE_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
