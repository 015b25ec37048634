// Relation status derived from claims: reported, corroborated or disputed (never stored in the data).
import type { Claim, Status } from './types';

/** Which claims count: all of them, or those a lens (source filter, as-known-on date) keeps. */
export type ClaimFilter = (claim: Claim) => boolean;

/**
 * Whether two claims come from the same originator: both relay the same outlet (`via`), or both are
 * the same source's own reporting. Two documents relaying the AP are one original.
 */
export function sameOriginator(a: Claim, b: Claim): boolean {
  return a.via !== undefined ? a.via === b.via : b.via === undefined && a.source === b.source;
}

/**
 * The status of a relation from the claims that count, or null when no counting claim asserts it (the
 * tie is then not shown: only doubts or qualifications of it are in view). With an assertion, any
 * dispute makes it `disputed`; otherwise assertions from two or more independent originators make it
 * `corroborated`, from one `reported`. An originator is the outlet a claim relays (`via`), else the
 * claim's own source. A `qualifies` claim counts neither way. O(claims), allocation-free for the usual
 * one or two originators.
 */
export function statusOf(claims: readonly Claim[], keep?: ClaimFilter): Status | null {
  let first: Claim | null = null;
  let independent = false;
  let disputes = 0;
  for (const c of claims) {
    if (keep && !keep(c)) continue;
    if (c.stance === 'disputes') disputes++;
    else if (c.stance === 'asserts') {
      if (!first) first = c;
      else if (!independent && !sameOriginator(first, c)) independent = true;
    }
  }
  if (!first) return null;
  if (disputes > 0) return 'disputed';
  return independent ? 'corroborated' : 'reported';
}

/** The statuses in the order the legend and filters list them. */
export const STATUSES: readonly Status[] = ['reported', 'corroborated', 'disputed'];
