// The time bar's sliders: the Timeline (the date, or a range's end) and, in range mode, the range's start; drags coalesced to one store update a frame.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { dayToIso, formatTime, type Day, type TimeScale } from '../../model';
import type { ViewStore } from '../../store/store';
import { useStoreApi, useView } from '../StoreContext';

type Which = 'time' | 'start';

/** Keys of the Timeline slider, per the interface contract. */
function sliderKeys(e: KeyboardEvent<HTMLInputElement>, move: (f: (s: ViewStore) => void) => void) {
  const map: Record<string, (a: ViewStore) => void> = {
    ArrowLeft: (a) => a.stepTime(-1),
    ArrowDown: (a) => a.stepTime(-1),
    ArrowRight: (a) => a.stepTime(1),
    ArrowUp: (a) => a.stepTime(1),
    PageUp: (a) => a.stepMonths(1),
    PageDown: (a) => a.stepMonths(-1),
    Home: (a) => a.toFirst(),
    End: (a) => a.toLast(),
  };
  const f = map[e.key];
  if (f) {
    e.preventDefault();
    move(f);
  }
}

/** Drag input coalesced: at most one store update per animation frame, the latest value winning. */
function useCoalesced(): (value: Day, which: Which) => void {
  const store = useStoreApi();
  const pending = useRef<{ value: Day; which: Which } | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return (value, which) => {
    pending.current = { value, which };
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const p = pending.current;
      pending.current = null;
      if (!p) return;
      const s = store.getState();
      if (p.which === 'start') s.setRange([p.value, s.range[1]]);
      else if (s.mode === 'range') s.setRange([s.range[0], p.value]);
      else s.setTime(p.value);
    });
  };
}

/** The Timeline slider and, in range mode, the Range start slider before it. */
export function Sliders({
  first,
  last,
  scale,
  disabled,
}: {
  first: Day;
  last: Day;
  scale: TimeScale;
  disabled: boolean;
}) {
  const store = useStoreApi();
  const time = useView((s) => s.time);
  const mode = useView((s) => s.mode);
  const range0 = useView((s) => s.range[0]);
  const schedule = useCoalesced();
  const keyMove = (f: (a: ViewStore) => void): void => {
    const s = store.getState();
    f(s);
    if (s.mode === 'range') store.getState().setRange([s.range[0], store.getState().time]);
  };
  // The slider's value text: the ISO day and the date in words on the calendar, the step alone on steps.
  const valueText = (d: Day): string =>
    scale === 'steps' ? formatTime(d, scale) : `${dayToIso(d)} (${formatTime(d)})`;
  const slider = (which: Which, value: Day) => ({
    min: first,
    max: last,
    step: 1,
    value,
    'aria-valuetext': valueText(value),
    onChange: (e: { target: { value: string } }) => schedule(Number(e.target.value), which),
    disabled,
  });
  return (
    <>
      {mode === 'range' ? (
        <input
          type="range"
          className="slider range-start"
          aria-label="Range start"
          {...slider('start', range0)}
        />
      ) : null}
      <input
        type="range"
        className="slider"
        aria-label="Timeline"
        {...slider('time', time)}
        onKeyDown={(e) => sliderKeys(e, keyMove)}
      />
    </>
  );
}
