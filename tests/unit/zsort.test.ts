// The renderer patch that keeps hidden elements out of Cytoscape's draw list (src/graph/zsort.ts):
// its cache logic against a stand-in renderer with the same shape as Cytoscape's, and its order against
// Cytoscape's own comparator (`sortByZIndex`) on a headless instance with styles. The real renderer is
// checked in the browser (tests/e2e/explorer.spec.ts).
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { drawOnlyDisplayed, zOrder, type ZSortEle } from '../../src/graph/zsort';

interface FakeEle extends ZSortEle {
  id: string;
}

const ele = (id: string, z: number, inDragLayer = false): FakeEle => ({
  id,
  _private: { rscratch: { inDragLayer } },
  pstyle: (name) => ({ value: name === 'z-index' ? z : 'auto' }),
  isNode: () => true,
  zDepth: () => 0,
  interactive: () => id !== 'hidden',
});

/** A renderer like Cytoscape's: caches its list until invalidated. */
function fakeRenderer() {
  return {
    cy: { hasCompoundNodes: () => false },
    cachedZSortedEles: null as (FakeEle[] & { drag?: FakeEle[] }) | null,
    getCachedZSortedEles(): FakeEle[] {
      throw new Error('the original must not be called once patched');
    },
    updateCachedGrabbedEles() {
      if (this.cachedZSortedEles) this.cachedZSortedEles.drag = [];
    },
    invalidateCachedZSortedEles() {
      this.cachedZSortedEles = null;
    },
  };
}

describe('drawOnlyDisplayed', () => {
  it('changes nothing without a renderer of the expected shape (headless, other versions)', () => {
    expect(drawOnlyDisplayed(null, () => [])).toBe(false);
    expect(drawOnlyDisplayed({}, () => [])).toBe(false);
    expect(drawOnlyDisplayed({ getCachedZSortedEles: () => [] }, () => [])).toBe(false);
  });

  it('sorts only the displayed elements by z, lists the interactive ones, and caches', () => {
    const a = ele('a', 3);
    const b = ele('b', 1);
    const c = ele('c', 2);
    const hidden = ele('hidden', 0);
    const r = fakeRenderer();
    let shown: FakeEle[] = [a, b, c];
    let asked = 0;
    expect(
      drawOnlyDisplayed(r, () => {
        asked++;
        return shown;
      }),
    ).toBe(true);
    const list = r.getCachedZSortedEles() as FakeEle[] & { interactive?: FakeEle[] };
    expect(list.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(list.interactive?.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    // The renderer's bookkeeping ran on the new list.
    expect((list as FakeEle[] & { drag?: unknown[] }).drag).toEqual([]);
    // Cached: no new question until the renderer invalidates.
    expect(r.getCachedZSortedEles()).toBe(list);
    expect(asked).toBe(1);
    shown = [a, hidden];
    r.invalidateCachedZSortedEles();
    const next = r.getCachedZSortedEles() as FakeEle[] & { interactive?: FakeEle[] };
    expect(next.map((e) => e.id)).toEqual(['hidden', 'a']);
    expect(next.interactive?.map((e) => e.id)).toEqual(['a']);
    expect(asked).toBe(2);
    // A forced recalculation asks again even with a cache.
    (r.getCachedZSortedEles as (force?: boolean) => unknown)(true);
    expect(asked).toBe(3);
  });
});

describe('zOrder', () => {
  /** A graph whose elements carry z-index, z-compound-depth and z-index-compare through data. */
  function graph(compound: boolean) {
    const depths = ['auto', 'bottom', 'top', 'orphan'];
    const elements: cytoscape.ElementDefinition[] = [];
    let seed = 7;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 8) % k;
    if (compound) elements.push({ data: { id: 'p', z: 0, depth: 'auto', cmp: 'auto' } });
    for (let i = 0; i < 30; i++) {
      elements.push({
        data: {
          id: `n${i}`,
          ...(compound && i % 3 === 0 ? { parent: 'p' } : {}),
          z: rand(3),
          depth: depths[rand(7) % 4 === 0 ? rand(4) : 0]!,
          cmp: rand(5) === 0 ? 'manual' : 'auto',
        },
      });
    }
    for (let i = 0; i < 60; i++) {
      elements.push({
        data: {
          id: `e${i}`,
          source: `n${rand(30)}`,
          target: `n${rand(30)}`,
          z: rand(4) === 0 ? 10 : 0,
          depth: depths[rand(9) === 0 ? rand(4) : 0]!,
          cmp: rand(6) === 0 ? 'manual' : 'auto',
        },
      });
    }
    return cytoscape({
      headless: true,
      styleEnabled: true,
      elements,
      style: [
        {
          selector: '*',
          style: {
            'z-index': 'data(z)',
            'z-compound-depth': 'data(depth)',
            'z-index-compare': 'data(cmp)',
          } as never,
        },
      ],
    });
  }

  for (const compound of [false, true]) {
    it(`orders elements as Cytoscape's own comparator does${compound ? ', with compound nodes' : ''}`, () => {
      const cy = graph(compound);
      const pool = cy.elements().toArray() as unknown as ZSortEle[];
      const idOf = (e: ZSortEle) => (e as unknown as cytoscape.SingularElementArgument).id();
      // Not in Cytoscape's type definitions, but public: its sort with the renderer's comparator.
      const byZ = cy.elements() as unknown as {
        sortByZIndex(): { map<T>(f: (e: ZSortEle) => T): T[] };
      };
      const expected = byZ.sortByZIndex().map(idOf);
      expect(zOrder(pool, compound).map(idOf)).toEqual(expected);
      // Any subset in pool order sorts like the same subset of the full order.
      const some = pool.filter((_, i) => i % 3 !== 1);
      const ids = new Set(
        some.map((e) => (e as unknown as cytoscape.SingularElementArgument).id()),
      );
      expect(
        zOrder(some, compound).map((e) => (e as unknown as cytoscape.SingularElementArgument).id()),
      ).toEqual(expected.filter((id) => ids.has(id)));
    });
  }

  it('returns an already sorted list as a copy, without reordering', () => {
    const list = [ele('a', 0), ele('b', 0), ele('c', 5)];
    const out = zOrder(list, false);
    expect(out).not.toBe(list);
    expect(out.map((e) => (e as FakeEle).id)).toEqual(['a', 'b', 'c']);
  });
});
