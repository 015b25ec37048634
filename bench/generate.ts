// Deterministic benchmark datasets: seeded tieline/1 graphs (states and events over ten years) and CollegeMsg as tieline/1.
import { readFileSync } from 'node:fs';
import { dayOf, dayToIso, seededRandom, type Dataset, type Relation } from '../src/model';

/** The seeded PRNG of src/model: the same seed gives the same dataset on every machine. */
export const mulberry32 = seededRandom;

/** What to generate. */
export interface GenOptions {
  readonly actors: number;
  readonly relations: number;
  readonly seed?: number;
  /** Years the relations start over, from 1 January 2010. */
  readonly years?: number;
}

/** First day of the generated data (2010-01-01). */
export const GEN_START = dayOf(2010, 1, 1);
/** A day in the middle of the generated span, where the benchmarks start scrubbing. */
export const GEN_MIDDLE = dayOf(2015, 1, 1);

const TYPES = [
  { id: 'allegiance', label: 'Allegiance', directed: true, kind: 'state' },
  { id: 'truce', label: 'Truce', directed: false, kind: 'state' },
  { id: 'attack', label: 'Attack', directed: true, kind: 'event' },
  { id: 'defection', label: 'Defection', directed: true, kind: 'event' },
] as const;
const KINDS = ['group', 'group', 'group', 'formation', 'state', 'coalition', 'person'] as const;
const SOURCES = 40;

/** The mix, stated once so docs/benchmarks.md can quote it. */
export const MIX = {
  state: 0.45,
  stateTypes: 'allegiance 60 %, truce 40 %',
  stateStart: 'day 55 %, month 30 %, approximate month (YYYY-MM~) 12 %, open (..) 3 %',
  stateEnd: 'open (null) 30 %; else start + Exp(mean 365 days), day 60 % / month 40 %',
  event: 0.55,
  eventTypes: 'attack 80 %, defection 20 %',
  eventDate: 'day 85 %, month 10 %, approximate month 5 %',
  actors: 'source and target drawn with a power-law skew (a few hubs), never equal',
  claims: 'one source 60 %, two sources 30 %, one asserts + one disputes 10 %',
} as const;

function monthText(day: number, approx: boolean): string {
  return dayToIso(day).slice(0, 7) + (approx ? '~' : '');
}

/**
 * A dataset of `relations` relations among `actors` actors, all drawn from `seed`. Claims are shared
 * arrays from a small pool, which keeps a million relations in memory cheaply (JSON repeats them).
 */
export function generateDataset(opts: GenOptions): Dataset {
  const rnd = mulberry32(opts.seed ?? 1);
  const span = Math.round((opts.years ?? 10) * 365.25);
  const nA = opts.actors;
  const actors = Array.from({ length: nA }, (_, i) => ({
    id: `a${i}`,
    name: `Actor ${i}`,
    aliases: [] as string[],
    kind: KINDS[i % KINDS.length] as string,
  }));
  // A random permutation so the hubs are spread over the ids.
  const perm = Int32Array.from({ length: nA }, (_, i) => i);
  for (let i = nA - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const tmp = perm[i] as number;
    perm[i] = perm[j] as number;
    perm[j] = tmp;
  }
  const pick = (): number =>
    perm[Math.min(nA - 1, Math.floor(nA * Math.pow(rnd(), 1.6)))] as number;
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    id: `s${i}`,
    title: `Source ${i}`,
    publisher: `Publisher ${i % 7}`,
    published: dayToIso(GEN_START + Math.floor((i / SOURCES) * span)),
  }));
  const claimPool = Array.from({ length: 64 }, (_, k) => {
    const a = `s${k % SOURCES}`;
    const b = `s${(k * 7 + 3) % SOURCES}`;
    const r = k % 10;
    if (r < 6) return [{ source: a, stance: 'asserts', locator: `paragraph ${1 + (k % 9)}` }];
    if (r < 9)
      return [
        { source: a, stance: 'asserts', locator: 'paragraph 2' },
        { source: b, stance: 'asserts', locator: 'paragraph 5' },
      ];
    return [
      { source: a, stance: 'asserts', locator: 'paragraph 3' },
      { source: b, stance: 'disputes', locator: 'paragraphs 4–6' },
    ];
  });
  const relations: Record<string, unknown>[] = new Array(opts.relations);
  for (let i = 0; i < opts.relations; i++) {
    const s = pick();
    let t = pick();
    while (t === s && nA > 1) t = pick();
    const day = GEN_START + Math.floor(rnd() * span);
    const claims = claimPool[Math.floor(rnd() * claimPool.length)];
    const rel: Record<string, unknown> = {
      id: `r${i}`,
      type: '',
      source: `a${s}`,
      target: `a${t}`,
      start: '',
      claims,
    };
    if (rnd() < MIX.state) {
      rel.type = rnd() < 0.6 ? 'allegiance' : 'truce';
      const p = rnd();
      rel.start =
        p < 0.55
          ? dayToIso(day)
          : p < 0.85
            ? monthText(day, false)
            : p < 0.97
              ? monthText(day, true)
              : '..';
      if (rnd() < 0.3) rel.end = null;
      else {
        const end = day + 31 + Math.ceil(-Math.log(1 - rnd()) * 365);
        rel.end = rnd() < 0.6 ? dayToIso(end) : monthText(end, false);
      }
    } else {
      rel.type = rnd() < 0.8 ? 'attack' : 'defection';
      const p = rnd();
      rel.start = p < 0.85 ? dayToIso(day) : monthText(day, p >= 0.95);
    }
    relations[i] = rel;
  }
  return {
    format: 'tieline/1',
    title: `Generated: ${nA} actors, ${opts.relations} relations (seed ${opts.seed ?? 1})`,
    description: 'Synthetic benchmark data (bench/generate.ts).',
    relationTypes: TYPES.map((t) => ({ ...t })),
    actors,
    sources,
    relations: relations as unknown as Relation[],
  } as unknown as Dataset;
}

/** Actor positions on a square grid (the adapter benchmark skips the layout). */
export function gridPositions(
  dataset: Dataset,
  spacing = 60,
): Map<string, { x: number; y: number }> {
  const side = Math.ceil(Math.sqrt(dataset.actors.length));
  return new Map(
    dataset.actors.map((a, i) => [
      a.id,
      { x: (i % side) * spacing, y: Math.floor(i / side) * spacing },
    ]),
  );
}

/**
 * CollegeMsg (SNAP; `src dst unix_seconds` with a header line) as a tieline/1 dataset: one actor per
 * id, one `message` event per line dated by its UTC day, each claimed by one source citing its line.
 */
export function collegeMsgDataset(path: string): Dataset {
  const lines = readFileSync(path, 'utf8').split('\n');
  const ids = new Map<string, number>();
  const relations: Record<string, unknown>[] = [];
  const actorOf = (id: string): string => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `u${id}`;
  };
  for (let i = 1; i < lines.length; i++) {
    const parts = (lines[i] as string).trim().split(/\s+/);
    if (parts.length < 3) continue;
    const [src, dst, secs] = parts as [string, string, string];
    relations.push({
      id: `m${i}`,
      type: 'message',
      source: actorOf(src),
      target: actorOf(dst),
      start: dayToIso(Math.floor(Number(secs) / 86400)),
      claims: [{ source: 'snap', stance: 'asserts', locator: `line ${i + 1}` }],
    });
  }
  return {
    format: 'tieline/1',
    title: 'CollegeMsg temporal network',
    description:
      'Panzarasa, Opsahl and Carley (2009), via SNAP: private messages on a student social network.',
    relationTypes: [{ id: 'message', label: 'Message', directed: true, kind: 'event' }],
    actors: [...ids.keys()].map((id) => ({
      id: `u${id}`,
      name: `User ${id}`,
      aliases: [],
      kind: 'person',
    })),
    sources: [
      {
        id: 'snap',
        title: 'CollegeMsg temporal network',
        publisher: 'Stanford Network Analysis Project',
        url: 'https://snap.stanford.edu/data/CollegeMsg.html',
      },
    ],
    relations: relations as unknown as Relation[],
  } as unknown as Dataset;
}
