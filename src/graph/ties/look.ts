// How one drawn tie looks at a date, as small numbers (fuzzy, fade, status, mark, focus) and as the stroke the stylesheet gives them.
import type { Day, Status } from '../../model';
import { fadeOpacity } from '../style';

/** How a tie changed between two compared dates. */
export type CompareMark = 'formed' | 'ended' | 'changed';

/** A compare mark as a small number (0: none), as the adapter stores it per relation. */
export const MARK_CODE: Record<CompareMark, number> = { formed: 1, ended: 2, changed: 3 };

/** 1 while a relation's span is uncertain at `t` (a date of month precision, approximate, …), else 0. */
export function fuzzyAt(s: { certainFrom: number; certainUntil: number }, t: Day): 0 | 1 {
  return t < s.certainFrom || t >= s.certainUntil ? 1 : 0;
}

/** The fade level of a relation at `t`: 0, or the step of the event window its age has reached. */
export function fadeAt(
  s: { eventDay: number | null },
  t: Day,
  window: number,
  steps: readonly number[],
): number {
  if (s.eventDay === null || window <= 0 || t <= s.eventDay) return 0;
  const k = Math.ceil(((t - s.eventDay) / window) * steps.length);
  return steps[Math.min(steps.length, k) - 1]!;
}

/** The fade level (0 or one of `steps`) whose opacity is closest to `alpha`. */
export function nearestFade(alpha: number, steps: readonly number[]): number {
  let best = 0;
  for (const k of steps) {
    if (Math.abs(fadeOpacity(k) - alpha) < Math.abs(fadeOpacity(best) - alpha)) best = k;
  }
  return best;
}

/** The status as the adapter stores it: 0 reported, 1 corroborated, 2 disputed (drawn dashed). */
export function statusCode(st: Status | null | undefined): 0 | 1 | 2 {
  return st === 'disputed' ? 2 : st === 'corroborated' ? 1 : 0;
}

/** Focus of a tie: 0 nothing selected, 1 a tie of the selected actor, 2 faded behind the focus. */
export type FocusCode = 0 | 1 | 2;

/** What decides a drawn tie's stroke (the classes the Cytoscape stylesheet would give its edge). */
export interface TieLook {
  readonly fuzzy: number;
  readonly fade: number;
  readonly status: number;
  readonly mark: number;
  readonly focus: number;
}

/** A tie's stroke: width and opacity in graph units, dashed or not (the stylesheet's rules, in order). */
export interface TieStroke {
  readonly width: number;
  readonly alpha: number;
  readonly dashed: boolean;
}

/** Dash pattern of a disputed tie, in graph units (`line-dash-pattern` of the stylesheet). */
export const DASH: readonly number[] = [7, 4];

/** The underlay of a compared tie: colour, opacity and padding each side (the stylesheet's `cmp-*`). */
export const MARK_UNDERLAY: readonly { color: string; alpha: number }[] = [
  { color: '', alpha: 0 },
  { color: '#1a9850', alpha: 0.35 },
  { color: '#d73027', alpha: 0.3 },
  { color: '#7b3294', alpha: 0.35 },
];
export const UNDERLAY_PADDING = 5;

/**
 * The stroke of a tie with this look, as style.ts's rules resolve for a big graph's edge: width 2.5
 * (fuzzy 2, focus 4); opacity 1, fuzzy 0.45, an event fade's level overriding that, faded 0.12, an
 * ended compare mark 0.5 (later rules win, as in the stylesheet); disputed ties dashed.
 */
export function strokeOf(look: TieLook): TieStroke {
  let width = 2.5;
  let alpha = 1;
  if (look.fuzzy) {
    width = 2;
    alpha = 0.45;
  }
  if (look.fade) alpha = fadeOpacity(look.fade);
  if (look.focus === 2) alpha = 0.12;
  if (look.focus === 1) width = 4;
  if (look.mark === MARK_CODE.ended) alpha = 0.5;
  return { width, alpha, dashed: look.status === 2 };
}
