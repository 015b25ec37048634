// Keeps elements with `display: none` out of the canvas renderer's z-ordered draw list.
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
  cy: { mutableElements(): { toArray(): ZSortEle[] } };
  cachedZSortedEles: ZSortList | null;
  getCachedZSortedEles(forceRecalc?: boolean): ZSortList;
  updateCachedGrabbedEles(): void;
}

/** An element as the renderer holds it (Cytoscape's singular element; internals read by the adapter). */
export interface ZSortEle {
  _private: { rscratch: { inDragLayer?: boolean } };
}

type ZSortList = ZSortEle[] & { interactive?: ZSortEle[] };

/** Cytoscape's own comparator is not exported; the renderer's original method sorts with it. */
type Sorter = (eles: ZSortEle[]) => ZSortList;

/**
 * Replaces `renderer.getCachedZSortedEles` on this instance by one that sorts only what `displayed`
 * returns: every element not `display: none`, plus any in the drag layer, each once. Returns false (and changes nothing) when the renderer does not have the shape
 * this was written against (headless, another renderer, another Cytoscape version).
 */
export function drawOnlyDisplayed(renderer: unknown, displayed: () => ZSortEle[]): boolean {
  const r = renderer as Partial<ZSortRenderer> | null;
  if (
    !r ||
    typeof r.getCachedZSortedEles !== 'function' ||
    typeof r.updateCachedGrabbedEles !== 'function' ||
    !r.cy ||
    typeof r.cy.mutableElements !== 'function' ||
    !('cachedZSortedEles' in r)
  ) {
    return false;
  }
  const rr = r as ZSortRenderer;
  const original = rr.getCachedZSortedEles;
  // Cytoscape's comparator, borrowed: the original sorts `cy.mutableElements()`; we hand it a
  // stand-in cy whose elements are the displayed ones, and it sorts and caches those.
  const sortDisplayed: Sorter = (eles) => {
    const realCy = rr.cy;
    rr.cy = Object.create(realCy, {
      mutableElements: { value: () => ({ toArray: () => eles }) },
    }) as typeof realCy;
    try {
      return original.call(rr, true);
    } finally {
      rr.cy = realCy;
    }
  };
  rr.getCachedZSortedEles = function (forceRecalc?: boolean): ZSortList {
    if (!forceRecalc && rr.cachedZSortedEles) return rr.cachedZSortedEles;
    return sortDisplayed(displayed());
  };
  return true;
}
