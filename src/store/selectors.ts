// Named, module-level selectors: derived data (model, visible relations, ties) computed from state, never stored.
import {
  relationEnds,
  buildModel,
  compareDates,
  counterpart,
  claimDatedRelations,
  currentStateAt,
  inLensSpan,
  lensSpans,
  lensStatuses,
  type ActorId,
  type Change,
  type Dataset,
  type Day,
  type Lens,
  type Model,
  type RelationSpan,
  type Status,
  withEventWindow,
} from '../model';

const models = new WeakMap<Dataset, Map<number, Model>>();
let builds = 0;

/** How many models were built so far: a cache miss on every step once cost 340 ms at 20k relations. */
export function modelBuildCount(): number {
  return builds;
}

/**
 * The model of the dataset on screen for the current event window (cached per dataset and window).
 * Call it with real state, never inside an immer recipe: a draft's dataset is a proxy, a cache miss.
 */
export function modelOf(state: { dataset: Dataset | null; eventWindow: number }): Model | null {
  const { dataset, eventWindow } = state;
  if (!dataset) return null;
  let byWindow = models.get(dataset);
  if (!byWindow) models.set(dataset, (byWindow = new Map()));
  let model = byWindow.get(eventWindow);
  if (!model) {
    builds++;
    const base: Model | undefined = byWindow.values().next().value;
    model = base ? withEventWindow(base, eventWindow) : buildModel(dataset, { eventWindow });
    byWindow.set(eventWindow, model);
  }
  return model;
}

/** The inputs that decide which relations are in view. */
export interface VisibleInputs {
  dataset: Dataset | null;
  eventWindow: number;
  mode: 'at' | 'cumulative' | 'range' | 'current';
  time: Day;
  range: readonly [Day, Day];
  lens: Lens;
  compare: readonly [Day, Day] | null;
}

/** Memoises a derivation on the identity of its inputs (one entry: the view changes one step at a time). */
function memo<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let value: R;
  return (...args: A): R => {
    if (last && last.length === args.length && last.every((x, i) => x === args[i])) return value;
    last = args;
    value = f(...args);
    return value;
  };
}

/** Status of each relation under the lens (null: hidden by it); a stable array while inputs stay. */
export function selectStatuses(state: {
  dataset: Dataset | null;
  eventWindow: number;
  lens: Lens;
}): readonly (Status | null)[] {
  const model = modelOf(state);
  return model ? viewMemoOf(model).statuses(state.lens) : NO_STATUS;
}

/**
 * Each relation's span as the claims under the lens date it (the index's own spans unless the lens
 * filters claims of a relation whose sources date it differently); a stable array while inputs stay.
 */
export function selectSpans(state: {
  dataset: Dataset | null;
  eventWindow: number;
  lens: Lens;
}): readonly RelationSpan[] {
  const model = modelOf(state);
  return model ? viewMemoOf(model).spans(state.lens.sources, state.lens.knownOn) : NO_SPANS;
}
const NO_SPANS: readonly RelationSpan[] = [];
const NO_STATUS: readonly (Status | null)[] = [];

/** The changes between the compared dates, in date order (empty when not comparing). */
export function selectChanges(state: VisibleInputs): readonly Change[] {
  const model = modelOf(state);
  if (!state.compare || !model) return EMPTY;
  return viewMemoOf(model).changes(state.compare[0], state.compare[1], state.lens);
}
const EMPTY: readonly Change[] = [];

/** The last answers of the view selectors for one model (one entry each: the view moves a step at a time). */
interface ViewMemo {
  visibleKey: unknown[];
  visible: readonly number[];
  shown: (visible: readonly number[], statuses: readonly (Status | null)[]) => readonly number[];
  degree: (model: Model, shown: readonly number[]) => ReadonlyMap<ActorId, number>;
  statuses: (lens: Lens) => readonly (Status | null)[];
  spans: (sources: Lens['sources'], knownOn: Lens['knownOn']) => readonly RelationSpan[];
  changes: (a: Day, b: Day, lens: Lens) => readonly Change[];
}
/** Per model, not module-wide: two stores on two datasets do not evict each other's answers. */
const viewMemos = new WeakMap<Model, ViewMemo>();

function viewMemoOf(model: Model): ViewMemo {
  let m = viewMemos.get(model);
  if (!m) {
    m = {
      visibleKey: [],
      visible: [],
      shown: memo(shownAmong),
      statuses: memo((lens: Lens) => lensStatuses(model, lens)),
      spans: memo((sources: Lens['sources'], knownOn: Lens['knownOn']) =>
        lensSpans(model, { sources, knownOn }),
      ),
      changes: memo((a: Day, b: Day, lens: Lens) => compareDates(model, a, b, lens)),
      degree: memo(degreeOf),
    };
    viewMemos.set(model, m);
  }
  return m;
}
const NONE: readonly number[] = [];

/**
 * Ordinals of the relations the time query puts in view (before the lens's statuses); the same array
 * while the inputs are the same. Views want `selectShown`, which also applies the lens. The index
 * answers for the spans all claims support; where the lens narrows a claim-dated relation's span (a
 * source filter or as-known-on date that leaves out the source giving a date), it is dropped here.
 */
export function selectVisible(state: VisibleInputs): readonly number[] {
  const model = modelOf(state);
  if (!model) return NONE;
  const m = viewMemoOf(model);
  const spans = selectSpans(state);
  // The current state picks each pair's latest record among those the lens keeps.
  const statuses = state.mode === 'current' ? selectStatuses(state) : null;
  const key = [
    spans,
    state.mode,
    state.mode === 'range' ? state.range[0] : 0,
    state.mode === 'range' ? state.range[1] : state.time,
    statuses,
  ];
  if (key.every((k, i) => k === m.visibleKey[i])) return m.visible;
  m.visibleKey = key;
  const idx = model.index;
  const [a, b] =
    state.mode === 'cumulative'
      ? [-Infinity, state.time]
      : state.mode === 'range'
        ? state.range
        : [state.time, state.time];
  const found =
    state.mode === 'current'
      ? currentStateAt(model, state.time, (i) => statuses?.[i] != null)
      : state.mode === 'cumulative'
        ? idx.upTo(state.time)
        : state.mode === 'range'
          ? idx.inWindow(a, b)
          : idx.activeAt(state.time);
  m.visible =
    // (The current state is each pair's latest record, not a time query: the lens keeps it as is.)
    spans === idx.spans ||
    state.mode === 'current' ||
    claimDatedRelations(model.dataset).length === 0
      ? found
      : found.filter((i) => inLensSpan(spans, i, a, b));
  return m.visible;
}

/**
 * The one rule of what is shown: of the relations a time query returns, those the lens keeps (a
 * status that is not null). Every view applies it through this function or `selectShown`.
 */
export function shownAmong(
  ordinals: readonly number[],
  statuses: readonly (Status | null)[],
): number[] {
  return ordinals.filter((i) => statuses[i] !== null && statuses[i] !== undefined);
}

/** Ordinals of the relations shown at the view's date (in view and kept by the lens); a stable array. */
export function selectShown(state: VisibleInputs): readonly number[] {
  const model = modelOf(state);
  if (!model) return NONE;
  return viewMemoOf(model).shown(selectVisible(state), selectStatuses(state));
}

function degreeOf(model: Model, shown: readonly number[]): ReadonlyMap<ActorId, number> {
  // Counted by actor ordinal in a typed array (a string-keyed Map per tie cost about 1 ms a step at
  // 2,000 actors), then one Map entry per actor with ties.
  const ends = relationEnds(model);
  const counts = new Int32Array(model.dataset.actors.length);
  for (const i of shown) {
    const s = ends[2 * i]!;
    const t = ends[2 * i + 1]!;
    if (s >= 0) counts[s]! += 1;
    if (t >= 0 && t !== s) counts[t]! += 1;
  }
  const out = new Map<ActorId, number>();
  const actors = model.dataset.actors;
  for (let o = 0; o < counts.length; o++) if (counts[o]! > 0) out.set(actors[o]!.id, counts[o]!);
  return out;
}

/** Ties shown now per actor (a self-tie counts once); a stable map while the shown set stays. */
export function selectActiveDegree(state: VisibleInputs): ReadonlyMap<ActorId, number> {
  const model = modelOf(state);
  if (!model) return NO_DEGREE;
  return viewMemoOf(model).degree(model, selectShown(state));
}
const NO_DEGREE: ReadonlyMap<ActorId, number> = new Map();

/** One tie of an actor: the relation's ordinal and the actor at its other end. */
export interface Tie {
  readonly ordinal: number;
  readonly other: ActorId;
}

/** The selected actor's ties in view and its whole history, both in date order. */
export function tiesOf(state: VisibleInputs, actor: ActorId): { current: Tie[]; history: Tie[] } {
  const model = modelOf(state);
  if (!model) return { current: [], history: [] };
  const ord = model.actorOrdinal.get(actor);
  const list = ord === undefined ? [] : (model.incident[ord] ?? []);
  const shown = new Set(selectShown(state));
  const rels = model.dataset.relations;
  const history = list.map((i) => ({ ordinal: i, other: counterpart(rels[i]!, actor) }));
  return { current: history.filter((t) => shown.has(t.ordinal)), history };
}
