// The video recording dialog: range, speed, frame rate, size and format, then an MP4 or WebM of the play (loaded when opened).
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { GraphAdapter } from '../graph/adapter';
import { legendOf } from '../graph/legend-data';
import {
  FRAME_RATES,
  MAX_FRAMES,
  VIDEO_SIZES,
  browserCanEncode,
  framesFor,
  offeredFormats,
  recordVideo,
  videoFileName,
  type RecordResult,
  type VideoFormat,
} from '../graph/video';
import { dayToIso, errorMessage, isoToDay, timeScaleOf, type Day, type Model } from '../model';
import { modelOf } from '../store/selectors';
import { timeBounds, type ViewStore } from '../store/store';
import { useStoreApi, useView } from './StoreContext';
import { downloadBlob } from '../app/download';

type SpeedKind = 'days' | 'events';
type Container = VideoFormat['container'];

/** What the form holds. */
interface Settings {
  readonly from: string;
  readonly to: string;
  readonly speed: SpeedKind;
  readonly days: number;
  readonly fps: number;
  readonly sizeId: string;
  /** The container picked; null until the user picks one (the first offered is used). */
  readonly container: Container | null;
}

/** Sets one field of the settings. */
type SetField = <K extends keyof Settings>(key: K, value: Settings[K]) => void;

/** The dates' bounds for the date inputs. */
interface Bounds {
  readonly min: string;
  readonly max: string;
}

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
function initialSettings(s: ViewStore): { settings: Settings; bounds: Bounds } {
  const [first, last] = timeBounds(s);
  const [from, to] = s.mode === 'range' ? s.range : [first, last];
  return {
    settings: {
      from: dayToIso(from),
      to: dayToIso(to),
      speed: 'days',
      // About 20 seconds at 15 fps by default.
      days: Math.max(1, Math.ceil((to - from) / 300)),
      fps: 15,
      sizeId: VIDEO_SIZES[1].id,
      container: null,
    },
    bounds: { min: dayToIso(first), max: dayToIso(last) },
  };
}

function sizeOf(sizeId: string) {
  return VIDEO_SIZES.find((v) => v.id === sizeId) ?? VIDEO_SIZES[0];
}

/** What a recording needs, once the form is valid. */
interface Plan {
  readonly frames: readonly Day[];
  readonly fromDay: Day;
  readonly toDay: Day;
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly format: VideoFormat;
}

/** The frame schedule of the form's range and speed. */
function useFrames(s: Settings, model: Model | null): Day[] {
  const fromDay = isoToDay(s.from);
  const toDay = isoToDay(s.to);
  const { speed, days, fps } = s;
  return useMemo((): Day[] => {
    if (fromDay === null || toDay === null || toDay < fromDay || !model) return [];
    return framesFor(
      [fromDay, toDay],
      speed === 'days'
        ? { kind: 'days', days }
        : { kind: 'events', changes: model.index.changes, hold: Math.max(1, Math.round(fps / 2)) },
    );
  }, [fromDay, toDay, speed, days, fps, model]);
}

/** The formats this browser can encode at the size and rate; null while the browser is asked. */
function useFormats(width: number, height: number, fps: number): readonly VideoFormat[] | null {
  const key = `${width}x${height}@${fps}`;
  const [found, setFound] = useState<{ key: string; formats: VideoFormat[] } | null>(null);
  useEffect(() => {
    let live = true;
    void offeredFormats(browserCanEncode, { width, height, fps }).then((formats) => {
      if (live) setFound({ key, formats });
    });
    return () => {
      live = false;
    };
  }, [key, width, height, fps]);
  return found?.key === key ? found.formats : null;
}

/** Why the form cannot record as it stands, or null. */
function problemOf(s: Settings, frames: readonly Day[], formats: readonly VideoFormat[] | null) {
  const fromDay = isoToDay(s.from);
  const toDay = isoToDay(s.to);
  if (fromDay === null || toDay === null) return 'Give both dates as full dates.';
  if (toDay < fromDay) return 'The range ends before it starts.';
  if (frames.length > MAX_FRAMES)
    return `Over ${MAX_FRAMES} frames: take more days per frame or a shorter range.`;
  if (frames.length === 0) return 'Nothing to record.';
  if (formats === null) return 'Checking which video formats this browser can encode…';
  if (formats.length === 0 && !window.isSecureContext)
    return 'Recording video needs the page served over https (WebCodecs is only there on secure pages).';
  if (formats.length === 0)
    return 'This browser cannot encode video at this size and frame rate (no H.264, VP8 or VP9 encoder).';
  return null;
}

/** The sentence shown once a recording is saved. */
function savedMessage(result: RecordResult, name: string): string {
  const missing = result.frames - result.encodedFrames;
  return (
    `Saved ${name} (${result.format.label}): ${result.frames} frames, ` +
    `${(result.durationMs / 1000).toFixed(2)} s.` +
    (missing > 0 ? ` The encoder returned ${missing} frames fewer than were drawn.` : '')
  );
}

/** Pauses the view for a recording; the function returned puts its date and mode back. */
function holdView(store: ReturnType<typeof useStoreApi>): () => void {
  const s = store.getState();
  const saved = { time: s.time, mode: s.mode, range: s.range };
  s.pause();
  if (s.mode === 'range') s.setMode('at');
  return () => {
    const st = store.getState();
    if (saved.mode === 'range') {
      st.setMode('range');
      st.setRange(saved.range);
    }
    st.setTime(saved.time);
  };
}

/** The recording's state and the actions that start and cancel it. */
function useRecorder(adapter: GraphAdapter) {
  const store = useStoreApi();
  const [recording, setRecording] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [message, setMessage] = useState('');
  /** Mean cost of a frame in the last recording (ms), for benchmarks and tests. */
  const [timing, setTiming] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (plan: Plan): Promise<void> => {
    const s = store.getState();
    const m = modelOf(s);
    if (!m || !s.dataset) return;
    const restore = holdView(store);
    const controller = new AbortController();
    abort.current = controller;
    setRecording(true);
    setProgress({ done: 0, total: plan.frames.length });
    setMessage('');
    try {
      const result = await recordVideo({
        ...plan,
        adapter,
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
      const name = videoFileName(plan.fromDay, plan.toDay, result.format.extension);
      downloadBlob(result.blob, name);
      setMessage(savedMessage(result, name));
      setTiming(result.msPerFrame);
    } catch (e) {
      setMessage(`Recording failed: ${errorMessage(e)}`);
    } finally {
      restore();
      abort.current = null;
      setRecording(false);
    }
  };
  return { recording, progress, message, timing, abort, start };
}

interface FieldProps {
  readonly ids: string;
  readonly s: Settings;
  readonly set: SetField;
  readonly bounds: Bounds;
}

/** From and To. */
function RangeFields({ ids, s, set, bounds }: FieldProps) {
  return (['from', 'to'] as const).map((key) => (
    <Field key={key} id={`${ids}-${key}`} label={key === 'from' ? 'From' : 'To'}>
      <input
        id={`${ids}-${key}`}
        type="date"
        value={s[key]}
        min={bounds.min}
        max={bounds.max}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  ));
}

/** Speed, days per frame and frame rate. */
function PaceFields({ ids, s, set }: FieldProps) {
  return (
    <>
      <Field id={`${ids}-speed`} label="Speed">
        <select
          id={`${ids}-speed`}
          value={s.speed}
          onChange={(e) => set('speed', e.target.value as SpeedKind)}
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
          value={s.days}
          disabled={s.speed !== 'days'}
          onChange={(e) => set('days', Math.max(1, Math.round(Number(e.target.value) || 1)))}
        />
      </Field>
      <Field id={`${ids}-fps`} label="Frame rate">
        <select
          id={`${ids}-fps`}
          value={s.fps}
          onChange={(e) => set('fps', Number(e.target.value))}
        >
          {FRAME_RATES.map((r) => (
            <option key={r} value={r}>
              {r} fps
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** Size and format; a format is listed only when this browser can encode it. */
function OutputFields({
  ids,
  s,
  set,
  formats,
  format,
}: FieldProps & { formats: readonly VideoFormat[] | null; format: VideoFormat | null }) {
  return (
    <>
      <Field id={`${ids}-size`} label="Size">
        <select id={`${ids}-size`} value={s.sizeId} onChange={(e) => set('sizeId', e.target.value)}>
          {VIDEO_SIZES.map((v) => (
            <option key={v.id} value={v.id}>
              {v.width} × {v.height}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${ids}-format`} label="Format">
        <select
          id={`${ids}-format`}
          value={format?.container ?? ''}
          disabled={!formats?.length}
          onChange={(e) => set('container', e.target.value as Container)}
        >
          {formats === null ? <option value="">Checking…</option> : null}
          {formats?.length === 0 ? <option value="">None available</option> : null}
          {formats?.map((f) => (
            <option key={f.container} value={f.container}>
              {f.label}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** Progress, status and the buttons under the form. */
function RecordingFooter({
  rec,
  canStart,
  onStart,
  onClose,
}: {
  rec: ReturnType<typeof useRecorder>;
  canStart: boolean;
  onStart: () => void;
  onClose: () => void;
}) {
  const { recording, progress, message, timing, abort } = rec;
  return (
    <>
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
            <button type="button" onClick={onStart} disabled={!canStart}>
              Start recording
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </>
        )}
      </div>
    </>
  );
}

/** Opens the dialog as a modal once mounted. */
function useModal(dialog: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, [dialog]);
}

/** The modal dialog: settings, then progress with Cancel while recording. */
export function VideoDialog({ adapter, onClose }: { adapter: GraphAdapter; onClose: () => void }) {
  const store = useStoreApi();
  const model = useView(modelOf);
  const titleId = useId();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [initial] = useState(() => initialSettings(store.getState()));
  const [s, setSettings] = useState<Settings>(initial.settings);
  const set: SetField = (key, value) => setSettings((old) => ({ ...old, [key]: value }));
  const size = sizeOf(s.sizeId);
  const frames = useFrames(s, model);
  const formats = useFormats(size.width, size.height, s.fps);
  const format = formats?.find((f) => f.container === s.container) ?? formats?.[0] ?? null;
  const problem = problemOf(s, frames, formats);
  const rec = useRecorder(adapter);
  useModal(dialog);

  const start = (): void => {
    const fromDay = isoToDay(s.from);
    const toDay = isoToDay(s.to);
    if (problem || !format || fromDay === null || toDay === null) return;
    const plan = { frames, fromDay, toDay, fps: s.fps, width: size.width, height: size.height };
    void rec.start({ ...plan, format });
  };
  const close = (): void => {
    rec.abort.current?.abort();
    dialog.current?.close();
    onClose();
  };
  const fieldProps = { ids, s, set, bounds: initial.bounds };

  return (
    <dialog
      ref={dialog}
      className="video-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape cancels a recording first, and closes the dialog only when idle.
        e.preventDefault();
        if (rec.abort.current) rec.abort.current.abort();
        else close();
      }}
    >
      <h2 id={titleId}>Record video</h2>
      <fieldset className="video-fields" disabled={rec.recording}>
        <RangeFields {...fieldProps} />
        <PaceFields {...fieldProps} />
        <OutputFields {...fieldProps} formats={formats} format={format} />
      </fieldset>
      <p className="video-summary">
        {problem ??
          `${frames.length} ${frames.length === 1 ? 'frame' : 'frames'} at ${s.fps} fps: ` +
            `${(frames.length / s.fps).toFixed(1)} s of ${format?.label ?? 'video'}.`}
      </p>
      <RecordingFooter rec={rec} canStart={problem === null} onStart={start} onClose={close} />
    </dialog>
  );
}
