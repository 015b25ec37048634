// Adapter benchmark (Node, headless Cytoscape): JS time of GraphAdapter.apply for scrub steps and worst-case jumps at 2,000 actors / 20,000 relations.
import { GraphAdapter } from '../src/graph/adapter';
import { addMonths, buildModel, type ActorId } from '../src/model';
import { createViewStore } from '../src/store/store';
import { GEN_MIDDLE, generateDataset, gridPositions } from './generate';
import { profileSelf, type ProfileSummary } from './profile';
import { median, quantile, round, time } from './stats';

/** One kind of apply call: its time and how much it changed. */
export interface ApplyFigure {
  p50: number;
  p95: number;
  n: number;
  /** Mean and largest count of relations entering or leaving per call. */
  meanChanged: number;
  maxChanged: number;
}

/** Figures of the adapter benchmark, in milliseconds. */
export interface AdapterResult {
  actors: number;
  relations: number;
  setModelMs: number;
  meanVisible: number;
  dayStep: ApplyFigure;
  monthStep: ApplyFigure;
  dayStepSelected: ApplyFigure;
  /** First day ↔ last day of the extent. */
  extentJump: ApplyFigure;
  /** Nothing shown ↔ all 20,000 shown: every relation changes. */
  allJump: ApplyFigure;
  /** Where the all-jump time goes: the same class toggles in a bare cy.batch, without the adapter. */
  bareToggleAllMs: number;
  /** What a key press costs the store before any view: `stepTime(1)` on a store holding this dataset, and activeAt alone. */
  storeStep: { p50: number; p95: number; n: number } | null;
  activeAtMs: number;
  /** CPU profiles (self time by function) of the month steps, the all-jump, the selected-actor steps and the store step. */
  profiles: {
    monthStep: ProfileSummary;
    allJump: ProfileSummary;
    dayStepSelected: ProfileSummary;
    storeStep: ProfileSummary | null;
  };
}

function figure(times: number[], changed: number[]): ApplyFigure {
  return {
    p50: round(median(times), 3),
    p95: round(quantile(times, 0.95), 3),
    n: times.length,
    meanChanged: Math.round(changed.reduce((a, b) => a + b, 0) / Math.max(1, changed.length)),
    maxChanged: Math.max(0, ...changed),
  };
}

/** Runs the adapter benchmark. */
export async function runAdapterBench(log: (s: string) => void = () => {}): Promise<AdapterResult> {
  const actors = 2000;
  const relations = 20_000;
  const dataset = generateDataset({ actors, relations, seed: 2020 });
  const model = buildModel(dataset);
  const idx = model.index;
  const adapter = new GraphAdapter(null);
  const setModelMs = time(() => adapter.setModel(model, gridPositions(dataset)));
  const apply = (
    visible: readonly number[],
    t: number,
    selected: ActorId | null = null,
  ): { ms: number; changed: number } => {
    const a = performance.now();
    const r = adapter.apply({ visible, time: t, selected });
    return { ms: performance.now() - a, changed: r.entered + r.exited };
  };

  // One-day steps (what ArrowRight does), over a walk of consecutive days; the visible set is computed outside the timing.
  const walk = (
    days: number[],
    selected: ActorId | null,
  ): { times: number[]; changed: number[]; visible: number } => {
    apply(idx.activeAt(days[0] as number), days[0] as number, selected);
    const times: number[] = [];
    const changed: number[] = [];
    let visible = 0;
    for (const d of days.slice(1)) {
      const v = idx.activeAt(d);
      visible += v.length;
      const r = apply(v, d, selected);
      times.push(r.ms);
      changed.push(r.changed);
    }
    return { times, changed, visible: visible / Math.max(1, days.length - 1) };
  };
  walk(
    Array.from({ length: 60 }, (_, k) => GEN_MIDDLE - 400 + k),
    null,
  ); // warm-up
  const dayWalk = walk(
    Array.from({ length: 401 }, (_, k) => GEN_MIDDLE + k),
    null,
  );
  const months: number[] = [GEN_MIDDLE];
  for (let k = 0; k < 60; k++) months.push(addMonths(months[months.length - 1] as number, 1));
  const monthWalk = walk(months, null);
  // With an actor selected, every apply also recomputes the focus classes.
  const hub = dataset.relations[0]!.source;
  const selWalk = walk(
    Array.from({ length: 61 }, (_, k) => GEN_MIDDLE + k),
    hub,
  );

  // Worst cases: first ↔ last day, and nothing ↔ everything.
  const ext = idx.extent!;
  const firstSet = idx.activeAt(ext.first);
  const lastSet = idx.activeAt(ext.last);
  const all = Array.from({ length: relations }, (_, i) => i);
  const extT: number[] = [];
  const extC: number[] = [];
  const allT: number[] = [];
  const allC: number[] = [];
  for (let k = 0; k < 12; k++) {
    const a = apply(firstSet, ext.first);
    const b = apply(lastSet, ext.last);
    if (k >= 2) {
      extT.push(a.ms, b.ms);
      extC.push(a.changed, b.changed);
    }
  }
  for (let k = 0; k < 10; k++) {
    const a = apply([], ext.last);
    const b = apply(all, ext.last);
    if (k >= 2) {
      allT.push(a.ms, b.ms);
      allC.push(a.changed, b.changed);
    }
  }
  // The floor of the all-jump: toggling `hidden` on every edge in one batch, nothing else.
  const edges = adapter.cy.edges();
  const bare: number[] = [];
  for (let k = 0; k < 10; k++) {
    bare.push(time(() => adapter.cy.batch(() => edges.addClass('hidden'))));
    bare.push(time(() => adapter.cy.batch(() => edges.removeClass('hidden'))));
  }
  // Profiles of the slow paths (re-run under the sampling profiler; not part of the timings above).
  const profiles = {
    monthStep: await profileSelf(() => void walk(months.slice(0, 30), null)),
    allJump: await profileSelf(() => {
      for (let k = 0; k < 4; k++) {
        apply([], ext.last);
        apply(all, ext.last);
      }
    }),
    dayStepSelected: await profileSelf(
      () =>
        void walk(
          Array.from({ length: 21 }, (_, k) => GEN_MIDDLE + 300 + k),
          hub,
        ),
    ),
    storeStep: null as ProfileSummary | null,
  };
  adapter.destroy();

  // The store: what `stepTime(1)` (ArrowRight) costs before React or Cytoscape see anything.
  let storeStep: AdapterResult['storeStep'] = null;
  try {
    const store = createViewStore();
    store.getState().loadDataset(dataset, 'bench', { time: GEN_MIDDLE });
    const steps: number[] = [];
    for (let k = 0; k < 12; k++) steps.push(time(() => store.getState().stepTime(1)));
    storeStep = {
      p50: round(median(steps.slice(3)), 3),
      p95: round(quantile(steps.slice(3), 0.95), 3),
      n: steps.length - 3,
    };
    profiles.storeStep = await profileSelf(() => {
      for (let k = 0; k < 3; k++) store.getState().stepTime(1);
    });
  } catch (e) {
    log(`adapter: store step not measured: ${e instanceof Error ? e.message : String(e)}`);
  }
  const activeAtMs = round(
    median(Array.from({ length: 50 }, (_, k) => time(() => void idx.activeAt(GEN_MIDDLE + k)))),
    3,
  );

  const result: AdapterResult = {
    actors,
    relations,
    setModelMs: round(setModelMs, 3),
    meanVisible: Math.round(dayWalk.visible),
    dayStep: figure(dayWalk.times, dayWalk.changed),
    monthStep: figure(monthWalk.times, monthWalk.changed),
    dayStepSelected: figure(selWalk.times, selWalk.changed),
    extentJump: figure(extT, extC),
    allJump: figure(allT, allC),
    bareToggleAllMs: round(median(bare), 3),
    storeStep,
    activeAtMs,
    profiles,
  };
  log(
    `adapter: day step p50 ${result.dayStep.p50} ms, month step p50 ${result.monthStep.p50} ms (max ${result.monthStep.maxChanged} changes), ` +
      `all-jump p50 ${result.allJump.p50} ms (bare toggle ${result.bareToggleAllMs} ms), store step p50 ${result.storeStep?.p50 ?? '–'} ms`,
  );
  return result;
}
