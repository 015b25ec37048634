// Bad input, tried: a seeded fuzzer over the valid fixtures plus hand-written hostile files; none may throw.
import { describe, expect, it } from 'vitest';
import { importBuffer, type ImportResult } from '../../../src/io/import';
import { exportDataset } from '../../../src/io/export-json';
import { validateDataset } from '../../../src/io/validate';
import { seededRandom } from '../../../src/model';
import { datasetOf } from '../../fixtures/dataset';
import { bytes, fixture } from './helpers';

/** Seeded, so every run tries the same corpus and a failure can be replayed. */
const rng = seededRandom;

const decoder = new TextDecoder();
const text = (b: Uint8Array): string => decoder.decode(b);

/** The valid files the fuzzer mutates (big ones cut down so the corpus stays fast). */
function seeds(): { name: string; data: Uint8Array }[] {
  const gal = JSON.parse(text(fixture('gal.cyjs'))) as {
    elements: { nodes: unknown[]; edges: unknown[] };
  };
  gal.elements.nodes = gal.elements.nodes.slice(0, 40);
  gal.elements.edges = gal.elements.edges.slice(0, 40);
  const tiny = datasetOf({
    format: 'tieline/1',
    title: 'Tiny',
    relationTypes: [{ id: 'truce', label: 'Truce', directed: false, kind: 'state' }],
    actors: [
      { id: 'a', name: 'A', aliases: [], kind: 'group' },
      { id: 'b', name: 'B', aliases: ['Bee'], kind: 'group', attributes: { n: 1 } },
    ],
    sources: [{ id: 's', title: 'S', published: '2014-11' }],
    relations: [
      {
        id: 'r',
        type: 'truce',
        source: 'a',
        target: 'b',
        start: '2014-11',
        end: '2015~',
        count: 3,
        claims: [{ source: 's', stance: 'asserts', locator: 'p. 1' }],
      },
    ],
  });
  const cy = {
    elements: [
      { group: 'nodes', data: { id: 'a', label: 'A' } },
      { group: 'nodes', data: { id: 'b' } },
      {
        group: 'edges',
        data: { id: 'e', source: 'a', target: 'b', interaction: 'x', date: '03/04/2014' },
      },
    ],
  };
  return [
    { name: 'dynamics.gexf', data: fixture('dynamics.gexf') },
    { name: 'dynamics_openintervals.gexf', data: fixture('dynamics_openintervals.gexf') },
    { name: 'timezone.gexf', data: fixture('timezone.gexf') },
    { name: 'gal.cyjs', data: bytes(JSON.stringify(gal, null, 2)) },
    {
      name: 'collegemsg.txt',
      data: bytes(text(fixture('collegemsg-head.txt')).split('\n').slice(0, 200).join('\n')),
    },
    {
      name: 'ties.csv',
      data: bytes(
        'source,target,type,start,end,note\n"Smith, J.",B,ally,2014-03-00,2014-06,"a ""quoted"" note"\nB,C,attack,3/4/2014,,x\nC,C,ally,2015,2016,\n',
      ),
    },
    { name: 'tiny.json', data: bytes(exportDataset(tiny)) },
    { name: 'session.json', data: bytes(JSON.stringify(cy)) },
  ];
}

type Mutation = (data: Uint8Array, r: () => number) => Uint8Array;
const int = (r: () => number, n: number): number => Math.floor(r() * n);

const lines = (d: Uint8Array): string[] => text(d).split('\n');
const mutations: Record<string, Mutation> = {
  flip(d, r) {
    const out = d.slice();
    for (let k = 1 + int(r, 8); k > 0 && out.length > 0; k--) out[int(r, out.length)] = int(r, 256);
    return out;
  },
  truncate(d, r) {
    return d.slice(0, int(r, d.length));
  },
  deleteLines(d, r) {
    const ls = lines(d);
    for (let k = 1 + int(r, 3); k > 0 && ls.length > 0; k--) ls.splice(int(r, ls.length), 1);
    return bytes(ls.join('\n'));
  },
  duplicateLines(d, r) {
    const ls = lines(d);
    for (let k = 1 + int(r, 3); k > 0; k--) {
      const i = int(r, ls.length);
      ls.splice(i, 0, ls[i] ?? '');
    }
    return bytes(ls.join('\n'));
  },
  swapDelimiters(d, r) {
    const chars = [',', ';', '\t', ' ', '"', '<', '>', '{', '}', '[', ':', '\n', '='];
    const a = chars[int(r, chars.length)] as string;
    const b = chars[int(r, chars.length)] as string;
    return bytes(text(d).split(a).join(b));
  },
  wrongTypes(d, r) {
    let value: unknown;
    try {
      value = JSON.parse(text(d));
    } catch {
      // Not JSON: insert bytes that are not valid UTF-8, a NUL or a lone surrogate's encoding.
      const out = Array.from(d);
      const junk = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x80], [0x00]][
        int(r, 5)
      ] as number[];
      out.splice(int(r, out.length + 1), 0, ...junk);
      return new Uint8Array(out);
    }
    const wrong = [
      null,
      0,
      -1,
      1e308,
      18446744073709551616,
      '',
      'x',
      true,
      [],
      {},
      [[[]]],
      { a: { b: 1 } },
    ];
    // Walk to a random container and replace one of its members with a value of another type.
    let node: unknown = value;
    for (let depth = 0; depth < 6; depth++) {
      if (!node || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[int(r, keys.length)] as string;
      const child = (node as Record<string, unknown>)[key];
      if (r() < 0.35 || !child || typeof child !== 'object') {
        (node as Record<string, unknown>)[key] = wrong[int(r, wrong.length)];
        break;
      }
      node = child;
    }
    return bytes(JSON.stringify(value));
  },
};

function corpus(): { label: string; name: string; data: Uint8Array }[] {
  const out: { label: string; name: string; data: Uint8Array }[] = [];
  const r = rng(20_141_102);
  for (const seed of seeds()) {
    for (const [kind, mutate] of Object.entries(mutations)) {
      for (let v = 0; v < 5; v++) {
        // One variant in five loses its extension, so detection by content is fuzzed too.
        const name = v === 4 ? seed.name.replace(/\.[^.]+$/, '') : seed.name;
        out.push({ label: `${seed.name} ${kind} #${v}`, name, data: mutate(seed.data, r) });
      }
    }
  }
  return out;
}

function hostile(): { label: string; name: string; data: Uint8Array }[] {
  const deepJson = '['.repeat(10_000) + ']'.repeat(10_000);
  const deepData = `{"elements":{"nodes":[{"data":{"id":"a","x":${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}}}]}}`;
  let lol = '<!ENTITY lol "lol">';
  for (let i = 1; i < 10; i++)
    lol += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
  const markup = '<img src=x onerror=alert(1)>';
  const h: [string, string, string | Uint8Array][] = [
    ['truncated gexf', 'a.gexf', '<gexf><graph><nodes><node id="a"'],
    ['truncated cyjs', 'a.cyjs', '{"elements": {"nodes": ['],
    ['truncated csv quote', 'a.csv', 'source,target\n"a'],
    ['truncated tieline', 'a.json', '{"format":"tieline/1","title":'],
    ['json null', 'a.json', 'null'],
    ['json array', 'a.json', '[]'],
    ['json string', 'a.json', '"str"'],
    ['json number', 'a.json', '42'],
    ['tieline without fields', 'a.json', '{"format":"tieline/1"}'],
    [
      'tieline wrong types',
      'a.json',
      '{"format":"tieline/1","title":1,"relationTypes":{},"actors":"x","sources":null,"relations":[1]}',
    ],
    [
      'tieline infinite count',
      'a.json',
      exportDataset({
        format: 'tieline/1',
        title: 't',
        relationTypes: [],
        actors: [],
        sources: [],
        relations: [],
      }).replace(
        '"relations": []',
        '"relations": [{"id":"r","type":"t","source":"a","target":"a","start":"2014","count":1e999,"claims":[]}]',
      ),
    ],
    ['cyjs object id', 'a.cyjs', '{"elements":{"nodes":[{"data":{"id":{"x":1}}}]}}'],
    ['cyjs array ends', 'a.cyjs', '{"elements":{"edges":[{"data":{"source":[1],"target":true}}]}}'],
    [
      'cyjs 2^64 ids and 1e308',
      'a.cyjs',
      '{"elements":{"nodes":[{"data":{"id":18446744073709551616,"w":1e308}},{"data":{"id":18446744073709551617}}],"edges":[{"data":{"source":18446744073709551616,"target":18446744073709551617,"date":1e308}}]}}',
    ],
    [
      'csv huge numbers',
      'a.csv',
      'source,target,time,count\n18446744073709551616,1,1e308,1e308\n1,2,2004,1e999\n',
    ],
    ['deep json', 'deep.json', deepJson],
    ['deep json as cyjs', 'deep.cyjs', deepJson],
    ['deep data in cyjs', 'deep-data.cyjs', deepData],
    ['deep xml', 'deep.gexf', `<gexf>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</gexf>`],
    [
      'billion laughs',
      'lol.gexf',
      `<?xml version="1.0"?><!DOCTYPE gexf [${lol}]><gexf><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>`,
    ],
    [
      'external entity',
      'xxe.gexf',
      '<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><gexf><graph><nodes><node id="&xxe;"/></nodes></graph></gexf>',
    ],
    ['markup labels csv', 'm.csv', `source,target,type\n"${markup}",b,"<script>x</script>"\n`],
    [
      'markup labels gexf',
      'm.gexf',
      '<gexf><graph><nodes><node id="a" label="&lt;img src=x onerror=alert(1)&gt;"/></nodes></graph></gexf>',
    ],
    ['one column', 'a.csv', 'name\nAlice\nBob\n'],
    ['header only', 'a.csv', 'source,target\n'],
    ['only a BOM', 'a.csv', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only spaces', 'a.csv', '   \n\n \t \n'],
    [
      'binary junk',
      'a.bin',
      new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)),
    ],
    ['png', 'a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['zip as csv', 'a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ['utf-16 odd length', 'a.csv', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c])],
    ['one huge line', 'a.csv', 'a,'.repeat(200_000)],
    [
      '10,000 columns',
      'a.csv',
      Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') +
        '\n' +
        Array.from({ length: 10_000 }, (_, i) => i).join(','),
    ],
    [
      'prototype keys',
      'p.cyjs',
      '{"__proto__":{"polluted":1},"elements":{"nodes":[{"data":{"id":"__proto__","constructor":"x","__proto__":{"polluted":2}}},{"data":{"id":"b"}}],"edges":[{"data":{"source":"__proto__","target":"b","prototype":1}}]}}',
    ],
    [
      'gexf missing ids',
      'a.gexf',
      '<gexf><graph><nodes><node/><node id=""/></nodes><edges><edge/><edge source="x"/></edges></graph></gexf>',
    ],
    [
      'gexf bad times',
      'a.gexf',
      '<gexf><graph timeformat="date" timezone="../../etc"><nodes><node id="a" start="yesterday" end="∞"/></nodes><edges><edge source="a" target="a" start="2014-13-45" end="-inf" timestamps="&lt;[x, 1e308]&gt;"/></edges></graph></gexf>',
    ],
    ['html', 'index.html', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
    ['graphml', 'a.graphml', '<graphml><graph><node id="a"/></graph></graphml>'],
  ];
  return h.map(([label, name, data]) => ({
    label,
    name,
    data: typeof data === 'string' ? bytes(data) : data,
  }));
}

/** The contract: a failure with a located, worded issue, or a dataset that validates. */
function check(label: string, r: ImportResult): void {
  if (r.ok) {
    const v = validateDataset(r.dataset);
    if (!v.ok)
      expect.fail(`${label}: imported an invalid dataset ${JSON.stringify(v.issues.slice(0, 3))}`);
  } else {
    expect(r.issues.length, label).toBeGreaterThan(0);
    expect(
      r.issues.some((i) => i.path.length > 0 && i.message.length > 0),
      `${label}: ${JSON.stringify(r.issues)}`,
    ).toBe(true);
  }
}

describe('hostile input', () => {
  it('handles a 240-file fuzzed corpus and 38 hand-written attacks without throwing', () => {
    const cases = [...corpus(), ...hostile()];
    expect(cases.length).toBeGreaterThanOrEqual(200);
    let succeeded = 0;
    for (const c of cases) {
      let r: ImportResult;
      try {
        r = importBuffer(c.name, c.data);
      } catch (e) {
        return expect.fail(`${c.label} threw ${String(e)}`);
      }
      check(c.label, r);
      if (r.ok) succeeded++;
    }
    // Both outcomes occur: the corpus is neither all-broken nor all-harmless.
    expect(succeeded).toBeGreaterThan(20);
    expect(cases.length - succeeded).toBeGreaterThan(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);

  it('keeps markup as plain text and never expands entities', () => {
    const m = importBuffer('m.csv', bytes('source,target\n"<img src=x onerror=alert(1)>",b\n'));
    expect(m.ok && m.dataset.actors[0]?.name).toBe('<img src=x onerror=alert(1)>');
    const x = importBuffer(
      'xxe.gexf',
      bytes(
        '<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><gexf><graph><nodes><node id="&xxe;"/></nodes></graph></gexf>',
      ),
    );
    expect(x).toMatchObject({ ok: false, issues: [{ path: 'line 1' }] });
    expect(!x.ok && x.issues[0]?.message).toMatch(/Remove the <!DOCTYPE/);
  });

  it('fails the deep and the broken with a path', () => {
    const byLabel = new Map(hostile().map((h) => [h.label, h]));
    const run = (label: string): ImportResult => {
      const h = byLabel.get(label);
      if (!h) throw new Error(label);
      return importBuffer(h.name, h.data);
    };
    expect(run('deep json')).toMatchObject({ ok: false, issues: [{ path: '$' }] });
    expect(run('deep xml')).toMatchObject({ ok: false, format: 'gexf' });
    expect(run('truncated cyjs')).toMatchObject({
      ok: false,
      issues: [{ path: expect.stringMatching(/^line \d+, column \d+ \(end of file\)$/) }],
    });
    expect(run('tieline infinite count').ok).toBe(false);
    expect(run('one column')).toMatchObject({ ok: false, issues: [{ path: 'line 1' }] });
  });
});
