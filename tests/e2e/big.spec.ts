// A big dataset in Chromium: the tie layer draws every line the model shows in the frame after each step, hit-tests ties, and exports them.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

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

test('a 12,000-relation dataset: the frame after each step draws every line the model shows, first visits included', async ({
  page,
}) => {
  const dataset = bigDataset();
  const body = JSON.stringify(dataset);
  await page.route('**/big.json', (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  const lineOf = lines(dataset);
  /** Every drawn tie is a shown tie, and every line (actor pair and type) with a shown tie is drawn. */
  const expectLines = (drawn: string[], shown: string[]) => {
    const shownSet = new Set(shown);
    expect(drawn.filter((id) => !shownSet.has(id))).toEqual([]);
    expect([...new Set(drawn.map(lineOf))].sort()).toEqual([...new Set(shown.map(lineOf))].sort());
  };
  await openApp(page, '?data=big.json&t=2012-06-01');
  const first = await nextFrame(page);
  expect(first.cyEdges).toBe(0); // big graphs: the ties are the tie layer's, not Cytoscape's
  expectLines(first.painted, first.shown);
  expect(first.inked).toBe(first.sampled);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  // Month steps to dates no view has shown before, then day steps: each next frame is complete.
  for (const key of ['PageUp', 'PageUp', 'PageUp', 'ArrowRight', 'ArrowRight', 'PageDown']) {
    const before = await page.evaluate(() => window.__tieline!.adapter.currentTime);
    await page.keyboard.press(key);
    const frame = await nextFrame(page);
    expect(frame.time).not.toBe(before);
    expect(frame.shown.length).toBeGreaterThan(100);
    expectLines(frame.painted, frame.shown);
    // The painted canvas has ink at the middle of the sampled (solid) ties.
    expect(frame.sampled).toBeGreaterThan(10);
    expect(frame.inked).toBe(frame.sampled);
    // Ties of one type between the same two actors share one drawn line: fewer lines than ties.
    expect(frame.painted.length).toBeLessThan(frame.shown.length);
  }
});

test('hovering a tie of a big graph shows its tooltip, and the exported SVG and PNG hold the drawn ties', async ({
  page,
}) => {
  const body = JSON.stringify(bigDataset());
  await page.route('**/big.json', (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  await openApp(page, '?data=big.json&t=2012-06-01');
  await page.waitForFunction(() => (window.__tieline?.layouts ?? 0) > 0);
  await nextFrame(page);
  const tie = await page.evaluate(loneTie);
  expect(tie).not.toBeNull();
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.move(box.x + tie!.x, box.y + tie!.y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText(`${tie!.source} → ${tie!.target}`);
  expect(await page.evaluate((p) => window.__tieline!.adapter.tieAt(p), tie!)).toBe(tie!.ordinal);
  // A click on the tie keeps the selection (no actor is chosen); one on empty canvas clears it.
  await page.mouse.click(box.x + tie!.x, box.y + tie!.y);
  await expect(page.getByText('Select an actor')).toBeVisible();
  await page.mouse.move(box.x + 5, box.y + 5);
  await expect(tooltip).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const exported = [...svg.matchAll(/data-relation="([^"]+)"/g)].map((m) => m[1]!).sort();
  const drawn = await page.evaluate(() => {
    const { adapter } = window.__tieline!;
    return adapter.drawnTies().list.map((i) => adapter.relationId(i));
  });
  expect(exported).toEqual(drawn.sort());
  // The edges made for the export are gone again.
  expect(await page.evaluate(() => window.__tieline!.adapter.cy.edges().length)).toBe(0);

  // The PNG: what Cytoscape draws it from is the same ties (its edges while `png` runs), and it has ink.
  await page.evaluate(() => {
    const cy = window.__tieline!.adapter.cy as unknown as {
      png: (o: unknown) => unknown;
      edges: (s?: string) => { map: (f: (e: { id: () => string }) => string) => string[] };
    };
    const png = cy.png.bind(cy);
    cy.png = (o) => {
      (window as unknown as { pngEdges: string[] }).pngEdges = cy
        .edges(':visible')
        .map((e) => e.id().slice(2));
      return png(o);
    };
  });
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  const pngEdges = await page.evaluate(() =>
    [...(window as unknown as { pngEdges: string[] }).pngEdges].sort(),
  );
  expect(pngEdges).toEqual(drawn.sort());
  const bytes = readFileSync((await pngDownload.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(await page.evaluate(() => window.__tieline!.adapter.cy.edges().length)).toBe(0);
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

/**
 * After the next animation frame: the ties the tie layer painted (relation ids), those the model shows,
 * and, for up to 60 solid drawn ties, how many have ink on the tie canvas at their midpoint.
 */
function nextFrame(page: Page) {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const { adapter } = window.__tieline!;
    const scene = adapter.ties.current!;
    const canvas = adapter.ties.canvas!;
    const ctx = canvas.getContext('2d')!;
    const xy = adapter.ties.positions();
    const zoom = adapter.cy.zoom();
    const pan = adapter.cy.pan();
    const ratio = canvas.width / adapter.cy.width();
    let sampled = 0;
    let inked = 0;
    for (const b of scene.batches) {
      if (b.dash.length || b.alpha < 0.3) continue;
      for (const i of b.ties) {
        if (sampled >= 60) break;
        const s = scene.source[i]!;
        const t = scene.target[i]!;
        const x = ((xy[2 * s]! + xy[2 * t]!) / 2) * zoom + pan.x;
        const y = ((xy[2 * s + 1]! + xy[2 * t + 1]!) / 2) * zoom + pan.y;
        if (x < 2 || y < 2 || x > adapter.cy.width() - 2 || y > adapter.cy.height() - 2) continue;
        sampled++;
        const px = ctx.getImageData(
          Math.floor(x * ratio) - 1,
          Math.floor(y * ratio) - 1,
          3,
          3,
        ).data;
        let a = 0;
        for (let k = 3; k < px.length; k += 4) a = Math.max(a, px[k]!);
        if (a > 0) inked++;
      }
    }
    return {
      time: adapter.currentTime,
      cyEdges: adapter.cy.edges().length,
      painted: [...scene.drawn].map((i) => adapter.relationId(i)).sort(),
      shown: adapter.visibleRelationIds(),
      sampled,
      inked,
    };
  });
}

/**
 * A drawn tie whose midpoint (in container pixels) is at least 8 px from every other drawn tie and
 * outside every actor's node, found by brute force: the point a user would hover to reach it alone.
 */
function loneTie(): {
  ordinal: number;
  x: number;
  y: number;
  source: string;
  target: string;
} | null {
  const { adapter } = window.__tieline!;
  const scene = adapter.ties.current!;
  const xy = adapter.ties.positions();
  const zoom = adapter.cy.zoom();
  const pan = adapter.cy.pan();
  const px = (o: number) => [xy[2 * o]! * zoom + pan.x, xy[2 * o + 1]! * zoom + pan.y] as const;
  const dist = (p: readonly number[], a: readonly number[], b: readonly number[]) => {
    const dx = b[0]! - a[0]!;
    const dy = b[1]! - a[1]!;
    const l = dx * dx + dy * dy || 1;
    const u = Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / l));
    return Math.hypot(p[0]! - a[0]! - u * dx, p[1]! - a[1]! - u * dy);
  };
  const nodes = adapter.cy.nodes().map((n) => ({ p: n.renderedPosition(), r: n.renderedWidth() }));
  const drawn = [...scene.drawn];
  for (const i of drawn) {
    const a = px(scene.source[i]!);
    const b = px(scene.target[i]!);
    const m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    if (Math.hypot(b[0] - a[0], b[1] - a[1]) < 60) continue;
    if (m[0]! < 20 || m[1]! < 20 || m[0]! > adapter.cy.width() - 20) continue;
    if (nodes.some((n) => Math.hypot(n.p.x - m[0]!, n.p.y - m[1]!) < n.r / 2 + 6)) continue;
    const crowded = drawn.some(
      (j) => j !== i && dist(m, px(scene.source[j]!), px(scene.target[j]!)) < 8,
    );
    if (crowded) continue;
    const rel = adapter.relation(i);
    return { ordinal: i, x: m[0]!, y: m[1]!, source: rel.source, target: rel.target };
  }
  return null;
}

test('the actors of a big graph, redrawn only where a step changed them, look as a full redraw would', async ({
  page,
}) => {
  const body = JSON.stringify(bigDataset());
  await page.route('**/big.json', (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  // Early in 2010 few ties are shown yet, so a day step dims or lights a few actors.
  await openApp(page, '?data=big.json&t=2010-02-01');
  await page.waitForFunction(() => (window.__tieline?.layouts ?? 0) > 0);
  await nextFrame(page);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await slider.focus();
  const before = await page.evaluate(() => window.__tieline!.adapter.ties.actorCanvas!.partial);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowRight');
    await nextFrame(page);
  }
  const seen = await page.evaluate(() => {
    const { adapter } = window.__tieline!;
    const layer = adapter.ties;
    const ac = layer.actorCanvas!;
    const c = ac.canvas;
    const drawn = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    // The same actors drawn in full, from scratch, on a fresh canvas.
    const ref = document.createElement('canvas');
    ref.width = c.width;
    ref.height = c.height;
    const ctx = ref.getContext('2d')!;
    const z = adapter.cy.zoom();
    const p = adapter.cy.pan();
    const r = c.width / adapter.cy.width();
    ctx.setTransform(r * z, 0, 0, r * z, r * p.x, r * p.y);
    (
      layer as unknown as { actors: { draw(c: CanvasRenderingContext2D, xy: Float64Array): void } }
    ).actors.draw(ctx, layer.positions());
    const full = ctx.getImageData(0, 0, c.width, c.height).data;
    // Ink compared by coverage (alpha): an actor left in a stale state differs by 166 or more over its
    // whole disc (opacity 1 against 0.35); edges anti-aliased under the clip differ by a few levels.
    let differ = 0;
    let ink = 0;
    for (let k = 3; k < full.length; k += 4) {
      if (Math.abs(drawn[k]! - full[k]!) > 48) differ++;
      if (full[k]! > 0) ink++;
    }
    return { partial: ac.partial, differ, ink };
  });
  // Day steps changed a few actors each: redrawn in place, not in full …
  expect(seen.partial).toBeGreaterThan(before);
  // … and the picture is the full redraw's.
  expect(seen.ink).toBeGreaterThan(1000);
  expect(seen.differ).toBe(0);
});
