// Which rows of a long list of equal-height rows to render: the ones in view and a margin either side.
import { useEffect, useState, type RefObject } from 'react';

/** Rows rendered when the list has not been laid out (first render, jsdom) or is short. */
const FIRST_ROWS = 60;
/** Rows rendered above and below the visible ones, so a quick scroll shows no gap. */
const MARGIN = 20;

export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

/** The rows [start, end) of the scrolled element `ref` to render, for `count` rows of `rowHeight` px. */
export function windowAt(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
): RowWindow {
  if (viewHeight <= 0) return { start: 0, end: Math.min(count, FIRST_ROWS) };
  const inView = Math.ceil(viewHeight / rowHeight);
  // A scroll position past the end (the list just got shorter) shows the last rows.
  const first = Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, count - inView));
  return { start: Math.max(0, first - MARGIN), end: Math.min(count, first + inView + MARGIN) };
}

/**
 * Keeps the window of `ref`'s rows up to date as it scrolls or resizes. With thousands of actors, a
 * date step re-rendered and restyled every row (content-visibility still ran an intersection check
 * per row each frame); now only the rows in view exist.
 */
export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): RowWindow {
  const [win, setWin] = useState<RowWindow>(() => windowAt(count, rowHeight, 0, 0));
  useEffect(() => {
    const el = ref.current;
    const update = (): void => {
      const next = el
        ? windowAt(count, rowHeight, el.scrollTop, el.clientHeight)
        : windowAt(count, rowHeight, 0, 0);
      setWin((w) => (w.start === next.start && w.end === next.end ? w : next));
    };
    update();
    if (!el) return;
    el.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [ref, count, rowHeight]);
  return win;
}
