// The lens applied to dates: each relation's span from the claims the lens keeps, computed once per lens, never per step.
import { hasClaimDates, supportedSpan, type DatePair } from './claim-dates';
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
