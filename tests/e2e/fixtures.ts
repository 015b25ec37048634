// Shared browser-test helpers: open the app, wait for the graph, collect console errors.
import { expect, test as base, type Page } from '@playwright/test';

/** Opens the app at a query string and waits until the graph is laid out and the view applied. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto('./' + query);
  await page.waitForFunction(() => window.__tieline?.ready === true, undefined, {
    timeout: 30_000,
  });
}

/** Relation ids the adapter shows now. */
export async function visibleIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__tieline?.adapter.visibleRelationIds() ?? []);
}

/** A test with `consoleErrors`, failing on page errors. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
});
export { expect };
