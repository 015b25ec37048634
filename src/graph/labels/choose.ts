// Which actors get a name on screen and where: a pure label chooser (no Cytoscape, no DOM), collision-checked with an R-tree.
import RBush from 'rbush';

/** One actor that could be labelled, in screen pixels. */
export interface LabelCandidate {
  /** The caller's id for the actor (its ordinal). */
  readonly id: number;
  /** Centre of the node on screen. */
  readonly x: number;
  readonly y: number;
  /** Half the node's size on screen: labels are placed just outside it. */
  readonly r: number;
  /** The label box's size on screen (text plus halo). */
  readonly w: number;
  readonly h: number;
  /**
   * Labelled whatever the cost (the selected actor and its partners at the date): placed first and,
   * when every place around the node is taken, further out along a spiral until one is free.
   */
  readonly must?: boolean;
  /** Higher first among the others: ties in view at the date, then ties overall (see labelPriority). */
  readonly priority: number;
}

/** Where a chosen label went: its box's top-left corner and size, and whether it sits away from its node. */
export interface PlacedLabel {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** True when the label was pushed out of the ring of anchors around its node (draw a leader line). */
  readonly displaced: boolean;
}

/** The visible area, in the same pixels as the candidates. */
export interface LabelView {
  readonly width: number;
  readonly height: number;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** The candidate a node box belongs to (-1 for label boxes). */
  id: number;
}

/** Side of the cells that limit how many candidates of one crowded spot are tried, and that limit. */
const CELL = 36;
const PER_CELL = 2;

/** Gap between a node's edge and its label, and between labels. */
const GAP = 2;

/**
 * The anchors tried around a node, in order of preference: below (as Cytoscape drew names), above,
 * right, left, then the four corners. Each gives the box's top-left from the centre, the node's
 * half-size and the box size.
 */
const ANCHORS: readonly ((c: LabelCandidate) => [number, number])[] = [
  (c) => [c.x - c.w / 2, c.y + c.r + GAP],
  (c) => [c.x - c.w / 2, c.y - c.r - GAP - c.h],
  (c) => [c.x + c.r + GAP, c.y - c.h / 2],
  (c) => [c.x - c.r - GAP - c.w, c.y - c.h / 2],
  (c) => [c.x + c.r * 0.7, c.y + c.r * 0.7],
  (c) => [c.x - c.r * 0.7 - c.w, c.y + c.r * 0.7],
  (c) => [c.x + c.r * 0.7, c.y - c.r * 0.7 - c.h],
  (c) => [c.x - c.r * 0.7 - c.w, c.y - c.r * 0.7 - c.h],
];

/**
 * A priority that orders actors by ties in view at the date, then by ties overall: an actor with no
 * tie at the date (drawn faint) ranks below every active one, so inactive actors' labels yield first.
 */
export function labelPriority(tiesNow: number, tiesOverall: number): number {
  return tiesNow * 1e6 + Math.min(tiesOverall, 999_999);
}

/** True when the box lies wholly inside the view. */
function inside(b: Box, view: LabelView): boolean {
  return b.minX >= 0 && b.minY >= 0 && b.maxX <= view.width && b.maxY <= view.height;
}

/**
 * Chooses the labels to draw: every `must` candidate (the selected actor and its partners), then as
 * many others whose node is in view as fit, by priority (higher first; ties broken by id, so the
 * choice is stable), each at the first anchor around its node where its box overlaps no label placed
 * before it and no labelled node, and lies inside the view. No two returned boxes overlap.
 * `limit` caps how many optional labels are placed (a dense view gains nothing from thousands).
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  view: LabelView,
  limit = 400,
): PlacedLabel[] {
  const must: LabelCandidate[] = [];
  const rest: LabelCandidate[] = [];
  for (const c of candidates) {
    if (c.must) must.push(c);
    else if (c.x >= 0 && c.y >= 0 && c.x <= view.width && c.y <= view.height) rest.push(c);
  }
  const order = (a: LabelCandidate, b: LabelCandidate): number =>
    b.priority - a.priority || a.id - b.id;
  must.sort(order);
  rest.sort(order);
  const labels = new RBush<Box>(9);
  // Nodes whose label is drawn: no other label may cover them (a name over a named node misleads).
  const nodes = new RBush<Box>(9);
  const out: PlacedLabel[] = [];
  const nodeBox = (c: LabelCandidate): Box => ({
    minX: c.x - c.r,
    minY: c.y - c.r,
    maxX: c.x + c.r,
    maxY: c.y + c.r,
    id: c.id,
  });
  const clear = (b: Box, own: number): boolean =>
    !labels.collides(b) && nodes.search(b).every((n) => n.id === own);
  const take = (c: LabelCandidate, b: Box, displaced: boolean): void => {
    labels.insert(b);
    out.push({ id: c.id, x: b.minX, y: b.minY, w: c.w, h: c.h, displaced });
  };
  for (const c of must) nodes.insert(nodeBox(c));
  for (const c of must) {
    // Clear of labels and other labelled nodes if possible, else clear of labels; else further out.
    const near = firstFree(c, (b) => clear(b, c.id)) ?? firstFree(c, (b) => !labels.collides(b));
    if (near) take(c, near, false);
    else
      take(
        c,
        spiral(c, (b) => !labels.collides(b)),
        true,
      );
  }
  let optional = 0;
  // A crowded spot names at most its PER_CELL most important actors: the rest could only fit where
  // those did not, and trying each of them at every anchor was most of the cost of a dense view.
  const cols = Math.max(1, Math.ceil(view.width / CELL) + 1);
  const tried = new Uint8Array(cols * (Math.ceil(view.height / CELL) + 1));
  for (const c of rest) {
    if (optional >= limit) break;
    const cell = Math.floor(c.y / CELL) * cols + Math.floor(c.x / CELL);
    if (tried[cell]! >= PER_CELL) continue;
    tried[cell]! += 1;
    // Its own node is not in the tree yet (inserted once labelled): a plain collision test will do.
    const b = firstFree(c, (b) => inside(b, view) && !labels.collides(b) && !nodes.collides(b));
    if (!b) continue;
    take(c, b, false);
    nodes.insert(nodeBox(c));
    optional++;
  }
  return out;
}

/** A label box at top-left (x, y), grown by half the gap on each side for the overlap tests. */
function padded(c: LabelCandidate, x: number, y: number): Box {
  return {
    minX: x - GAP / 2,
    minY: y - GAP / 2,
    maxX: x + c.w + GAP / 2,
    maxY: y + c.h + GAP / 2,
    id: -1,
  };
}

/** The label box without the half gap kept around it while testing. */
function shrink(b: Box): Box {
  return {
    minX: b.minX + GAP / 2,
    minY: b.minY + GAP / 2,
    maxX: b.maxX - GAP / 2,
    maxY: b.maxY - GAP / 2,
    id: -1,
  };
}

/** The first anchor around the node whose box passes `ok`, or null. */
function firstFree(c: LabelCandidate, ok: (b: Box) => boolean): Box | null {
  for (const anchor of ANCHORS) {
    const [x, y] = anchor(c);
    const b = padded(c, x, y);
    if (ok(b)) return shrink(b);
  }
  return null;
}

/**
 * A place for a label that must be drawn when every anchor is taken: rings of positions further and
 * further from the node (by one label height each), the nearest free one. Placed boxes are finite, so
 * some ring is clear of all of them and the search ends.
 */
function spiral(c: LabelCandidate, ok: (b: Box) => boolean): Box {
  for (let ring = 1; ; ring++) {
    const d = c.r + ring * (c.h + GAP);
    const steps = 8 + ring * 4;
    for (let k = 0; k < steps; k++) {
      const a = (k / steps) * 2 * Math.PI + Math.PI / 2;
      const x = c.x + Math.cos(a) * d - c.w / 2;
      const y = c.y + Math.sin(a) * d - c.h / 2;
      const b = padded(c, x, y);
      if (ok(b)) return shrink(b);
    }
  }
}
