// Runs imports in a module Web Worker (inline where `Worker` does not exist), with progress and cancellation.
// Only types come from the parsers here: they load in the worker, or lazily inline, never in the main bundle.
import { errorMessage } from '../../model';
import type { Inspection } from './index';
import type { ImportRequest, ImportResponse } from './protocol';
import {
  MAX_IMPORT_BYTES,
  refusal,
  tooLarge,
  unreadable,
  type ActorsFile,
  type ImportOptions,
  type ImportResult,
  type ProgressFn,
  type Refusal,
} from './types';

/** A file to import: a File from an input or a drop, or a name and bytes (tests, URLs fetched by the app). */
export type FileInput = File | { readonly name: string; readonly buffer: ArrayBuffer };

/** Import options as the UI has them: the actors file may still be a File. */
export type ClientImportOptions = Omit<ImportOptions, 'actors'> & {
  readonly actors?: FileInput | ActorsFile;
};

/** How the caller follows and stops an import. */
export interface RunOptions {
  readonly onProgress?: ProgressFn;
  readonly signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

/** The bytes of a file; a caller's buffer is copied so transferring it to the worker leaves theirs intact. */
async function bytesOf(f: FileInput | ActorsFile): Promise<ArrayBuffer> {
  if ('buffer' in f) {
    const b = f.buffer;
    return b instanceof ArrayBuffer ? b.slice(0) : (b.slice().buffer as ArrayBuffer);
  }
  return f.arrayBuffer();
}

function sizeOf(f: FileInput): number {
  return 'buffer' in f ? f.buffer.byteLength : f.size;
}

/**
 * What an import and an inspection check before reading a file: a cancelled load stops (AbortError),
 * and a file over the size limit is refused from its size alone (a 2 GB file should not be loaded into
 * memory just to be rejected; a 2.5 GB one cannot even be read into one buffer).
 */
function refusedBeforeReading(file: FileInput, signal: AbortSignal | undefined): Refusal | null {
  if (signal?.aborted) throw abortError();
  return sizeOf(file) > MAX_IMPORT_BYTES ? refusal(tooLarge(file.name, sizeOf(file))) : null;
}

let nextId = 1;

/** A worker started ahead of its import (`prewarm`), taken by the next one. */
let spare: Worker | null = null;

/** A new import worker, or null where there is no Worker (jsdom, Node) or it cannot start. */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * Starts the next import's worker now, so that fetching and compiling its script (≈ 150 KB) and
 * starting its thread overlap with whatever comes before the import, such as downloading the file
 * (`?data=` URLs: the worker used to start only once the download had ended, ≈ 0.3 s later on a
 * 20,000-relation dataset). The next import takes it; at most one waits.
 */
export function prewarm(): void {
  spare ??= startWorker();
}

function run<T>(
  request: Omit<ImportRequest, 'id'>,
  inline: () => Promise<T>,
  pick: (m: ImportResponse) => T | undefined,
  fail: (message: string) => T,
  { onProgress, signal }: RunOptions,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  const worker = spare ?? startWorker();
  spare = null;
  if (!worker) {
    // jsdom and Node have no Worker: run on this thread, still asynchronously and still cancellable before and after.
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => {
        if (signal?.aborted) return reject(abortError());
        inline().then(
          (value) => (signal?.aborted ? reject(abortError()) : resolve(value)),
          (e: unknown) => resolve(fail(errorMessage(e))),
        );
      }, 0);
    });
  }
  const w = worker;
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const finish = (): void => {
      w.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    w.onmessage = (event: MessageEvent<ImportResponse>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.type === 'progress') {
        onProgress?.(m.done, m.total);
        return;
      }
      const value = pick(m);
      if (value !== undefined) {
        finish();
        resolve(value);
      }
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      finish();
      resolve(fail(event.message || 'the import worker stopped'));
    };
    w.onmessageerror = () => {
      finish();
      resolve(fail('the import worker sent a message that could not be read'));
    };
    w.postMessage({ ...request, id } satisfies ImportRequest, [request.buffer]);
  });
}

async function prepare(
  file: FileInput,
  options: ClientImportOptions,
): Promise<{ buffer: ArrayBuffer; options: ImportOptions }> {
  const buffer = await bytesOf(file);
  const { actors, ...rest } = options;
  if (!actors) return { buffer, options: rest };
  return {
    buffer,
    options: { ...rest, actors: { name: actors.name, buffer: await bytesOf(actors) } },
  };
}

/**
 * Imports a file off the main thread and resolves with the result (never rejects for bad input: the issues
 * are in the result). Rejects with an AbortError when `signal` aborts; the worker is then terminated.
 */
export async function importFile(
  file: FileInput,
  options: ClientImportOptions = {},
  run_: RunOptions = {},
): Promise<ImportResult> {
  const name = file.name;
  const failed = (message: string): Refusal => unreadable(name, message);
  const refused = refusedBeforeReading(file, run_.signal);
  if (refused) return refused;
  const actors = options.actors;
  if (actors && 'size' in actors && actors.size > MAX_IMPORT_BYTES) {
    return refusal(tooLarge(actors.name, actors.size));
  }
  let prepared: { buffer: ArrayBuffer; options: ImportOptions };
  try {
    prepared = await prepare(file, options);
  } catch (e) {
    return failed(errorMessage(e));
  }
  const { buffer, options: opts } = prepared;
  return run<ImportResult>(
    { name, buffer, options: opts },
    async () => (await import('./index')).importBuffer(name, buffer, opts, run_.onProgress),
    (m) => (m.type === 'result' ? m.result : undefined),
    failed,
    run_,
  );
}

/** Inspects a file off the main thread (CSV columns, GEXF type attributes, Cytoscape fields) for the import dialog. */
export async function inspectFile(
  file: FileInput,
  options: Pick<ImportOptions, 'format'> = {},
  run_: Pick<RunOptions, 'signal'> = {},
): Promise<Inspection> {
  const name = file.name;
  const failed = (message: string): Refusal => unreadable(name, message);
  const refused = refusedBeforeReading(file, run_.signal);
  if (refused) return refused;
  let buffer: ArrayBuffer;
  try {
    buffer = await bytesOf(file);
  } catch (e) {
    return failed(errorMessage(e));
  }
  return run<Inspection>(
    { name, buffer, options, inspect: true },
    async () => (await import('./index')).inspectBuffer(name, buffer, options.format),
    (m) => (m.type === 'inspection' ? m.inspection : undefined),
    failed,
    run_,
  );
}
