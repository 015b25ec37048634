// How one drawn tie looks on the tie layer: its look as small numbers (edge-look.ts computes fuzzy, fade, status) and the stroke the stylesheet gives it.
import { fadeOpacity } from '../edge-look';

/** How a tie changed between two compared dates. */
export type CompareMark = 'formed' | 'ended' | 'changed';

/** A compare mark as a small number (0: none), as the adapter stores it per relation. */
export const MARK_CODE: Record<CompareMark, number> = { formed: 1, ended: 2, changed: 3 };

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
 * (fuzzy 2, a weighted tie's own width from edge-look's weightWidth, focus 4); opacity 1, fuzzy 0.45, an event fade's level overriding that, faded 0.12, an
 * ended compare mark 0.5 (later rules win, as in the stylesheet); disputed ties dashed.
 */
export function strokeOf(look: TieLook, weighted: number | null = null): TieStroke {
  let width = 2.5;
  let alpha = 1;
  if (look.fuzzy) {
    width = 2;
    alpha = 0.45;
  }
  // `edge.weighted` comes after `edge.fuzzy` in the stylesheet, `edge.focus` after both.
  if (weighted !== null) width = weighted;
  if (look.fade) alpha = fadeOpacity(look.fade);
  if (look.focus === 2) alpha = 0.12;
  if (look.focus === 1) width = 4;
  if (look.mark === MARK_CODE.ended) alpha = 0.5;
  return { width, alpha, dashed: look.status === 2 };
}
