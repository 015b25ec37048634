// Paragraphs of the report that explain each missed target from the measured breakdowns.
import type { BrowserCaseResult, LatencyFigure } from '../browser';
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
    const overLimit = b.cases.filter(
      (c) => c.stepOverLimit && (c.stepOverLimit.p50 > 1.5 || c.stepOverLimit.p95 > 2),
    );
    if (overLimit.length) {
      const rows = overLimit.map((c) => {
        const s = c.tieline.step.parts;
        const l = (c.limit as LatencyFigure).parts;
        return `${c.name}: step ${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} vs limit ${ms(c.limit!.p50)} / ${ms(c.limit!.p95)} (p50 / p95); Tieline's input task ${ms(s.inputTask)} (of which the adapter's apply ${ms(s.cyBatch)} and the tie layer's draw calls ${ms(s.tieDraw ?? 0)}; the rest is React and the store), Cytoscape ${ms(s.cyBeforeRender + s.cyDraw)}, waiting for the frame ${ms(s.waitForFrame)}, the browser's frame ${ms(s.frameRest)}; the limit page's input ${ms(l.inputTask)}, wait ${ms(l.waitForFrame)}, frame ${ms(l.frameRest)}`;
      });
      out.push(
        `**Browser, step ÷ limit.** Medians: ${rows.join('; ')}. The ties cost what the limit page pays: both rasterise the same lines in software, one path per style; Tieline's raster lands at the end of the key's task (\`CanvasRenderingContext2D::FinalizeFrame\` in \`node scripts/profile-load.mjs --case=g20k --steps=30 --trace\`, hence its longer wait), the limit page's inside its frame. The actors cost less than the limit page's, which draws every circle on every step: Tieline keeps them as a bitmap redrawn only where a state changed. What the limit page does not do is the rest of the application on each step, which is the excess: the input task's JavaScript (\`node scripts/profile-load.mjs --case=g20k --steps=60\`, on a quiet machine, 2026-12-02: the label chooser about 1.5 ms a step, the tie layer recording its paths and copying the actors' bitmap about 2 ms, React re-rendering what depends on the date with the store's selectors about 2 ms, grouping lines and counting actors under 1 ms), the names seen for the first time rasterised into their bitmaps, and the frame's compositing of the page's other canvases (the label layer, Cytoscape's own layers, which draw nothing on a big graph but are composited all the same). Names are already chosen at most every 120 ms during a burst of keys; what is left is fewer canvases in the page and less JavaScript per step.`,
      );
    }
    const behindSigma = b.cases.filter(
      (c) =>
        c.sigma &&
        !('error' in c.sigma) &&
        (c.tieline.step.p50 >= c.sigma.p50 || c.tieline.step.p95 >= c.sigma.p95),
    );
    if (behindSigma.length) {
      out.push(
        `**Browser, behind sigma.js** on ${behindSigma.map((c) => `${c.name} (${ms(c.tieline.step.p50)} / ${ms(c.tieline.step.p95)} vs ${ms((c.sigma as LatencyFigure).p50)} / ${ms((c.sigma as LatencyFigure).p95)})`).join(', ')}: see the step ÷ limit paragraph; sigma's page has no application around its canvas either.`,
      );
    }
    const bundled = caseOf(b, 'bundled');
    const idle = bundled?.tieline.idleFloor?.all;
    if (bundled && idle && bundled.tieline.step.p95 > idle.p95 + 4) {
      const s = bundled.tieline.step.parts;
      out.push(
        `**Browser, p95 on the bundled dataset** = ${ms(bundled.tieline.step.p95)} (p50 ${ms(bundled.tieline.step.p50)}; floor p50 ${ms(bundled.tieline.floor.p50)}, p95 ${ms(bundled.tieline.floor.p95)}). Parts (medians): input task ${ms(s.inputTask)}, apply ${ms(s.cyBatch)}, draw ${ms(s.cyDraw)}, wait ${ms(s.waitForFrame)}, frame rest ${ms(s.frameRest)}. Measured key press → end of the next frame, so on a 60 Hz frame clock a step pays the wait for the next frame on top of its work: ${bundled.tieline.floor.p50 >= 16.7 ? `the floor alone (p50 ${ms(bundled.tieline.floor.p50)}, p95 ${ms(bundled.tieline.floor.p95)}) already exceeds one 60 Hz frame, so a p95 ≤ 16.7 ms measured this way is out of reach for any step; the step's own work (input task, apply, draw) is a few milliseconds.` : `a floor p50 of ${ms(bundled.tieline.floor.p50)} leaves ${ms(16.7 - bundled.tieline.floor.p50)} for the step's own work at the median, and the p95 also carries the worst frame alignment (floor p95 ${ms(bundled.tieline.floor.p95)}).`}`,
      );
    }
    const g20 = caseOf(b, 'g20k');
    if (
      g20 &&
      (g20.tieline.paintedMs > 2500 ||
        (g20.tieline.dataLoadedMs !== null &&
          g20.tieline.paintedMs - g20.tieline.dataLoadedMs > 1000))
    ) {
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
    if (cm && (importDraw(cm) > 3000 || importLongest(cm) > 300)) {
      const t = cm.tieline;
      const from = t.dataRequestMs ?? 0;
      const blocks = t.longTasks
        .filter((x) => x.start + x.duration >= from && x.duration > 300)
        .map((x) => `${x.duration} ms at ${x.start} (${phaseOf(cm, x.start)})`);
      out.push(
        `**Browser, CollegeMsg import** = ${ms(importDraw(cm))} from the request of the file to the painted graph; longest main-thread block ${ms(importLongest(cm))}. Timeline: ${timeline(cm)}. Main-thread blocks over 300 ms: ${blocks.join(', ') || 'none'}. The final layout came at ${ms(t.layoutDoneMs)} and the last edge the view shows at ${ms(t.completeMs)} (edges are created when a date first shows them).`,
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
