// Relations put into words for people: dates as the sources write them.
import { claimDates, hasClaimDates, type DatePair } from './claim-dates';
import { edtf, formatEdtf } from './dates';
import type { Claim, Relation } from './types';

/**
 * Dates of a relation as written: "2 November 2014" for an event; "from about November 2014, no end
 * reported", "until 2014 (start unknown)" or "from 2013 to June 2014" for a state.
 */
export function datesAsWritten(r: DatePair, kind: 'state' | 'event' = 'state'): string {
  const start = formatEdtf(edtf(r.start));
  const end = r.end ? formatEdtf(edtf(r.end)) : null;
  if (kind === 'event') return end ? `${start} – ${end}` : start;
  if (r.start === '..')
    return end ? `until ${end} (start unknown)` : 'start unknown, no end reported';
  if (r.end === r.start) return `in ${start}`;
  return end ? `from ${start} to ${end}` : `from ${start}, no end reported`;
}

/**
 * Dates of a relation as the asserting claims that count give them: as `datesAsWritten` when they
 * agree; otherwise each dating once, earliest first, "2012; April 2013; 2014 (the sources differ)".
 */
export function supportedDatesAsWritten(
  r: Relation,
  kind: 'state' | 'event' = 'state',
  keep?: (c: Claim) => boolean,
): string {
  if (!hasClaimDates(r)) return datesAsWritten(r, kind);
  const seen = new Map<string, [number, number]>();
  for (const c of r.claims) {
    if (c.stance !== 'asserts' || (keep && !keep(c))) continue;
    const d = claimDates(r, c);
    const text = datesAsWritten(d, kind);
    const end = d.end ? edtf(d.end).earliest : Infinity;
    if (!seen.has(text)) seen.set(text, [edtf(d.start).earliest, end]);
  }
  if (seen.size === 0) return datesAsWritten(r, kind);
  const texts = [...seen].sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1]).map(([t]) => t);
  return texts.length === 1 ? texts[0]! : `${texts.join('; ')} (the sources differ)`;
}
