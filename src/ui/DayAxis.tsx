// A day axis in a 1,000-unit-wide SVG view box, shared by the time bar's histogram and a pair's lane: where a day falls, and the date as a cursor.
import type { Day } from '../model';

/** Width of a day axis's view box. */
export const AXIS_WIDTH = 1000;

/** Horizontal position of day `d` on an axis running from `from` to `to` (clamped to them). */
export function dayX(d: Day, from: Day, to: Day): number {
  return ((Math.min(Math.max(d, from), to) - from) / Math.max(1, to - from)) * AXIS_WIDTH;
}

/** The current date: a dark line across the view box, two pixels wide however the box is stretched. */
export function Cursor({ x, height }: { x: number; height: number }) {
  return (
    <line
      x1={x}
      x2={x}
      y1={0}
      y2={height}
      stroke="#111"
      strokeWidth={2}
      vectorEffect="non-scaling-stroke"
    />
  );
}
