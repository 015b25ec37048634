// What each earlier technique changed: the figure before (a cited earlier run) against this run's figure.
import type { BrowserCaseResult } from '../browser';
import type { BenchResult } from '../report';
import { caseOf, importDraw, importLongest, kb, ms, ok } from './format';

/** One technique with the figure it moved: before (a cited earlier run), after (this run). */
interface BeforeAfter {
  readonly technique: string;
  readonly figure: string;
  readonly before: string;
  /** This run's figure, or null when this run did not measure it. */
  readonly after: (r: BenchResult) => string | null;
  readonly where: string;
}

const PREVIOUS_RUN = 'full run of 2026-11-22 04:10 UTC (commit 49979e7)';

/** The last full run of the second session, before the third session's changes. */
const SECOND_SESSION_RUN = 'full run of 2026-11-22 06:41 UTC (commit 0dc5d3f)';

/** The first full run of the fourth session, on the code as that session found it. */
const FOURTH_SESSION_START =
  'full run of 2026-12-02 05:02 UTC (commit bf29304), before the fourth session’s changes';

/** The sixth session's first measurement, on the code as it found it (machine quiet: load 0.05). */
const SIXTH_SESSION_START =
  'partial run `--parts=browser --cases=g20k,collegemsg` of 2026-12-02 16:05 UTC (commit 4aa3e91), before the sixth session’s changes';

/** Step ÷ limit at p50 / p95 of one case in this run. */
function overLimit(name: string): (r: BenchResult) => string | null {
  return ofCase(name, (c) =>
    c.stepOverLimit ? `${c.stepOverLimit.p50} / ${c.stepOverLimit.p95}` : '–',
  );
}

/** A figure of one browser case in this run, or null when the case was not measured. */
function ofCase(
  name: string,
  f: (c: BrowserCaseResult) => string,
): (r: BenchResult) => string | null {
  return (r) => {
    const c = ok(r.browser) ? caseOf(r.browser, name) : undefined;
    return c ? f(c) : null;
  };
}

/** One figure per named browser case in this run, joined by " / " ('–' for a case not measured). */
function ofCases(
  names: readonly string[],
  f: (c: BrowserCaseResult) => string,
): (r: BenchResult) => string | null {
  return (r) => {
    if (!ok(r.browser)) return null;
    const b = r.browser;
    return names
      .map((name) => {
        const c = caseOf(b, name);
        return c ? f(c) : '–';
      })
      .join(' / ');
  };
}

/**
 * The techniques of issue #6 and what each changed. "Before" figures come from the run named in
 * `where` (the full run before the change, or the partial run of the same session that isolated it);
 * "after" is read from this run, so the table stays true as the code moves.
 */
export const BEFORE_AFTER: readonly BeforeAfter[] = [
  {
    technique:
      'Steps cost what changes (#16): the actor list renders only the rows in view (`useRowWindow`; `content-visibility` ran an intersection check on 2,000 rows a frame), the label layer measures the controls over the graph only after they change (it forced a layout each step) and reads positions only when the view moved, the minimap redraws only for a new view',
    figure: 'CollegeMsg input task per step (median)',
    before: '11.5 ms',
    after: ofCase('collegemsg', (c) => ms(c.tieline.step.parts.inputTask)),
    where: SIXTH_SESSION_START,
  },
  {
    technique:
      'The raster after a step (#16): names drawn from cached bitmaps and not redrawn when the choice is unchanged (stroked halos were 3–30 ms of raster), the actors of a big graph kept as a bitmap redrawn only where a state changed (their circles were half the tie raster)',
    figure: 'g20k step ÷ limit p50 / p95',
    before: '2.61 / 2.19 (step 35.8 / 58.5 ms)',
    after: overLimit('g20k'),
    where: SIXTH_SESSION_START,
  },
  {
    technique: 'Same, on CollegeMsg',
    figure: 'CollegeMsg step ÷ limit p50 / p95',
    before: '2.16 / 2.16 (step 29.4 / 49.5 ms)',
    after: overLimit('collegemsg'),
    where: SIXTH_SESSION_START,
  },
  {
    technique:
      'Tie layer (#16): a big graph’s ties and actors drawn by Tieline’s own batched Canvas2D renderer, one path per style; Cytoscape hit-tests',
    figure: 'CollegeMsg step p50 / p95 (→ → PageUp, interleaved with the limit page)',
    before: '138 ms / 693 ms (limit page 25.6 / 35.0 ms)',
    after: ofCase('collegemsg', (c) =>
      c.limit
        ? `${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} (limit ${ms(c.limit.p50)} / ${ms(c.limit.p95)})`
        : `${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)}`,
    ),
    where:
      'side-by-side run quoted in issue #16 (2026-12-02, 3 rounds, Cytoscape drawing every tie)',
  },
  {
    technique: 'Tie layer (#16): complete frames, no edges created in slices',
    figure: 'g20k first painted frame after the data; frames after a first-visit step complete',
    before: `${ms(2478 - 657)} after the data (painted 2,478 ms); shown edges created 1.3–1.9 s after a step`,
    after: ofCase('g20k', (c) =>
      c.tieline.dataLoadedMs === null
        ? '–'
        : `${ms(c.tieline.paintedMs - c.tieline.dataLoadedMs)} after the data (painted ${ms(c.tieline.paintedMs)}); every frame complete (tests/e2e/big.spec.ts)`,
    ),
    where: 'full run of 2026-12-02 06:57 UTC (commit 7dba520)',
  },

  {
    technique:
      'Hidden ties out of the renderer’s draw list (`src/graph/zsort.ts`: the z-sorted list holds what is shown, not all 20,000 edges)',
    figure: 'g20k step p50 / floor p50',
    before: '277 ms / 206 ms',
    after: ofCase('g20k', (c) => `${ms(c.tieline.step.p50)} / ${ms(c.tieline.floor.p50)}`),
    where: `${PREVIOUS_RUN}; isolated in a partial run (\`--parts=browser --cases=g20k\`): 296 → 130 ms step`,
  },
  {
    technique: 'Same, the z-sort inside a step',
    figure: 'g20k z-sort per step (median)',
    before: '29.5 ms',
    after: ofCase('g20k', (c) => ms(c.tieline.step.parts.cyZSort)),
    where: PREVIOUS_RUN,
  },
  {
    technique: 'Class toggles written per class as one collection (`ClassWriter`), not per element',
    figure: 'adapter one-month step at 20k, p50',
    before: '2.33 ms',
    after: (r) => (ok(r.adapter) ? ms(r.adapter.monthStep.p50) : null),
    where: 'partial run `--parts=adapter` before and after the change (same session)',
  },
  {
    technique:
      'Memoised actor rows and `content-visibility: auto` (only rows whose count changed re-render)',
    figure: 'g20k input task per step (React, store, apply)',
    before: '16.6 ms',
    after: ofCase('g20k', (c) => ms(c.tieline.step.parts.inputTask)),
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Big graphs: an edge is created when a date first shows it (≤ 1,000 in the apply, the rest in slices), the load split into three tasks, fit from positions, no text style on big graphs, dataset frozen before immer, each date text parsed once',
    figure: 'CollegeMsg request → painted graph / longest block',
    before: '3,511 ms / 852 ms',
    after: ofCase('collegemsg', (c) => `${ms(importDraw(c))} / ${ms(importLongest(c))}`),
    where: PREVIOUS_RUN,
  },
  {
    technique: 'Same, at 20k',
    figure: 'g20k navigation → ready / painted',
    before: '3,095 ms / 4,325 ms',
    after: ofCase('g20k', (c) => `${ms(c.tieline.readyMs)} / ${ms(c.tieline.paintedMs)}`),
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Index: open-ended relations answered as ranges of arrays sorted by their finite bound, the tree over closed intervals only, big answers listed by marking a byte array instead of sorting',
    figure: 'jump (activeAt) at 100k / 1M, p50',
    before: '1.69 ms / 25.1 ms',
    after: (r) => {
      const a = ok(r.model) ? r.model.find((x) => x.relations === 100_000) : undefined;
      const b = ok(r.model) ? r.model.find((x) => x.relations === 1_000_000) : undefined;
      return a && b ? `${ms(a.jump.p50)} / ${ms(b.jump.p50)}` : null;
    },
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Each distinct date text parsed once per index build; `dayOf` by arithmetic instead of a `Date`',
    figure: 'index build at 100k (model bench)',
    before: '376 ms',
    after: (r) => {
      const m = ok(r.model) ? r.model.find((x) => x.relations === 100_000) : undefined;
      return m ? ms(m.buildIndexMs) : null;
    },
    where: PREVIOUS_RUN,
  },
  {
    technique:
      'Draw list ordered from each element’s z-styles read once (`zOrder`), edges listed in creation order (Cytoscape’s tie-break), instead of Cytoscape’s comparator over a list in relation order',
    figure: 'z-sort per step, median: g5k / g20k / CollegeMsg',
    before: '2.5 ms / 11.3 ms / 60.6 ms',
    after: ofCases(['g5k', 'g20k', 'collegemsg'], (c) => ms(c.tieline.step.parts.cyZSort)),
    where: SECOND_SESSION_RUN,
  },
  {
    technique:
      'Events fade through two shades instead of four on graphs over 5,000 relations (`fadeSteps`): half the class changes a day on CollegeMsg',
    figure: 'CollegeMsg pre-render per step / step ÷ floor, p50',
    before: '142 ms / 1.62',
    after: ofCase(
      'collegemsg',
      (c) => `${ms(c.tieline.step.parts.cyBeforeRender)} / ${c.stepOverFloor.p50}`,
    ),
    where: `${SECOND_SESSION_RUN}; isolated in a partial run (\`--parts=browser --cases=collegemsg\`): pre-render 146 → 101 ms, step ÷ floor 1.43 → 1.30`,
  },
  {
    technique:
      'The first view of a big graph applied in the task that adds the actors (one first frame with actors and ties, not actors alone and then ties); no deep freeze in the import worker; each date text parsed once in validation',
    figure: 'g20k navigation → ready / painted',
    before: '2,329 ms / 3,259 ms',
    after: ofCase('g20k', (c) => `${ms(c.tieline.readyMs)} / ${ms(c.tieline.paintedMs)}`),
    where: SECOND_SESSION_RUN,
  },
  {
    technique: 'Same, CollegeMsg',
    figure: 'CollegeMsg request → painted graph / longest block',
    before: '3,599 ms / 540 ms',
    after: ofCase('collegemsg', (c) => `${ms(importDraw(c))} / ${ms(importLongest(c))}`),
    where: SECOND_SESSION_RUN,
  },
  {
    technique:
      'Histogram bars built once per dataset; a date step re-renders only its cursor (it rewrote the props of every month bar)',
    figure: 'input task per step, median: g5k / g20k',
    before: '4.9 ms / 8.8 ms',
    after: ofCases(['g5k', 'g20k'], (c) => ms(c.tieline.step.parts.inputTask)),
    where: SECOND_SESSION_RUN,
  },
  {
    technique:
      'The validator (valibot) loaded as its own chunk alongside the bundled dataset, not in the first script',
    figure: 'initial JavaScript (what index.html loads), gzip',
    before: '94.0 KB',
    after: (r) => kb(r.bundle.initialGzip),
    where: `${SECOND_SESSION_RUN}; the size budget's figure, which also counts the adapter chunk: 229.7 → 226.0 KB (\`npm run size\`)`,
  },
  {
    technique:
      'Big graphs’ layouts kept in the browser (IndexedDB, keyed by a hash of the layout input): a dataset opened again gets its final layout without the worker run',
    figure: 'g20k final layout: first visit / opened again',
    before: 'both computed: about 7,100 ms',
    after: ofCase(
      'g20k',
      (c) =>
        `${ms(c.tieline.layoutDoneMs)} / ${c.tieline.reopened ? ms(c.tieline.reopened.layoutDoneMs) : 'not measured'}`,
    ),
    where: `${SECOND_SESSION_RUN} (first visit; every visit computed the layout then)`,
  },
  {
    technique:
      'Big graphs draw one edge per line: the ties of one type between the same two actors (haystack lines on the same pixels) drawn once, from the freshest, at the shade of all of them stacked; only drawn edges are created and restyled (`GraphAdapter.drawnOf`)',
    figure: 'CollegeMsg step p50 / floor p50 / JS heap after load',
    before: '740 ms / 500 ms / 269 MB',
    after: ofCase(
      'collegemsg',
      (c) => `${ms(c.tieline.step.p50)} / ${ms(c.tieline.floor.p50)} / ${c.tieline.heapUsedMB} MB`,
    ),
    where: `${FOURTH_SESSION_START}; 37,382 ties in view at the start date fall on 8,971 lines`,
  },
  {
    technique: 'Same, play',
    figure: 'CollegeMsg frames per second while playing',
    before: '2.78 fps',
    after: ofCase('collegemsg', (c) =>
      c.tieline.play ? `${c.tieline.play.fps} fps` : 'not measured',
    ),
    where: `${SECOND_SESSION_RUN} (the fourth session's first run did not reach play on CollegeMsg)`,
  },
  {
    technique:
      '`?data=` loads fetch the import client alongside the file and start the import worker during the download (`prewarm`), not after it',
    figure: 'dataset received → `setModel`: g20k / CollegeMsg',
    before: '1,810 ms / 1,643 ms',
    after: ofCases(['g20k', 'collegemsg'], (c) => {
      const sm = c.tieline.marks.find((m) => m.name === 'setModel');
      return sm && c.tieline.dataLoadedMs !== null ? ms(sm.start - c.tieline.dataLoadedMs) : '–';
    }),
    where:
      'partial runs (`--parts=browser --cases=g20k,collegemsg`) before and after the change, the second also with the Chromium flag change below',
  },
  {
    technique:
      'Store clamps against the plain state, not an immer draft (the model was rebuilt on every key press)',
    figure: 'store `stepTime(1)` at 20k',
    before: '344 ms',
    after: (r) => (ok(r.adapter) && r.adapter.storeStep ? ms(r.adapter.storeStep.p50) : null),
    where: 'first session, profile of the store step (fixed before the first full run)',
  },
];
