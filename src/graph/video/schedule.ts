// The video's frame schedule (which date each frame shows) and its file name: pure.
import { type Day, dayToIso } from '../../model';

/** How far the view moves per frame: a number of days, or from one change day to the next. */
export type FrameSpeed =
  | { readonly kind: 'days'; readonly days: number }
  | {
      readonly kind: 'events';
      /** The dataset's change days, ascending (`TemporalIndex.changes`). */
      readonly changes: readonly Day[];
      /** Frames each date is held for, so a viewer can read it. */
      readonly hold: number;
    };

/** The most frames one recording may have (20 minutes at 30 fps would not fit in memory comfortably). */
export const MAX_FRAMES = 9000;

/**
 * The day shown in each frame, first to last: from `range[0]` in steps of `days` with the range's
 * last day always included, or (event to event) the first day, each change day inside the range and
 * the last day, each held `hold` frames. A reversed range is read in order. A schedule longer than
 * `MAX_FRAMES` is cut at `MAX_FRAMES + 1` frames, so callers can refuse it without building it all.
 */
export function framesFor(range: readonly [Day, Day], speed: FrameSpeed): Day[] {
  const from = Math.round(Math.min(range[0], range[1]));
  const to = Math.round(Math.max(range[0], range[1]));
  const out: Day[] = [];
  if (!Number.isFinite(from) || !Number.isFinite(to)) return out;
  if (speed.kind === 'days') {
    const step = Math.max(1, Math.round(speed.days));
    const count = Math.floor((to - from) / step) + 1;
    if (count > MAX_FRAMES)
      return Array.from({ length: MAX_FRAMES + 1 }, (_, k) => from + k * step);
    for (let d = from; d <= to; d += step) out.push(d);
    if (out[out.length - 1] !== to) out.push(to);
    return out;
  }
  const hold = Math.max(1, Math.round(speed.hold));
  const days = [
    from,
    ...speed.changes.filter((d) => d > from && d < to),
    ...(to > from ? [to] : []),
  ];
  for (const d of days) {
    for (let k = 0; k < hold; k++) out.push(d);
    if (out.length > MAX_FRAMES) return out.slice(0, MAX_FRAMES + 1);
  }
  return out;
}

/** The file name of a recording: `tieline-<from>-<to>.<extension>` with ISO dates. */
export function videoFileName(from: Day, to: Day, extension: string): string {
  return `tieline-${dayToIso(from)}-${dayToIso(to)}.${extension}`;
}
