// The application store: zustand with immer, built from slices (dataset, time, selection, play), one per factory call.
/* eslint-disable max-lines-per-function -- issue 12 (i12): the store is being rebuilt from slices. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import {
  DEFAULT_EVENT_WINDOW,
  OPEN_LENS,
  addMonths,
  dayToIso,
  formatTime,
  timeScaleOf,
  openingDate,
  type ActorId,
  type Dataset,
  type Day,
  type Lens,
} from '../model';
import type { Issue } from '../io/validate';
import { modelOf } from './selectors';
import { castDraft } from 'immer';

/**
 * How the time bar selects relations: at a date, everything up to it, a range of dates, or the current
 * state (each pair's latest record at the date, one line per pair).
 */
export type TimeMode = 'at' | 'cumulative' | 'range' | 'current';
/** How far one tick of play moves. */
export type PlaySpeed = 'day' | 'week' | 'month' | 'event';

/** A failed load: which file, and every issue found in it. */
export interface LoadError {
  readonly file: string;
  readonly issues: readonly Issue[];
}

/** What a load report adds to "Loaded <title>: N actors, M relations". */
export interface LoadMeta {
  /** The saved-library id, when the dataset is kept in IndexedDB. */
  readonly id?: string | null;
  readonly warnings?: readonly Issue[];
  /** Notices of the load itself (storage failed, the address named a missing dataset): kept after it. */
  readonly notices?: readonly string[];
  /** Why the dataset could not be kept in this browser (IndexedDB unavailable, over quota), if it could not. */
  readonly unkept?: string | null;
}

/** A download or import in progress: what, and how far (bytes; total null when unknown). */
export interface LoadProgress {
  readonly name: string;
  readonly done: number;
  readonly total: number | null;
}

/** The state of one explorer view. */
export interface ViewState {
  /** The dataset on screen; replaced whole, never mutated. */
  dataset: Dataset | null;
  /** Where the dataset came from (file name or URL), for messages. */
  datasetName: string;
  /** Bumped on every load, so views can tell a new dataset from a new date. */
  datasetVersion: number;
  /** Id of the dataset in the user's saved library (IndexedDB), or null for the bundled or a URL one. */
  datasetId: string | null;
  /** Warnings of the last import (quirks repaired), shown under the load report. */
  warnings: readonly Issue[];
  time: Day;
  mode: TimeMode;
  range: [Day, Day];
  eventWindow: number;
  selected: ActorId | null;
  /** The pair whose history is open (the two actors in the order they were chosen), or null. */
  pair: [ActorId, ActorId] | null;
  playing: boolean;
  speed: PlaySpeed;
  /** Last load report for the `role="status"` region. */
  status: string;
  /** A failed load, shown in the `role="alert"` region; the previous dataset stays. */
  loadError: LoadError | null;
  /** Notices that are not errors (unknown actor in the URL, …). */
  notice: string | null;
  /** Why the dataset on screen could not be kept in this browser, or null (kept, or not meant to be). */
  unkept: string | null;
  /** A dataset being fetched by URL, or null. */
  loading: LoadProgress | null;
  /** The claims lens: source, status, type and actor-kind filters and the as-known-on date. */
  lens: Lens;
  /** Dates A and B being compared, or null. */
  compare: [Day, Day] | null;
  /** Dates of the small multiples the user pinned (empty: spread across the events). */
  multiples: Day[];
}

/** A facet of the lens that filters by a set of values. */
export type Facet = 'sources' | 'statuses' | 'types' | 'kinds';

/** The verbs the interface uses; real logic lives in model/. */
export interface ViewActions {
  loadDataset(
    dataset: Dataset,
    name: string,
    initial?: { time?: Day; actor?: string | null },
    meta?: LoadMeta,
  ): void;
  failLoad(error: LoadError): void;
  dismissError(): void;
  setTime(day: Day): void;
  stepTime(days: number): void;
  stepMonths(months: number): void;
  toFirst(): void;
  toLast(): void;
  previousEvent(): void;
  nextEvent(): void;
  setMode(mode: TimeMode): void;
  setRange(range: [Day, Day]): void;
  setEventWindow(days: number): void;
  selectActor(id: ActorId | null): void;
  /** Opens the history of the pair a–b (a tie tapped on the graph or a pair in the ties panel). */
  selectPair(a: ActorId, b: ActorId): void;
  closePair(): void;
  play(): void;
  pause(): void;
  setSpeed(speed: PlaySpeed): void;
  /** One tick of play; stops at the last date. */
  tick(): void;
  setNotice(notice: string | null): void;
  setLoading(loading: LoadProgress | null): void;
  /** Sets the values a facet keeps (null: all). */
  setFacet(facet: Facet, values: readonly string[] | null): void;
  setKnownOn(day: Day | null): void;
  resetLens(): void;
  setCompare(dates: [Day, Day] | null): void;
  setMultiples(days: Day[]): void;
  /**
   * Builds the model of a dataset about to be loaded (into modelOf's cache, for the current event
   * window) without changing the state: lets a big load spend that time in a task of its own.
   */
  prepareModel(dataset: Dataset): void;
}

/** The whole store. */
export type ViewStore = ViewState & ViewActions;

function initialState(): ViewState {
  return {
    dataset: null,
    datasetName: '',
    datasetVersion: 0,
    datasetId: null,
    warnings: [],
    time: 0,
    mode: 'at',
    range: [0, 0],
    eventWindow: DEFAULT_EVENT_WINDOW,
    selected: null,
    pair: null,
    playing: false,
    speed: 'week',
    status: '',
    loadError: null,
    notice: null,
    unkept: null,
    loading: null,
    lens: OPEN_LENS,
    compare: null,
    multiples: [],
  };
}

/** The first and last day the time bar covers (the dataset's extent, padded to whole months). */
export function timeBounds(state: Pick<ViewState, 'dataset' | 'eventWindow'>): [Day, Day] {
  const model = modelOf(state);
  const extent = model?.index.extent;
  if (!extent) return [0, 0];
  return [extent.first, extent.last];
}

function clamp(state: ViewState, day: Day): Day {
  const [first, last] = timeBounds(state);
  return Math.min(Math.max(day, first), last);
}

/** Creates a fresh store; each test and each mounted app gets its own. */
export function createViewStore(): StoreApi<ViewStore> {
  return createStore<ViewStore>()(
    immer((set, get) => ({
      ...initialState(),
      prepareModel(dataset) {
        modelOf({ dataset, eventWindow: get().eventWindow });
      },
      loadDataset(dataset, name, initial = {}, meta: LoadMeta = {}) {
        // Frozen at the top before it enters the store: immer neither walks nor deep-freezes an
        // object that is already frozen. Walking 60,000 relations cost 235 ms of the load's longest
        // task (CollegeMsg); the dataset is never mutated after loading (new data, new object).
        Object.freeze(dataset);
        set((s) => {
          s.dataset = castDraft(dataset);
          s.datasetName = name;
          s.datasetId = meta.id ?? null;
          s.warnings = castDraft(meta.warnings ?? []);
          s.datasetVersion += 1;
          s.loadError = null;
          s.playing = false;
          const [first, last] = timeBounds({ dataset, eventWindow: s.eventWindow });
          const model = modelOf({ dataset, eventWindow: s.eventWindow });
          // The address's date wins; else the date that shows the most ties (never an empty first record).
          const wanted = initial.time ?? (model ? openingDate(model) : null) ?? first;
          s.time = Math.min(Math.max(wanted, first), last);
          s.range = [first, last];
          const actor = initial.actor ?? null;
          const known = actor !== null && dataset.actors.some((a) => a.id === actor);
          s.selected = known ? (actor as ActorId) : null;
          s.pair = null;
          const notices = [
            ...(meta.notices ?? []),
            actor !== null && !known
              ? `No actor "${actor}" in ${dataset.title}; nothing selected.`
              : '',
          ].filter(Boolean);
          s.notice = notices.length ? notices.join(' ') : null;
          s.unkept = meta.unkept ?? null;
          s.loading = null;
          s.lens = castDraft(OPEN_LENS);
          s.compare = null;
          s.multiples = [];
          const dated = modelOf({ dataset, eventWindow: s.eventWindow })?.index.extent;
          const scale = timeScaleOf(dataset);
          const day = (d: number): string =>
            scale === 'steps' ? formatTime(d, scale) : dayToIso(d);
          const span = dated ? `, ${day(first)} to ${day(last)}` : '';
          const n = meta.warnings?.length ?? 0;
          s.status =
            `Loaded ${dataset.title}: ${dataset.actors.length} actors, ${dataset.relations.length} relations` +
            span +
            (n ? ` (${n} warning${n === 1 ? '' : 's'})` : '');
        });
      },
      failLoad(error) {
        set((s) => {
          s.loadError = castDraft(error);
        });
      },
      dismissError() {
        set((s) => {
          s.loadError = null;
        });
      },
      setTime(day) {
        set((s) => {
          s.time = clamp(get(), Math.round(day));
        });
      },
      stepTime(days) {
        get().setTime(get().time + days);
      },
      stepMonths(months) {
        get().setTime(addMonths(get().time, months));
      },
      toFirst() {
        get().setTime(timeBounds(get())[0]);
      },
      toLast() {
        get().setTime(timeBounds(get())[1]);
      },
      previousEvent() {
        const day = modelOf(get())?.index.previousChange(get().time);
        if (day !== null && day !== undefined) get().setTime(day);
      },
      nextEvent() {
        const day = modelOf(get())?.index.nextChange(get().time);
        if (day !== null && day !== undefined) get().setTime(day);
      },
      setMode(mode) {
        set((s) => {
          s.mode = mode;
        });
      },
      setRange([a, b]) {
        set((s) => {
          const lo = clamp(get(), Math.min(a, b));
          const hi = clamp(get(), Math.max(a, b));
          s.range = [lo, hi];
          s.time = hi;
        });
      },
      setEventWindow(days) {
        set((s) => {
          s.eventWindow = Math.max(0, Math.min(3650, Math.round(days)));
        });
      },
      selectActor(id) {
        set((s) => {
          s.selected = id;
        });
      },
      selectPair(a, b) {
        set((s) => {
          s.pair = [a, b];
        });
      },
      closePair() {
        set((s) => {
          s.pair = null;
        });
      },

      play() {
        set((s) => {
          const [, last] = timeBounds(get());
          if (s.time >= last) s.time = timeBounds(get())[0];
          s.playing = true;
        });
      },
      pause() {
        set((s) => {
          s.playing = false;
        });
      },
      setSpeed(speed) {
        set((s) => {
          s.speed = speed;
        });
      },
      tick() {
        const s = get();
        const [, last] = timeBounds(s);
        if (s.time >= last) {
          s.pause();
          return;
        }
        if (s.speed === 'event') s.nextEvent();
        else if (s.speed === 'month') s.stepMonths(1);
        else s.stepTime(s.speed === 'week' ? 7 : 1);
        if (get().time >= last) get().pause();
      },
      setNotice(notice) {
        set((s) => {
          s.notice = notice;
        });
      },
      setLoading(loading) {
        set((s) => {
          s.loading = loading;
        });
      },
      setFacet(facet, values) {
        set((s) => {
          s.lens = castDraft({ ...s.lens, [facet]: values === null ? null : [...values] });
        });
      },
      setKnownOn(day) {
        set((s) => {
          s.lens = castDraft({ ...s.lens, knownOn: day });
        });
      },
      resetLens() {
        set((s) => {
          s.lens = castDraft(OPEN_LENS);
        });
      },
      setCompare(dates) {
        set((s) => {
          if (dates === null) {
            s.compare = null;
            return;
          }
          const [a, b] = dates[0] <= dates[1] ? dates : [dates[1], dates[0]];
          s.compare = [clamp(get(), a), clamp(get(), b)];
          s.time = s.compare[1];
          s.mode = 'at';
        });
      },
      setMultiples(days) {
        set((s) => {
          s.multiples = [...new Set(days.map((d) => clamp(get(), d)))].sort((x, y) => x - y);
        });
      },
    })),
  );
}
