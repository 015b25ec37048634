// The import dialog as a user meets it: a file dropped on the page, then the dialog confirmed accepting its
// suggestions (Import on the mapping step, then Import on the vocabulary step when the file has types).
import { expect, type Locator, type Page } from '@playwright/test';

/** Drops a file on the page as a user dragging it from the desktop would. */
export async function dropFile(
  page: Page,
  name: string,
  content: Buffer | string,
  type = 'text/plain',
): Promise<void> {
  const data = Buffer.isBuffer(content)
    ? content.toString('base64')
    : Buffer.from(content).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ data, name, type }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { data, name, type },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
}

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
