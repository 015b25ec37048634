// Keeps elements with `display: none` out of the canvas renderer's z-ordered draw list.
import type { SingularElementArgument } from 'cytoscape';
//
// Tieline hides a tie by class (`edge.hidden { display: none }`), so a 20,000-relation dataset keeps
// 20,000 edges in Cytoscape while a date shows two or three thousand. Cytoscape's renderer draws from
// one cached list of *all* elements sorted by z-order: every frame it asks each hidden edge for its
// bounding box and visibility before skipping it, and every change of `display` (any step) throws the
// list away so the next frame sorts all 22,000 elements again. Measured in the browser benchmark at
// 20k relations: the re-sort took 29.5 ms of a step and the hidden edges ~70 ms of every redraw.
//
// The list is rebuilt on exactly the events that can change which elements are displayed: `display`
// is one of the properties that trigger Cytoscape's `zorder` notification (as do add, remove and
// z-index changes), and that notification is what invalidates the cache. So the list can leave out
// what is not displayed and still be correct: an edge that is shown again invalidates the list by the
// same notification and is in the next one. Elements currently in the drag layer stay in, so the
// renderer's drag bookkeeping (which walks this list to reset flags) still reaches them.
//
// Which elements are displayed is the caller's answer (the adapter reads its own typed array of shown
// relations): asking 22,000 elements for their class or computed `display` cost 7–10 ms a step.

/** The slice of Cytoscape's renderer this module touches (an internal, version-checked API). */
interface ZSortRenderer {
  cy: { hasCompoundNodes(): boolean };
  cachedZSortedEles: ZSortList | null;
  getCachedZSortedEles(forceRecalc?: boolean): ZSortList;
  updateCachedGrabbedEles(): void;
}

/** An element as the renderer holds it (Cytoscape's singular element; the parts read here). */
export interface ZSortEle {
  _private: { rscratch: { inDragLayer?: boolean } };
  pstyle(name: 'z-compound-depth' | 'z-index-compare' | 'z-index'): { value: unknown };
  isNode(): boolean;
  zDepth(): number;
  interactive(): boolean;
}

type ZSortList = ZSortEle[] & { interactive?: ZSortEle[] };

/**
 * Cytoscape's elements as the renderer holds them: the same objects, whose private fields its public
 * typings do not declare. The one place that says so.
 */
export function asZSortEles(eles: readonly SingularElementArgument[]): ZSortEle[] {
  return eles as unknown as ZSortEle[];
}

/**
 * Sorts `eles` as Cytoscape's `zIndexSort` does (z-compound-depth, then edges under nodes unless
 * z-index-compare is manual, then z-index, then the element pool's order), given `eles` in pool order
 * within equal keys (the sort is stable). Reads each element's style once, where the comparator read
 * six properties per comparison: at 40,000 shown elements the comparator sort took 50 ms a step.
 */
export function zOrder(eles: readonly ZSortEle[], compound: boolean): ZSortEle[] {
  const n = eles.length;
  const depth = new Float64Array(n);
  /** 1 for a node under z-index-compare: auto (edges are drawn under nodes), else 0. */
  const above = new Uint8Array(n);
  const z = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const e = eles[i]!;
    const d = e.pstyle('z-compound-depth').value;
    depth[i] =
      d === 'auto'
        ? compound
          ? e.zDepth()
          : 0
        : d === 'bottom'
          ? -1
          : d === 'top'
            ? Number.MAX_SAFE_INTEGER
            : 0;
    above[i] = e.pstyle('z-index-compare').value === 'auto' && e.isNode() ? 1 : 0;
    z[i] = Number(e.pstyle('z-index').value);
    if (sorted && i > 0 && compare(depth, above, z, i - 1, i) > 0) sorted = false;
  }
  if (sorted) return eles.slice();
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => compare(depth, above, z, a, b));
  return order.map((i) => eles[i]!);
}

function compare(
  depth: Float64Array,
  above: Uint8Array,
  z: Float64Array,
  a: number,
  b: number,
): number {
  return depth[a]! - depth[b]! || above[a]! - above[b]! || z[a]! - z[b]!;
}

/**
 * Replaces `renderer.getCachedZSortedEles` on this instance by one that sorts only what `displayed`
 * returns: every element not `display: none`, plus any in the drag layer, each once, in Cytoscape's
 * element order within each z-level. While `hitOnly` returns a list, Cytoscape draws nothing and
 * hit-tests that list (a big graph's actors are drawn by the tie layer). Returns false (and changes
 * nothing) when the renderer does not have the shape this was written against (headless, another
 * renderer, another Cytoscape version).
 */
export function drawOnlyDisplayed(
  renderer: unknown,
  displayed: () => ZSortEle[],
  hitOnly: () => ZSortEle[] | null = () => null,
): boolean {
  const r = renderer as Partial<ZSortRenderer> | null;
  if (
    !r ||
    typeof r.getCachedZSortedEles !== 'function' ||
    typeof r.updateCachedGrabbedEles !== 'function' ||
    !r.cy ||
    typeof r.cy.hasCompoundNodes !== 'function' ||
    !('cachedZSortedEles' in r)
  ) {
    return false;
  }
  const rr = r as ZSortRenderer;
  // What the original does, over the displayed elements only.
  rr.getCachedZSortedEles = function (forceRecalc?: boolean): ZSortList {
    if (!forceRecalc && rr.cachedZSortedEles) return rr.cachedZSortedEles;
    const hit = hitOnly();
    // Elements another layer draws: Cytoscape draws none of them but still hit-tests them (taps,
    // hovers and drags look in `interactive`), so the list to draw is empty.
    const eles: ZSortList = hit ? [] : zOrder(displayed(), rr.cy.hasCompoundNodes());
    eles.interactive = (hit ?? eles).filter((e) => e.interactive());
    rr.cachedZSortedEles = eles;
    rr.updateCachedGrabbedEles();
    return eles;
  };
  return true;
}

/** Makes the renderer rebuild its draw list on its next frame (after the caller changed what it holds). */
export function invalidateDrawList(renderer: unknown): void {
  const r = renderer as Partial<ZSortRenderer> | null;
  if (r && 'cachedZSortedEles' in r) r.cachedZSortedEles = null;
}
