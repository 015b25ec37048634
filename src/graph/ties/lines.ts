// Line grouping on big graphs: the shown ties of one type between two actors are drawn as one line, from the freshest with each look.
import type { Day, Model, RelationSpan, Status } from '../../model';
import { fadeOpacity, nearestFade, statusCode } from '../edge-look';
import { MARK_CODE, type CompareMark } from './look';

/**
 * Each relation's line on a big graph (its unordered actor pair and its type) as a dense number
 * 0 … lines − 1, so that a view can group its relations by line in typed arrays.
 */
export function lineIds(model: Model): { of: Int32Array; count: number } {
  const { actors, relations, relationTypes } = model.dataset;
  const types = new Map(relationTypes.map((r, k) => [r.id, k]));
  const ids = new Map<number, number>();
  const of = new Int32Array(relations.length);
  relations.forEach((r, i) => {
    const a = model.actorOrdinal.get(r.source) ?? 0;
    const b = model.actorOrdinal.get(r.target) ?? 0;
    const key =
      (Math.min(a, b) * actors.length + Math.max(a, b)) * relationTypes.length +
      (types.get(r.type) ?? 0);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    of[i] = id;
  });
  return { of, count: ids.size };
}

/** Groups a view's shown ties into lines; keeps per-line typed arrays from view to view. */
export class LineGrouper {
  /** The view that last wrote this line's slots (slots of other views are stale). */
  private readonly stamp: Uint32Array;
  /** The look (uncertain span, status, mark) of the first shown tie seen on the line. */
  private readonly look: Uint8Array;
  /** The freshest tie of that look, and the light its ties of that look let through stacked. */
  private readonly top: Int32Array;
  private readonly through: Float64Array;
  private view = 0;

  /** Per relation: its event day (NaN: not an event) and certain span, as typed arrays for the loop. */
  private eventDay = new Float64Array(0);
  private certainFrom = new Float64Array(0);
  private certainUntil = new Float64Array(0);
  private spans: unknown = null;

  constructor(
    /** Per relation: its line (see lineIds). */
    private readonly line: Int32Array,
    count: number,
  ) {
    this.stamp = new Uint32Array(count);
    this.look = new Uint8Array(count);
    this.top = new Int32Array(count);
    this.through = new Float64Array(count);
  }

  /**
   * The shown relations a big graph draws, one per line, each with the fade level its line is drawn
   * at (in shown order). Big graphs draw ties as straight lines from centre to centre, so every tie of
   * one type between the same two actors lies on the same pixels: on CollegeMsg the 37,000 messages of
   * a 30-day window fall on 8,800 lines. A line here is the actor pair, the type and what changes the
   * line's look (uncertain span, status, comparison mark), so disputed and uncertain ties still show
   * as such. The line is drawn with the freshest of its ties (the latest event, or for states and
   * among equals the last relation) at the shade closest to that of all its ties stacked, so a pair
   * in frequent contact still reads darker.
   */
  group(
    model: Model,
    shown: readonly number[],
    t: Day,
    statuses: readonly (Status | null)[],
    marks: ReadonlyMap<number, CompareMark> | undefined,
    steps: readonly number[],
    spans: readonly RelationSpan[] = model.index.spans,
  ): { list: number[]; fade: Uint8Array } {
    const window = model.index.eventWindow;
    if (this.spans !== spans) {
      // Once per temporal index: the spans' fields the loop reads, in typed arrays.
      this.spans = spans;
      this.eventDay = Float64Array.from(spans, (s) => s.eventDay ?? NaN);
      this.certainFrom = Float64Array.from(spans, (s) => s.certainFrom);
      this.certainUntil = Float64Array.from(spans, (s) => s.certainUntil);
    }
    const { eventDay, certainFrom, certainUntil } = this;
    const steps2 = steps.length;
    /** Opacity let through per fade level (0 … FADE_LEVELS), so the loop does no division. */
    const through0 = steps.map((k) => 1 - fadeOpacity(k));
    // A new view number instead of clearing the slots (at 2³² views, clear them once).
    if (++this.view === 0x1_0000_0000) {
      this.stamp.fill(0);
      this.view = 1;
    }
    const view = this.view;
    const looks = new Uint8Array(shown.length);
    /** Ties whose look differs from the first one seen on their line (rare): by line × 32 + look. */
    let others: Map<number, { top: number; through: number }> | null = null;
    const fresher = (i: number, j: number): boolean => (eventDay[i]! || 0) >= (eventDay[j]! || 0);
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      const m = marks?.get(i);
      const fuzzy = t < certainFrom[i]! || t >= certainUntil[i]! ? 1 : 0;
      const look = fuzzy + statusCode(statuses[i]) * 2 + (m ? MARK_CODE[m] : 0) * 8;
      looks[k] = look;
      // fadeAt on typed arrays: the step of the event window the tie's age has reached.
      const e = eventDay[i]!;
      const step =
        e !== e || window <= 0 || t <= e
          ? 0
          : Math.min(steps2, Math.ceil(((t - e) / window) * steps2));
      const through = step === 0 ? 0 : through0[step - 1]!;
      const l = this.line[i]!;
      if (this.stamp[l] !== view) {
        this.stamp[l] = view;
        this.look[l] = look;
        this.top[l] = i;
        this.through[l] = through;
      } else if (this.look[l] === look) {
        if (fresher(i, this.top[l]!)) this.top[l] = i;
        this.through[l]! *= through;
      } else {
        const o = (others ??= new Map()).get(l * 32 + look);
        if (!o) others.set(l * 32 + look, { top: i, through });
        else {
          if (fresher(i, o.top)) o.top = i;
          o.through *= through;
        }
      }
    }
    const list: number[] = [];
    const fades: number[] = [];
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      const l = this.line[i]!;
      const o = this.look[l] === looks[k] ? null : others?.get(l * 32 + looks[k]!);
      const top = o ? o.top : this.top[l];
      if (top !== i) continue;
      list.push(i);
      fades.push(nearestFade(1 - (o ? o.through : this.through[l]!), steps));
    }
    return { list, fade: Uint8Array.from(fades) };
  }
}
