// Dates per claim: a source may date a relation differently; the relation's span is what the claims that count support.
import type { RelationSpan } from './temporal';
import type { Claim, Relation } from './types';

/** A start and an end as a relation carries them (EDTF; end null or absent: no end reported). */
export interface DatePair {
  readonly start: string;
  readonly end?: string | null | undefined;
}

/** The dates a claim gives its relation: its own start/end where it has them, else the relation's. */
export function claimDates(r: Pick<Relation, 'start' | 'end'>, c: Claim): DatePair {
  return {
    start: c.start ?? r.start,
    end: c.end !== undefined ? c.end : r.end,
  };
}

/** Whether any claim of the relation carries its own dates. */
export function hasClaimDates(r: Pick<Relation, 'claims'>): boolean {
  for (const c of r.claims) if (c.start !== undefined || c.end !== undefined) return true;
  return false;
}

/** True when a claim's dates support the relation's span: an assertion that counts. */
export const supports = (c: Claim, keep?: (c: Claim) => boolean): boolean =>
  c.stance === 'asserts' && (!keep || keep(c));

/**
 * The span the asserting claims that count support, from the span of each one's dates (`spanOfDates`,
 * the index's own rule for one pair of dates): from the earliest first day to the latest last day. Where
 * the claims disagree the span is uncertain: before the latest of their certain starts, and from the
 * earliest of their certain ends. A claim that reports no end does not contradict one that does (its
 * source may simply not know of it): the end comes from the claims that give one, if any. Null when no
 * asserting claim counts. O(claims).
 */
export function supportedSpan(
  r: Relation,
  spanOfDates: (dates: DatePair) => RelationSpan,
  keep?: (c: Claim) => boolean,
): RelationSpan | null {
  let lo = Infinity;
  let certainFrom = -Infinity;
  let endHi = -Infinity;
  let endCertain = Infinity;
  let openHi = -Infinity;
  let eventDay: number | null = null;
  let any = false;
  let ended = false;
  for (const c of r.claims) {
    if (!supports(c, keep)) continue;
    const dates = claimDates(r, c);
    const s = spanOfDates(dates);
    any = true;
    lo = Math.min(lo, s.lo);
    certainFrom = Math.max(certainFrom, s.certainFrom);
    if (s.eventDay !== null) {
      eventDay = Math.max(eventDay ?? -Infinity, s.eventDay);
      endHi = Math.max(endHi, s.hi);
      ended = true;
    } else if (dates.end !== undefined && dates.end !== null) {
      endHi = Math.max(endHi, s.hi);
      endCertain = Math.min(endCertain, s.certainUntil);
      ended = true;
    } else openHi = Math.max(openHi, s.hi);
  }
  if (!any) return null;
  if (eventDay !== null) return { lo, hi: endHi, certainFrom, certainUntil: endHi, eventDay };
  return ended
    ? { lo, hi: endHi, certainFrom, certainUntil: endCertain, eventDay: null }
    : { lo, hi: openHi, certainFrom, certainUntil: Infinity, eventDay: null };
}
