// The lens applied to dates: each relation's span from the claims the lens keeps, computed once per lens, never per step.
import { datesDiffer, hasClaimDates, supportedSpan, type DatePair } from './claim-dates';
import type { Day } from './dates';
import type { Model } from './index';
import { claimFilter, type Lens } from './lens';
import { spanOf, type RelationSpan } from './temporal';
import type { Dataset } from './types';

const dated = new WeakMap<Dataset, readonly number[]>();

/** Ordinals of the relations whose claims carry their own dates (cached per dataset). O(claims) once. */
export function claimDatedRelations(dataset: Dataset): readonly number[] {
  let list = dated.get(dataset);
  if (!list) {
    const out: number[] = [];
    dataset.relations.forEach((r, i) => {
      if (hasClaimDates(r)) out.push(i);
    });
    dated.set(dataset, (list = out));
  }
  return list;
}

/**
 * Each relation's span under the lens's source filter and as-known-on date: the index's own spans
 * (the same array) when the lens keeps every claim or no claim carries its own dates; otherwise a copy
 * in which each claim-dated relation spans what its kept asserting claims support. O(n) copy plus
 * O(claims of claim-dated relations), once per lens: the temporal index is never rebuilt, since a lens
 * only narrows a span (the index's span is what all claims support), so the index's answer at t is a
 * superset that `inLensSpan` filters. A lens never widens a span (see `narrowed`).
 */
export function lensSpans(
  model: Model,
  lens: Pick<Lens, 'sources' | 'knownOn'>,
): readonly RelationSpan[] {
  const spans = model.index.spans;
  const keep = claimFilter(model, lens);
  if (!keep) return spans;
  const list = claimDatedRelations(model.dataset);
  if (list.length === 0) return spans;
  const out = spans.slice();
  const window = model.index.eventWindow;
  for (const i of list) {
    const r = model.dataset.relations[i]!;
    const isEvent = model.typeById.get(r.type)?.kind === 'event';
    const own = (d: DatePair): RelationSpan => spanOf(d, isEvent, window);
    const base = spans[i]!;
    const s = supportedSpan(r, own, keep);
    out[i] = s ? narrowed(s, base) : base;
  }
  return out;
}

/**
 * A lens span kept within the span all claims support. A lens only ever narrows: a kept claim that
 * reports no end does not reopen a relation that a filtered-out source ends (it does not say it went
 * on, only that its source knew of no end), and the index is built on the full spans.
 */
function narrowed(s: RelationSpan, base: RelationSpan): RelationSpan {
  const lo = Math.max(s.lo, base.lo);
  const hi = Math.min(s.hi, base.hi);
  return {
    lo,
    hi,
    certainFrom: s.certainFrom,
    certainUntil: Math.min(s.certainUntil, hi),
    eventDay: s.eventDay === null ? null : Math.min(s.eventDay, hi),
  };
}

/** Whether relation i, as the lens dates it, is shown anywhere in days [a, b] (a = b: at one day). */
export function inLensSpan(spans: readonly RelationSpan[], i: number, a: Day, b: Day): boolean {
  const s = spans[i]!;
  return s.lo <= b && a < s.hi;
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
