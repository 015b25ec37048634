// A big dataset in Chromium: edges are created as dates first show them, in slices, and what Cytoscape shows always matches the model.
import type { Page } from '@playwright/test';
import { expect, openApp, test, visibleIds } from './fixtures';

/** A seeded dataset of 400 actors and 12,000 relations (states and events) over 2010–2014. */
function bigDataset(): unknown {
  let seed = 42;
  const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const actors = Array.from({ length: 400 }, (_, i) => ({
    id: `a${i}`,
    name: `Actor ${i}`,
    aliases: [],
    kind: 'group',
  }));
  const pad = (n: number) => String(n).padStart(2, '0');
  const relations = Array.from({ length: 12_000 }, (_, i) => {
    const y = 2010 + Math.floor(rand() * 5);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const event = rand() < 0.6;
    const a = Math.floor(rand() * 400);
    const b = (a + 1 + Math.floor(rand() * 399)) % 400;
    return {
      id: `r${i}`,
      type: event ? 'attack' : 'truce',
      source: `a${a}`,
      target: `a${b}`,
      start: `${y}-${pad(m)}-${pad(d)}`,
      ...(event || rand() < 0.5 ? {} : { end: `${Math.min(2014, y + 1)}` }),
      claims: [{ source: 's', stance: 'asserts', locator: `row ${i + 1}` }],
    };
  });
  return {
    format: 'tieline/1',
    title: 'Big generated',
    relationTypes: [
      { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
      { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
    ],
    actors,
    sources: [{ id: 's', title: 'Generator' }],
    relations,
  };
}

test('a 12,000-relation dataset creates edges as dates show them, and the canvas matches the model', async ({
  page,
}) => {
  const dataset = bigDataset();
  const body = JSON.stringify(dataset);
  await page.route('**/big.json', (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  const drawnMatchesModel = async () => expectLines(await drawnIds(page), await visibleIds(page));
  const lineOf = lines(dataset);
  /** Every drawn edge is a shown tie, and every line (actor pair and type) with a shown tie is drawn. */
  const expectLines = (drawn: string[], shown: string[]) => {
    const shownSet = new Set(shown);
    expect(drawn.filter((id) => !shownSet.has(id))).toEqual([]);
    expect([...new Set(drawn.map(lineOf))].sort()).toEqual([...new Set(shown.map(lineOf))].sort());
  };
  await openApp(page, '?data=big.json&t=2012-06-01');
  // At the first graph, every line the date shows has its edge drawn, whatever the fill has reached.
  await drawnMatchesModel();
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  for (let k = 0; k < 5; k++) await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', /2012-11-01/);
  await page.evaluate(() => window.__tieline!.adapter.whenComplete());
  await drawnMatchesModel();
  // Edges are created when a view first shows them: ties no visited date showed have none.
  const created = await page.evaluate(() => window.__tieline!.adapter.cy.edges().length);
  expect(created).toBeGreaterThanOrEqual((await visibleIds(page)).length);
  expect(created).toBeLessThan(12_000);
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /2012-11-02/);
  const model = (await visibleIds(page)).length;
  expect(model).toBeGreaterThan(100);
  await drawnMatchesModel();
  // Ties of one type between the same two actors share one drawn line: fewer edges than ties.
  expect((await drawnIds(page)).length).toBeLessThan(model);
});

test('a big dataset opened again takes its final layout from the browser’s layout cache', async ({
  page,
}) => {
  const body = JSON.stringify(bigDataset());
  await page.route('**/big.json', (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  const laidOut = async () => {
    await openApp(page, '?data=big.json&t=2012-06-01');
    await page.waitForFunction(() => (window.__tieline?.layouts ?? 0) > 0);
    return page.evaluate(() => ({
      from: window.__tieline!.adapter.layoutFrom,
      positions: [...window.__tieline!.adapter.positions()],
    }));
  };
  const first = await laidOut();
  expect(first.from).toBe('computed');
  // The layout is written to IndexedDB after it is applied: wait for the entry.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('tieline-layouts');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('positions')) return resolve(0);
              const count = db.transaction('positions').objectStore('positions').count();
              count.onsuccess = () => resolve(count.result);
            };
            open.onerror = () => resolve(0);
          }),
      ),
    )
    .toBe(1);
  const second = await laidOut();
  expect(second.from).toBe('cache');
  expect(second.positions).toEqual(first.positions);
});

/** A relation's line: its unordered actor pair and its type. */
function lines(dataset: unknown): (id: string) => string {
  const rels = (
    dataset as { relations: { id: string; type: string; source: string; target: string }[] }
  ).relations;
  const byId = new Map(
    rels.map((r) => [r.id, [r.source, r.target].sort().join('|') + '|' + r.type] as const),
  );
  return (id) => byId.get(id) ?? `unknown ${id}`;
}

/** Relation ids of the edges Cytoscape displays now, sorted. */
function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__tieline!.adapter.cy.edges()
      .filter((e) => e.style('display') !== 'none')
      .map((e) => e.id().slice(2))
      .sort(),
  );
}
