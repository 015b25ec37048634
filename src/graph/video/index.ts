// Animated export: the frame schedule (schedule.ts), the formats the browser can encode (formats.ts) and the recorder (record.ts, composing frames with frame.ts).
export * from './schedule';
export * from './formats';
export * from './record';
