// Writes tests/fixtures/seed-fingerprint.json: per source document, its paragraph count and hashed 8-word shingles.
// Tests use it to check locators and that no dataset text copies the sources, without storing their text.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = process.argv[2] ?? '../shared/seeds';
/** FNV-1a, 32 bits, base 36: irreversible enough that the fixture holds no prose. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
export const words = (t) =>
  t
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}\p{N}']+/gu) ?? [];
const out = {};
for (const file of readdirSync(SEEDS)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()) {
  const text = readFileSync(join(SEEDS, file), 'utf8');
  const paragraphs = text.split('\n').filter((l) => l.trim() !== '').length;
  const w = words(text);
  const shingles = new Set();
  for (let i = 0; i + 8 <= w.length; i++) shingles.add(hash(w.slice(i, i + 8).join(' ')));
  out[file] = { paragraphs, shingles: [...shingles].sort() };
}
writeFileSync('tests/fixtures/seed-fingerprint.json', JSON.stringify(out) + '\n');
console.log(
  Object.entries(out)
    .map(([f, v]) => `${f}: ${v.paragraphs} paragraphs, ${v.shingles.length} shingles`)
    .join('\n'),
);
