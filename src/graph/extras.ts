// What the view loads after the first graph (one lazy chunk, outside the initial JavaScript): labels, navigation, minimap.
export { LabelLayer } from './labels/layer';
export { Minimap } from './minimap';
export {
  activeNodes,
  fitNodes,
  focusNodes,
  naturalWheelZoom,
  zoomAbout,
  ZOOM_STEP,
} from './navigation';
