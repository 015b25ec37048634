// What the limit and sigma pages draw, copied from Tieline's page by the benchmark: positions, viewport, ties, spans, colours.

/** The picture and the data behind it, as the benchmark copies them from Tieline (bench/browser.ts). */
export interface PeerView {
  readonly time: number;
  readonly first: number;
  readonly last: number;
  readonly zoom: number;
  readonly pan: { x: number; y: number };
  readonly width: number;
  readonly height: number;
  /** x, y per actor, and each actor's node diameter. */
  readonly xy: number[];
  readonly sizes: number[];
  /** Per relation: source and target actor, colour index, and its span [lo, hi) in days. */
  readonly source: number[];
  readonly target: number[];
  readonly color: number[];
  readonly colors: string[];
  readonly lo: number[];
  readonly hi: number[];
}

declare global {
  interface Window {
    __peer?: { ready: boolean; t: number };
  }
}

/** Loads the view named by `?view=` (the benchmark serves it). */
export async function loadView(): Promise<PeerView> {
  const name = new URLSearchParams(location.search).get('view') ?? '';
  return (await (await fetch(name)).json()) as PeerView;
}

/** Day number → the same day one calendar month later or earlier (Tieline's PageUp/PageDown). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000);
}

/** Each relation's line (unordered actor pair and colour) as a dense id: Tieline draws a line once. */
export function lineOf(v: PeerView): Int32Array {
  const ids = new Map<number, number>();
  const n = v.xy.length / 2;
  return Int32Array.from(v.source, (s, i) => {
    const t = v.target[i]!;
    const key = (Math.min(s, t) * n + Math.max(s, t)) * 64 + v.color[i]!;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
}

/** Moves `t` by a key as Tieline's time bar does (→ ← a day, PageUp PageDown a month), within the extent. */
export function onKey(v: PeerView, t: number, key: string): number {
  const next =
    key === 'ArrowRight'
      ? t + 1
      : key === 'ArrowLeft'
        ? t - 1
        : key === 'PageUp'
          ? addMonths(t, 1)
          : key === 'PageDown'
            ? addMonths(t, -1)
            : t;
  return Math.max(v.first, Math.min(v.last, next));
}
