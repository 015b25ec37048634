// Label chooser cost per day step at 20,000 relations among 2,000 actors: `npx vitest bench --run bench/labels.bench.ts`.
import { bench, describe } from 'vitest';
import { buildModel, type Day } from '../src/model';
import { candidatesOf } from '../src/graph/labels/candidates';
import { chooseLabels } from '../src/graph/labels/choose';
import { GEN_START, generateDataset, gridPositions } from './generate';

const dataset = generateDataset({ actors: 2000, relations: 20_000, seed: 1 });
const model = buildModel(dataset);
const n = dataset.actors.length;
const grid = gridPositions(dataset, 75);
/** The view: a 1,100 × 640 graph area, fitted to the whole grid (the default view) or zoomed in 4×. */
const VIEW = { width: 1100, height: 640 };
const side = Math.ceil(Math.sqrt(n)) * 75;
const fitted = Math.min(VIEW.width / side, VIEW.height / side);

const tiesOverall = new Int32Array(n);
for (const r of dataset.relations) {
  tiesOverall[model.actorOrdinal.get(r.source)!]! += 1;
  tiesOverall[model.actorOrdinal.get(r.target)!]! += 1;
}
// Names of 10–30 characters, measured as the layer does (about 7.4 px a character at 13 px, 600).
const widths = Float64Array.from(dataset.actors, (_, i) => 6 + (10 + (i % 21)) * 7.4);
const radius = new Float64Array(n);

/** Screen positions at a zoom, centred on the grid's middle. */
function project(zoom: number): Float64Array {
  const xy = new Float64Array(2 * n);
  dataset.actors.forEach((a, i) => {
    const p = grid.get(a.id)!;
    xy[2 * i] = (p.x - side / 2) * zoom + VIEW.width / 2;
    xy[2 * i + 1] = (p.y - side / 2) * zoom + VIEW.height / 2;
    radius[i] = 15 * zoom;
  });
  return xy;
}

/** Ties shown per actor at a day (what the adapter keeps as it applies a view). */
function tiesAt(t: Day): Int32Array {
  const now = new Int32Array(n);
  const rels = dataset.relations;
  for (const i of model.index.activeAt(t)) {
    now[model.actorOrdinal.get(rels[i]!.source)!]! += 1;
    now[model.actorOrdinal.get(rels[i]!.target)!]! += 1;
  }
  return now;
}

const days = Array.from({ length: 64 }, (_, k) => (GEN_START + 400 + k) as Day);
const ties = days.map(tiesAt);
const selected = model.actorOrdinal.get(dataset.relations[0]!.source)!;
const focus = new Set<number>([selected]);
for (const i of model.incident[selected] ?? []) {
  focus.add(model.actorOrdinal.get(dataset.relations[i]!.source)!);
  focus.add(model.actorOrdinal.get(dataset.relations[i]!.target)!);
}

let k = 0;
/** One day step's labelling: candidates from 2,000 actors, then the chooser. */
function step(xy: Float64Array, withFocus: boolean): number {
  const tiesNow = ties[k++ % ties.length]!;
  const c = candidatesOf(
    {
      xy,
      radius,
      widths,
      height: 18,
      tiesNow,
      tiesOverall,
      focus: withFocus ? focus : new Set(),
    },
    VIEW,
  );
  return chooseLabels(c, VIEW).length;
}

describe('label chooser, one day step at 20,000 relations / 2,000 actors', () => {
  const fit = project(fitted);
  const zoomed = project(fitted * 4);
  bench('fitted view (all 2,000 actors in view)', () => {
    step(fit, false);
  });
  bench('fitted view, an actor selected (its partners must be named)', () => {
    step(fit, true);
  });
  bench('zoomed in 4× (about 1/16 of the actors in view)', () => {
    step(zoomed, false);
  });
});
