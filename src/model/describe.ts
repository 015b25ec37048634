// Relations put into words for people: dates as the sources write them.
import { edtf, formatDateIn, type TimeScale } from './dates';
import type { Relation } from './types';

/**
 * Dates of a relation as written: "2 November 2014" for an event; "from about November 2014, no end
 * reported", "until 2014 (start unknown)" or "from 2013 to June 2014" for a state; "from step 8 to
 * step 12" on a `steps` time scale.
 */
export function datesAsWritten(
  r: Relation,
  kind: 'state' | 'event' = 'state',
  scale: TimeScale = 'calendar',
): string {
  const start = formatDateIn(edtf(r.start), scale);
  const end = r.end ? formatDateIn(edtf(r.end), scale) : null;
  if (kind === 'event') return end ? `${start} – ${end}` : start;
  if (r.start === '..')
    return end ? `until ${end} (start unknown)` : 'start unknown, no end reported';
  return end ? `from ${start} to ${end}` : `from ${start}, no end reported`;
}
