// The messages between the import client and its Web Worker, and the handler the worker runs (testable in Node).
import { importBuffer, inspectBuffer, type Inspection } from './index';
import type { ImportFormat, ImportOptions, ImportResult } from './types';

/** What the client posts: one file to import (or only inspect). The buffer is transferred, not copied. */
export interface ImportRequest {
  readonly id: number;
  readonly name: string;
  readonly buffer: ArrayBuffer;
  readonly options: ImportOptions;
  /** Only inspect the file (columns, attributes) instead of importing it. */
  readonly inspect?: boolean;
}

/** What the worker posts back: progress while it works, then exactly one result or inspection. */
export type ImportResponse =
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
    }
  | { readonly id: number; readonly type: 'result'; readonly result: ImportResult }
  | { readonly id: number; readonly type: 'inspection'; readonly inspection: Inspection };

function isRequest(v: unknown): v is ImportRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'number' && typeof r.name === 'string' && r.buffer instanceof ArrayBuffer;
}

const FORMATS: readonly ImportFormat[] = ['tieline', 'csv', 'gexf', 'cytoscape'];

/**
 * Runs one request and posts its progress and result. The worker only wires this to `self`, so the
 * whole protocol can be exercised in Node tests without a real Worker.
 */
export function handleRequest(data: unknown, post: (message: ImportResponse) => void): void {
  if (!isRequest(data)) {
    const id =
      typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'number'
        ? (data as { id: number }).id
        : -1;
    post({
      id,
      type: 'result',
      result: {
        ok: false,
        format: null,
        issues: [
          { path: '', message: 'could not read the file: the import request was malformed.' },
        ],
      },
    });
    return;
  }
  const { id, name, buffer } = data;
  const options: ImportOptions =
    typeof data.options === 'object' && data.options !== null ? data.options : {};
  if (data.inspect) {
    const format = options.format && FORMATS.includes(options.format) ? options.format : undefined;
    post({ id, type: 'inspection', inspection: inspectBuffer(name, buffer, format) });
    return;
  }
  const result = importBuffer(name, buffer, options, (done, total) => {
    post({ id, type: 'progress', done, total });
  });
  post({ id, type: 'result', result });
}
