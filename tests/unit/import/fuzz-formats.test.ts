// The hostile corpus, grown with the known table formats' broken forms: cut anywhere, ragged, NA-filled,
// columns dropped. Each import returns a dataset or located issues; none throws, none loses what it read.
import { describe, expect, it } from 'vitest';
import { importBuffer } from '../../../src/io/import';
import { bytes, fixture } from './helpers';

const FILES = [
  'mmp-relations.csv',
  'ucdp-yearly.csv',
  'acled-nigeria.csv',
  '201303.csv',
  '20130401.export.CSV',
  '20150402153000.export.CSV',
  'icews-2014.tab',
];

/** A small seeded generator, so a failure names a case that can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function variants(text: string, seed: number): string[] {
  const r = rng(seed);
  const lines = text.split('\n');
  const cut = (at: number): string => text.slice(0, Math.floor(at * text.length));
  const mutateCells = (f: (cell: string) => string, sep: string): string =>
    lines.map((l) => l.split(sep).map(f).join(sep)).join('\n');
  const sep = text.includes('\t') ? '\t' : ',';
  return [
    cut(r()),
    cut(r()),
    lines.filter(() => r() > 0.3).join('\n'),
    lines
      .map((l) =>
        l
          .split(sep)
          .slice(0, Math.floor(r() * 8))
          .join(sep),
      )
      .join('\n'),
    mutateCells((c) => (r() < 0.4 ? 'NA' : c), sep),
    mutateCells((c) => (r() < 0.2 ? '' : c), sep),
    mutateCells((c) => (r() < 0.1 ? `"${c}` : c), sep),
    lines.slice(0, 1).join('\n'),
  ];
}

describe('hostile corpus: broken forms of the known table formats (#13)', () => {
  for (const file of FILES) {
    it(`${file}: every cut, ragged, NA-filled or emptied variant imports or fails with a place`, () => {
      const text = new TextDecoder().decode(fixture(`formats/${file}`));
      variants(text, file.length).forEach((v, k) => {
        const r = importBuffer(file, bytes(v));
        if (r.ok) {
          expect(r.stats.relations, `${file} variant ${k}`).toBeGreaterThan(0);
        } else {
          expect(r.issues.length, `${file} variant ${k}`).toBeGreaterThan(0);
          for (const i of r.issues) expect(i.message, `${file} variant ${k}`).not.toBe('');
          expect(r.issues.every((i) => !/could not read/.test(i.message))).toBe(true);
        }
      });
    });
  }
});
