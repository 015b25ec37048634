// Animated export: the frame schedule (schedule.ts), the recorder (record.ts) and the WebM patching it needs (webm.ts).
export * from './schedule';
export * from './webm';
export * from './record';
