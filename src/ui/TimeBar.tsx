// The time bar: the date as written, a histogram of relation starts per month, the Timeline slider, play and modes.
/* eslint-disable max-lines-per-function -- issue 12: TimeBar (149 lines) still to split into its histogram and controls. */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { dayToIso, formatTime, timeScaleOf, type Day } from '../model';
import { timeBounds, type PlaySpeed, type TimeMode, type ViewStore } from '../store/store';
import { useStoreApi, useView } from './StoreContext';
import { Histogram } from './timebar/Histogram';

const TICK_MS: Record<PlaySpeed, number> = { day: 120, week: 250, month: 400, event: 900 };

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
/** The whole time bar. */
export function TimeBar() {
  const store = useStoreApi();
  const dataset = useView((s) => s.dataset);
  const eventWindow = useView((s) => s.eventWindow);
  const time = useView((s) => s.time);
  const mode = useView((s) => s.mode);
  const range0 = useView((s) => s.range[0]);
  const playing = useView((s) => s.playing);
  const speed = useView((s) => s.speed);
  const [first, last] = useMemo(() => timeBounds({ dataset, eventWindow }), [dataset, eventWindow]);

  // Coalesce drag input: at most one store update per animation frame.
  const pending = useRef<{ value: Day; which: 'time' | 'start' } | null>(null);
  const frame = useRef(0);
  const schedule = (value: Day, which: 'time' | 'start'): void => {
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
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Play: one tick per interval until the end or Pause.
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => store.getState().tick(), TICK_MS[speed]);
    return () => window.clearInterval(id);
  }, [playing, speed, store]);

  const keyMove = (f: (a: ViewStore) => void): void => {
    const s = store.getState();
    f(s);
    if (s.mode === 'range') store.getState().setRange([s.range[0], store.getState().time]);
  };
  const scale = timeScaleOf(dataset);
  const at = (d: Day): string => formatTime(d, scale);
  // The slider's value text: the ISO day and the date in words on the calendar, the step alone on steps.
  const valueText = (d: Day): string =>
    scale === 'steps' ? formatTime(d, scale) : `${dayToIso(d)} (${formatTime(d)})`;
  const disabled = !dataset;
  return (
    <section className="timebar" aria-label="Time">
      <div className="timebar-head">
        <div className="current-date" aria-live="off">
          {mode === 'range'
            ? `${at(range0)} – ${at(time)}`
            : mode === 'cumulative'
              ? `Up to ${at(time)}`
              : mode === 'current'
                ? `State on ${at(time)}`
                : at(time)}
        </div>
        <div className="controls">
          <button
            type="button"
            onClick={() => store.getState().previousEvent()}
            disabled={disabled}
          >
            Previous event
          </button>
          <button
            type="button"
            className="play"
            onClick={() => (playing ? store.getState().pause() : store.getState().play())}
            disabled={disabled}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" onClick={() => store.getState().nextEvent()} disabled={disabled}>
            Next event
          </button>
          <label>
            Speed{' '}
            <select
              value={speed}
              onChange={(e) => store.getState().setSpeed(e.target.value as PlaySpeed)}
            >
              <option value="day">
                {scale === 'steps' ? 'a step per tick' : 'a day per tick'}
              </option>
              <option value="week">a week per tick</option>
              <option value="month">a month per tick</option>
              <option value="event">event to event</option>
            </select>
          </label>
          <fieldset className="modes">
            <legend>Show</legend>
            {(
              [
                ['at', 'At date'],
                ['cumulative', 'Cumulative'],
                ['range', 'Range'],
                ['current', 'Current state'],
              ] as [TimeMode, string][]
            ).map(([m, label]) => (
              <label key={m}>
                <input
                  type="radio"
                  name="time-mode"
                  checked={mode === m}
                  onChange={() => store.getState().setMode(m)}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <label title="How long an event stays on the graph after its date">
            Event window{' '}
            <input
              type="number"
              min={0}
              max={3650}
              value={eventWindow}
              onChange={(e) => store.getState().setEventWindow(Number(e.target.value))}
              className="window-input"
            />{' '}
            {scale === 'steps' ? 'steps' : 'days'}
          </label>
        </div>
      </div>
      <Histogram first={first} last={last} />
      {mode === 'range' ? (
        <input
          type="range"
          className="slider range-start"
          aria-label="Range start"
          min={first}
          max={last}
          step={1}
          value={range0}
          aria-valuetext={valueText(range0)}
          onChange={(e) => schedule(Number(e.target.value), 'start')}
          disabled={disabled}
        />
      ) : null}
      <input
        type="range"
        className="slider"
        aria-label="Timeline"
        min={first}
        max={last}
        step={1}
        value={time}
        aria-valuetext={valueText(time)}
        onChange={(e) => schedule(Number(e.target.value), 'time')}
        onKeyDown={(e) => sliderKeys(e, keyMove)}
        disabled={disabled}
      />
      <div className="axis" aria-hidden="true">
        <span>{at(first)}</span>
        <span>{at(last)}</span>
      </div>
    </section>
  );
}
