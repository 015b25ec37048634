// Generates the relation tables the label tests and screenshots import: an MMP-shaped table of 228 named groups and a 600-actor yearly table.
// Run `node scripts/label-tables.mjs <dir>` to write them as CSV files; the browser tests import the functions.

/** mulberry32: a small seeded generator, so every run writes the same tables. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Coastal',
  'Highland',
  'Valley',
  'Delta',
  'River',
  'Desert',
  'Mountain',
  'Border',
  'Island',
  'Central',
  'Upper',
  'Lower',
  'Lake',
  'Forest',
  'Plains',
  'Harbour',
];
const IDEAS = [
  'Liberation',
  'Revolutionary',
  'Popular',
  'National',
  'Democratic',
  'Islamic',
  'Patriotic',
  'United',
  'Free',
  'Resistance',
  'Socialist',
  'Unity',
  'Salvation',
  'Justice',
  'Defence',
];
const BODIES = [
  'Front',
  'Army',
  'Movement',
  'Brigades',
  'Council',
  'Union',
  'League',
  'Alliance',
  'Guard',
  'Party',
  'Battalion',
  'Forces',
];

/** `count` distinct group names such as "Coastal Liberation Front", in a seeded order. */
export function groupNames(count, seed = 11) {
  const r = rng(seed);
  const names = new Set();
  while (names.size < count) {
    const p = PLACES[Math.floor(r() * PLACES.length)];
    const i = IDEAS[Math.floor(r() * IDEAS.length)];
    const b = BODIES[Math.floor(r() * BODIES.length)];
    names.add(`${p} ${i} ${b}`);
  }
  return [...names];
}

/**
 * Ties in communities: actors fall into groups of about `community`; most ties join two actors of
 * one community (allies), the rest cross communities (rivals), and a few actors (hubs) take many.
 */
function ties(n, count, seed, community) {
  const r = rng(seed);
  const out = [];
  const groups = Math.max(1, Math.round(n / community));
  const pick = () => Math.floor(Math.pow(r(), 1.6) * n); // low indices (hubs) more often
  while (out.length < count) {
    const a = pick();
    let b;
    const within = r() < 0.7;
    if (within) {
      const g = a % groups;
      b = g + groups * Math.floor(r() * Math.ceil(n / groups));
      if (b >= n) b = g;
    } else b = Math.floor(r() * n);
    if (a === b) continue;
    out.push({ a, b, within, r: r() });
  }
  return out;
}

/**
 * An MMP-shaped relations table: 228 named groups, `source,target,type,date` with names, about 700
 * rows from 1990 to 2019 (allies, splits, rivals, mergers).
 */
export function mmpTable() {
  const names = groupNames(228, 11);
  const linked = 228;
  const rows = ['source,target,type,date'];
  for (const t of ties(linked, 700, 5, 14)) {
    const type = t.within ? (t.r < 0.8 ? 'allies' : 'splits') : t.r < 0.85 ? 'rivals' : 'mergers';
    const year = 1990 + Math.floor(t.r * 30);
    const month = String(1 + Math.floor((t.r * 997) % 12)).padStart(2, '0');
    rows.push(`${names[t.a]},${names[t.b]},${type},${year}-${month}-01`);
  }
  return { csv: rows.join('\n') + '\n', names, linked };
}

/** A yearly table of 600 actors (`year,source,target,type`), about 2,400 rows from 1995 to 2020. */
export function yearlyTable() {
  const first = groupNames(600, 23);
  const names = first.map((n, i) => (i % 3 === 0 ? n : n.replace(/^(\S+)/, `$1 ${i}`)));
  const rows = ['year,source,target,type'];
  for (const t of ties(600, 2400, 9, 20)) {
    const type = t.within ? 'cooperation' : t.r < 0.6 ? 'conflict' : 'rivalry';
    rows.push(`${1995 + Math.floor(t.r * 26)},${names[t.a]},${names[t.b]},${type}`);
  }
  return { csv: rows.join('\n') + '\n', names };
}

/** A table past the big-graph threshold (5,000 relations): 900 actors, 6,000 yearly rows. */
export function bigTable() {
  const names = groupNames(900, 31).map((n, i) => `${n} ${i}`);
  const rows = ['year,source,target,type'];
  for (const t of ties(900, 6000, 13, 25)) {
    const type = t.within ? 'cooperation' : 'conflict';
    rows.push(`${1990 + Math.floor(t.r * 30)},${names[t.a]},${names[t.b]},${type}`);
  }
  return { csv: rows.join('\n') + '\n', names };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const dir = process.argv[2] ?? '/tmp/label-tables';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/mmp-groups.csv`, mmpTable().csv);
  writeFileSync(`${dir}/yearly-600.csv`, yearlyTable().csv);
  console.log(`wrote ${dir}/mmp-groups.csv and ${dir}/yearly-600.csv`);
}
