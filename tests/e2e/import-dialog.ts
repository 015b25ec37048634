// Confirming the import dialog as a user accepting its suggestions: Import on the mapping step, then
// Import on the vocabulary step when the file has relation types.
import { expect, type Locator } from '@playwright/test';

/** Clicks Import, then Import again if the vocabulary step appears; returns once the dialog is gone. */
export async function confirmImport(dialog: Locator, timeout = 60_000): Promise<void> {
  const button = dialog.getByRole('button', { name: 'Import', exact: true });
  const vocabulary = dialog.locator('.vocabulary');
  await button.click();
  await expect
    .poll(async () => (await vocabulary.isVisible()) || !(await dialog.isVisible()), { timeout })
    .toBe(true);
  if (await vocabulary.isVisible()) await button.click();
  await expect(dialog).toBeHidden({ timeout });
}
