// The renderer patch that keeps hidden elements out of Cytoscape's draw list (src/graph/zsort.ts),
// against a stand-in renderer with the same shape as Cytoscape's; the real one is checked in the
// browser (tests/e2e/explorer.spec.ts).
import { describe, expect, it } from 'vitest';
import { drawOnlyDisplayed, type ZSortEle } from '../../src/graph/zsort';

interface FakeEle extends ZSortEle {
  id: string;
  z: number;
}

const ele = (id: string, z: number, inDragLayer = false): FakeEle => ({
  id,
  z,
  _private: { rscratch: { inDragLayer } },
});

/** A renderer like Cytoscape's: sorts all of `cy.mutableElements()` by z, caches until invalidated. */
function fakeRenderer(all: FakeEle[]) {
  const r = {
    sorts: 0,
    cy: { mutableElements: () => ({ toArray: () => all.slice() }) },
    cachedZSortedEles: null as (FakeEle[] & { drag?: FakeEle[] }) | null,
    getCachedZSortedEles(forceRecalc?: boolean) {
      if (forceRecalc || !this.cachedZSortedEles) {
        this.sorts++;
        const eles = (this.cy.mutableElements().toArray() as FakeEle[]).sort((a, b) => a.z - b.z);
        this.cachedZSortedEles = eles;
        this.updateCachedGrabbedEles();
      }
      return this.cachedZSortedEles;
    },
    updateCachedGrabbedEles() {
      if (this.cachedZSortedEles) this.cachedZSortedEles.drag = [];
    },
    invalidateCachedZSortedEles() {
      this.cachedZSortedEles = null;
    },
  };
  return r;
}

describe('drawOnlyDisplayed', () => {
  it('changes nothing without a renderer of the expected shape (headless, other versions)', () => {
    expect(drawOnlyDisplayed(null, () => [])).toBe(false);
    expect(drawOnlyDisplayed({}, () => [])).toBe(false);
    expect(drawOnlyDisplayed({ getCachedZSortedEles: () => [] }, () => [])).toBe(false);
  });

  it('sorts only the displayed elements, with the renderer’s own order, and caches them', () => {
    const a = ele('a', 3);
    const b = ele('b', 1);
    const c = ele('c', 2);
    const hidden = ele('hidden', 0);
    const r = fakeRenderer([a, b, c, hidden]);
    let shown: FakeEle[] = [a, b, c];
    let asked = 0;
    expect(
      drawOnlyDisplayed(r, () => {
        asked++;
        return shown;
      }),
    ).toBe(true);
    const list = r.getCachedZSortedEles() as FakeEle[];
    expect(list.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    // The renderer's bookkeeping ran on the new list, and the real elements are back on `cy`.
    expect((list as FakeEle[] & { drag?: unknown[] }).drag).toEqual([]);
    expect(r.cy.mutableElements().toArray()).toHaveLength(4);
    // Cached: no new question, no new sort, until the renderer invalidates.
    expect(r.getCachedZSortedEles()).toBe(list);
    expect(asked).toBe(1);
    shown = [a, hidden];
    r.invalidateCachedZSortedEles();
    expect((r.getCachedZSortedEles() as FakeEle[]).map((e) => e.id)).toEqual(['hidden', 'a']);
    expect(asked).toBe(2);
    // A forced recalculation asks again even with a cache.
    r.getCachedZSortedEles(true);
    expect(asked).toBe(3);
  });
});
