// The colours every renderer shares for actors, text and paper (the graph's stylesheet, the legend, thumbnails, exports, video).

/** An actor's fill. */
export const NODE_FILL = '#f4f1ea';
/** An actor's outline. */
export const NODE_STROKE = '#3b3b3b';
/** Actors of a crowded thumbnail: dots without an outline, dark enough to read. */
export const CROWDED_NODE_FILL = '#8a867c';
/** Text: labels, titles. */
export const INK = '#1e1e1e';
/** Secondary text: dates, notes. */
export const MUTED = '#4a4a4a';
/** Legend samples drawn in no type's colour (status lines, shapes). */
export const SAMPLE_INK = '#555555';
/** The background of every image, and the halo behind text drawn over ties. */
export const PAPER = '#ffffff';
/** A relation whose type has no colour (an unknown type id). */
export const UNKNOWN_TYPE = '#888888';
