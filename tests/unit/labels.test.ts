// The label chooser: chosen boxes never overlap, the selected actor and its partners are always named, priority decides the rest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseLabels,
  labelPriority,
  type LabelCandidate,
  type PlacedLabel,
} from '../../src/graph/labels/choose';

const VIEW = { width: 800, height: 600 };

function overlaps(a: PlacedLabel, b: PlacedLabel): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const candidate = fc.record({
  x: fc.integer({ min: -100, max: 900 }),
  y: fc.integer({ min: -100, max: 700 }),
  r: fc.integer({ min: 4, max: 20 }),
  w: fc.integer({ min: 20, max: 160 }),
  h: fc.integer({ min: 12, max: 20 }),
  must: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
  priority: fc.integer({ min: 0, max: 50 }),
});

const candidates = fc
  .array(candidate, { minLength: 0, maxLength: 120 })
  .map((cs) => cs.map((c, id): LabelCandidate => ({ ...c, id })));

describe('chooseLabels', () => {
  it('never returns two overlapping label boxes, and names every must candidate', () => {
    fc.assert(
      fc.property(candidates, (cs) => {
        const out = chooseLabels(cs, VIEW);
        for (let i = 0; i < out.length; i++)
          for (let j = i + 1; j < out.length; j++) expect(overlaps(out[i]!, out[j]!)).toBe(false);
        const chosen = new Set(out.map((l) => l.id));
        for (const c of cs) if (c.must) expect(chosen.has(c.id)).toBe(true);
        expect(chosen.size).toBe(out.length);
      }),
      { numRuns: 300 },
    );
  });

  it('names the selected actor and all its partners even when they sit on one spot', () => {
    const cs: LabelCandidate[] = Array.from({ length: 12 }, (_, id) => ({
      id,
      x: 400,
      y: 300,
      r: 10,
      w: 120,
      h: 16,
      must: true,
      priority: 0,
    }));
    const out = chooseLabels(cs, VIEW);
    expect(out.map((l) => l.id).sort((a, b) => a - b)).toEqual(cs.map((c) => c.id));
    expect(out.some((l) => l.displaced)).toBe(true);
  });

  it('prefers higher priority where two labels compete for the same room', () => {
    // A view where each label fits in one place only (above its node), and both want the same one.
    const small = { width: 200, height: 100 };
    const a: LabelCandidate = { id: 0, x: 100, y: 80, r: 5, w: 180, h: 40, priority: 1 };
    const b: LabelCandidate = { id: 1, x: 101, y: 81, r: 5, w: 180, h: 40, priority: 5 };
    expect(chooseLabels([a, b], small).map((l) => l.id)).toEqual([1]);
    expect(chooseLabels([{ ...a, priority: 9 }, b], small).map((l) => l.id)).toEqual([0]);
  });

  it('lets an actor with no tie at the date yield to an active one with fewer ties overall', () => {
    expect(labelPriority(1, 2)).toBeGreaterThan(labelPriority(0, 500));
    expect(labelPriority(3, 2)).toBeGreaterThan(labelPriority(2, 900));
    expect(labelPriority(2, 10)).toBeGreaterThan(labelPriority(2, 9));
  });

  it('labels only nodes in view (unless they must be named) and keeps optional boxes inside it', () => {
    const out = chooseLabels(
      [
        { id: 0, x: -50, y: 100, r: 8, w: 60, h: 16, priority: 9 },
        { id: 1, x: 100, y: 100, r: 8, w: 60, h: 16, priority: 1 },
        { id: 2, x: 1000, y: 100, r: 8, w: 60, h: 16, priority: 9, must: true },
      ],
      VIEW,
    );
    expect(out.map((l) => l.id).sort()).toEqual([1, 2]);
    const one = out.find((l) => l.id === 1)!;
    expect(one.x).toBeGreaterThanOrEqual(0);
    expect(one.x + one.w).toBeLessThanOrEqual(VIEW.width);
  });

  it('places a label below its node when there is room, and moves it when that room is taken', () => {
    const out = chooseLabels(
      [
        { id: 0, x: 200, y: 200, r: 10, w: 80, h: 16, priority: 2 },
        { id: 1, x: 200, y: 230, r: 10, w: 80, h: 16, priority: 1 },
      ],
      VIEW,
    );
    const first = out.find((l) => l.id === 0)!;
    expect(first.y).toBeGreaterThan(200);
    const second = out.find((l) => l.id === 1)!;
    expect(overlaps(first, second)).toBe(false);
  });

  it('stops at the limit of optional labels', () => {
    const cs: LabelCandidate[] = Array.from({ length: 50 }, (_, id) => ({
      id,
      x: 20 + (id % 10) * 78,
      y: 20 + Math.floor(id / 10) * 110,
      r: 5,
      w: 40,
      h: 14,
      priority: id,
    }));
    const out = chooseLabels(cs, VIEW, 10);
    expect(out).toHaveLength(10);
    expect(out.map((l) => l.id)).toEqual(Array.from({ length: 10 }, (_, k) => 49 - k));
  });
});
