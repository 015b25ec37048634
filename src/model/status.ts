// Relation status derived from claims: reported, corroborated or disputed (never stored in the data).
import type { Claim, Status } from './types';

/** Which claims count: all of them, or those a lens (source filter, as-known-on date) keeps. */
export type ClaimFilter = (claim: Claim) => boolean;

/**
 * The status of a relation from the claims that count, or null when none counts (the tie is then not
 * shown). Any dispute makes it `disputed` (also when the only claim in view is a dispute: a source
 * that doubts a report still tells the reader the report exists); otherwise two or more distinct
 * asserting sources make it `corroborated`, and one makes it `reported`.
 */
export function statusOf(claims: readonly Claim[], keep?: ClaimFilter): Status | null {
  const asserting = new Set<string>();
  let disputes = 0;
  for (const c of claims) {
    if (keep && !keep(c)) continue;
    if (c.stance === 'disputes') disputes++;
    else asserting.add(c.source);
  }
  if (disputes > 0) return 'disputed';
  if (asserting.size >= 2) return 'corroborated';
  if (asserting.size === 1) return 'reported';
  return null;
}

/** The statuses in the order the legend and filters list them. */
export const STATUSES: readonly Status[] = ['reported', 'corroborated', 'disputed'];
