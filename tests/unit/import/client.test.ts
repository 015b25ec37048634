// Tests of importFile/inspectFile: inline without Worker, a fake module Worker running the real protocol, abort.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/io/import';
import { importFile, inspectFile, prewarm } from '../../../src/io/import/client';
import { handleRequest, type ImportResponse } from '../../../src/io/import/protocol';
import { bytes, fixture } from './helpers';

const csv = (): { name: string; buffer: ArrayBuffer } => {
  const b = bytes('source,target,date\nA,B,2014-11-02\nB,C,2015\n');
  return {
    name: 'ties.csv',
    buffer: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
  };
};

/** A stand-in for a module Worker: clones (and transfers) like postMessage, runs the real handler later. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  posted: ImportResponse[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    const data: unknown = structuredClone(message, { transfer });
    setTimeout(() => {
      if (this.terminated) return;
      handleRequest(data, (m) => {
        this.posted.push(m);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<ImportResponse>);
        }, 0);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('without Worker (Node, jsdom): inline', () => {
  it('imports a name + buffer and a File, reporting progress', async () => {
    expect(typeof Worker).toBe('undefined');
    const progress: number[] = [];
    const r = await importFile(csv(), {}, { onProgress: (done) => progress.push(done) });
    expect(r.ok && r.stats).toEqual({
      actors: 3,
      relations: 2,
      first: '2014-11-02',
      last: '2015-12-31',
    });
    expect(progress.length).toBeGreaterThan(0);
    const file = new File([fixture('timezone.gexf').slice()], 'timezone.gexf');
    const g = await importFile(file);
    expect(g.ok && g.format).toBe('gexf');
  });

  it('takes the actors file as a File too', async () => {
    const actors = new File(['id,name\nA,Alpha\n'], 'actors.csv');
    const r = await importFile(csv(), { actors });
    expect(r.ok && r.dataset.actors[0]?.name).toBe('Alpha');
  });

  it('rejects with an AbortError when aborted before or while it waits', async () => {
    const before = new AbortController();
    before.abort();
    await expect(importFile(csv(), {}, { signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const during = new AbortController();
    const p = importFile(csv(), {}, { signal: during.signal });
    during.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a file over the limit without reading it', async () => {
    const arrayBuffer = vi.fn();
    const huge = { name: 'huge.csv', size: MAX_IMPORT_BYTES + 1, arrayBuffer } as unknown as File;
    const r = await importFile(huge);
    expect(r).toMatchObject({ ok: false, issues: [{ path: 'huge.csv' }] });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('inspects a file for the import dialog', async () => {
    const i = await inspectFile(csv());
    expect(i).toMatchObject({
      ok: true,
      format: 'csv',
      mapping: { source: 0, target: 1, start: 2 },
    });
  });
});

describe('with a module Worker', () => {
  it('starts worker.ts as a module, forwards progress, resolves the result and ends the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const input = csv();
    const progress: [number, number][] = [];
    const r = await importFile(input, {}, { onProgress: (d, t) => progress.push([d, t]) });
    expect(r.ok && r.stats.relations).toBe(2);
    const w = FakeWorker.made[0];
    expect(w?.url.pathname).toMatch(/\/src\/io\/import\/worker\.ts$/);
    expect(w?.options).toEqual({ type: 'module' });
    expect(w?.terminated).toBe(true);
    expect(progress.at(-1)).toEqual([input.buffer.byteLength, input.buffer.byteLength]);
    expect(w?.posted.at(-1)?.type).toBe('result');
    // The caller's buffer was copied before the transfer, so it is still usable.
    expect(input.buffer.byteLength).toBeGreaterThan(0);
  });

  it('prewarm starts the next import’s worker ahead of it, once, and that import uses it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    prewarm();
    prewarm(); // at most one waits
    expect(FakeWorker.made).toHaveLength(1);
    const r = await importFile(csv());
    expect(r.ok).toBe(true);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.posted.at(-1)?.type).toBe('result');
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    // Taken: the next import starts a worker of its own.
    await importFile(csv());
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('posts progress at least every 5% of a big file', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const data = fixture('collegemsg-head.txt');
    const big = bytes(new TextDecoder().decode(data).repeat(20));
    const buffer = big.buffer.slice(big.byteOffset, big.byteOffset + big.byteLength) as ArrayBuffer;
    await importFile({ name: 'big.txt', buffer });
    const done = (FakeWorker.made[0]?.posted ?? []).flatMap((m) =>
      m.type === 'progress' ? [m.done] : [],
    );
    expect(done.length).toBeGreaterThanOrEqual(20);
    const gaps = done.slice(1).map((d, i) => d - (done[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(big.byteLength * 0.05);
  });

  it('terminates the worker and rejects with an AbortError on abort', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ac = new AbortController();
    const p = importFile(
      { name: 'gal.cyjs', buffer: fixture('gal.cyjs').slice().buffer },
      {},
      { signal: ac.signal },
    );
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.made[0]?.terminated).toBe(true);
  });

  it('turns a crashed worker into a failed result', async () => {
    class CrashingWorker extends FakeWorker {
      override postMessage(): void {
        setTimeout(
          () =>
            this.onerror?.({ message: 'SyntaxError in worker', preventDefault() {} } as ErrorEvent),
          0,
        );
      }
    }
    vi.stubGlobal('Worker', CrashingWorker);
    const r = await importFile(csv());
    expect(r).toEqual({
      ok: false,
      format: null,
      issues: [{ path: '', message: 'could not read ties.csv: SyntaxError in worker' }],
    });
  });

  it('answers a malformed request with a failed result', () => {
    const posted: ImportResponse[] = [];
    handleRequest({ id: 3, name: 'x' }, (m) => posted.push(m));
    expect(posted).toMatchObject([{ id: 3, type: 'result', result: { ok: false } }]);
  });
});
