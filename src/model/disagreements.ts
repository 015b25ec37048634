// Where the sources date a relation differently: which date differs, and the stretch of days in dispute (for the time bar).
import { claimDates, hasClaimDates, supports, type DatePair } from './claim-dates';
import type { Day } from './dates';
import type { Model } from './index';
import { claimFilter, type Lens } from './lens';
import { claimDatedRelations } from './lens-spans';
import type { RelationSpan } from './temporal';
import type { Claim, Relation } from './types';

/** Which of a relation's dates the claims that count give differently: its start, its end, or neither. */
export function datesDiffer(
  r: Relation,
  keep?: (c: Claim) => boolean,
): { readonly start: boolean; readonly end: boolean } {
  let start = false;
  let end = false;
  if (!hasClaimDates(r)) return { start, end };
  let first: DatePair | null = null;
  for (const c of r.claims) {
    if (!supports(c, keep)) continue;
    const d = claimDates(r, c);
    if (!first) first = d;
    else {
      start ||= d.start !== first.start;
      end ||= (d.end ?? null) !== (first.end ?? null);
    }
  }
  return { start, end };
}

/** A stretch of days over which the sources in view disagree on a relation's date. */
export interface DateDisagreement {
  readonly ordinal: number;
  /** First day of the stretch and the first day after it. */
  readonly from: Day;
  readonly to: Day;
}

/**
 * Where the claims in view date a relation differently, the stretches of disagreement (from its lens
 * span): the range its start may fall in, and for a state with an end the range its end may fall in.
 * Relations the lens hides (status null) and dates the claims agree on have none. O(claim-dated
 * relations × their claims).
 */
export function dateDisagreements(
  model: Model,
  lens: Pick<Lens, 'sources' | 'knownOn'>,
  spans: readonly RelationSpan[],
  statuses: readonly (unknown | null)[],
): DateDisagreement[] {
  const keep = claimFilter(model, lens);
  const out: DateDisagreement[] = [];
  for (const i of claimDatedRelations(model.dataset)) {
    if (statuses[i] === null || statuses[i] === undefined) continue;
    const differ = datesDiffer(model.dataset.relations[i]!, keep);
    const s = spans[i]!;
    const startTo = s.eventDay ?? s.certainFrom;
    // An event's end is part of its date: a differing end widens the same stretch.
    const startDiffers = differ.start || (differ.end && s.eventDay !== null);
    if (startDiffers && Number.isFinite(s.lo) && startTo >= s.lo)
      out.push({ ordinal: i, from: s.lo, to: startTo + 1 });
    if (differ.end && s.eventDay === null && Number.isFinite(s.hi) && s.certainUntil < s.hi)
      out.push({ ordinal: i, from: s.certainUntil, to: s.hi });
  }
  return out;
}
