// What the label layer reads from the graph adapter each frame: live arrays by actor ordinal, read and never written.
import type { NodeSingular } from 'cytoscape';

/** The adapter's label inputs (GraphAdapter.labelSource). */
export interface LabelSource {
  /** Bumped by every dataset and every applied view, so the layer knows when to choose again. */
  readonly version: number;
  /** The actors' nodes by ordinal (positions in graph coordinates). */
  readonly nodes: readonly NodeSingular[];
  readonly names: readonly string[];
  /** Relations shown at the date per actor (0: the actor is drawn faint). */
  readonly tiesNow: Int32Array;
  /** Relations per actor over the whole dataset. */
  readonly tiesOverall: Int32Array;
  /** The selected actor and its partners at the date, by ordinal (empty without a selection). */
  readonly focus: ReadonlySet<number>;
  /** The selected actor's ordinal, or -1. */
  readonly selected: number;
}
