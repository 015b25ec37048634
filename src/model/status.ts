// Relation status derived from claims: reported, corroborated or disputed (never stored in the data).
import type { Claim, Status } from './types';

/** Which claims count: all of them, or those a lens (source filter, as-known-on date) keeps. */
export type ClaimFilter = (claim: Claim) => boolean;

/**
 * The status of a relation from the claims that count, or null when no counting claim asserts it (the
 * tie is then not shown: only doubts about it are in view). With an assertion, any dispute makes it
 * `disputed`; otherwise two or more distinct asserting sources make it `corroborated`, one `reported`.
 */
export function statusOf(claims: readonly Claim[], keep?: ClaimFilter): Status | null {
  const asserting = new Set<string>();
  let disputes = 0;
  for (const c of claims) {
    if (keep && !keep(c)) continue;
    if (c.stance === 'disputes') disputes++;
    else asserting.add(c.source);
  }
  if (asserting.size === 0) return null;
  if (disputes > 0) return 'disputed';
  return asserting.size >= 2 ? 'corroborated' : 'reported';
}

/** The statuses in the order the legend and filters list them. */
export const STATUSES: readonly Status[] = ['reported', 'corroborated', 'disputed'];
