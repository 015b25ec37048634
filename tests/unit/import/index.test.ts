// Tests of the import entry points: format detection, refusals (size, workbooks, other formats), never throwing.
import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  detectFormat,
  importBuffer,
  inspectBuffer,
  type ImportOptions,
} from '../../../src/io/import';
import { exportDataset } from '../../../src/io/export-json';
import type { Dataset } from '../../../src/model';
import { bytes, failed, fixture, ok, warningCounts } from './helpers';

const tiny: Dataset = JSON.parse(
  JSON.stringify({
    format: 'tieline/1',
    title: 'Tiny',
    relationTypes: [{ id: 'truce', label: 'Truce', directed: false, kind: 'state' }],
    actors: [
      { id: 'is', name: 'Islamic State', aliases: ['ISIS'], kind: 'group' },
      { id: 'nusra', name: 'Nusra', aliases: [], kind: 'group' },
    ],
    sources: [{ id: 's1', title: 'A report', published: '2014-11-15' }],
    relations: [
      {
        id: 'r1',
        type: 'truce',
        source: 'is',
        target: 'nusra',
        start: '2014-11',
        end: null,
        claims: [{ source: 's1', stance: 'asserts', locator: 'paragraph 7' }],
      },
    ],
  }),
) as Dataset;

describe('detectFormat', () => {
  it('goes by content first, then by extension', () => {
    const f = (name: string, text: string): unknown => {
      const r = detectFormat(name, text);
      return r.ok ? r.format : 'error';
    };
    expect(f('a.json', '{"format": "tieline/1"}')).toBe('tieline');
    expect(f('a.json', '{"elements": {}}')).toBe('cytoscape');
    expect(f('a.txt', '[{"data": {"id": "a"}}]')).toBe('cytoscape');
    expect(f('a.cyjs', '{"broken"')).toBe('cytoscape');
    expect(f('network', '<?xml version="1.0"?>\n<gexf version="1.3">')).toBe('gexf');
    expect(f('a.gexf', 'not xml')).toBe('gexf');
    expect(f('edges', '1 2 3\n')).toBe('csv');
    expect(f('a.tsv', 'a\tb\n')).toBe('csv');
    expect(f('a.graphml', '<graphml/>')).toBe('error');
    expect(f('a.xml', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">')).toBe('error');
    expect(f('a.json', '{"nodes": []}')).toBe('error');
    expect(f('odd.constructor', 'a,b\n')).toBe('csv');
  });
});

describe('importBuffer', () => {
  it('delegates Tieline JSON to the dataset reader', () => {
    const r = ok(importBuffer('tiny.json', bytes(exportDataset(tiny))));
    expect(r.format).toBe('tieline');
    expect(r.dataset).toEqual(tiny);
    expect(r.stats).toEqual({ actors: 2, relations: 1, first: '2014-11-01', last: '2014-11-30' });
    expect(r.warnings).toEqual([]);
  });

  it('returns the dataset reader’s issues, and locates JSON syntax errors by line and column', () => {
    const bad = failed(
      importBuffer('tiny.json', bytes(exportDataset(tiny).replace('"nusra"', '"nobody"'))),
    );
    expect(bad.issues.map((i) => i.path)).toContain('$.relations[0].target');
    const syntax = failed(
      importBuffer('tiny.json', bytes('{\n  "format": "tieline/1",\n  "title": ]\n}')),
    );
    expect(syntax.issues[0]?.path).toBe('line 3, column 12');
  });

  it('refuses Excel workbooks by extension or by content, telling the user to save as CSV', () => {
    for (const [name, data] of [
      ['ties.xlsx', bytes('anything')],
      ['ties.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
      ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])],
    ] as const) {
      const r = failed(importBuffer(name, data));
      expect(r.issues[0]?.path).toBe(name);
      expect(r.issues[0]?.message).toContain(name);
      expect(r.issues[0]?.message).toMatch(/save .*as CSV/i);
    }
  });

  it('refuses files over 50 MB and empty files before reading them', () => {
    const big = failed(importBuffer('big.csv', new Uint8Array(MAX_IMPORT_BYTES + 1)));
    expect(big.issues[0]).toMatchObject({ path: 'big.csv' });
    expect(big.issues[0]?.message).toMatch(/50\.0 MB/);
    expect(failed(importBuffer('empty.csv', new Uint8Array(0))).issues[0]?.message).toMatch(
      /empty/,
    );
  });

  it('reads cp1252 files and repairs mojibake in any format', () => {
    const cp = new Uint8Array([
      ...bytes('source,target\n'),
      0x4a,
      0x6f,
      0x73,
      0xe9,
      0x2c,
      0x41,
      0x0a,
    ]);
    const r = ok(importBuffer('latin.csv', cp));
    expect(r.dataset.actors[0]?.name).toBe('Jos\u00e9');
    expect(warningCounts(r)).toMatchObject({ 'not-utf8': 1 });
    const g = ok(
      importBuffer(
        'm.gexf',
        bytes('<gexf><graph><nodes><node id="a" label="Ren\u00c3\u00a9e"/></nodes></graph></gexf>'),
      ),
    );
    expect(g.dataset.actors[0]?.name).toBe('Ren\u00e9e');
  });

  it('honours a forced format', () => {
    const r = failed(importBuffer('data.txt', bytes('source,target\na,b\n'), { format: 'gexf' }));
    expect(r.format).toBe('gexf');
  });

  it('never throws: an unexpected exception becomes an issue naming the file', () => {
    const hostile = {
      get csv(): never {
        throw new Error('boom');
      },
    } as unknown as ImportOptions;
    const r = failed(importBuffer('x.csv', bytes('a,b\n1,2\n'), hostile));
    expect(r.issues).toEqual([{ path: '', message: 'could not read x.csv: boom' }]);
  });

  it('reports progress from 0 to the file size', () => {
    const calls: number[] = [];
    const data = fixture('gal.cyjs');
    ok(
      importBuffer('gal.cyjs', data, {}, (done, total) =>
        total === data.length ? calls.push(done) : 0,
      ),
    );
    expect(calls[0]).toBe(0);
    expect(calls.at(-1)).toBe(data.length);
  });
});

describe('inspectBuffer', () => {
  it('inspects each format for the import dialog', () => {
    expect(inspectBuffer('tiny.json', bytes(exportDataset(tiny)))).toEqual({
      ok: true,
      format: 'tieline',
    });
    expect(inspectBuffer('gal.cyjs', fixture('gal.cyjs'))).toMatchObject({
      ok: true,
      format: 'cytoscape',
      nodes: 331,
    });
    expect(inspectBuffer('d.gexf', fixture('dynamics.gexf'))).toMatchObject({
      ok: true,
      format: 'gexf',
      edges: 5,
    });
    expect(inspectBuffer('c.txt', fixture('collegemsg-head.txt'))).toMatchObject({
      ok: true,
      format: 'csv',
    });
    expect(inspectBuffer('x.xlsx', bytes('PK'))).toMatchObject({ ok: false, format: null });
  });
});
