// Comparing two dates: which ties formed, which ended, and which changed status (as known on each date).
import type { Day } from './dates';
import type { Model } from './index';
import { lensStatuses, type Lens } from './lens';
import { inLensSpan, lensSpans } from './lens-spans';
import type { Status } from './types';

/** One difference between dates A and B. */
export interface Change {
  readonly ordinal: number;
  readonly kind: 'formed' | 'ended' | 'changed';
  /** When it happened, for ordering: the tie's first day (formed), last day (ended), or B (changed). */
  readonly day: Day;
  /** Status as known on A and on B (null: not yet reported by any source then). */
  readonly before: Status | null;
  readonly after: Status | null;
}

/**
 * The changes from A to B (A < B) under a lens, in date order. A tie "formed" if it is in view at B
 * but not at A, "ended" if the reverse; a tie in view at both "changed" when its status as known on A
 * (claims of sources published by A) differs from its status as known on B. Visibility follows the
 * lens as it stands; the as-known-on date of each side is the earlier of that date and the lens's own.
 * O((k_A + k_B) + total claims) with k the ties in view.
 */
export function compareDates(model: Model, a: Day, b: Day, lens: Lens): Change[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  const inLens = lensStatuses(model, lens);
  const knownAt = (d: Day): (Status | null)[] =>
    lensStatuses(model, {
      ...lens,
      statuses: null,
      knownOn: Math.min(d, lens.knownOn ?? Infinity),
    });
  const atFrom = knownAt(from);
  const atTo = knownAt(to);
  const spans = lensSpans(model, lens);
  const shownAt = (d: Day): Set<number> =>
    new Set(
      model.index.activeAt(d).filter((i) => inLens[i] !== null && inLensSpan(spans, i, d, d)),
    );
  const before = shownAt(from);
  const after = shownAt(to);
  const out: Change[] = [];
  for (const i of after) {
    if (!before.has(i)) {
      out.push({
        ordinal: i,
        kind: 'formed',
        day: Math.max(spans[i]!.lo, from),
        before: null,
        after: atTo[i] ?? null,
      });
    } else if ((atFrom[i] ?? null) !== (atTo[i] ?? null)) {
      out.push({
        ordinal: i,
        kind: 'changed',
        day: to,
        before: atFrom[i] ?? null,
        after: atTo[i] ?? null,
      });
    }
  }
  for (const i of before) {
    if (!after.has(i)) {
      out.push({
        ordinal: i,
        kind: 'ended',
        day: Math.min(spans[i]!.hi - 1, to),
        before: atFrom[i] ?? null,
        after: null,
      });
    }
  }
  return out.sort((x, y) => x.day - y.day || x.ordinal - y.ordinal);
}
