// Accessibility: axe-core finds no serious or critical violation in the main views.
import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, test } from './fixtures';

const views = [
  ['the explorer with an actor selected', '?t=2014-11-03&actor=nusra', null],
  ['the filters tab', '?t=2014-11-03', 'Filters'],
  ['the compare tab', '?compare=2014-10-01..2014-11-20', 'Compare'],
] as const;

for (const [name, query, tab] of views) {
  test(`no serious or critical axe violations: ${name}`, async ({ page }) => {
    await openApp(page, query);
    if (tab) await page.getByRole('tab', { name: tab }).click();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
    expect(results.passes.length).toBeGreaterThan(10); // axe really ran over the page
    expect(bad).toEqual([]);
  });
}
