// The browser benchmark's side-by-side pages: the key sequence they all get, the limit page's and the sigma peer's probe, and their view.

/** Day number → the same day a calendar month later or earlier (clamped to the month's end), as the time bar's PageUp/PageDown. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000);
}

/**
 * The key presses every page gets: → → PageUp over and over (a day, a day, a month), and at the end of
 * the extent ← ← PageDown back, reversing again at its start. `count` presses from day `start`.
 */
export function keySequence(first: number, last: number, start: number, count: number): string[] {
  const out: string[] = [];
  let t = start;
  let forward = true;
  let stuck = 0;
  while (out.length < count && stuck < 4) {
    const pattern = forward
      ? (['ArrowRight', 'ArrowRight', 'PageUp'] as const)
      : (['ArrowLeft', 'ArrowLeft', 'PageDown'] as const);
    let moved = false;
    for (const key of pattern) {
      if (out.length >= count) break;
      const next =
        key === 'ArrowRight'
          ? t + 1
          : key === 'ArrowLeft'
            ? t - 1
            : addMonths(t, key === 'PageUp' ? 1 : -1);
      if (next > last || next < first) {
        forward = !forward;
        break;
      }
      out.push(key);
      t = next;
      moved = true;
    }
    stuck = moved ? 0 : stuck + 1;
  }
  return out;
}

/** What the limit and sigma pages need to draw Tieline's picture (bench/common-way/peer-view.ts). */
export interface PeerView {
  time: number;
  first: number;
  last: number;
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
  xy: number[];
  sizes: number[];
  source: number[];
  target: number[];
  color: number[];
  colors: string[];
  lo: number[];
  hi: number[];
}

/**
 * In the page: Tieline's picture as data (positions, viewport, each relation's ends, colour and span
 * from the tie layer and the temporal index). Null on a small graph (no tie layer).
 */
export function peerView(): PeerView | null {
  interface Scene {
    source: Int32Array;
    target: Int32Array;
    color: Uint16Array;
    colors: readonly string[];
  }
  interface Hook {
    adapter: {
      currentTime: number;
      cy: {
        zoom(): number;
        pan(): { x: number; y: number };
        width(): number;
        height(): number;
        nodes(): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] };
      };
      ties: { current: Scene | null; positions(): Float64Array };
      model: { index: { lo: Float64Array; hi: Float64Array } } | null;
    };
  }
  const a = (window as unknown as { __tieline: Hook }).__tieline.adapter;
  const scene = a.ties.current;
  if (!scene || !a.model) return null;
  const slider = document.querySelector('input[aria-label="Timeline"]') as HTMLInputElement;
  return {
    time: a.currentTime,
    first: Number(slider.min),
    last: Number(slider.max),
    zoom: a.cy.zoom(),
    pan: a.cy.pan(),
    width: a.cy.width(),
    height: a.cy.height(),
    xy: [...a.ties.positions()],
    sizes: a.cy.nodes().map((n) => Number(n.data('size')) || 30),
    source: [...scene.source],
    target: [...scene.target],
    color: [...scene.color],
    colors: [...scene.colors],
    // Open spans as large finite days (JSON has no Infinity).
    lo: Array.from(a.model.index.lo, (x) => Math.max(-1e9, x)),
    hi: Array.from(a.model.index.hi, (x) => Math.min(1e9, x)),
  };
}
