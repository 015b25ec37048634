// The Cytoscape stylesheet: type colours, arrows, dashes for disputed ties, fuzzy spans, event fading, selection focus.
import type { Css, StylesheetJson } from 'cytoscape';
import { NODE_FILL, NODE_STROKE } from './colors';
import { EDGE_WIDTH, FADE_LEVELS, fadeOpacity } from './edge-look';

/** The casing drawn around a tie whose end is derived from the pair's next record (legend and graph). */
export const LASTING_OUTLINE = 1.5;
export const LASTING_COLOR = '#222222';

/** Each node's shape from its data: Cytoscape maps `data(…)` at run time, its typings list only literal shapes. */
const SHAPE_FROM_DATA = 'data(shape)' as Css.NodeShape;

/** The stylesheet; `large` (tierOf's tieLayer) switches to cheap edges (haystack, no labels) for big graphs. */
export function stylesheet(large: boolean): StylesheetJson {
  const fades: StylesheetJson = Array.from({ length: FADE_LEVELS }, (_, k) => ({
    selector: `edge.fade-${k + 1}`,
    style: { opacity: fadeOpacity(k + 1) },
  }));
  // Names are drawn by the label layer (labels/layer.ts: chosen, constant screen size), not by
  // Cytoscape, so nodes set no text properties: Cytoscape applies each property of each element one by
  // one, and for 2,000 actors the eleven text properties were over half of the first draw's style work.
  const labels = { label: '' };
  const arrows = large
    ? {}
    : { 'target-arrow-color': 'data(color)', 'control-point-step-size': 22, 'arrow-scale': 1.1 };
  return [
    {
      selector: 'node',
      style: {
        shape: SHAPE_FROM_DATA,
        'background-color': NODE_FILL,
        'border-color': NODE_STROKE,
        'border-width': 1.5,
        width: 'data(size)',
        height: 'data(size)',
        ...labels,
      },
    },
    { selector: 'node.dim', style: { opacity: 0.35 } },
    {
      selector: 'node.selected',
      style: { 'border-width': 4, 'border-color': '#111111', 'background-color': '#ffe08a' },
    },
    {
      selector: 'edge',
      style: {
        width: EDGE_WIDTH.plain,
        'line-color': 'data(color)',
        'curve-style': large ? 'haystack' : 'bezier',
        ...arrows,
      },
    },
    ...(large
      ? []
      : [{ selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' as const } }]),
    {
      selector: 'edge.disputed',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] },
    },
    { selector: 'edge.fuzzy', style: { opacity: 0.45, width: 2 } },
    // Weighted ties (imports with a weight) are as wide as their weight (edge-look weightWidth).
    { selector: 'edge.weighted', style: { width: 'data(width)' } },
    // A state that holds until the pair's next record: its end is inferred, not reported (#14).
    {
      selector: 'edge.lasting',
      style: { 'line-outline-width': LASTING_OUTLINE, 'line-outline-color': LASTING_COLOR },
    },
    ...fades,
    { selector: 'edge.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'edge.focus', style: { width: 4, 'z-index': 10 } },
    {
      selector: 'edge.cmp-formed',
      style: { 'underlay-color': '#1a9850', 'underlay-opacity': 0.35, 'underlay-padding': 5 },
    },
    {
      selector: 'edge.cmp-ended',
      style: {
        'underlay-color': '#d73027',
        'underlay-opacity': 0.3,
        'underlay-padding': 5,
        opacity: 0.5,
      },
    },
    {
      selector: 'edge.cmp-changed',
      style: { 'underlay-color': '#7b3294', 'underlay-opacity': 0.35, 'underlay-padding': 5 },
    },
    { selector: 'node:active', style: { 'overlay-opacity': 0.1 } },
  ];
}
