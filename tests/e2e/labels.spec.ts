// Names on the graph: imported tables are labelled at their default view, the selection and its partners always, read from the label layer's boxes and pixels.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { bigTable, mmpTable, yearlyTable } from '../../scripts/label-tables.mjs';
import { expect, openApp, test } from './fixtures';
import { confirmImport } from './import-dialog';

interface Box {
  text: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  must: boolean;
}

/** Drops a CSV on the page, confirms the mapping step, and waits for the final layout and the labels. */
async function importTable(page: Page, name: string, csv: string): Promise<void> {
  await page.evaluate(() => (window.__tieline!.layouts = 0));
  const transfer = await page.evaluateHandle(
    ({ csv, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], name, { type: 'text/csv' }));
      return dt;
    },
    { csv, name },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  // A recognised format (MMP) imports without the mapping step; others ask for it.
  const dialog = page.getByRole('dialog', { name: `Import ${name}` });
  await Promise.race([
    dialog.waitFor({ timeout: 60_000 }).catch(() => undefined),
    page.waitForFunction(() => (window.__tieline?.layouts ?? 0) > 0, undefined, {
      timeout: 60_000,
    }),
  ]);
  if (await dialog.isVisible()) await confirmImport(dialog);
  await page.waitForFunction(
    () =>
      window.__tieline?.ready === true && window.__tieline.layouts > 0 && !!window.__tieline.labels,
    undefined,
    { timeout: 60_000 },
  );
  await settle(page);
}

/** Waits two animation frames, so the label layer has drawn what the last change asked for. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
}

async function labels(page: Page): Promise<Box[]> {
  return page.evaluate(() => window.__tieline!.labels!());
}

/** The graph area's size, for "in view". */
async function viewSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => ({
    width: window.__tieline!.adapter.cy.width(),
    height: window.__tieline!.adapter.cy.height(),
  }));
}

/** Dark pixels the label canvas holds inside a box: the name is really drawn there, not only listed. */
async function inkIn(page: Page, b: Box): Promise<number> {
  return page.evaluate((b) => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.label-layer')!;
    const k = c.width / c.clientWidth;
    const data = c
      .getContext('2d')!
      .getImageData(
        Math.floor(b.x * k),
        Math.floor(b.y * k),
        Math.ceil(b.w * k),
        Math.ceil(b.h * k),
      ).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 200 && data[i]! < 110 && data[i + 1]! < 110 && data[i + 2]! < 110) dark++;
    }
    return dark;
  }, b);
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** At least `min` names in view, none overlapping, each drawn in ink, each an actor's name. */
async function expectReadableDefaultView(page: Page, names: readonly string[], min: number) {
  const view = await viewSize(page);
  const shown = await labels(page);
  const inView = shown.filter(
    (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= view.width && b.y + b.h <= view.height,
  );
  expect(inView.length).toBeGreaterThanOrEqual(min);
  const known = new Set(names);
  for (const b of inView) expect(known.has(b.name)).toBe(true);
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) expect(overlap(shown[i]!, shown[j]!)).toBe(false);
  for (const b of inView.slice(0, 10)) expect(await inkIn(page, b)).toBeGreaterThan(20);
  // A constant screen size: the boxes are one legible height whatever the zoom.
  for (const b of shown) expect(b.h).toBeGreaterThanOrEqual(16);
}

/** Selects the actor with the most ties at the date (through the actor list), and checks its focus is named. */
async function expectSelectionNamed(page: Page): Promise<void> {
  const name = await page.evaluate(() => {
    const src = window.__tieline!.adapter.labelSource();
    let best = 0;
    for (let i = 0; i < src.tiesNow.length; i++) if (src.tiesNow[i]! > src.tiesNow[best]!) best = i;
    return src.names[best]!;
  });
  // The list renders the rows in view: find the actor by its name, as a user would.
  await page.getByRole('searchbox', { name: 'Find an actor' }).fill(name);
  await page.getByRole('button', { name, exact: true }).first().click();
  await expect(page.getByRole('region', { name: new RegExp(name) })).toBeVisible();
  await settle(page);
  const focus = await page.evaluate(() => {
    const src = window.__tieline!.adapter.labelSource();
    return [...src.focus].map((i) => src.names[i]!);
  });
  expect(focus).toContain(name);
  expect(focus.length).toBeGreaterThan(1);
  const named = new Set((await labels(page)).map((b) => b.name));
  for (const f of focus) expect(named.has(f)).toBe(true);
}

test('an MMP relationships table of 228 groups is named at its default view, and a selection with its partners', async ({
  page,
}) => {
  const t = mmpTable();
  await openApp(page);
  await importTable(page, 'mmp-groups.csv', t.csv);
  await expect(page.getByRole('status')).toContainText(/228 actors/);
  await expectReadableDefaultView(page, t.names, 25);
  await expectSelectionNamed(page);
});

test('a 600-actor yearly table is named at its default view, and a selection with its partners', async ({
  page,
}) => {
  const t = yearlyTable();
  await openApp(page);
  await importTable(page, 'yearly-600.csv', t.csv);
  await expect(page.getByRole('status')).toContainText(/600 actors/);
  await expectReadableDefaultView(page, t.names, 25);
  await expectSelectionNamed(page);
});

test('big-graph mode (over 5,000 relations) names actors too, and the selection', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t = bigTable();
  await openApp(page);
  await importTable(page, 'big.csv', t.csv);
  const status = (await page.getByRole('status').textContent()) ?? '';
  const relations = Number(/([\d,]+) relations/.exec(status)?.[1]?.replace(/,/g, ''));
  expect(relations).toBeGreaterThan(5000);
  await expectReadableDefaultView(page, t.names, 25);
  await expectSelectionNamed(page);
});

test('wheel, keys and buttons zoom at a natural rate; the minimap appears once the graph exceeds the view', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-03');
  await page.waitForFunction(() => !!window.__tieline?.labels);
  const zoom = () => page.evaluate(() => window.__tieline!.adapter.cy.zoom());
  const z0 = await zoom();
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100);
  await expect.poll(zoom).toBeGreaterThan(z0 * 1.9);
  await expect(page.locator('canvas.minimap')).toBeVisible();
  const z1 = await zoom();
  await page.keyboard.press('-');
  expect(await zoom()).toBeLessThan(z1);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(await zoom()).toBeCloseTo(z1, 5);
  // Fit active (key 0): every actor with a tie at the date is in view again.
  await page.keyboard.press('0');
  const outside = await page.evaluate(() => {
    const a = window.__tieline!.adapter;
    const src = a.labelSource();
    const e = a.cy.extent();
    return src.nodes.filter((n, i) => {
      const p = n.position();
      return src.tiesNow[i]! > 0 && (p.x < e.x1 || p.x > e.x2 || p.y < e.y1 || p.y > e.y2);
    }).length;
  });
  expect(outside).toBe(0);
  // Dragging on the minimap moves the view.
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  await expect(page.locator('canvas.minimap')).toBeVisible();
  const pan = () => page.evaluate(() => ({ ...window.__tieline!.adapter.cy.pan() }));
  const before = await pan();
  const mm = (await page.locator('canvas.minimap').boundingBox())!;
  await page.mouse.click(mm.x + 8, mm.y + 8);
  expect(await pan()).not.toEqual(before);
});

test('the open legend is docked beside the graph, never over it', async ({ page }) => {
  await openApp(page, '?t=2014-11-03');
  const legend = page.getByRole('region', { name: 'Legend' });
  if (
    !(await legend
      .locator('details')
      .first()
      .evaluate((d) => (d as HTMLDetailsElement).open))
  )
    await legend.getByText('Legend', { exact: true }).click();
  await expect(legend).toHaveClass(/docked/);
  const l = (await legend.boundingBox())!;
  await expect
    .poll(async () => (await page.getByTestId('graph').boundingBox())!.x)
    .toBeGreaterThanOrEqual(l.x + l.width - 1);
  // Cytoscape took the narrower area (its canvas follows the container).
  const g = (await page.getByTestId('graph').boundingBox())!;
  await expect
    .poll(() => page.evaluate(() => window.__tieline!.adapter.cy.width()))
    .toBeCloseTo(g.width, 0);
});

test('the SVG export carries every name the view shows', async ({ page }) => {
  await openApp(page, '?t=2014-11-03&actor=nusra');
  await page.waitForFunction(() => (window.__tieline?.labels?.().length ?? 0) > 0);
  await settle(page);
  const inView = (await labels(page)).map((b) => b.name);
  const ids = await page.evaluate((names) => {
    const src = window.__tieline!.adapter.labelSource();
    return names.map((n) => src.nodes[src.names.indexOf(n)]!.id().slice(2));
  }, inView);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  const named = new Set([...svg.matchAll(/data-label-for="([^"]+)"/g)].map((m) => m[1]));
  for (const id of ids) expect(named.has(id)).toBe(true);
});

test('during a burst of date steps names are chosen at the first step and once the burst pauses, not at every step', async ({
  page,
}) => {
  await openApp(page, '?t=2014-09-01');
  await page.waitForFunction(() => !!window.__tieline?.labelChoices);
  await settle(page);
  await page.waitForTimeout(300);
  const choices = () => page.evaluate(() => window.__tieline!.labelChoices!());
  const before = await choices();
  expect(before.pending).toBe(false);
  // Five month steps (each changes what is shown), each its own task, a few milliseconds apart.
  await page.evaluate(async () => {
    const slider = document.querySelector<HTMLElement>('input[aria-label="Timeline"]')!;
    for (let i = 0; i < 5; i++) {
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    }
  });
  await expect.poll(async () => (await choices()).pending).toBe(false);
  const after = await choices();
  // The first step chooses at once; later ones wait for the pause, which chooses once for all of them.
  expect(after.waited - before.waited).toBeGreaterThanOrEqual(1);
  expect(after.choices - before.choices).toBeGreaterThanOrEqual(2);
  expect(after.choices - before.choices).toBeLessThan(5);
  const t = await page.evaluate(() => window.__tieline!.adapter.currentTime);
  expect(t).toBeGreaterThan(0);
});
