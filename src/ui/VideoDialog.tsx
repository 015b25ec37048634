// The video recording dialog: range, speed, frame rate and size, then a WebM of the play (loaded when opened).
/* eslint-disable max-lines-per-function -- issue 12 (i12): VideoDialog to split with the video work. */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { legendOf } from '../graph/legend-data';
import {
  FRAME_RATES,
  MAX_FRAMES,
  VIDEO_SIZES,
  framesFor,
  recordVideo,
  videoFileName,
} from '../graph/video';
import { dayToIso, errorMessage, isoToDay, timeScaleOf, type Day } from '../model';
import { modelOf } from '../store/selectors';
import { timeBounds, type ViewStore } from '../store/store';
import { useStoreApi, useView } from './StoreContext';
import { downloadBlob } from '../app/download';

/** The button that opens the dialog; the dialog exists only while open. */
type SpeedKind = 'days' | 'events';

/** A label above its control, tied by id (so the control's value is not part of its name). */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="video-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The form's starting values: the current range in range mode, else the dataset's extent. */
function initialRange(s: ViewStore) {
  const [first, last] = timeBounds(s);
  const [from, to] = s.mode === 'range' ? s.range : [first, last];
  return {
    from: dayToIso(from),
    to: dayToIso(to),
    min: dayToIso(first),
    max: dayToIso(last),
    // About 20 seconds at 15 fps by default.
    days: Math.max(1, Math.ceil((to - from) / 300)),
  };
}

/** The modal dialog: settings, then progress with Cancel while recording. */
export function VideoDialog({ adapter, onClose }: { adapter: GraphAdapter; onClose: () => void }) {
  const store = useStoreApi();
  const model = useView(modelOf);
  const titleId = useId();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [initial] = useState(() => initialRange(store.getState()));
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [speed, setSpeed] = useState<SpeedKind>('days');
  const [days, setDays] = useState(initial.days);
  const [fps, setFps] = useState<number>(15);
  const [sizeId, setSizeId] = useState<string>(VIDEO_SIZES[1].id);
  const [recording, setRecording] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [message, setMessage] = useState('');
  /** Mean cost of a frame in the last recording (ms), for benchmarks and tests. */
  const [timing, setTiming] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, []);

  const fromDay = isoToDay(from);
  const toDay = isoToDay(to);
  const frames = useMemo((): Day[] => {
    if (fromDay === null || toDay === null || toDay < fromDay || !model) return [];
    return framesFor(
      [fromDay, toDay],
      speed === 'days'
        ? { kind: 'days', days }
        : { kind: 'events', changes: model.index.changes, hold: Math.max(1, Math.round(fps / 2)) },
    );
  }, [fromDay, toDay, speed, days, fps, model]);

  const problem =
    fromDay === null || toDay === null
      ? 'Give both dates as full dates.'
      : toDay < fromDay
        ? 'The range ends before it starts.'
        : frames.length > MAX_FRAMES
          ? `Over ${MAX_FRAMES} frames: take more days per frame or a shorter range.`
          : frames.length === 0
            ? 'Nothing to record.'
            : null;

  const start = async (): Promise<void> => {
    const s = store.getState();
    const m = modelOf(s);
    const size = VIDEO_SIZES.find((v) => v.id === sizeId) ?? VIDEO_SIZES[0];
    if (!m || !s.dataset || fromDay === null || toDay === null || problem) return;
    const saved = { time: s.time, mode: s.mode, range: s.range };
    s.pause();
    if (s.mode === 'range') s.setMode('at');
    const controller = new AbortController();
    abort.current = controller;
    setRecording(true);
    setProgress({ done: 0, total: frames.length });
    setMessage('');
    try {
      const result = await recordVideo({
        adapter,
        frames,
        fps,
        width: size.width,
        height: size.height,
        title: s.dataset.title,
        timeScale: timeScaleOf(s.dataset),
        legend: legendOf(m),
        showDay: (day) => store.getState().setTime(day),
        onProgress: (done, total) => setProgress({ done, total }),
        signal: controller.signal,
      });
      if (!result) {
        setMessage('Recording cancelled; nothing was saved.');
        return;
      }
      const name = videoFileName(fromDay, toDay);
      downloadBlob(result.blob, name);
      const dropped = result.recordedFrames > 0 && result.recordedFrames < result.frames;
      const slow = result.wallMs > (result.frames / fps) * 1000 * 1.1;
      setMessage(
        `Saved ${name}: ${result.frames} frames drawn, ${result.recordedFrames} in the file, ` +
          `${(result.durationMs / 1000).toFixed(2)} s` +
          (result.durationFixed ? '.' : ' (the player may not show its length).') +
          (dropped
            ? ' The encoder could not keep up with every frame: a smaller size or frame rate records them all.'
            : '') +
          (slow
            ? ` The view drew slower than real time, so recording took ${(result.wallMs / 1000).toFixed(1)} s` +
              (result.retimed ? '; the video keeps the asked pace.' : ' and the video runs slower.')
            : ''),
      );
      setTiming(result.msPerFrame);
    } catch (e) {
      setMessage(`Recording failed: ${errorMessage(e)}`);
    } finally {
      const st = store.getState();
      if (saved.mode === 'range') {
        st.setMode('range');
        st.setRange(saved.range);
      }
      st.setTime(saved.time);
      abort.current = null;
      setRecording(false);
    }
  };

  const close = (): void => {
    abort.current?.abort();
    dialog.current?.close();
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="video-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape cancels a recording first, and closes the dialog only when idle.
        e.preventDefault();
        if (abort.current) abort.current.abort();
        else close();
      }}
    >
      <h2 id={titleId}>Record video</h2>
      <fieldset className="video-fields" disabled={recording}>
        <Field id={`${ids}-from`} label="From">
          <input
            id={`${ids}-from`}
            type="date"
            value={from}
            min={initial.min}
            max={initial.max}
            onChange={(e) => setFrom(e.target.value)}
          />
        </Field>
        <Field id={`${ids}-to`} label="To">
          <input
            id={`${ids}-to`}
            type="date"
            value={to}
            min={initial.min}
            max={initial.max}
            onChange={(e) => setTo(e.target.value)}
          />
        </Field>
        <Field id={`${ids}-speed`} label="Speed">
          <select
            id={`${ids}-speed`}
            value={speed}
            onChange={(e) => setSpeed(e.target.value as SpeedKind)}
          >
            <option value="days">Days per frame</option>
            <option value="events">Event to event (½ s each)</option>
          </select>
        </Field>
        <Field id={`${ids}-days`} label="Days per frame">
          <input
            id={`${ids}-days`}
            type="number"
            min={1}
            max={3650}
            value={days}
            disabled={speed !== 'days'}
            onChange={(e) => setDays(Math.max(1, Math.round(Number(e.target.value) || 1)))}
          />
        </Field>
        <Field id={`${ids}-fps`} label="Frame rate">
          <select id={`${ids}-fps`} value={fps} onChange={(e) => setFps(Number(e.target.value))}>
            {FRAME_RATES.map((r) => (
              <option key={r} value={r}>
                {r} fps
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${ids}-size`} label="Size">
          <select id={`${ids}-size`} value={sizeId} onChange={(e) => setSizeId(e.target.value)}>
            {VIDEO_SIZES.map((v) => (
              <option key={v.id} value={v.id}>
                {v.width} × {v.height}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <p className="video-summary">
        {problem ??
          `${frames.length} ${frames.length === 1 ? 'frame' : 'frames'} at ${fps} fps: ` +
            `${(frames.length / fps).toFixed(1)} s, recorded in real time.`}
      </p>
      {recording ? (
        <div className="video-progress">
          <progress aria-label="Recording progress" max={progress.total} value={progress.done} />
          <span>
            Frame {progress.done} of {progress.total}
          </span>
        </div>
      ) : null}
      <p
        className="video-status"
        aria-live="polite"
        {...(timing !== null ? { 'data-ms-per-frame': timing.toFixed(1) } : {})}
      >
        {message}
      </p>
      <div className="video-buttons">
        {recording ? (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void start()} disabled={problem !== null}>
              Start recording
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
