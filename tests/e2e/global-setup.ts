// Fails the browser tests early, with instructions, when Chromium or the production build is missing.
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../../playwright.config';

export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package (sudo apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium binary. Tieline never downloads a browser.',
    );
  }
  if (!existsSync('dist/index.html')) {
    throw new Error(
      'No production build in dist/: run `npm run build` first (npm test does it for you).',
    );
  }
}
