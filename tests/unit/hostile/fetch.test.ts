// Issue 18 rows 9 and 10: ?data= fetches against a local server on 127.0.0.1 that hangs, goes quiet,
// sends a gzip bomb or a body over the cap; each ends in time with a sentence, and Cancel stops it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBounded } from '../../../src/io/fetch';

const CAP = 1024 * 1024;
let server: Server;
let base = '';
/** Unpacked bytes the bomb handler fed to its gzip stream. */
let bombFed = 0;
const open = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/quiet') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('source,target\n');
      return; // then nothing more
    }
    if (req.url === '/bomb') {
      // 4 GB of zeros, gzipped on the fly (about 4 MB on the wire): stops feeding when the client hangs up.
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const gz = createGzip();
      gz.pipe(res);
      let closed = false;
      res.on('close', () => (closed = true));
      const zeros = Buffer.alloc(CAP);
      const pump = (): void => {
        while (!closed && bombFed < 4096 * CAP) {
          bombFed += zeros.length;
          if (!gz.write(zeros)) return void gz.once('drain', pump);
        }
        gz.end();
      };
      pump();
      return;
    }
    if (req.url === '/big-declared') {
      res.writeHead(200, { 'content-length': String(200 * CAP) });
      res.write(Buffer.alloc(1024));
      return;
    }
    if (req.url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const pump = (): void => {
        while (sent < 8 * CAP) {
          sent += 65536;
          if (!res.write(Buffer.alloc(65536, 97))) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    if (req.url === '/ok') {
      const body = Buffer.from('source,target\nA,B\n');
      res.writeHead(200, { 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(404, 'Not Found');
    res.end();
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of open) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('issue 18: bounded ?data= fetches', () => {
  it('a server that never answers times out with a clear sentence', async () => {
    const r = await fetchBounded(`${base}/hang`, { timeoutMs: 300 });
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/sent nothing for 0 seconds|stopped waiting/),
    });
  });

  it('a server that goes quiet after the first bytes times out too', async () => {
    const seen: number[] = [];
    const r = await fetchBounded(`${base}/quiet`, {
      timeoutMs: 300,
      onProgress: (done) => seen.push(done),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/stopped waiting/);
    expect(seen.at(-1)).toBeGreaterThan(0);
  });

  it('a gzip bomb is stopped at the cap on the unpacked bytes, long before it is all sent', async () => {
    const r = await fetchBounded(`${base}/bomb`, { maxBytes: CAP });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/more than 1\.0 MB.*download was stopped/);
    // The download stopped: the server was not made to pack its 4 GB (socket buffers hold a little more).
    await new Promise((r) => setTimeout(r, 200));
    expect(bombFed).toBeLessThan(512 * CAP);
  });

  it('a declared length over the cap is refused before the body is read', async () => {
    const r = await fetchBounded(`${base}/big-declared`, { maxBytes: CAP });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/it is 200\.0 MB/) });
  });

  it('a chunked body over the cap is stopped at the cap, with progress of unknown total', async () => {
    const totals = new Set<number | null>();
    let last = 0;
    const r = await fetchBounded(`${base}/big-chunked`, {
      maxBytes: CAP,
      onProgress: (done, total) => {
        totals.add(total);
        last = done;
      },
    });
    expect(r.ok).toBe(false);
    expect([...totals]).toEqual([null]);
    expect(last).toBeLessThanOrEqual(CAP);
  });

  it('a small body arrives whole, with progress of a known total', async () => {
    const seen: [number, number | null][] = [];
    const r = await fetchBounded(`${base}/ok`, { onProgress: (d, t) => seen.push([d, t]) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(new TextDecoder().decode(r.buffer)).toBe('source,target\nA,B\n');
    expect(seen.at(-1)).toEqual([18, 18]);
  });

  it('an HTTP error is a sentence with the status', async () => {
    const r = await fetchBounded(`${base}/missing`);
    expect(r).toEqual({ ok: false, message: 'the server answered 404 Not Found' });
  });

  it('Cancel (the signal) stops a hanging fetch with an AbortError', async () => {
    const ctrl = new AbortController();
    const pending = fetchBounded(`${base}/hang`, { signal: ctrl.signal, timeoutMs: 60_000 });
    setTimeout(() => ctrl.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
