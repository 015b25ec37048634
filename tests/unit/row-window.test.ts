// The actor list's window of rows: the rows in view and a margin, never past either end.
import { describe, expect, it } from 'vitest';
import { windowAt } from '../../src/ui/useRowWindow';

describe('windowAt', () => {
  it('renders the first rows when nothing is laid out yet', () => {
    expect(windowAt(2_500, 24, 0, 0)).toEqual({ start: 0, end: 60 });
    expect(windowAt(10, 24, 0, 0)).toEqual({ start: 0, end: 10 });
  });

  it('covers the rows in view with a margin of 20 either side', () => {
    // 480 px of view at 2,400 px scrolled: rows 100..119 are in view.
    expect(windowAt(2_500, 24, 2_400, 480)).toEqual({ start: 80, end: 140 });
  });

  it('stops at both ends', () => {
    expect(windowAt(2_500, 24, 0, 480)).toEqual({ start: 0, end: 40 });
    expect(windowAt(2_500, 24, 2_500 * 24 - 480, 480)).toEqual({ start: 2_460, end: 2_500 });
    expect(windowAt(30, 24, 99_999, 480)).toEqual({ start: 0, end: 30 });
    expect(windowAt(300, 24, 99_999, 480)).toEqual({ start: 260, end: 300 });
  });
});
