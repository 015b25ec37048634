// Fetching a dataset by URL within bounds: streamed with progress, cancellable, timed out when the
// server goes quiet, and stopped at the size cap counted on the bytes received (after decompression).
import { errorMessage } from '../model';
import { MAX_IMPORT_BYTES } from './import/types';

/** A server that sends nothing (no answer, or no further bytes) for this long is given up on (ms). */
export const FETCH_TIMEOUT_MS = 30_000;

/** How a fetch is followed and bounded. */
export interface BoundedFetchOptions {
  readonly signal?: AbortSignal;
  /** Bytes received so far, and the whole size when the server said it (null when unknown). */
  readonly onProgress?: ((received: number, total: number | null) => void) | undefined;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/** The body, or why there is none (a sentence that finishes "could not fetch it: …"). */
export type BoundedFetchResult =
  | { readonly ok: true; readonly buffer: ArrayBuffer }
  | { readonly ok: false; readonly message: string };

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

function tooBig(maxBytes: number, seen: string): string {
  return `${seen}; Tieline loads datasets up to ${mb(maxBytes)}, so the download was stopped. Split or filter the data and load the parts.`;
}

/** Joins the received chunks into one buffer. */
function concat(chunks: readonly Uint8Array[], size: number): ArrayBuffer {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}

/**
 * Fetches `url` and returns its body, or a sentence saying why not (HTTP error, network failure,
 * timeout, too large). Rejects with an AbortError only when `signal` aborts.
 */
export async function fetchBounded(
  url: string,
  options: BoundedFetchOptions = {},
): Promise<BoundedFetchResult> {
  const { signal, onProgress, timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_IMPORT_BYTES } = options;
  if (signal?.aborted) throw new DOMException('The load was cancelled.', 'AbortError');
  const ctrl = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const quiet = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
  };
  const onAbort = (): void => ctrl.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const seconds = Math.round(timeoutMs / 1000);
  const fail = (e: unknown): BoundedFetchResult => {
    if (signal?.aborted) throw new DOMException('The load was cancelled.', 'AbortError');
    if (timedOut) {
      return {
        ok: false,
        message: `the server sent nothing for ${seconds} seconds, so Tieline stopped waiting; check the address or try again later`,
      };
    }
    return { ok: false, message: errorMessage(e) };
  };
  try {
    quiet();
    let res: Response;
    try {
      res = await fetch(url, { signal: ctrl.signal });
    } catch (e) {
      return fail(e);
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => {});
      return { ok: false, message: `the server answered ${res.status} ${res.statusText}`.trim() };
    }
    // Content-Length counts the bytes on the wire: the whole size only when they are not compressed.
    const length = Number(res.headers.get('content-length'));
    const plain = !res.headers.get('content-encoding');
    const total = plain && Number.isFinite(length) && length > 0 ? length : null;
    if (total !== null && total > maxBytes) {
      void res.body?.cancel().catch(() => {});
      return { ok: false, message: tooBig(maxBytes, `it is ${mb(total)}`) };
    }
    if (!res.body) return { ok: true, buffer: await res.arrayBuffer() };
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    onProgress?.(0, total);
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        quiet();
        step = await reader.read();
      } catch (e) {
        return fail(e);
      }
      if (step.done) break;
      received += step.value.length;
      if (received > maxBytes) {
        void reader.cancel().catch(() => {});
        ctrl.abort();
        return { ok: false, message: tooBig(maxBytes, `it is more than ${mb(maxBytes)}`) };
      }
      chunks.push(step.value);
      onProgress?.(received, total);
    }
    return { ok: true, buffer: concat(chunks, received) };
  } finally {
    if (timer !== null) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
