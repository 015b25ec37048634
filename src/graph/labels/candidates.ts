// The label chooser's input from per-actor arrays: screen positions, sizes and ties at the date (pure, so it can be measured alone).
import { labelPriority, type LabelCandidate, type LabelView } from './choose';

/** Per actor ordinal, everything a label candidate is made of, in screen pixels. */
export interface CandidateArrays {
  /** Screen centres, [x0, y0, x1, y1, …]. */
  readonly xy: Float64Array;
  /** Half node sizes on screen. */
  readonly radius: Float64Array;
  /** Label box widths (text measured once per dataset) and the one box height. */
  readonly widths: Float64Array;
  readonly height: number;
  readonly tiesNow: Int32Array;
  readonly tiesOverall: Int32Array;
  /** Must be labelled (the selected actor and its partners at the date). */
  readonly focus: ReadonlySet<number>;
}

/**
 * The candidates for one frame: the focus actors wherever they are, and the actors whose node lies
 * within the view (plus a margin of one label, so labels at the edge do not flicker). When an actor
 * is selected, actors outside its focus are drawn faded and rank as if they had no tie at the date.
 */
export function candidatesOf(a: CandidateArrays, view: LabelView): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  const n = a.widths.length;
  const focused = a.focus.size > 0;
  for (let i = 0; i < n; i++) {
    const x = a.xy[2 * i]!;
    const y = a.xy[2 * i + 1]!;
    const must = a.focus.has(i);
    if (!must && (x < -20 || y < -20 || x > view.width + 20 || y > view.height + 20)) continue;
    const now = focused && !must ? 0 : a.tiesNow[i]!;
    out.push({
      id: i,
      x,
      y,
      r: a.radius[i]!,
      w: a.widths[i]!,
      h: a.height,
      priority: labelPriority(now, a.tiesOverall[i]!),
      ...(must ? { must: true } : {}),
    });
  }
  return out;
}
