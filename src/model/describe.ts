// Relations put into words for people: dates as the sources write them.
import { edtf, formatDateIn, timeScaleOf, type TimeScale } from './dates';
import type { Model } from './index';
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

/**
 * Dates of relation i as written, saying where an end is derived rather than reported: "from 25
 * November 2012, until the next record (Rivalry, October 2013)" or "from 2016, until the next record
 * (none so far)". Other relations read as `datesAsWritten` has them.
 */
export function datesOf(model: Pick<Model, 'dataset' | 'index' | 'typeById'>, i: number): string {
  const r = model.dataset.relations[i];
  if (!r) return '';
  const type = model.typeById.get(r.type);
  const scale = timeScaleOf(model.dataset);
  const by = model.index.spans[i]?.supersededBy;
  if (by === undefined) return datesAsWritten(r, type?.kind, scale);
  const start = r.start === '..' ? 'start unknown' : `from ${formatDateIn(edtf(r.start), scale)}`;
  const next = by === null ? null : model.dataset.relations[by];
  if (!next) return `${start}, until the next record (none so far)`;
  const label = model.typeById.get(next.type)?.label ?? next.type;
  return `${start}, until the next record (${label}, ${formatDateIn(edtf(next.start), scale)})`;
}
