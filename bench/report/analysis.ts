// Paragraphs of the report that explain each missed target from the measured breakdowns.
import type { BrowserCaseResult } from '../browser';
import type { ModelSizeResult } from '../model.bench';
import type { BenchResult } from '../report';
import {
  caseOf,
  importDraw,
  importLongest,
  kb,
  ms,
  n,
  ok,
  pct,
  profileText,
  times,
  timeline,
} from './format';

/** Which part of a load a main-thread task at `start` falls in, by the adapter calls seen. */
function phaseOf(c: BrowserCaseResult, start: number): string {
  const t = c.tieline;
  const setModel = t.marks.find((m) => m.name === 'setModel');
  const apply = t.marks.find((m) => m.name === 'apply');
  if (t.dataLoadedMs !== null && start < t.dataLoadedMs) return 'before the dataset arrived';
  if (setModel && start < setModel.start) return 'import, model and React before setModel';
  if (setModel && start <= setModel.end) return 'setModel';
  if (apply && start < apply.start)
    return 'first draw of the actors (their styles) while the layout runs';
  if (start <= t.paintedMs) return 'first apply and its frame';
  return 'after the first graph';
}

/** Paragraphs explaining each missed target from the measured breakdowns. */
export function analysis(r: BenchResult): string[] {
  const out: string[] = [];
  if (ok(r.model)) {
    const m100k = r.model.find((s) => s.relations === 100_000);
    const m1m = r.model.find((s) => s.relations === 1_000_000);
    if ((m100k && m100k.jump.p50 > 2) || (m1m && m1m.jumpSpeedup < 100)) {
      const s = (m1m ?? m100k) as ModelSizeResult;
      const j = s.jumpBreakdown;
      out.push(
        `**Model, jump (activeAt).** At ${n(s.relations)} relations \`activeAt\` returns ${n(s.meanActive)} relations on average (${pct(s.meanActive / s.relations)} of all) in ${ms(j.activeAt)}, against ${ms(s.scan.p50)} for the linear scan (${times(s.jumpSpeedup)}). How it answers: the ${n(s.openIntervals)} open-ended or open-started relations (${pct(s.openIntervals / s.relations)}) are ranges of arrays sorted by their one finite bound (a prefix and a suffix found by binary search); only the closed ones are in the interval tree, whose walk takes ${ms(j.walk)} (${n(Math.round(j.closedOnlyResults / Math.max(1, s.jump.n)))} results on average); a big answer is listed in ascending order by marking a byte per relation and reading the bytes back, O(n) with no comparisons, where a typed sort of the answer would cost ${ms(j.sortAnswer)}. Before this design (open-ended relations in the tree, answers sorted) the jump took 1.69 ms at 100k and 25.1 ms at 1M. What is left is proportional to the answer (${n(s.meanActive)} ordinals written into an array) and to n (the read-back), so no query that lists its answer can be 100× a scan that produces the same list; ≥ 100× holds for steps, which return a delta (${times(s.stepSpeedup)} a re-scan at this size).`,
      );
    }
    if (m100k && m100k.step.p50 > 0.1) {
      out.push(
        `**Model, step.** ${ms(m100k.step.p50)} at 100k for ${m100k.meanChangesPerStep} changes a day.`,
      );
    }
  }
  if (ok(r.adapter)) {
    const a = r.adapter;
    if (a.monthStep.p50 > 2 || a.allJump.p50 > 10) {
      const perChange = (a.monthStep.p50 * 1000) / Math.max(1, a.monthStep.meanChanged);
      out.push(
        `**Adapter, month step and jumps.** \`apply\` costs about ${Math.round(perChange)} µs per changed relation (month step: ${a.monthStep.meanChanged} changes in ${ms(a.monthStep.p50)}; first ↔ last day: ${n(a.extentJump.meanChanged)} in ${ms(a.extentJump.p50)}; all 20,000: ${ms(a.allJump.p50)}). Cytoscape's class machinery is the cost, not the diff: the bare \`edges.addClass('hidden')\` / \`removeClass\` on all 20,000 edges as one collection in one batch costs ${ms(a.bareToggleAllMs)} by itself, over the ${ms(10)} budget before anything else (per-node \`dim\`, per-edge fuzzy/fade/status classes) is written; each class change emits a \`class\` event and marks the element's style dirty for the end of the batch. CPU profile of the all-jump (self time): ${profileText(a.profiles.allJump)}. Month steps: ${profileText(a.profiles.monthStep)}.`,
      );
    }
    if (a.dayStepSelected.p50 > 2) {
      out.push(
        `**Adapter, steps with an actor selected** (not a DESIGN target, but it is what a user scrubbing around a selected actor gets): ${ms(a.dayStepSelected.p50)} per one-day step vs ${ms(a.dayStep.p50)} without a selection, because \`applyFocus\` re-toggles \`faded\`/\`selected\` on every node and \`faded\`/\`focus\` on every shown edge on every apply, changed or not. Profile: ${profileText(a.profiles.dayStepSelected)}.`,
      );
    }
  }
  if (ok(r.browser)) {
    const b = r.browser;
    const storeMs = ok(r.adapter) ? r.adapter.storeStep?.p50 : undefined;
    const activeMs = ok(r.adapter) ? r.adapter.activeAtMs : undefined;
    const overFloor = b.cases.filter((c) => c.stepOverFloor.p50 > 1.25);
    // Only where removing the hidden edges made an idle redraw clearly cheaper.
    const hiddenCosts = b.cases.filter((c) => {
      const f = c.tieline.idleFloor;
      return f?.withoutHidden && f.withoutHidden.p50 < 0.8 * f.all.p50;
    });
    const idleCheap = b.cases.filter(
      (c) => c.tieline.idleFloor && c.tieline.idleFloor.all.p50 < 25,
    );
    if (overFloor.length) {
      const rows = overFloor.map((c) => {
        const s = c.tieline.step.parts;
        const f = c.tieline.floor.parts;
        const d = (a: number, b2: number): string =>
          `${a - b2 >= 0 ? '+' : '−'}${ms(Math.abs(a - b2))}`;
        return `${c.name}: ${ms(c.tieline.step.p50)} vs ${ms(c.tieline.floor.p50)}, excess ${ms(c.tieline.step.p50 - c.tieline.floor.p50)} = input task ${d(s.inputTask, f.inputTask)} (apply ${ms(s.cyBatch)} of it), pre-render ${d(s.cyBeforeRender, f.cyBeforeRender)}, draw ${d(s.cyDraw, f.cyDraw)} (of which z-sort ${ms(s.cyZSort)} vs ${ms(f.cyZSort)} in the floor), frame rest ${d(s.frameRest, f.frameRest)}`;
      });
      let text = `**Browser, step ÷ floor.** Medians, step vs floor: ${rows.join('; ')}.`;
      text +=
        " What the step does beyond a redraw: (1) The z-sort. Showing or hiding an edge changes its `display`, which invalidates the renderer's z-ordered draw list; the next frame rebuilds it. Tieline's renderer patch (`src/graph/zsort.ts`) builds it from the drawn elements only (it held all 22,000 elements at 20k before; a big graph draws one edge per line, see the before/after table), in creation order and keyed by z-styles read once per element (Cytoscape's comparator read six per comparison), and those reads also compute the style of every edge the step restyled, so on CollegeMsg most of the z-sort is style work moved there from the draw. The floor, a redraw with no change, keeps the list. (2) Pre-render and draw grow with how many edges change class (entering, leaving, fade shades: heavy on CollegeMsg, whose 60,000 events fade through a 30-day window, in two shades on graphs over 5,000 relations; since a big graph draws and restyles one edge per line, only the drawn ones: about a quarter of the edges in view). (3) The input task: React re-rendering what depends on the date (the time bar, the histogram cursor, the actor rows whose counts changed) plus the adapter's apply. The frame-rest excess is the browser styling and painting the DOM that changed.";
      if (storeMs !== undefined && storeMs !== null && activeMs !== undefined && storeMs > 5) {
        text += ` The store is a large part here: in Node, \`stepTime(1)\` alone costs ${ms(storeMs)} at 20k while \`activeAt\` costs ${ms(activeMs)} (profile: ${profileText(ok(r.adapter) ? r.adapter.profiles.storeStep : null, 6)}), i.e. the store rebuilds the model on a step.`;
      }
      if (idleCheap.length) {
        text += ` About the floor itself: right after a change Cytoscape draws every visible element directly (its layer textures are invalid), which is what the interleaved floor measures; on an idle page a forced redraw reuses the cached layers and costs one frame (${idleCheap.map((c) => `${c.name} ${ms(c.tieline.idleFloor!.all.p50)}`).join(', ')}).`;
      }
      if (hiddenCosts.length) {
        text += ` Where the visible set is too big for those layer caches, every frame also pays for the hidden edges: idle redraws take ${hiddenCosts.map((c) => `${c.name} ${ms(c.tieline.idleFloor!.all.p50)} with all edges and ${ms(c.tieline.idleFloor!.withoutHidden!.p50)} once its ${n(c.tieline.idleFloor!.hiddenRemoved)} hidden edges are removed`).join('; ')}.`;
      }
      out.push(text);
    }
    const g20 = caseOf(b, 'g20k');
    if (g20?.common && g20.commonOverTieline && g20.commonOverTieline.p50 < 10) {
      const c = g20.common;
      out.push(
        `**Browser, common way ÷ Tieline at 20k** = ${times(g20.commonOverTieline.p50)} (${ms(c.step.p50)} vs ${ms(g20.tieline.step.p50)}). A one-day step changes only ~${ok(r.adapter) ? r.adapter.dayStep.meanChanged : 10} of 20,000 relations, so react-cytoscapejs adds and removes a handful of elements (its patch: ${ms(c.step.parts.cyBatch)}; the whole React input task ${ms(c.step.parts.inputTask)}), and on both pages the redraw dominates: floors of ${ms(c.floor.p50)} (reference page) and ${ms(g20.tieline.floor.p50)} (Tieline) for the same picture. Both pages now z-sort only what they show (${ms(c.step.parts.cyZSort)} vs ${ms(g20.tieline.step.parts.cyZSort)}): the reference page holds only the ~${n(c.visibleAtStart)} edges in view, Tieline keeps all 20,000 but leaves the hidden ones out of the draw list. With Tieline at its floor the ratio could not exceed common ÷ Tieline floor ≈ ${times(c.step.p50 / g20.tieline.floor.p50)}; ≥ 10× would need the common way to spend nine extra redraws' worth of work per step, which happens only when it must add or remove thousands of elements at once (month steps, jumps, fast play), not on one-day steps.`,
      );
    }
    const bundled = caseOf(b, 'bundled');
    if (bundled && bundled.tieline.step.p95 > 16.7) {
      const s = bundled.tieline.step.parts;
      out.push(
        `**Browser, p95 on the bundled dataset** = ${ms(bundled.tieline.step.p95)} (p50 ${ms(bundled.tieline.step.p50)}; floor p50 ${ms(bundled.tieline.floor.p50)}, p95 ${ms(bundled.tieline.floor.p95)}). Parts (medians): input task ${ms(s.inputTask)}, apply ${ms(s.cyBatch)}, draw ${ms(s.cyDraw)}, wait ${ms(s.waitForFrame)}, frame rest ${ms(s.frameRest)}. Measured key press → end of the next frame, so on a 60 Hz frame clock a step pays the wait for the next frame on top of its work: ${bundled.tieline.floor.p50 >= 16.7 ? `the floor alone (p50 ${ms(bundled.tieline.floor.p50)}, p95 ${ms(bundled.tieline.floor.p95)}) already exceeds one 60 Hz frame, so a p95 ≤ 16.7 ms measured this way is out of reach for any step; the step's own work (input task, apply, draw) is a few milliseconds.` : `a floor p50 of ${ms(bundled.tieline.floor.p50)} leaves ${ms(16.7 - bundled.tieline.floor.p50)} for the step's own work at the median, and the p95 also carries the worst frame alignment (floor p95 ${ms(bundled.tieline.floor.p95)}).`}`,
      );
    }
    if (g20 && g20.tieline.readyMs > 1500) {
      const t = g20.tieline;
      const setModel = t.marks.find((m) => m.name === 'setModel');
      const apply = t.marks.find((m) => m.name === 'apply');
      out.push(
        `**Browser, first graph at 20k** = ${ms(t.readyMs)} to ready (${ms(t.paintedMs)} painted; final layout at ${ms(t.layoutDoneMs)}, every shown edge created at ${ms(t.completeMs)}). Timeline: ${timeline(g20)}.` +
          (setModel && t.dataLoadedMs !== null
            ? ` From the dataset's arrival (${ms(t.dataLoadedMs)}) to \`setModel\` (${ms(setModel.start)}): ${ms(setModel.start - t.dataLoadedMs)} of importing (parse and validation), building the model, rendering React and loading the lazy adapter chunk.`
            : '') +
          (setModel && apply
            ? ` From \`setModel\` to the first \`apply\`: ${ms(apply.start - setModel.start)}; \`ready\` turns true at that first applied view, which may stand on provisional positions until the final layout arrives.`
            : '') +
          ` Long tasks up to the first graph: ${t.longTasks.map((x) => `${x.duration} ms at ${x.start}`).join(', ') || 'none'}.${ok(r.adapter) ? ` (In Node, a headless \`setModel\` adding all 22,000 elements at once takes ${ms(r.adapter.setModelMs)}.)` : ''} Where the main thread's time goes, by function: \`node scripts/profile-load.mjs --case=g20k\` (summarised under the first-graph proposal above).`,
      );
    }
    const cm = caseOf(b, 'collegemsg');
    if (cm && (importDraw(cm) > 3000 || importLongest(cm) > 200)) {
      const t = cm.tieline;
      const from = t.dataRequestMs ?? 0;
      const blocks = t.longTasks
        .filter((x) => x.start + x.duration >= from && x.duration > 200)
        .map((x) => `${x.duration} ms at ${x.start} (${phaseOf(cm, x.start)})`);
      out.push(
        `**Browser, CollegeMsg import** = ${ms(importDraw(cm))} from the request of the file to the painted graph; longest main-thread block ${ms(importLongest(cm))}. Timeline: ${timeline(cm)}. Main-thread blocks over 200 ms: ${blocks.join(', ') || 'none'}. The final layout came at ${ms(t.layoutDoneMs)} and the last edge the view shows at ${ms(t.completeMs)} (edges are created when a date first shows them).`,
      );
    }
    const plays = b.cases.filter((c) => c.tieline.play && c.tieline.play.fps < 30);
    if (plays.length) {
      out.push(
        `**Play (not a DESIGN target).** Frames per second while playing a day per tick: ${plays.map((c) => `${c.name} ${c.tieline.play!.fps} fps, longest frame ${ms(c.tieline.play!.longestFrameMs)}, ${c.tieline.play!.daysAdvanced} days in ${c.tieline.play!.seconds} s`).join('; ')}. Each tick is a step, so it pays what a key press pays.`,
      );
    }
  }
  if (r.bundle.initialGzip > 230_000) {
    out.push(
      `**Bundle.** Initial JavaScript ${kb(r.bundle.initialGzip)}: ${r.bundle.initial.map((f) => `\`${f.file}\` ${kb(f.gzip)}`).join(', ')}.`,
    );
  }
  return out;
}
