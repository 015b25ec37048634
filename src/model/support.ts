// Who says a relation, in words: reports, independent originals, qualifications and disputes ("2 reports, 1 original (Associated Press)").
import { claimDates, hasClaimDates } from './claim-dates';
import { edtf, type TimeScale } from './dates';
import { datesAsWritten } from './describe';
import { sameOriginator, type ClaimFilter } from './status';
import type { Claim, Dataset, Relation, Source } from './types';

/** The claims that count, grouped by what they do. */
export interface Support {
  /** Distinct sources asserting the relation. */
  readonly reports: readonly string[];
  /** One asserting claim per independent originator, in claim order. */
  readonly originals: readonly Claim[];
  /** Distinct sources qualifying it (accepting it, narrowed). */
  readonly qualifying: readonly string[];
  /** Distinct sources disputing it. */
  readonly disputing: readonly string[];
}

/** The claims that count under `keep`, grouped by stance and originator. O(claims²) in the worst case; relations have a handful. */
export function supportOf(claims: readonly Claim[], keep?: ClaimFilter): Support {
  const reports = new Set<string>();
  const originals: Claim[] = [];
  const qualifying = new Set<string>();
  const disputing = new Set<string>();
  for (const c of claims) {
    if (keep && !keep(c)) continue;
    if (c.stance === 'disputes') disputing.add(c.source);
    else if (c.stance === 'qualifies') qualifying.add(c.source);
    else {
      reports.add(c.source);
      if (!originals.some((o) => sameOriginator(o, c))) originals.push(c);
    }
  }
  return {
    reports: [...reports],
    originals,
    qualifying: [...qualifying],
    disputing: [...disputing],
  };
}

/** A source's short name: its publisher or author, without a parenthesised aside; else its title. */
export function sourceName(s: Source | undefined, id: string): string {
  const name = s?.publisher ?? s?.author ?? s?.title ?? id;
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}

/** The name of a claim's originator: the outlet it relays, or its own source. */
export function originatorName(
  dataset: Pick<Dataset, 'sources' | 'originators'>,
  c: Claim,
): string {
  if (c.via !== undefined) return dataset.originators?.find((o) => o.id === c.via)?.name ?? c.via;
  return sourceName(
    dataset.sources.find((s) => s.id === c.source),
    c.source,
  );
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The support in words: "2 reports, 1 original (Associated Press)", then "qualified by 1 source" and
 * "disputed by 1 source" when so; "no report in view" when nothing asserts it.
 */
export function describeSupport(
  dataset: Pick<Dataset, 'sources' | 'originators'>,
  claims: readonly Claim[],
  keep?: ClaimFilter,
): string {
  const s = supportOf(claims, keep);
  const parts: string[] = [];
  if (s.reports.length === 0) parts.push('no report in view');
  else {
    const names = s.originals.map((c) => originatorName(dataset, c)).join(', ');
    parts.push(
      `${plural(s.reports.length, 'report', 'reports')}, ${plural(s.originals.length, 'original', 'originals')} (${names})`,
    );
  }
  if (s.qualifying.length)
    parts.push(`qualified by ${plural(s.qualifying.length, 'source', 'sources')}`);
  if (s.disputing.length)
    parts.push(`disputed by ${plural(s.disputing.length, 'source', 'sources')}`);
  return parts.join('; ');
}

/**
 * Dates of a relation as the asserting claims that count give them: as `datesAsWritten` when they
 * agree; otherwise each dating once, earliest first, "2012; April 2013; 2014 (the sources differ)".
 */
export function supportedDatesAsWritten(
  r: Relation,
  kind: 'state' | 'event' = 'state',
  keep?: (c: Claim) => boolean,
  scale: TimeScale = 'calendar',
): string {
  if (!hasClaimDates(r)) return datesAsWritten(r, kind, scale);
  const seen = new Map<string, [number, number]>();
  for (const c of r.claims) {
    if (c.stance !== 'asserts' || (keep && !keep(c))) continue;
    const d = claimDates(r, c);
    const text = datesAsWritten(d, kind, scale);
    const end = d.end ? edtf(d.end).earliest : Infinity;
    if (!seen.has(text)) seen.set(text, [edtf(d.start).earliest, end]);
  }
  if (seen.size === 0) return datesAsWritten(r, kind, scale);
  const texts = [...seen].sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1]).map(([t]) => t);
  return texts.length === 1 ? texts[0]! : `${texts.join('; ')} (the sources differ)`;
}
