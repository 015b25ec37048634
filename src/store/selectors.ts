// Named, module-level selectors: derived data (model, visible relations, ties) computed from state, never stored.
import {
  buildModel,
  counterpart,
  type ActorId,
  type Dataset,
  type Day,
  type Model,
} from '../model';

const models = new WeakMap<Dataset, Map<number, Model>>();

/** The model of the dataset on screen for the current event window (cached per dataset and window). */
export function modelOf(state: { dataset: Dataset | null; eventWindow: number }): Model | null {
  const { dataset, eventWindow } = state;
  if (!dataset) return null;
  let byWindow = models.get(dataset);
  if (!byWindow) models.set(dataset, (byWindow = new Map()));
  let model = byWindow.get(eventWindow);
  if (!model) {
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
}

let lastVisibleKey: unknown[] = [];
let lastVisible: readonly number[] = [];

/** Ordinals of the relations in view; the same array while the inputs are the same. */
export function selectVisible(state: VisibleInputs): readonly number[] {
  const model = modelOf(state);
  const key = [
    model,
    state.mode,
    state.mode === 'range' ? state.range[0] : 0,
    state.mode === 'range' ? state.range[1] : state.time,
  ];
  if (key.every((k, i) => k === lastVisibleKey[i])) return lastVisible;
  lastVisibleKey = key;
  if (!model) return (lastVisible = []);
  const idx = model.index;
  lastVisible =
    state.mode === 'cumulative'
      ? idx.upTo(state.time)
      : state.mode === 'range'
        ? idx.inWindow(state.range[0], state.range[1])
        : idx.activeAt(state.time);
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
  const visible = new Set(selectVisible(state));
  const rels = model.dataset.relations;
  const history = list.map((i) => ({ ordinal: i, other: counterpart(rels[i]!, actor) }));
  return { current: history.filter((t) => visible.has(t.ordinal)), history };
}
