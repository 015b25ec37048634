// How a tie and an actor look at a date, as pure numbers every renderer shares (graph, thumbnails, video, exports).
import type { Day, Model, Status } from '../model';

/** Number of fade levels (`edge.fade-1` … `edge.fade-4` in the stylesheet, lighter as k grows). */
export const FADE_LEVELS = 4;

/**
 * The fade levels an event steps through as it ages across its event window, in order: all of them on
 * small graphs, every other one on large graphs. Each step restyles every event edge that crosses it,
 * and on a large graph that is thousands of edges a day (CollegeMsg: about 5,000 class changes a day
 * with four steps, half that with two), where four shades are not told apart anyway.
 */
export function fadeSteps(large: boolean): readonly number[] {
  return large ? [2, 4] : [1, 2, 3, 4];
}

/** The opacity of fade level `k` (0: not faded, 1 … FADE_LEVELS: lighter and lighter). */
export function fadeOpacity(k: number): number {
  return 1 - (k / (FADE_LEVELS + 1)) * 0.8;
}

/** The part of a relation's span (`TemporalIndex.spans`) that decides its look. */
export interface LookSpan {
  readonly certainFrom: number;
  readonly certainUntil: number;
  readonly eventDay: number | null;
}

/** 1 while a relation's span is uncertain at `t` (a date of month precision, approximate, …), else 0. */
export function fuzzyAt(s: Pick<LookSpan, 'certainFrom' | 'certainUntil'>, t: Day): 0 | 1 {
  return t < s.certainFrom || t >= s.certainUntil ? 1 : 0;
}

/**
 * How far an event has aged through its window at `t`, as a step 0 … `count` (0: not an event, not
 * yet happened, or no window; `count`: in the last part of its window).
 */
export function fadeStep(
  s: Pick<LookSpan, 'eventDay'>,
  t: Day,
  window: number,
  count: number,
): number {
  if (s.eventDay === null || window <= 0 || t <= s.eventDay) return 0;
  return Math.min(count, Math.ceil(((t - s.eventDay) / window) * count));
}

/** The fade level of a relation at `t`: 0, or the level of `steps` its age has reached. */
export function fadeAt(
  s: Pick<LookSpan, 'eventDay'>,
  t: Day,
  window: number,
  steps: readonly number[],
): number {
  const k = fadeStep(s, t, window, steps.length);
  return k === 0 ? 0 : steps[k - 1]!;
}

/** The fade level (0 or one of `steps`) whose opacity is closest to `alpha`. */
export function nearestFade(alpha: number, steps: readonly number[]): number {
  let best = 0;
  for (const k of steps) {
    if (Math.abs(fadeOpacity(k) - alpha) < Math.abs(fadeOpacity(best) - alpha)) best = k;
  }
  return best;
}

/** A status as a small number: 0 reported (or none), 1 corroborated, 2 disputed (drawn dashed). */
export function statusCode(st: Status | null | undefined): 0 | 1 | 2 {
  return st === 'disputed' ? 2 : st === 'corroborated' ? 1 : 0;
}

/** Each actor's number of relations over the whole dataset (a self-tie counts once), by actor ordinal. */
export function totalDegrees(model: Model): Int32Array {
  const degree = new Int32Array(model.dataset.actors.length);
  for (const r of model.dataset.relations) {
    const s = model.actorOrdinal.get(r.source);
    const t = model.actorOrdinal.get(r.target);
    if (s !== undefined) degree[s]! += 1;
    if (t !== undefined && t !== s) degree[t]! += 1;
  }
  return degree;
}

/**
 * An actor's node diameter in graph units from its total degree: grows with the square root (hubs
 * stand out without swamping the view), between 22 and 48, rounded to a whole unit.
 */
export function nodeSize(degree: number): number {
  return Math.round(22 + Math.min(26, Math.sqrt(degree) * 5));
}

/** Line widths in graph units: an unweighted tie, and the range weighted ties are drawn in. */
export const EDGE_WIDTH = { plain: 2.5, least: 1.2, most: 7 } as const;

/**
 * The largest absolute weight among the relations: the scale of widths. 0 when none is weighted, or
 * when all weigh the same (Gephi writes weight="1.0" on every edge): no difference to draw.
 */
export function weightScale(relations: readonly { readonly weight?: number }[]): number {
  let max = 0;
  let min = Infinity;
  for (const r of relations) {
    const w = r.weight;
    if (w === undefined || !Number.isFinite(w)) continue;
    max = Math.max(max, Math.abs(w));
    min = Math.min(min, Math.abs(w));
  }
  return max > min ? max : 0;
}

/**
 * The width of a tie of weight `weight` when the dataset's largest absolute weight is `scale`: the
 * square root of its share of the scale (areas read as amounts), from `least` to `most`; a weight's
 * sign is not its strength (−8 distrust is as strong as +8 trust: the type's colour family tells them
 * apart). Null for an unweighted tie, which is drawn at the plain width.
 */
export function weightWidth(weight: number | undefined, scale: number): number | null {
  if (weight === undefined || !Number.isFinite(weight) || !(scale > 0)) return null;
  const share = Math.min(1, Math.abs(weight) / scale);
  const w = EDGE_WIDTH.least + (EDGE_WIDTH.most - EDGE_WIDTH.least) * Math.sqrt(share);
  return Math.round(w * 10) / 10;
}

/**
 * Whether a relation's end is derived from its pair's next record rather than reported (a state of a
 * type that lasts until superseded, #14): drawn cased (`edge.lasting`), written "until the next record".
 */
export function isLasting(s: { readonly supersededBy?: number | null }): boolean {
  return s.supersededBy !== undefined;
}
