// Types of the layer-fence plugin (eslint-layers.mjs), for the fence test.
import type { ESLint } from 'eslint';

/** The folders of src/ and the folders each may import. */
export declare const LAYERS: Record<
  'model' | 'io' | 'store' | 'graph' | 'app' | 'ui',
  readonly string[]
>;
/** The local plugin: `tieline/layers`. */
declare const plugin: ESLint.Plugin;
export default plugin;
