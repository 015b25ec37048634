// What people do with the explorer, in Chromium: scrub and watch the graph change, click a node, deep links, bad data.
import type { Page } from '@playwright/test';
import { expect, openApp, test, visibleIds } from './fixtures';

const KEY_TIES = [
  'hazm-defects-to-nusra-2014-11',
  'is-nusra-truce-2014-11',
  'nusra-attacks-hazm-2014-11-02',
  'nusra-attacks-srf-2014-11-02',
];

/** A cheap fingerprint of the graph canvas pixels, to prove the picture changed. */
async function canvasSignature(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const out: number[] = [];
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph"] canvas')) {
      const ctx = c.getContext('2d');
      if (!ctx || !c.width) continue;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 16)
        sum = (sum + (d[i] ?? 0) * ((i % 997) + 1)) % 1_000_000_007;
      out.push(sum);
    }
    return out;
  });
}

async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

test('at 2014-11-03 the graph shows the November events and the disputed truce; at 2014-06-01 none of them', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-03');
  expect(await visibleIds(page)).toEqual(expect.arrayContaining(KEY_TIES));
  const dashed = await page.evaluate(() =>
    window.__tieline!.adapter.cy.getElementById('e:is-nusra-truce-2014-11').style('line-style'),
  );
  expect(dashed).toBe('dashed');
  await openApp(page, '?t=2014-06-01');
  const ids = await visibleIds(page);
  expect(ids.filter((id) => KEY_TIES.includes(id))).toEqual([]);
});

test('scrubbing by keyboard changes the edge set and the picture', async ({ page }) => {
  await openApp(page, '?t=2014-11-01');
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toHaveAttribute('aria-valuetext', /2014-11-01/);
  const before = await visibleIds(page);
  await nextFrame(page);
  const pixelsBefore = await canvasSignature(page);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /2014-11-02/);
  // The Atareeb meeting is dated 2 November by every source that dates it (the attack on the SRF,
  // which the AP dates only to November, is already in view, uncertain, on the 1st).
  await expect
    .poll(() => visibleIds(page))
    .toEqual(expect.arrayContaining(['is-nusra-meeting-atareeb-2014-11-02']));
  expect(before).not.toContain('is-nusra-meeting-atareeb-2014-11-02');
  await nextFrame(page);
  expect(await canvasSignature(page)).not.toEqual(pixelsBefore);
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuetext', /2014-10-02/);
  await expect(page).toHaveURL(/t=2014-10-02/);
});

test('scrubbing by dragging the slider changes the edge set', async ({ page }) => {
  await openApp(page, '?t=2014-11-03');
  const before = await visibleIds(page);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect
    .poll(async () => (await slider.getAttribute('aria-valuetext')) ?? '')
    .not.toContain('2014-11-03');
  await expect.poll(() => visibleIds(page)).not.toEqual(before);
});

test('clicking a node on the canvas selects the actor and shows its ties', async ({ page }) => {
  await openApp(page, '?t=2014-11-03');
  const pos = await page.evaluate(() => {
    const n = window.__tieline!.adapter.cy.getElementById('n:hazm');
    const p = n.renderedPosition();
    const box = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(pos.x, pos.y);
  const panel = page.getByRole('region', { name: 'Ties of Harakat Hazm' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Defection');
  await expect(panel).toContainText('Jabhat al-Nusra');
  await expect(panel).toContainText(/paragraph \d+/);
  await expect(page).toHaveURL(/actor=hazm/);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('a deep link restores the same view', async ({ page }) => {
  await openApp(page, '?t=2014-11-03&actor=nusra');
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute(
    'aria-valuetext',
    /2014-11-03/,
  );
  await expect(page.getByRole('region', { name: 'Ties of Jabhat al-Nusra' })).toBeVisible();
  const selected = await page.evaluate(() =>
    window.__tieline!.adapter.cy.$('node.selected').map((n) => n.id()),
  );
  expect(selected).toEqual(['n:nusra']);
});

test('an unknown actor or a bad date in the URL gives a notice, not a crash', async ({
  page,
  consoleErrors,
}) => {
  await openApp(page, '?t=2014-02-30&actor=nobody');
  await expect(page.getByRole('status')).toContainText('No actor "nobody"');
  await expect(page.getByRole('status')).toContainText('2014-02-30');
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a bad data= URL shows the alert while a graph stays on screen', async ({ page }) => {
  await page.route('**/bad.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: '{"format":"tieline/1","title":"Bad","relationTypes":[],"actors":[],"sources":[],"relations":[{"id":"x"}]}',
    }),
  );
  await openApp(page, '?data=bad.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('bad.json');
  await expect(alert).toContainText('$.relations[0]');
  expect(
    (await visibleIds(page)).length +
      (await page.evaluate(() => window.__tieline!.adapter.cy.nodes().length)),
  ).toBeGreaterThan(0);
});

test('loading a broken file keeps the previous dataset on screen', async ({ page }) => {
  await openApp(page, '?t=2014-11-03');
  const before = await visibleIds(page);
  await page.getByLabel('Import dataset').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "tieline/1", '),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.json');
  await expect(alert).toContainText(/line 1/);
  expect(await visibleIds(page)).toEqual(before);
  await expect(page.getByRole('status')).toContainText('Loaded Jihadist alliances');
});

test('dataset labels stay inert text (no HTML injection)', async ({ page }) => {
  const evil = {
    format: 'tieline/1',
    title: '<img src=x onerror="window.__pwned=1">',
    relationTypes: [{ id: 'truce', label: '<b>Truce</b>', directed: false, kind: 'state' }],
    actors: [
      { id: 'a', name: '<img src=x onerror="window.__pwned=1">', aliases: [], kind: 'group' },
      { id: 'b', name: 'B', aliases: [], kind: 'group' },
    ],
    sources: [{ id: 's', title: '<script>window.__pwned=1</script>' }],
    relations: [
      {
        id: 'r',
        type: 'truce',
        source: 'a',
        target: 'b',
        start: '2014',
        claims: [{ source: 's', stance: 'asserts', locator: 'p 1' }],
      },
    ],
  };
  await page.route('**/evil.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(evil) }),
  );
  await openApp(page, '?data=evil.json&actor=a');
  await expect(page.getByRole('region', { name: /Ties of <img/ })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.locator('main img').count()).toBe(0);
});

test('the renderer draws only what is shown: hidden ties leave its draw list, shown ones come back', async ({
  page,
}) => {
  // An actor selected, so its ties are focus edges with a higher z-index than the others.
  await openApp(page, '?t=2014-11-01&actor=nusra');
  /** Ids in Cytoscape's z-sorted draw list after the next frame, and what the adapter shows. */
  const drawn = () =>
    page.evaluate(
      () =>
        new Promise<{
          patched: boolean;
          list: string[];
          cytoscapeOrder: string[];
          nodes: number;
          shown: string[];
        }>((resolve) =>
          requestAnimationFrame(() => {
            const { adapter } = window.__tieline!;
            const cy = adapter.cy as unknown as {
              renderer(): { getCachedZSortedEles(): { id(): string }[] };
              elements(): { sortByZIndex(): { id(): string }[] };
            };
            const list = cy
              .renderer()
              .getCachedZSortedEles()
              .map((e) => e.id());
            const inList = new Set(list);
            resolve({
              patched: adapter.drawListPatched,
              list,
              // The same elements in the order of Cytoscape's own comparator.
              cytoscapeOrder: cy
                .elements()
                .sortByZIndex()
                .map((e) => e.id())
                .filter((id) => inList.has(id)),
              nodes: adapter.cy.nodes().length,
              shown: adapter.visibleRelationIds().map((id) => 'e:' + id),
            });
          }),
        ),
    );
  const before = await drawn();
  expect(before.patched).toBe(true);
  expect(
    await page.evaluate(() => window.__tieline!.adapter.cy.$('edge.focus').length),
  ).toBeGreaterThan(0);
  expect(before.list).toEqual(before.cytoscapeOrder);
  const edgesIn = (d: typeof before) => d.list.filter((id) => id.startsWith('e:')).sort();
  expect(edgesIn(before)).toEqual([...before.shown].sort());
  expect(before.list.length).toBe(before.nodes + before.shown.length);
  expect(before.shown.length).toBeLessThan(
    await page.evaluate(() => window.__tieline!.adapter.cy.edges().length),
  );

  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /2014-11-02/);
  await expect.poll(async () => (await drawn()).shown.length).toBeGreaterThan(before.shown.length);
  const after = await drawn();
  expect(edgesIn(after)).toEqual([...after.shown].sort());
  expect(after.list).toEqual(after.cytoscapeOrder);
  expect(after.list).toContain('e:nusra-attacks-hazm-2014-11-02');
});

test('renderer=webgl draws with Cytoscape’s WebGL renderer and scrubs like the canvas one', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-01');
  const canvasIds = await visibleIds(page);
  await openApp(page, '?t=2014-11-01&renderer=webgl');
  const info = await page.evaluate(() => {
    const { adapter } = window.__tieline!;
    const canvases = [...document.querySelectorAll('[data-testid="graph"] canvas')];
    return {
      renderer: adapter.renderer,
      drawListPatched: adapter.drawListPatched,
      // The WebGL renderer keeps a WebGL2 context on one of its canvases (no 2D context there).
      webgl: canvases.some((c) => (c as HTMLCanvasElement).getContext('webgl2') !== null),
    };
  });
  expect(info).toEqual({ renderer: 'webgl', drawListPatched: true, webgl: true });
  expect(await visibleIds(page)).toEqual(canvasIds);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /2014-11-02/);
  await expect.poll(() => visibleIds(page)).toContain('nusra-attacks-hazm-2014-11-02');
  // The address keeps the choice as the view changes.
  await expect.poll(() => new URL(page.url()).searchParams.get('renderer')).toBe('webgl');
});

test('a burst of date steps rewrites the address once the date rests, not once per step', async ({
  page,
}) => {
  await openApp(page, '?t=2014-11-01');
  await page.evaluate(() => {
    const w = window as unknown as { __writes: number };
    w.__writes = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      w.__writes += 1;
      replace(...args);
    };
  });
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /2014-11-11/);
  await expect(page).toHaveURL(/t=2014-11-11/);
  const writes = await page.evaluate(() => (window as unknown as { __writes: number }).__writes);
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThan(10);
});
