// The side-by-side part of docs/benchmarks.md: Tieline, the limit page and sigma.js on the same picture and keys.
import type { BrowserResult, LatencyFigure } from '../browser';
import { mdTable, ms } from './format';

/** The side-by-side section: Tieline, the limit page and sigma.js on the same picture and keys. */
export function sideBySide(b: BrowserResult, p: (s?: string) => void): void {
  const cases = b.cases.filter((c) => c.limit);
  const ranked = b.cases.filter((c) => c.keys && c.keys.n > 0);
  p('## Side by side: the limit page and sigma.js');
  p();
  p(
    "Every page gets the same key presses: → → PageUp over and over (a day, a day, a month), reversing (← ← PageDown) at the ends of the extent (`bench/peers.ts`), each measured from the key press to the end of the next frame. On the big cases three pages are open in one browser context and take the keys in turn, ten at a time (interleaved, so machine load hits all three alike). **Limit**: `bench/common-way/limit.ts`, the least a browser must do to draw Tieline's picture — one 2D canvas, the spans scanned for what is active at t, each line (actor pair and type) once, one path per colour, then the actors as circles (dimmed without a tie), at Tieline's positions, zoom, pan and size. **sigma.js**: `bench/common-way/sigma.ts`, sigma.js 3 (WebGL; software GL here) over a graphology graph with the same actors at the same positions and one edge per line, a date applied the way sigma's docs filter a graph (edge and node reducers, then `refresh()`). Tieline's *Cytoscape redraw* is its floor: `cy.forceRender()` plus the tie layer's redraw of the same view, interleaved with its steps.",
  );
  p();
  const f = (l: LatencyFigure | null | undefined): string =>
    l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} (${l.n})` : 'not measured';
  p(
    mdTable(
      [
        'dataset',
        'keys (month steps)',
        'Tieline step p50 / p95 / p99 (n)',
        'limit p50 / p95 / p99 (n)',
        'step ÷ limit p50 / p95 / p99',
        'sigma.js p50 / p95 / p99 (n)',
        'Cytoscape redraw (floor) p50 / p95',
      ],
      ranked.map((c) => [
        c.name,
        `${c.keys.n} (${c.keys.months})`,
        f(c.tieline.step),
        f(c.limit),
        c.stepOverLimit
          ? `${c.stepOverLimit.p50} / ${c.stepOverLimit.p95} / ${c.stepOverLimit.p99}`
          : '–',
        c.sigma ? ('error' in c.sigma ? `failed: ${c.sigma.error}` : f(c.sigma)) : 'not measured',
        `${ms(c.tieline.floor.p50)} / ${ms(c.tieline.floor.p95)}`,
      ]),
    ),
  );
  p();
  if (!cases.length) return;
  p(
    "Where Tieline's step goes (medians): **input task** = key handler → end of the keydown dispatch (React, store, selectors, the adapter's apply, and on big graphs the tie layer's draw calls); **apply** = the adapter's `cy.batch`; **tie layer** = `TieLayer.drawNow` (recording the batches' paths; the pixels are rasterised in the frame); **Cytoscape pre-render / draw** = its style pass and canvas render (a big graph's actors and ties are the tie layer's, so Cytoscape draws nothing there); **wait** = to the rAF callback; **frame rest** = the browser's own frame work (style, layout, paint, raster) until `setTimeout(0)`.",
  );
  p();
  p(
    mdTable(
      [
        'dataset',
        'input task',
        'apply',
        'tie layer',
        'Cytoscape pre-render / draw',
        'wait',
        'frame rest',
        'limit: input / wait / frame rest',
      ],
      cases.map((c) => {
        const s = c.tieline.step.parts;
        const l = (c.limit as LatencyFigure).parts;
        return [
          c.name,
          ms(s.inputTask),
          ms(s.cyBatch),
          ms(s.tieDraw ?? 0),
          `${ms(s.cyBeforeRender)} / ${ms(s.cyDraw)}`,
          ms(s.waitForFrame),
          ms(s.frameRest),
          `${ms(l.inputTask)} / ${ms(l.waitForFrame)} / ${ms(l.frameRest)}`,
        ];
      }),
    ),
  );
  p();
}
