// Relations put into words for people: dates as the sources write them.
import type { DatePair } from './claim-dates';
import { edtf, formatEdtf } from './dates';

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
