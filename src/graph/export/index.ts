// Snapshot exports of the current view (PNG and hand-written SVG) with a header, the legend and numbered source footnotes.
//
// Both formats share one composition (compose.ts): a header block (title, date, extra lines), the graph
// area, and a footer block (legend, then the sources of the ties shown), laid out in output pixels with
// the text at 2×. The PNG (png.ts) rasterises the graph with `cy.png` and draws the rest on a canvas;
// the SVG (svg.ts) draws the graph itself from the elements' positions and computed styles.
export {
  footnotesOf,
  snapshotFileName,
  type Footnote,
  type Footnotes,
  type SnapshotMeta,
} from './footnotes';
export {
  MAX_CANVAS_AREA,
  MAX_CANVAS_SIDE,
  MAX_GRAPH_PIXELS,
  MIN_HEIGHT,
  MIN_PNG_SCALE,
  MIN_WIDTH,
  PNG_SCALE,
  pngScale,
} from './compose';
export { exportPng } from './png';
export { exportSvg } from './svg';
