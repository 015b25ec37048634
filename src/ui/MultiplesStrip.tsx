// The small-multiples strip itself: thumbnails drawn with Canvas 2D at several dates (loaded when the strip opens).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import {
  DEFAULT_SPREAD,
  THUMB_HEIGHT,
  THUMB_WIDTH,
  drawThumbnail,
  watchPositions,
} from '../graph/thumbnails';
import { formatTime, spreadDates, timeScaleOf, type Day } from '../model';
import { modelOf, selectStatuses } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';

/** Device pixels per CSS pixel for the thumbnails (capped: sharper than 2× buys nothing at this size). */
const PIXEL_RATIO = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);

/** The thumbnails; redrawn when the model, lens, event window, positions or dates change, not on scrubbing. */
export function Strip({ id, adapter }: { id: string; adapter: GraphAdapter | null }) {
  const store = useStoreApi();
  const model = useView(modelOf);
  const statuses = useView(selectStatuses);
  const pinned = useView((s) => s.multiples);
  const spread = useMemo(() => (model ? spreadDates(model, DEFAULT_SPREAD) : []), [model]);
  const dates = pinned.length > 0 ? pinned : spread;
  const current = useView((s) => (dates.includes(s.time) ? s.time : null));
  const [layouts, setLayouts] = useState(0);
  const canvases = useRef(new Map<Day, HTMLCanvasElement>());
  const list = useRef<HTMLOListElement>(null);

  useEffect(
    () => (adapter ? watchPositions(adapter, () => setLayouts((n) => n + 1)) : undefined),
    [adapter],
  );

  useEffect(() => {
    if (!adapter || !model) return;
    const positions = adapter.positions();
    const started = performance.now();
    let ties = 0;
    for (const day of dates) {
      const ctx = canvases.current.get(day)?.getContext('2d');
      if (!ctx) continue;
      ctx.setTransform(PIXEL_RATIO, 0, 0, PIXEL_RATIO, 0, 0);
      ties += drawThumbnail(ctx, {
        model,
        positions,
        day,
        statuses,
        width: THUMB_WIDTH,
        height: THUMB_HEIGHT,
      }).ties;
    }
    // How long the last redraw took, for the browser tests and benchmarks.
    if (list.current) {
      list.current.dataset.drawMs = (performance.now() - started).toFixed(2);
      list.current.dataset.draws = String(Number(list.current.dataset.draws ?? 0) + 1);
      list.current.dataset.layouts = String(layouts);
      list.current.dataset.ties = String(ties);
    }
  }, [adapter, model, statuses, dates, layouts]);

  if (!model) return null;
  return (
    <ol id={id} className="multiples-strip" ref={list}>
      {dates.map((day) => {
        const label = formatTime(day, timeScaleOf(model.dataset));
        return (
          <li key={day} className="thumb">
            <button
              type="button"
              className="thumb-show"
              aria-label={`Show ${label}`}
              {...(current === day ? { 'aria-current': 'date' as const } : {})}
              onClick={() => store.getState().setTime(day)}
            >
              <canvas
                ref={(el) => {
                  if (el) canvases.current.set(day, el);
                  else canvases.current.delete(day);
                }}
                width={Math.round(THUMB_WIDTH * PIXEL_RATIO)}
                height={Math.round(THUMB_HEIGHT * PIXEL_RATIO)}
                aria-hidden="true"
              />
              <span className="thumb-date">{label}</span>
            </button>
            {pinned.length > 0 ? (
              <button
                type="button"
                className="thumb-unpin"
                aria-label={`Unpin ${label}`}
                onClick={() => {
                  const s = store.getState();
                  s.setMultiples(s.multiples.filter((d) => d !== day));
                }}
              >
                Unpin
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
