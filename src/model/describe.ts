// Relations put into words for people: dates as the sources write them.
import type { DatePair } from './claim-dates';
import { edtf, formatEdtf } from './dates';
import type { Model } from './index';

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
 * Dates of relation i as written, saying where an end is derived rather than reported: "from 25
 * November 2012, until the next record (Rivalry, October 2013)" or "from 2016, until the next record
 * (none so far)". Other relations read as `datesAsWritten` has them.
 */
export function datesOf(model: Pick<Model, 'dataset' | 'index' | 'typeById'>, i: number): string {
  const r = model.dataset.relations[i];
  if (!r) return '';
  const type = model.typeById.get(r.type);
  const by = model.index.spans[i]?.supersededBy;
  if (by === undefined) return datesAsWritten(r, type?.kind);
  const start = r.start === '..' ? 'start unknown' : `from ${formatEdtf(edtf(r.start))}`;
  const next = by === null ? null : model.dataset.relations[by];
  if (!next) return `${start}, until the next record (none so far)`;
  const label = model.typeById.get(next.type)?.label ?? next.type;
  return `${start}, until the next record (${label}, ${formatEdtf(edtf(next.start))})`;
}
