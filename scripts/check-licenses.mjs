// Fails when an installed production dependency (direct or transitive) is not under a permissive licence.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ALLOWED = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
]);

/**
 * Named exceptions: a package whose licence is not in ALLOWED, accepted by name (and only that licence).
 * mediabunny (the video muxer) is MPL-2.0: a file-level copyleft that binds only changes to its own
 * files; Tieline bundles it unmodified, and its source is the published npm package.
 */
const EXCEPTIONS = new Map([['mediabunny', 'MPL-2.0']]);

/** True when an SPDX expression is satisfied by allowed licences ("MIT OR GPL-3.0" passes, "MIT AND GPL-3.0" does not). */
function permitted(expr) {
  const e = expr.replace(/[()]/g, ' ').trim();
  if (/ OR /.test(e)) return e.split(/ OR /).some((p) => permitted(p));
  if (/ AND /.test(e)) return e.split(/ AND /).every((p) => permitted(p));
  return ALLOWED.has(e.trim());
}

const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' });
const dirs = [...new Set(out.split('\n').filter(Boolean))].slice(1); // the first line is the project itself
const bad = [];
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const lic =
    typeof pkg.license === 'string'
      ? pkg.license
      : (pkg.license?.type ?? (pkg.licenses ?? []).map((l) => l.type).join(' OR '));
  if (!lic || !(permitted(lic) || EXCEPTIONS.get(pkg.name) === lic))
    bad.push(`${pkg.name}@${pkg.version}: ${lic || 'no licence stated'}`);
}
if (bad.length) {
  console.error(
    `Licence check failed: ${bad.length} production dependencies are not permissively licensed:\n  ${bad.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  `Licence check: ${dirs.length} production packages, all permissive (${[...ALLOWED].join(', ')}), ` +
    `or named exceptions (${[...EXCEPTIONS].map(([n, l]) => `${n}: ${l}`).join(', ')}).`,
);
