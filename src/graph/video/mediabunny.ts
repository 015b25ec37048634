// The parts of mediabunny the recorder uses, named so the bundle keeps only them; loaded with `import()` on first use.
export {
  BufferTarget,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  Quality,
  WebMOutputFormat,
  canEncodeVideo,
} from 'mediabunny';
