// What the adapter takes and gives: handlers, options, a view to apply, and what an apply changed.
import type { ActorId, Day, RelationSpan, Status } from '../model';
import type { CompareMark } from './ties/look';

/** Callbacks from the canvas back to the application. */
export interface AdapterHandlers {
  /** A node was tapped (its actor id), or the background (null). */
  onSelect?: (actor: ActorId | null) => void;
  /** A tie was tapped: its relation ordinal (opens the pair's history). */
  onTie?: (ordinal: number) => void;
  /** The pointer is over a tie (its relation ordinal and position in the container), or left it. */
  onHover?: (hover: { ordinal: number; x: number; y: number } | null) => void;
}

/** How the adapter draws: Cytoscape's canvas 2D renderer (default) or its WebGL one. */
export interface AdapterOptions {
  readonly renderer?: 'canvas' | 'webgl';
}

/** What a view shows: which relations at which date, with which statuses, around which actor. */
export interface ViewSpec {
  readonly visible: readonly number[];
  readonly time: Day;
  readonly selected: ActorId | null;
  /** Status of each relation under the current lens; null hides it. Defaults to the model's. */
  readonly statuses?: readonly (Status | null)[];
  /** When comparing two dates: ties formed, ended or changed in status between them. */
  readonly marks?: ReadonlyMap<number, CompareMark>;
  /** Each relation's span as the claims under the lens date it (uncertain where they disagree). Defaults to the index's. */
  readonly spans?: readonly RelationSpan[];
}

/** Counts of what one apply call changed, for tests and benchmarks. */
export interface ApplyReport {
  readonly entered: number;
  readonly exited: number;
  /** Cytoscape elements whose classes changed (edges of a small graph, actors). */
  readonly restyled: number;
}
