// Named, module-level selectors: derived data (model, visible relations, ties) computed from state, never stored.
import {
  buildModel,
  compareDates,
  counterpart,
  claimDatedRelations,
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
    const base = byWindow.values().next().value;
    model = base
      ? { ...base, index: buildModel(dataset, { eventWindow }).index }
      : buildModel(dataset, { eventWindow });
    byWindow.set(eventWindow, model);
  }
  return model;
}

/** The inputs that decide which relations are in view. */
export interface VisibleInputs {
  dataset: Dataset | null;
  eventWindow: number;
  mode: 'at' | 'cumulative' | 'range';
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

const statusesOf = memo((model: Model | null, lens: Lens): readonly (Status | null)[] =>
  model ? lensStatuses(model, lens) : [],
);

/** Status of each relation under the lens (null: hidden by it); a stable array while inputs stay. */
export function selectStatuses(state: {
  dataset: Dataset | null;
  eventWindow: number;
  lens: Lens;
}): readonly (Status | null)[] {
  return statusesOf(modelOf(state), state.lens);
}

const spansOf = memo((model: Model | null, sources: Lens['sources'], knownOn: Lens['knownOn']) =>
  model ? lensSpans(model, { sources, knownOn }) : [],
);

/**
 * Each relation's span as the claims under the lens date it (the index's own spans unless the lens
 * filters claims of a relation whose sources date it differently); a stable array while inputs stay.
 */
export function selectSpans(state: {
  dataset: Dataset | null;
  eventWindow: number;
  lens: Lens;
}): readonly RelationSpan[] {
  return spansOf(modelOf(state), state.lens.sources, state.lens.knownOn);
}

const changesOf = memo((model: Model | null, a: Day, b: Day, lens: Lens): readonly Change[] =>
  model ? compareDates(model, a, b, lens) : [],
);

/** The changes between the compared dates, in date order (empty when not comparing). */
export function selectChanges(state: VisibleInputs): readonly Change[] {
  if (!state.compare) return EMPTY;
  return changesOf(modelOf(state), state.compare[0], state.compare[1], state.lens);
}
const EMPTY: readonly Change[] = [];

let lastVisibleKey: unknown[] = [];
let lastVisible: readonly number[] = [];

/**
 * Ordinals of the relations in view; the same array while the inputs are the same. The index answers
 * for the spans all claims support; a lens that narrows a claim-dated relation's span drops it here.
 */
export function selectVisible(state: VisibleInputs): readonly number[] {
  const model = modelOf(state);
  const spans = selectSpans(state);
  const key = [
    model,
    spans,
    state.mode,
    state.mode === 'range' ? state.range[0] : 0,
    state.mode === 'range' ? state.range[1] : state.time,
  ];
  if (key.every((k, i) => k === lastVisibleKey[i])) return lastVisible;
  lastVisibleKey = key;
  if (!model) return (lastVisible = []);
  const idx = model.index;
  const [a, b] =
    state.mode === 'cumulative'
      ? [-Infinity, state.time]
      : state.mode === 'range'
        ? state.range
        : [state.time, state.time];
  const found =
    state.mode === 'cumulative'
      ? idx.upTo(state.time)
      : state.mode === 'range'
        ? idx.inWindow(a, b)
        : idx.activeAt(state.time);
  lastVisible =
    spans === idx.spans || claimDatedRelations(model.dataset).length === 0
      ? found
      : found.filter((i) => inLensSpan(spans, i, a, b));
  return lastVisible;
}

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
  const statuses = selectStatuses(state);
  const visible = new Set(selectVisible(state).filter((i) => statuses[i] !== null));
  const rels = model.dataset.relations;
  const history = list.map((i) => ({ ordinal: i, other: counterpart(rels[i]!, actor) }));
  return { current: history.filter((t) => visible.has(t.ordinal)), history };
}
