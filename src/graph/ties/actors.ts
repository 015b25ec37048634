// The actors of a big graph drawn on the tie layer: one path per shape and state (dimmed, faded, selected), as the stylesheet draws them.
import type { Core, NodeSingular } from 'cytoscape';
import type { PathSink } from './scene';

/** The parts of a 2D context the actor batches need beyond a tie's. */
export interface ShapeSink extends PathSink {
  fillStyle: string | CanvasGradient | CanvasPattern;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  fill(): void;
}

/** Shapes the layer draws, by index (style.ts's `data(shape)` of palette.ts's kinds). */
export const SHAPES = ['ellipse', 'hexagon', 'round-rectangle', 'diamond', 'triangle'] as const;

/** An actor's state at a view: 0 shown, 1 dimmed (no tie shown), 2 faded (out of focus); +4 selected. */
export type ActorState = number;

const FILL = '#f4f1ea';
const BORDER = '#3b3b3b';
const SELECTED_FILL = '#ffe08a';
const SELECTED_BORDER = '#111111';

/** Half the widest border (a selected actor's), in graph units: how far ink reaches past a node's size. */
export const BORDER_REACH = 2;

/** Opacity of an actor's state (style.ts: `node.dim` 0.35, `.faded` 0.12, the later rule winning). */
function alphaOf(state: ActorState): number {
  const s = state & 3;
  return s === 2 ? 0.12 : s === 1 ? 0.35 : 1;
}

/** Adds the outline of one actor's node (centre x, y; diameter d) to the current path. */
export function shapePath(ctx: ShapeSink, shape: number, x: number, y: number, d: number): void {
  const r = d / 2;
  if (shape === 0) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  const pts =
    shape === 1
      ? [1, 0, 0.5, -1, -0.5, -1, -1, 0, -0.5, 1, 0.5, 1]
      : shape === 2
        ? [1, -1, 1, 1, -1, 1, -1, -1]
        : shape === 3
          ? [0, -1, 1, 0, 0, 1, -1, 0]
          : [0, -1, 1, 1, -1, 1];
  ctx.moveTo(x + pts[0]! * r, y + pts[1]! * r);
  for (let k = 2; k < pts.length; k += 2) ctx.lineTo(x + pts[k]! * r, y + pts[k + 1]! * r);
  // Back to the start by a line (closePath per polygon cost Skia about twice as much).
  ctx.lineTo(x + pts[0]! * r, y + pts[1]! * r);
}

/** Actors by ordinal: shape and size once per dataset, state per view; drawn in batches. */
export class ActorBatches {
  state: Uint8Array;

  constructor(
    readonly shape: Uint8Array,
    readonly size: Float32Array,
  ) {
    this.state = new Uint8Array(shape.length).fill(1);
  }

  /**
   * Draws every actor (or those `only` keeps, in the same order): per state and shape one path, filled
   * then bordered; selected ones last.
   */
  draw(ctx: ShapeSink, xy: Float64Array, only?: (o: number) => boolean): void {
    const n = this.shape.length;
    const groups = new Map<number, number[]>();
    for (let o = 0; o < n; o++) {
      if (only && !only(o)) continue;
      const key = this.state[o]! * 8 + this.shape[o]!;
      const g = groups.get(key);
      if (g) g.push(o);
      else groups.set(key, [o]);
    }
    ctx.setLineDash([]);
    for (const key of [...groups.keys()].sort((a, b) => a - b)) {
      const state = key >> 3;
      const selected = (state & 4) !== 0;
      ctx.globalAlpha = alphaOf(state);
      ctx.fillStyle = selected ? SELECTED_FILL : FILL;
      ctx.strokeStyle = selected ? SELECTED_BORDER : BORDER;
      ctx.lineWidth = selected ? 4 : 1.5;
      ctx.beginPath();
      for (const o of groups.get(key)!) {
        shapePath(ctx, key & 7, xy[2 * o]!, xy[2 * o + 1]!, this.size[o]!);
      }
      ctx.fill();
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }
}

/** The actors' shapes and sizes from their Cytoscape nodes (`data(shape)`, `data(size)`). */
export function actorBatches(nodes: readonly NodeSingular[]): ActorBatches {
  const shapes = SHAPES as readonly string[];
  return new ActorBatches(
    Uint8Array.from(nodes, (n) => Math.max(0, shapes.indexOf(String(n.data('shape'))))),
    Float32Array.from(nodes, (n) => Number(n.data('size')) || 30),
  );
}

/**
 * Each actor's state at a view: faded (out of the focus) over dimmed (no tie shown), and the selected
 * actor (its ordinal, if any) marked; what the stylesheet's `.faded`, `node.dim` and `node.selected` do.
 */
export function actorStates(
  degree: Int32Array,
  faded: Uint8Array,
  selected: number | null | undefined,
): Uint8Array {
  const state = new Uint8Array(degree.length);
  for (let o = 0; o < state.length; o++) state[o] = faded[o] ? 2 : degree[o] === 0 ? 1 : 0;
  if (selected !== null && selected !== undefined && selected < state.length) state[selected]! |= 4;
  return state;
}

/** Writes every actor's dim, faded and selected class from these states (before an export reads them). */
export function writeActorClasses(
  cy: Core,
  nodes: readonly NodeSingular[],
  degree: Int32Array,
  faded: Uint8Array,
  selected: number | undefined,
): void {
  cy.batch(() => {
    nodes.forEach((n, o) => {
      n.toggleClass('dim', degree[o] === 0);
      n.toggleClass('faded', faded[o] === 1);
      n.toggleClass('selected', o === selected);
    });
  });
}
