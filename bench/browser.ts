// Browser benchmark (Playwright + Debian's Chromium on the production build): step latency vs the floor and the common way, play, first graph, import, export, heap.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { keySequence, peerView } from './peers';
import { quantile, round, summary } from './stats';

/** One dataset the browser benchmark opens. */
export interface BrowserCase {
  /** Short name: the dataset is served as `bench-<name>.json`. */
  readonly name: string;
  readonly label: string;
  /** The tieline/1 JSON text, or null for the bundled dataset. */
  readonly body: string | null;
  readonly actors: number;
  readonly relations: number;
  /** Day the page opens at (`?t=`), YYYY-MM-DD. */
  readonly startIso: string;
  /** Key presses measured on Tieline (one-day steps; right while the extent allows, then left). */
  readonly steps: StepPlan;
  /** Key presses measured on the common-way page (null: not measured). */
  readonly common: StepPlan | null;
  /** Measure PNG export and play on this dataset. */
  readonly extras: boolean;
  /** Idle forced redraws to measure, with and without the hidden edges (0: skip). */
  readonly idleFloors: number;
  /** More of Tieline's query string (`&renderer=webgl`): an option measured, not a target. */
  readonly query?: string;
  /** Measure the limit page and the sigma.js peer interleaved with Tieline (same keys, same picture). */
  readonly peers?: boolean;
}

/** One measured step or floor redraw, in ms since the trigger. */
interface Sample {
  t0: number;
  input: number;
  raf: number;
  end: number;
  batch: number;
  before: number;
  render: number;
  /** Of the draw: rebuilding Cytoscape's z-sorted list of all elements. */
  zsort: number;
  /** Tieline's tie layer drawing its batches (big graphs). */
  ties: number;
  frames: number;
}

/** Percentiles of a latency and the medians of its parts. */
export interface LatencyFigure {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
  /** Medians of: the input task (handler → end of dispatch), the cy.batch inside it, Cytoscape's pre-render updates, the canvas draw, the wait from the end of the input task to the frame less the draw, and the browser's own frame work after the rAF callbacks. */
  parts: {
    inputTask: number;
    cyBatch: number;
    cyBeforeRender: number;
    cyDraw: number;
    /** Of the draw (and pre-render): re-sorting all elements by z-order. */
    cyZSort: number;
    /** Tieline's tie layer drawing its batches (big graphs; inside the input task). */
    tieDraw: number;
    waitForFrame: number;
    frameRest: number;
  };
  /** Samples after which Cytoscape did not draw before the measured frame (nothing visible changed, or the draw came a frame later). */
  noDraw: number;
}

/** What one page (Tieline or the common way) measured on one dataset. */
export interface PageResult {
  /** Navigation start → ready hook true, and → the frame after it painted. */
  readyMs: number;
  paintedMs: number;
  /** Request start and response end of the dataset file (navigation-relative). */
  dataRequestMs: number | null;
  dataLoadedMs: number | null;
  /** Adapter calls during the load (Tieline only): setModel, layout (async, so it includes waiting for the worker) and apply. */
  marks: { name: string; start: number; end: number }[];
  /** JavaScript files the page requested up to the first painted graph (paths on the server). */
  scriptsBeforePaint: string[];
  /** Long tasks (≥ 50 ms) up to the first painted graph: the longest, and all of them. */
  longestTaskMs: number;
  longTasks: { start: number; duration: number }[];
  visibleAtStart: number;
  step: LatencyFigure;
  floor: LatencyFigure;
  stepsRight: number;
  stepsLeft: number;
}

/** Tieline's extra figures on a dataset. */
export interface TielineExtras {
  /** When every edge element existed (navigation-relative; equals ready unless edges are added in slices). */
  completeMs: number;
  /** When the final layout was in place (the first graph may use provisional positions). */
  layoutDoneMs: number | null;
  /**
   * The same URL opened again in the same browser profile: when the final layout was in place, and
   * where it came from (the browser's layout cache for big graphs). Null when not measured.
   */
  reopened: { layoutDoneMs: number; from: string | null } | null;
  /** Forced redraws on an idle page (1 s quiet, 200 ms apart): with every edge, and with the hidden edges removed. */
  idleFloor: {
    all: LatencyFigure;
    withoutHidden: LatencyFigure | null;
    hiddenRemoved: number;
  } | null;
  heapUsedMB: number;
  heapUsedAfterGcMB: number;
  play: {
    fps: number;
    seconds: number;
    daysAdvanced: number;
    redraws: number;
    longestFrameMs: number;
  } | null;
  exportPngMs: number | null;
  exportPngBytes: number | null;
  /** Why the export did not download, when it did not. */
  exportPngError: string | null;
}

/** All figures of one dataset. */
export interface BrowserCaseResult {
  name: string;
  label: string;
  actors: number;
  relations: number;
  startIso: string;
  /** Tieline's extra query (an option such as `&renderer=webgl`), or null. */
  query: string | null;
  tieline: PageResult & TielineExtras;
  common: PageResult | null;
  /** Tieline step p50 ÷ floor p50, and the same at p95. */
  stepOverFloor: { p50: number; p95: number };
  /** Common-way step p50 ÷ Tieline step p50 (null when not measured). */
  commonOverTieline: { p50: number; p95: number } | null;
  /** The limit page's steps (the minimal Canvas2D page, interleaved with Tieline's), or null. */
  limit: LatencyFigure | null;
  /** sigma.js 3 + graphology on the same picture and keys, or why it could not run. */
  sigma: LatencyFigure | { error: string } | null;
  /** Tieline step ÷ limit step at p50, p95 and p99. */
  stepOverLimit: { p50: number; p95: number; p99: number } | null;
  /** The month steps alone (PageUp / PageDown): Tieline's and the limit page's p50 / p95, and their ratio. */
  months?: MonthFigures | null;
  /** The key presses measured (→ → PageUp, reversing at the ends) and how many were month steps. */
  keys: { n: number; months: number };
}

/** Month steps' p50 / p95 on Tieline and the limit page, and their ratios (null without month steps). */
function monthFigures(m: { tieline: number[]; limit: number[] } | null): MonthFigures | null {
  if (!m || m.tieline.length < 2 || m.limit.length < 2) return null;
  const q = (xs: number[], p: number): number => round(quantile(xs, p), 3);
  const tieline = { p50: q(m.tieline, 0.5), p95: q(m.tieline, 0.95) };
  const limit = { p50: q(m.limit, 0.5), p95: q(m.limit, 0.95) };
  return {
    tieline,
    limit,
    over: { p50: ratio(tieline.p50, limit.p50), p95: ratio(tieline.p95, limit.p95) },
  };
}

/** Month steps alone on Tieline and the limit page (ms), and Tieline ÷ limit. */
export interface MonthFigures {
  tieline: { p50: number; p95: number };
  limit: { p50: number; p95: number };
  over: { p50: number; p95: number };
}

/** The whole browser benchmark. */
export interface BrowserResult {
  chromium: string;
  viewport: { width: number; height: number };
  cases: BrowserCaseResult[];
}

const VIEWPORT = { width: 1440, height: 900 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A tiny static server: the app's build at /, the reference page's build at /common/, and the
 * benchmark's datasets (`files`, by name) at /bench-*.json on both, over HTTP as a user would get them
 * (Playwright's `route.fulfill` passes a body through the DevTools protocol, a few MB at a time,
 * costing both processes time that is not the app's).
 */
export function serve(
  appDir: string,
  commonDir: string,
  files: ReadonlyMap<string, string>,
): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    const name = path.split('/').pop() ?? '';
    if (name.startsWith('bench-') && name.endsWith('.json')) {
      const body = files.get(name);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': MIME['.json']! });
      res.end(body ?? 'no such bench file');
      return;
    }
    let root = appDir;
    if (path.startsWith('/common/')) {
      root = commonDir;
      path = path.slice('/common'.length);
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    try {
      if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not found');
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// In-page code. These functions are serialised into the page: no closures over Node values.

interface LoadProbe {
  ready?: number;
  painted?: number;
  longtasks: { start: number; duration: number }[];
  /** Start and end of the adapter's setModel, layout (async) and apply calls, navigation-relative. */
  marks: { name: string; start: number; end: number }[];
  /** When `__tieline.layouts` first turned ≥ 1 (the final positions). */
  layoutDone?: number;
}
interface Renderer {
  render: (o: unknown) => void;
  getCachedZSortedEles?: (...a: unknown[]) => unknown;
  beforeRenderCallbacks: { fn: (willDraw: boolean, t: number) => void }[];
  redrawCount?: number;
}
interface CyLike {
  batch: (f: () => void) => void;
  forceRender: () => void;
  renderer: () => Renderer;
  width: () => number;
  height: () => number;
  zoom: () => number;
  pan: () => { x: number; y: number };
  edges: () => { length: number };
}
interface BenchProbe {
  samples: Sample[];
  cur: Sample | null;
  waiters: (() => void)[];
  /** A forced redraw of the same view, no change, measured to the end of its frame (the floor). */
  redraw(): Promise<Sample>;
}
interface TielineHook {
  ready: boolean;
  /** Layouts finished (the first one may come after a first graph on provisional positions). */
  layouts?: number;
  adapter: {
    cy: unknown;
    currentTime: number;
    positions(): Map<string, { x: number; y: number }>;
    visibleOrdinals(): readonly number[];
    /** Resolves once every edge element exists (big graphs add them in slices). */
    whenComplete?: () => Promise<void>;
    /** The tie layer (big graphs draw their ties on it). */
    ties?: { drawNow(): void };
    /** Where the last layout came from ('computed' or 'cache'). */
    layoutFrom?: string | null;
  };
}
/** The page globals the benchmark reads and writes (cast from `window` inside the page). */
interface BenchWindow {
  __load?: LoadProbe;
  __bench?: BenchProbe;
  __common?: { cy: unknown; ready: boolean };
  __tieline?: TielineHook;
}

/**
 * Installed before any page script: long tasks; the times the ready hook turned true and painted; and,
 * by catching the assignment of `window.__tieline`, the start and end of the adapter's setModel,
 * layout and first apply calls.
 */
function loadProbe(): void {
  const w = window as unknown as BenchWindow;
  const probe: LoadProbe = { longtasks: [], marks: [] };
  w.__load = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        probe.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask not supported: the list stays empty
  }
  type Method = (...args: unknown[]) => unknown;
  const wrap = (obj: Record<string, unknown>, name: string, limit: number): void => {
    const orig = obj[name];
    if (typeof orig !== 'function') return;
    let calls = 0;
    obj[name] = function (this: unknown, ...args: unknown[]): unknown {
      if (calls++ >= limit) return (orig as Method).apply(this, args);
      const mark = { name, start: performance.now(), end: NaN };
      probe.marks.push(mark);
      const out = (orig as Method).apply(this, args);
      if (out instanceof Promise) void out.finally(() => (mark.end = performance.now()));
      else mark.end = performance.now();
      return out;
    };
  };
  type Page = {
    adapter?: Record<string, unknown> & { cy?: unknown };
    cy?: unknown;
    ready?: boolean;
  };
  /**
   * `ready` is the first time the page's hook says so; `painted` the end of Cytoscape's first draw
   * after it (its canvas render, run in the next frame). A task queued to mark the end of that frame
   * could run a frame later: Chromium may paint an overdue frame first, and that one also held the
   * redraw of the next edge slice (≈ 0.5 s at 20k).
   */
  const onReady = (page: Page): void => {
    if (probe.ready !== undefined) return;
    probe.ready = performance.now();
    const cy = (page.adapter?.cy ?? page.cy) as { renderer?: () => Renderer } | undefined;
    const r = cy?.renderer?.();
    if (!r || typeof r.render !== 'function') {
      setTimeout(() => (probe.painted = performance.now()), 0);
      return;
    }
    const render = r.render;
    r.render = function (this: unknown, o: unknown): void {
      render.call(this, o);
      probe.painted ??= performance.now();
      r.render = render;
    };
  };
  /** Watches a page hook's `ready` from the moment the page assigns the hook. */
  const watchReady = (page: Page | undefined): void => {
    if (!page) return;
    let value = page.ready;
    Object.defineProperty(page, 'ready', {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (x: boolean) => {
        value = x;
        if (x) onReady(page);
      },
    });
    if (value) onReady(page);
  };
  /** Calls `onSet` with each value the page assigns to `window[name]`, which keeps it. */
  const trap = (name: '__tieline' | '__common', onSet: (v: Page | undefined) => void): void => {
    let value: Page | undefined;
    Object.defineProperty(window, name, {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (v: Page | undefined) => {
        value = v;
        onSet(v);
      },
    });
  };
  trap('__tieline', (v) => {
    if (v?.adapter) {
      wrap(v.adapter, 'setModel', 2);
      wrap(v.adapter, 'layout', 2);
      wrap(v.adapter, 'apply', 2);
    }
    watchReady(v);
  });
  trap('__common', watchReady);
  const layouts = (): void => {
    const n = (window as { __tieline?: { layouts?: number } }).__tieline?.layouts ?? 0;
    if (n >= 1) probe.layoutDone = performance.now();
    else setTimeout(layouts, 25);
  };
  setTimeout(layouts, 25);
}

/** Wraps cy.batch and the renderer to time their parts, and records each key press to the next painted frame. */
function installStepProbe(): void {
  const w = window as unknown as BenchWindow;
  const cy = (w.__tieline?.adapter.cy ?? w.__common?.cy) as CyLike;
  const ties = w.__tieline?.adapter.ties;
  const r = cy.renderer();
  const c = { batch: 0, before: 0, render: 0, zsort: 0, ties: 0, frames: 0 };
  const probe: BenchProbe = {
    samples: [],
    cur: null,
    waiters: [],
    redraw: () =>
      new Promise((resolve) => {
        c.batch = c.before = c.render = c.zsort = c.ties = c.frames = 0;
        const s: Sample = {
          t0: performance.now(),
          input: 0,
          raf: 0,
          end: 0,
          batch: 0,
          before: 0,
          render: 0,
          zsort: 0,
          ties: 0,
          frames: 0,
        };
        cy.forceRender();
        ties?.drawNow();
        s.input = performance.now();
        requestAnimationFrame(() => {
          s.raf = performance.now();
          setTimeout(() => {
            s.end = performance.now();
            s.batch = c.batch;
            s.before = c.before;
            s.render = c.render;
            s.zsort = c.zsort;
            s.ties = c.ties;
            s.frames = c.frames;
            resolve(s);
          }, 0);
        });
      }),
  };
  w.__bench = probe;
  if (ties) {
    const draw = ties.drawNow.bind(ties);
    ties.drawNow = () => {
      const a = performance.now();
      draw();
      c.ties += performance.now() - a;
    };
  }
  const batch = cy.batch.bind(cy);
  cy.batch = (f) => {
    const a = performance.now();
    batch(f);
    c.batch += performance.now() - a;
  };
  const render = r.render;
  r.render = function (this: Renderer, o: unknown) {
    const a = performance.now();
    render.call(this, o);
    c.render += performance.now() - a;
    c.frames += 1;
  };
  const zsorted = r.getCachedZSortedEles;
  if (typeof zsorted === 'function') {
    r.getCachedZSortedEles = function (this: Renderer, ...a: unknown[]) {
      const t = performance.now();
      const out = zsorted.apply(this, a);
      c.zsort += performance.now() - t;
      return out;
    };
  }
  for (const cb of r.beforeRenderCallbacks) {
    const f = cb.fn;
    cb.fn = (willDraw, t) => {
      const a = performance.now();
      f(willDraw, t);
      c.before += performance.now() - a;
    };
  }
  window.addEventListener(
    'keydown',
    () => {
      const s: Sample = {
        t0: performance.now(),
        input: 0,
        raf: 0,
        end: 0,
        batch: 0,
        before: 0,
        render: 0,
        zsort: 0,
        ties: 0,
        frames: 0,
      };
      c.batch = c.before = c.render = c.zsort = c.ties = c.frames = 0;
      probe.cur = s;
      requestAnimationFrame(() => {
        s.raf = performance.now();
        setTimeout(() => {
          s.end = performance.now();
          s.batch = c.batch;
          s.before = c.before;
          s.render = c.render;
          s.zsort = c.zsort;
          s.ties = c.ties;
          s.frames = c.frames;
          probe.samples.push(s);
          probe.cur = null;
          for (const f of probe.waiters.splice(0)) f();
        }, 0);
      });
    },
    true,
  );
  // After React's listener on the root (and the microtasks that flush its sync update): the end of the input task.
  window.addEventListener('keydown', () => {
    if (probe.cur) probe.cur.input = performance.now();
  });
  // The reference page's range input moves on its default action, after keydown: its React work runs in `input`.
  window.addEventListener('input', () => {
    if (probe.cur) probe.cur.input = performance.now();
  });
}

/** The limit and sigma pages' probe: each key press to the end of the next frame (no Cytoscape inside). */
function installPeerProbe(): void {
  const w = window as unknown as BenchWindow;
  const blank = (): Sample => ({
    t0: performance.now(),
    input: 0,
    raf: 0,
    end: 0,
    batch: 0,
    before: 0,
    render: 0,
    zsort: 0,
    ties: 0,
    frames: 1,
  });
  const probe: BenchProbe = {
    samples: [],
    cur: null,
    waiters: [],
    redraw: () => Promise.resolve(blank()),
  };
  w.__bench = probe;
  window.addEventListener(
    'keydown',
    () => {
      const s = blank();
      probe.cur = s;
      requestAnimationFrame(() => {
        s.raf = performance.now();
        setTimeout(() => {
          s.end = performance.now();
          probe.samples.push(s);
          probe.cur = null;
          for (const f of probe.waiters.splice(0)) f();
        }, 0);
      });
    },
    true,
  );
  window.addEventListener('keydown', () => {
    if (probe.cur) probe.cur.input = performance.now();
  });
}

/**
 * Waits until Tieline has created every edge (it adds big graphs in slices after the first graph),
 * then for a quiet second without long tasks (at most 8 s); returns when the edges were complete.
 */
async function settle(): Promise<{ layoutDone: number | null; complete: number }> {
  const w = window as unknown as BenchWindow;
  const probe = w.__load as LoadProbe;
  // The app may draw on provisional positions first; the steps are measured on the final layout.
  let layoutDone: number | null = null;
  if (w.__tieline && typeof w.__tieline.layouts === 'number') {
    const t0 = performance.now();
    while ((w.__tieline.layouts ?? 0) < 1 && performance.now() - t0 < 180_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    layoutDone = probe.layoutDone ?? performance.now();
  }
  await w.__tieline?.adapter.whenComplete?.();
  const complete = performance.now();
  const start = performance.now();
  while (performance.now() - start < 8000) {
    const last = probe.longtasks[probe.longtasks.length - 1];
    if (performance.now() - (last ? last.start + last.duration : 0) > 1000) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { layoutDone, complete };
}

/** Resolves when `n` key presses have been measured. */
function waitSamples(n: number): Promise<void> {
  const probe = (window as unknown as BenchWindow).__bench as BenchProbe;
  if (probe.samples.length >= n) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (probe.samples.length >= n) resolve();
      else probe.waiters.push(check);
    };
    check();
  });
}

/** The floor: a forced redraw of the same view, no change, measured to the next painted frame. */
function floorSample(): Promise<Sample> {
  return ((window as unknown as BenchWindow).__bench as BenchProbe).redraw();
}

/**
 * Forced redraws on an idle page: 600 ms of quiet, then `n` redraws 200 ms apart, each measured to
 * the end of its frame. With `removeHidden`, first removes the edges Tieline hides (class `hidden`)
 * from Cytoscape, to measure what they cost every frame; returns how many it removed.
 */
async function idleFloors(arg: { n: number; removeHidden: boolean }): Promise<{
  samples: Sample[];
  removed: number;
}> {
  const w = window as unknown as BenchWindow;
  const cy = (w.__tieline?.adapter.cy ?? w.__common?.cy) as CyLike & {
    edges(sel: string): { length: number; remove(): void };
  };
  const probe = w.__bench as BenchProbe;
  let removed = 0;
  if (arg.removeHidden) {
    const hidden = cy.edges('.hidden');
    removed = hidden.length;
    hidden.remove();
  }
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(600);
  const samples: Sample[] = [];
  for (let i = 0; i < arg.n; i++) {
    samples.push(await probe.redraw());
    await sleep(200);
  }
  return { samples, removed };
}

/** Counts frames for `ms` while the app plays; also how far the date moved and how often Cytoscape drew. */
function countFrames(ms: number): Promise<{
  frames: number;
  seconds: number;
  days: number;
  redraws: number;
  longest: number;
}> {
  const w = window as unknown as BenchWindow;
  const adapter = w.__tieline!.adapter;
  const r = (adapter.cy as CyLike).renderer();
  const day0 = adapter.currentTime;
  const redraw0 = r.redrawCount ?? 0;
  return new Promise((resolve) => {
    let frames = 0;
    let longest = 0;
    const start = performance.now();
    let last = start;
    const f = (): void => {
      const now = performance.now();
      frames++;
      longest = Math.max(longest, now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(f);
      else
        resolve({
          frames,
          seconds: (now - start) / 1000,
          days: adapter.currentTime - day0,
          redraws: (r.redrawCount ?? 0) - redraw0,
          longest,
        });
    };
    requestAnimationFrame(f);
  });
}

// ---------------------------------------------------------------------------------------------
// Node side.

function latency(samples: Sample[]): LatencyFigure {
  const lat = samples.map((s) => s.end - s.t0);
  const med = (f: (s: Sample) => number): number => round(quantile(samples.map(f), 0.5), 3);
  return {
    ...summary(lat),
    parts: {
      inputTask: med((s) => s.input - s.t0),
      cyBatch: med((s) => s.batch),
      cyBeforeRender: med((s) => s.before),
      cyDraw: med((s) => s.render),
      cyZSort: med((s) => s.zsort),
      tieDraw: med((s) => s.ties ?? 0),
      waitForFrame: med((s) => s.raf - s.input - s.before - s.render),
      frameRest: med((s) => s.end - s.raf),
    },
    noDraw: samples.filter((s) => s.frames === 0).length,
  };
}

function ratio(a: number, b: number): number {
  return round(a / b, 3);
}

async function waitPainted(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__load?.painted !== undefined,
    undefined,
    {
      timeout: 180_000,
      polling: 100,
    },
  );
}

async function loadFigures(
  page: Page,
  dataName: string | null,
): Promise<Omit<PageResult, 'step' | 'floor' | 'stepsRight' | 'stepsLeft'>> {
  return page.evaluate((name) => {
    const probe = (window as unknown as BenchWindow).__load as LoadProbe;
    const painted = probe.painted as number;
    const res = name
      ? performance.getEntriesByType('resource').find((e) => e.name.includes(name))
      : undefined;
    const tasks = probe.longtasks.filter((t) => t.start <= painted);
    const w = window as unknown as BenchWindow;
    const cy = (w.__tieline?.adapter ? null : (w.__common?.cy as CyLike | undefined)) ?? null;
    return {
      readyMs: probe.ready as number,
      paintedMs: painted,
      dataRequestMs: res ? res.startTime : null,
      dataLoadedMs: res ? (res as PerformanceResourceTiming).responseEnd : null,
      scriptsBeforePaint: performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= painted && /\.js($|\?)/.test(e.name))
        .map((e) => new URL(e.name).pathname),
      marks: probe.marks.map((m) => ({
        name: m.name,
        start: Math.round(m.start),
        end: Math.round(m.end),
      })),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.map((t) => ({
        start: Math.round(t.start),
        duration: Math.round(t.duration),
      })),
      visibleAtStart: w.__tieline?.adapter
        ? w.__tieline.adapter.visibleOrdinals().length
        : cy
          ? cy.edges().length
          : 0,
    };
  }, dataName);
}

/** How many key presses a page gets: up to `max`, stopping after `budgetMs` once `min` are measured. */
export interface StepPlan {
  readonly max: number;
  readonly min: number;
  readonly budgetMs: number;
  /** A floor sample after every `floorEvery`-th step. */
  readonly floorEvery: number;
}

/**
 * Presses `keys` on each page in turn, `BLOCK` keys at a time (Tieline, then the limit page, then the
 * peer, and again), each key measured to the end of its next frame; on Tieline a floor redraw after
 * every `floorEvery`-th key. Stops after `plan.budgetMs` (or the deadline) once `plan.min` are done.
 */
async function measureInterleaved(
  pages: readonly { page: Page; kind: 'tieline' | 'peer' }[],
  plan: StepPlan,
  keys: readonly string[],
  deadline: number,
): Promise<{ step: Sample[]; floor: Sample[]; keys: string[] }[]> {
  const BLOCK = 10;
  const out = pages.map(() => ({
    step: [] as Sample[],
    floor: [] as Sample[],
    keys: [] as string[],
  }));
  const focus = async (p: { page: Page; kind: string }) => {
    await p.page.bringToFront();
    if (p.kind === 'tieline') await p.page.locator('input[aria-label="Timeline"]').focus();
  };
  for (const p of pages) {
    await p.page.evaluate(p.kind === 'tieline' ? installStepProbe : installPeerProbe);
    await focus(p);
    // Two unmeasured presses warm the path up (and undo each other).
    for (const key of ['ArrowRight', 'ArrowLeft']) await p.page.keyboard.press(key);
    await p.page.evaluate(waitSamples, 2);
  }
  const start = Date.now();
  const max = Math.min(plan.max, keys.length);
  for (let at = 0; at < max; at += BLOCK) {
    if (at >= plan.min && (Date.now() - start > plan.budgetMs || Date.now() > deadline)) break;
    for (let j = 0; j < pages.length; j++) {
      const p = pages[j]!;
      const o = out[j]!;
      await focus(p);
      for (let i = at; i < Math.min(max, at + BLOCK); i++) {
        await p.page.keyboard.press(keys[i]!);
        o.keys.push(keys[i]!);
        await p.page.evaluate(waitSamples, i + 3);
        if (p.kind === 'tieline' && i % plan.floorEvery === 0)
          o.floor.push(await p.page.evaluate(floorSample));
      }
    }
  }
  for (let j = 0; j < pages.length; j++) {
    const all = await pages[j]!.page.evaluate(
      () => (window as unknown as BenchWindow).__bench!.samples,
    );
    out[j]!.step = all.slice(2);
  }
  return out;
}

/** Opens the limit page or the sigma peer on a view file; null with the reason when it does not come up. */
async function openPeer(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; error: null } | { page: null; error: string }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __peer?: { ready: boolean } }).__peer?.ready === true,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    return { page, error: null };
  } catch (e) {
    await page.close();
    return {
      page: null,
      error: errors[0] ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e)),
    };
  }
}

async function heap(page: Page): Promise<{ used: number; afterGc: number }> {
  const cdp = await page.context().newCDPSession(page);
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return { used: round(before.usedSize / 2 ** 20, 3), afterGc: round(after.usedSize / 2 ** 20, 3) };
}

/** What the side-by-side pages measured on one case (see measureInterleaved). */
interface PeerFigures {
  limit: LatencyFigure | null;
  /** Month steps alone: Tieline's and the limit page's latencies (ms), in key order. */
  monthLatency: { tieline: number[]; limit: number[] } | null;
  sigma: LatencyFigure | { error: string } | null;
  keys: { n: number; months: number };
}

async function tielineCase(
  context: BrowserContext,
  base: string,
  c: BrowserCase,
  deadline: number,
  log: (s: string) => void,
  files: Map<string, string>,
): Promise<{
  result: PageResult & TielineExtras;
  view: { time: number; last: number };
  peers: PeerFigures;
}> {
  const page = await context.newPage();
  await page.addInitScript(loadProbe);
  const query =
    (c.body === null ? `?t=${c.startIso}` : `?data=bench-${c.name}.json&t=${c.startIso}`) +
    (c.query ?? '');
  await page.goto(base + '/' + query);
  await waitPainted(page);
  const settled = await page.evaluate(settle);
  // Decided now, so a case that starts in time keeps its (last, destructive) idle-redraw experiment.
  const idleAllowed = c.idleFloors > 0 && Date.now() < deadline;
  const load = await loadFigures(page, c.body === null ? null : `bench-${c.name}.json`);
  log(
    `  tieline ${c.name}: first graph ${Math.round(load.paintedMs)} ms, final layout ${Math.round(settled.layoutDone ?? NaN)} ms, longest task ${Math.round(load.longestTaskMs)} ms, ${load.visibleAtStart} visible`,
  );
  const mem = await heap(page);
  // What the reference page needs to draw the same picture: Tieline's stylesheet, elements and viewport.
  const view = await page.evaluate(() => {
    interface Ele {
      data(): Record<string, unknown>;
      position(): { x: number; y: number };
      classes(): string[];
    }
    const w = window as unknown as BenchWindow;
    const a = w.__tieline!.adapter;
    const cy = a.cy as {
      style(): { json(): { selector: string }[] };
      nodes(): { map<T>(f: (e: Ele) => T): T[] };
      edges(): { map<T>(f: (e: Ele) => T): T[] };
      zoom(): number;
      pan(): { x: number; y: number };
      width(): number;
      height(): number;
    };
    const slider = document.querySelector('input[aria-label="Timeline"]') as HTMLInputElement;
    const windowInput = document.querySelector('input.window-input') as HTMLInputElement | null;
    const style = cy.style().json();
    const keep = new Set(['directed', 'event']);
    return {
      time: a.currentTime,
      first: Number(slider.min),
      last: Number(slider.max),
      zoom: cy.zoom(),
      pan: cy.pan(),
      width: cy.width(),
      height: cy.height(),
      eventWindow: windowInput ? Number(windowInput.value) : 30,
      fadeLevels: style.filter((r) => /^edge\.fade-\d+$/.test(r.selector)).length,
      style,
      nodes: cy.nodes().map((n) => ({ data: n.data(), position: { ...n.position() } })),
      edges: cy.edges().map((e) => ({
        data: e.data(),
        classes: e
          .classes()
          .filter((c) => keep.has(c))
          .join(' '),
      })),
    };
  });
  const keys = keySequence(view.first, view.last, view.time, c.steps.max);
  const pages: { page: Page; kind: 'tieline' | 'peer' }[] = [{ page, kind: 'tieline' }];
  let limitPage: Page | null = null;
  let sigmaPage: Page | null = null;
  let sigmaError: string | null = null;
  // The limit page and the peer are the figures the targets need: measured even past the deadline.
  if (c.peers) {
    const pv = await page.evaluate(peerView);
    if (pv) {
      files.set(`bench-view-${c.name}.json`, JSON.stringify(pv));
      const at = (html: string) => `${base}/common/${html}?view=bench-view-${c.name}.json`;
      const limit = await openPeer(context, at('limit.html'));
      const sigma = await openPeer(context, at('sigma.html'));
      limitPage = limit.page;
      sigmaPage = sigma.page;
      sigmaError = sigma.error;
      if (limit.error) log(`  limit ${c.name}: ${limit.error}`);
      if (sigma.error) log(`  sigma ${c.name}: ${sigma.error}`);
      if (limitPage) pages.push({ page: limitPage, kind: 'peer' });
      if (sigmaPage) pages.push({ page: sigmaPage, kind: 'peer' });
    }
  }
  const measured = await measureInterleaved(pages, c.steps, keys, deadline);
  await limitPage?.close();
  await sigmaPage?.close();
  await page.bringToFront();
  const m = {
    step: measured[0]!.step,
    floor: measured[0]!.floor,
    right: measured[0]!.keys.filter((k) => k === 'ArrowRight' || k === 'PageUp').length,
    left: measured[0]!.keys.filter((k) => k === 'ArrowLeft' || k === 'PageDown').length,
  };
  const peerFig = (p: Page | null): LatencyFigure | null => {
    const k = pages.findIndex((x) => x.page === p);
    return p && k > 0 ? latency(measured[k]!.step) : null;
  };
  /** A page's latencies of its month steps (its keys recorded in the order its samples were taken). */
  const monthsOf = (k: number): number[] =>
    measured[k]!.step.filter((_, i) => measured[k]!.keys[i]?.startsWith('Page')).map(
      (x) => x.end - x.t0,
    );
  const limitIndex = pages.findIndex((x) => x.page === limitPage);
  const peers: PeerFigures = {
    limit: peerFig(limitPage),
    monthLatency:
      limitPage && limitIndex > 0 ? { tieline: monthsOf(0), limit: monthsOf(limitIndex) } : null,
    sigma: sigmaPage ? peerFig(sigmaPage) : sigmaError ? { error: sigmaError } : null,
    keys: {
      n: measured[0]!.keys.length,
      months: measured[0]!.keys.filter((k) => k.startsWith('Page')).length,
    },
  };
  log(
    `  tieline ${c.name}: step p50 ${round(
      quantile(
        m.step.map((s) => s.end - s.t0),
        0.5,
      ),
    )} ms, floor p50 ${round(
      quantile(
        m.floor.map((s) => s.end - s.t0),
        0.5,
      ),
    )} ms`,
  );
  let play: TielineExtras['play'] = null;
  let exportPngMs: number | null = null;
  let exportPngBytes: number | null = null;
  let exportPngError: string | null = null;
  if (c.extras && Date.now() < deadline) {
    // The export either downloads a file or says why it could not (a notice); wait for whichever comes.
    const t0 = Date.now();
    const download = page.waitForEvent('download', { timeout: 90_000 });
    const failure = page.waitForFunction(
      () => document.querySelector('.notice')?.textContent?.includes('Export failed') === true,
      undefined,
      { timeout: 90_000, polling: 100 },
    );
    // By text, not by role: resolving a role makes Playwright compute the accessible name and
    // visibility of every button (2,000 actor rows), which took seconds and is not the export's time.
    await page.locator('button', { hasText: /^Export PNG$/ }).click();
    const outcome = await Promise.race([
      download.then(async (d) => ({ path: await d.path() })),
      failure.then(async () => ({
        error: await page.locator('.notice').innerText(),
      })),
    ]).catch((e: unknown) => ({
      error: e instanceof Error ? e.message.split('\n')[0] : String(e),
    }));
    download.catch(() => {});
    failure.catch(() => {});
    exportPngMs = Date.now() - t0;
    if ('path' in outcome) exportPngBytes = statSync(outcome.path).size;
    else exportPngError = outcome.error ?? 'unknown';
    // Play last: on a slow page the ticks can keep the main thread too busy for a Pause click, so the page just closes.
    await page.locator('.timebar select').selectOption('day');
    await page.locator('button', { hasText: /^Play$/ }).click();
    const f = await page.evaluate(countFrames, 3000);
    play = {
      fps: round(f.frames / f.seconds, 3),
      seconds: round(f.seconds, 3),
      daysAdvanced: f.days,
      redraws: f.redraws,
      longestFrameMs: round(f.longest, 3),
    };
    log(`  tieline ${c.name}: PNG export ${exportPngMs} ms, play ${play.fps} fps`);
    await page
      .locator('button', { hasText: /^Pause$/ })
      .click({ timeout: 20_000 })
      .catch(() => log(`  tieline ${c.name}: could not click Pause`));
  }
  let idleFloor: TielineExtras['idleFloor'] = null;
  if (idleAllowed) {
    const all = await page.evaluate(idleFloors, { n: c.idleFloors, removeHidden: false });
    const without = await page.evaluate(idleFloors, { n: c.idleFloors, removeHidden: true });
    idleFloor = {
      all: latency(all.samples),
      withoutHidden: without.removed > 0 ? latency(without.samples) : null,
      hiddenRemoved: without.removed,
    };
    log(
      `  tieline ${c.name}: idle floor ${idleFloor.all.p50} ms; without its ${without.removed} hidden edges ${idleFloor.withoutHidden?.p50 ?? '–'} ms`,
    );
  }
  await page.close();
  // Opened again in the same profile: a big graph's layout now comes from the browser's cache.
  let reopened: TielineExtras['reopened'] = null;
  if (settled.layoutDone !== null && Date.now() < deadline) {
    const again = await context.newPage();
    await again.goto(base + '/' + query);
    const done = await again.waitForFunction(
      () => {
        const t = (window as unknown as BenchWindow).__tieline;
        return t && (t.layouts ?? 0) > 0
          ? { at: performance.now(), from: t.adapter.layoutFrom ?? null }
          : null;
      },
      undefined,
      { timeout: 180_000, polling: 50 },
    );
    const v = (await done.jsonValue()) as { at: number; from: string | null };
    reopened = { layoutDoneMs: round(v.at, 4), from: v.from };
    log(`  tieline ${c.name}: reopened, final layout at ${Math.round(v.at)} ms (${v.from})`);
    await again.close();
  }
  return {
    result: {
      ...load,
      reopened,
      readyMs: round(load.readyMs, 4),
      paintedMs: round(load.paintedMs, 4),
      dataRequestMs: load.dataRequestMs === null ? null : round(load.dataRequestMs, 4),
      dataLoadedMs: load.dataLoadedMs === null ? null : round(load.dataLoadedMs, 4),
      longestTaskMs: round(load.longestTaskMs, 4),
      step: latency(m.step),
      floor: latency(m.floor),
      stepsRight: m.right,
      stepsLeft: m.left,
      completeMs: round(settled.complete, 4),
      layoutDoneMs: settled.layoutDone === null ? null : round(settled.layoutDone, 4),
      heapUsedMB: mem.used,
      heapUsedAfterGcMB: mem.afterGc,
      play,
      idleFloor,
      exportPngMs,
      exportPngBytes,
      exportPngError,
    },
    view,
    peers,
  };
}

/** Runs the browser benchmark over the cases, against the builds in `appDir` and `commonDir`. */
export async function runBrowserBench(opts: {
  appDir: string;
  commonDir: string;
  cases: readonly BrowserCase[];
  /** Past this time (epoch ms) every page measures only its minimum of steps and skips the optional parts. */
  deadline?: number;
  log?: (s: string) => void;
}): Promise<BrowserResult> {
  const deadline = opts.deadline ?? Infinity;
  const log = opts.log ?? (() => {});
  const bodies = new Map<string, string>();
  const server = await serve(opts.appDir, opts.commonDir, bodies);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const cases: BrowserCaseResult[] = [];
    for (const c of opts.cases) {
      const before = new Set(bodies.keys());
      log(`browser: ${c.label}`);
      // A fresh profile per case, so each first load is a first visit (no cached layout, no HTTP cache).
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      if (c.body !== null) bodies.set(`bench-${c.name}.json`, c.body);
      const t = await tielineCase(context, base, c, deadline, log, bodies);
      // The common way (react-cytoscapejs) is no longer run: DESIGN §4 replaced its target by the limit page.
      const common = null;
      bodies.delete(`bench-${c.name}.json`);
      bodies.delete(`bench-view-${c.name}.json`);
      for (const k of bodies.keys()) if (!before.has(k)) bodies.delete(k);
      await context.close();
      const tl = t.result;
      cases.push({
        name: c.name,
        label: c.label,
        actors: c.actors,
        relations: c.relations,
        startIso: c.startIso,
        query: c.query ?? null,
        tieline: tl,
        common,
        stepOverFloor: {
          p50: ratio(tl.step.p50, tl.floor.p50),
          p95: ratio(tl.step.p95, tl.floor.p95),
        },
        commonOverTieline: null,
        limit: t.peers.limit,
        sigma: t.peers.sigma,
        stepOverLimit: t.peers.limit
          ? {
              p50: ratio(tl.step.p50, t.peers.limit.p50),
              p95: ratio(tl.step.p95, t.peers.limit.p95),
              p99: ratio(tl.step.p99, t.peers.limit.p99),
            }
          : null,
        months: monthFigures(t.peers.monthLatency),
        keys: t.peers.keys,
      });
    }
    return { chromium: browser.version(), viewport: VIEWPORT, cases };
  } finally {
    await browser.close();
    server.close();
  }
}
