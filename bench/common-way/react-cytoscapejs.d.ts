// Types for react-cytoscapejs (it ships none, and @types/react-cytoscapejs is not in node_modules): only what the reference page uses.
declare module 'react-cytoscapejs' {
  import type { Component, CSSProperties } from 'react';
  import type { Core, ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape';

  /** The props the reference page passes. */
  export interface CytoscapeComponentProps {
    elements: ElementDefinition[];
    stylesheet?: StylesheetJson;
    layout?: LayoutOptions;
    zoom?: number;
    pan?: { x: number; y: number };
    minZoom?: number;
    maxZoom?: number;
    boxSelectionEnabled?: boolean;
    style?: CSSProperties;
    className?: string;
    cy?: (cy: Core) => void;
  }

  /** Creates one Cytoscape instance and patches it from the props on every render. */
  export default class CytoscapeComponent extends Component<CytoscapeComponentProps> {}
}
