// The time bar's head: the date as written, and its controls (previous/next event, play and its speed, what to show, the event window).
import { useEffect } from 'react';
import { formatTime, type Day, type TimeScale } from '../../model';
import type { PlaySpeed, TimeMode } from '../../store/store';
import { useStoreApi, useView } from '../StoreContext';

const TICK_MS: Record<PlaySpeed, number> = { day: 120, week: 250, month: 400, event: 900 };

const MODES: [TimeMode, string][] = [
  ['at', 'At date'],
  ['cumulative', 'Cumulative'],
  ['range', 'Range'],
  ['current', 'Current state'],
];

/** Play: one tick per interval of the chosen speed until the end or Pause. */
function usePlay(playing: boolean, speed: PlaySpeed): void {
  const store = useStoreApi();
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => store.getState().tick(), TICK_MS[speed]);
    return () => window.clearInterval(id);
  }, [playing, speed, store]);
}

/** Previous event, Play/Pause, Next event and the speed of play. */
function PlayControls({ scale, disabled }: { scale: TimeScale; disabled: boolean }) {
  const store = useStoreApi();
  const playing = useView((s) => s.playing);
  const speed = useView((s) => s.speed);
  usePlay(playing, speed);
  return (
    <>
      <button type="button" onClick={() => store.getState().previousEvent()} disabled={disabled}>
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
          <option value="day">{scale === 'steps' ? 'a step per tick' : 'a day per tick'}</option>
          <option value="week">a week per tick</option>
          <option value="month">a month per tick</option>
          <option value="event">event to event</option>
        </select>
      </label>
    </>
  );
}

/**
 * The head of the time bar: the date (or range) in view as the mode reads it, then the controls: play,
 * what to show (at a date, cumulatively, a range, the current state) and the event window.
 */
export function Head({ scale, disabled }: { scale: TimeScale; disabled: boolean }) {
  const store = useStoreApi();
  const time = useView((s) => s.time);
  const mode = useView((s) => s.mode);
  const range0 = useView((s) => s.range[0]);
  const eventWindow = useView((s) => s.eventWindow);
  const at = (d: Day): string => formatTime(d, scale);
  return (
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
        <PlayControls scale={scale} disabled={disabled} />
        <fieldset className="modes">
          <legend>Show</legend>
          {MODES.map(([m, label]) => (
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
  );
}
