// The time bar: the date as written, a histogram of relation starts per month, the Timeline slider, play and modes.
/* eslint-disable max-lines-per-function -- issue 12: TimeBar (149 lines) still to split into its histogram and controls. */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import {
  addMonths,
  dayToIso,
  formatTime,
  monthName,
  partsOf,
  startOfMonth,
  timeScaleOf,
  type Day,
  type TimeScale,
} from '../model';
import { typeColors } from '../graph/palette';
import { timeBounds, type PlaySpeed, type TimeMode, type ViewStore } from '../store/store';
import { modelOf } from '../store/selectors';
import { useStoreApi, useView } from './StoreContext';

const TICK_MS: Record<PlaySpeed, number> = { day: 120, week: 250, month: 400, event: 900 };

/** Bins of at most this many steps' worth: a time bar of 5,000 steps still has about 200 bars. */
const STEP_BARS = 200;

/** Bar boundaries covering [first, last]: months on the calendar, runs of whole steps on a step scale. */
function barEdges(first: Day, last: Day, scale: TimeScale): Day[] {
  if (scale === 'calendar') return monthEdges(first, last);
  const width = Math.max(1, Math.ceil((last - first + 1) / STEP_BARS));
  const edges: Day[] = [];
  for (let d = first; d <= last; d += width) edges.push(d);
  edges.push((edges[edges.length - 1] ?? first) + width);
  return edges;
}

/** What one bar covers, for its tooltip: "March 2014", or "step 8" / "steps 8–11". */
function barLabel(from: Day, to: Day, scale: TimeScale): string {
  if (scale === 'steps') return to - from <= 1 ? `step ${from}` : `steps ${from}–${to - 1}`;
  const p = partsOf(from);
  return `${monthName(p.month)} ${p.year}`;
}

/** Most bars the histogram draws: a span of centuries is binned by years or decades, not months. */
export const MAX_BARS = 480;

/** Bar boundaries covering [first, last]: months, or runs of months (whole years past 40 years). */
export function monthEdges(first: Day, last: Day): Day[] {
  const months = Math.max(1, Math.ceil((last - first) / 30.4) + 1);
  const step = months <= MAX_BARS ? 1 : Math.ceil(months / MAX_BARS / 12) * 12;
  const edges: Day[] = [];
  for (let d = startOfMonth(first); d <= last && edges.length <= MAX_BARS; d = addMonths(d, step)) {
    edges.push(d);
  }
  edges.push(addMonths(edges[edges.length - 1] ?? startOfMonth(first), step));
  return edges;
}

/** Past this many relation types the histogram stacks no colours: one bar of all types per bin. */
const MAX_STACKED_TYPES = 24;

/** Relation starts per bin, all types together: one binary search per relation. */
function totalsOf(starts: ArrayLike<number>, edges: readonly Day[]): number[] {
  const totals = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
  for (let i = 0; i < starts.length; i++) {
    const d = starts[i] as number;
    if (!Number.isFinite(d)) continue;
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((edges[mid] as number) <= d) lo = mid;
      else hi = mid - 1;
    }
    if (lo < totals.length && d >= (edges[0] as number)) totals[lo] = (totals[lo] as number) + 1;
  }
  return totals;
}

/** The largest of many numbers (Math.max(...list) overflows the stack past ~100,000 arguments). */
function maxOf(list: readonly number[]): number {
  let m = 1;
  for (const v of list) if (v > m) m = v;
  return m;
}

/** Horizontal position of a day in the histogram's 1,000-unit-wide view box. */
function barX(d: Day, first: Day, last: Day): number {
  return ((Math.min(Math.max(d, first), last) - first) / Math.max(1, last - first)) * 1000;
}

/** The stacked histogram of relation starts per month; clicking a bar jumps to that month. */
/** Height of the histogram view box. */
const H = 48;

function Histogram({ first, last }: { first: Day; last: Day }) {
  const store = useStoreApi();
  const model = useView(modelOf);
  const time = useView((s) => s.time);
  const bars = useMemo(() => {
    if (!model) return null;
    const edges = barEdges(first, last, timeScaleOf(model.dataset));
    const types = model.dataset.relationTypes;
    if (types.length > MAX_STACKED_TYPES) {
      // Many types: one bar of all of them per bin (stacking thousands of slivers draws nothing legible).
      const totals = totalsOf(model.index.lo, edges);
      return { edges, counts: null, colors: null, totals, max: maxOf(totals), types: [] };
    }
    const counts = model.index.histogram(edges);
    const colors = typeColors(types);
    const totals = edges.slice(0, -1).map((_, j) => {
      let sum = 0;
      for (const c of counts.values()) sum += c[j] ?? 0;
      return sum;
    });
    return { edges, counts, colors, totals, max: maxOf(totals), types };
  }, [model, first, last]);
  // The bars depend on the dataset and extent only: built once, so a date step re-renders the cursor alone.
  const drawn = useMemo(() => {
    if (!bars || !model) return null;
    return bars.edges.slice(0, -1).map((edge, j) => {
      const x0 = barX(edge, first, last);
      const w = Math.max(1, barX(bars.edges[j + 1] as Day, first, last) - x0 - 1);
      let y = H;
      const label = barLabel(edge, bars.edges[j + 1] as Day, timeScaleOf(model.dataset));
      return (
        <g
          key={edge}
          className="bar"
          onClick={() => store.getState().setTime(Math.max(edge, first))}
        >
          <title>{`${label}: ${bars.totals[j]} relation(s) start`}</title>
          <rect x={x0} y={0} width={w} height={H} fill="transparent" />
          {bars.counts === null ? (
            <rect
              x={x0}
              y={H - ((bars.totals[j] ?? 0) / bars.max) * (H - 4)}
              width={w}
              height={((bars.totals[j] ?? 0) / bars.max) * (H - 4)}
              fill="#8a8f98"
            />
          ) : (
            bars.types.map((t) => {
              const c = bars.counts.get(t.id)?.[j] ?? 0;
              if (c === 0) return null;
              const h = (c / bars.max) * (H - 4);
              y -= h;
              return (
                <rect key={t.id} x={x0} y={y} width={w} height={h} fill={bars.colors.get(t.id)} />
              );
            })
          )}
        </g>
      );
    });
  }, [bars, model, first, last, store]);
  if (!drawn) return null;
  return (
    <svg
      className="histogram"
      viewBox={`0 0 1000 ${H}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {drawn}
      <line
        x1={barX(time, first, last)}
        x2={barX(time, first, last)}
        y1={0}
        y2={H}
        stroke="#111"
        strokeWidth={2}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

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
