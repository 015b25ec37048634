// The bundled dataset, loaded through the real validator: required actors, types, sources, locators, known events, no copied prose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../src/io/json-schema';
import { readDatasetText } from '../../src/io/validate';
import { buildModel, isoToDay, statusOf, type Dataset, type Relation } from '../../src/model';

const text = readFileSync('data/tieline.json', 'utf8');
const result = readDatasetText(text);
const fingerprint = JSON.parse(
  readFileSync('tests/fixtures/seed-fingerprint.json', 'utf8'),
) as Record<string, { paragraphs: number; shingles: string[] }>;

function dataset(): Dataset {
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
  return result.dataset;
}
const find = (pred: (r: Relation) => boolean): Relation[] => dataset().relations.filter(pred);

// Same hashing as scripts/fingerprint-seeds.mjs.
function hash(t: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
const words = (t: string): string[] =>
  t
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}\p{N}']+/gu) ?? [];

/** The texts that share an eight-word run with a fingerprinted document. */
function copied(texts: string[], shingles: Set<string>): string[] {
  return texts.filter((t) => {
    const w = words(t);
    for (let i = 0; i + 8 <= w.length; i++)
      if (shingles.has(hash(w.slice(i, i + 8).join(' ')))) return true;
    return false;
  });
}

describe('the bundled dataset', () => {
  it('validates', () => {
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('has the seven actors of the brief and the four core types, all used', () => {
    const d = dataset();
    const ids = new Set(d.actors.map((a) => a.id));
    for (const id of [
      'is',
      'nusra',
      'khorasan',
      'jma',
      'jund-al-aqsa',
      'srf',
      'hazm',
      'aq',
      'ahrar',
    ]) {
      expect(ids, id).toContain(id);
    }
    for (const t of ['allegiance', 'truce', 'attack', 'defection']) {
      expect(d.relationTypes.map((x) => x.id)).toContain(t);
      expect(
        d.relations.some((r) => r.type === t),
        t,
      ).toBe(true);
    }
    expect(d.relations.length).toBeGreaterThanOrEqual(40);
  });

  it('cites all five documents, and every claim has a locator inside its document', () => {
    const d = dataset();
    const docs = new Map(d.sources.map((s) => [s.id, s.document ?? '']));
    expect([...docs.values()].sort()).toEqual(Object.keys(fingerprint).sort());
    const cited = new Set(d.relations.flatMap((r) => r.claims.map((c) => c.source)));
    expect(cited.size).toBe(5);
    for (const r of d.relations) {
      expect(r.claims.length, r.id).toBeGreaterThan(0);
      for (const c of r.claims) {
        const m = /^paragraphs? (\d+)(?:–(\d+))?$/.exec(c.locator);
        expect(m, `${r.id}: "${c.locator}"`).not.toBeNull();
        const last = Number(m?.[2] ?? m?.[1]);
        expect(last, `${r.id} cites ${c.locator}`).toBeLessThanOrEqual(
          fingerprint[docs.get(c.source) ?? '']?.paragraphs ?? 0,
        );
      }
    }
  });

  it('records the early-November 2014 IS–Nusra truce as disputed, with both sides cited', () => {
    const [truce, ...rest] = find(
      (r) =>
        r.type === 'truce' &&
        r.start === '2014-11~' &&
        [r.source, r.target].sort().join() === 'is,nusra',
    );
    expect(rest).toHaveLength(0);
    expect(truce).toBeDefined();
    const claims = truce!.claims;
    expect(
      claims.some((c) => c.source === 'digitaljournal-2014-11-16' && c.stance === 'asserts'),
    ).toBe(true);
    expect(claims.some((c) => c.source === 'orton-2014-11-15' && c.stance === 'disputes')).toBe(
      true,
    );
    expect(statusOf(claims)).toBe('disputed');
  });

  it('has the events of 2 November 2014 with Orton as their source', () => {
    const on = (type: string, source: string, target: string) =>
      find(
        (r) =>
          r.type === type && r.source === source && r.target === target && r.start === '2014-11-02',
      );
    const attacksSrf = on('attack', 'nusra', 'srf');
    const attacksHazm = on('attack', 'nusra', 'hazm');
    const defection = on('defection', 'hazm', 'nusra');
    for (const list of [attacksSrf, attacksHazm, defection]) {
      expect(list).toHaveLength(1);
      expect(list[0]!.claims.some((c) => c.source === 'orton-2014-11-15')).toBe(true);
    }
    expect(defection[0]!.count).toBe(65);
  });

  it('shows those ties at 2014-11-03 and none of them at 2014-06-01', () => {
    const model = buildModel(dataset());
    const ids = (iso: string) =>
      model.index.activeAt(isoToDay(iso)!).map((i) => dataset().relations[i]!.id);
    const key = [
      'nusra-attacks-srf-2014-11-02',
      'nusra-attacks-hazm-2014-11-02',
      'hazm-defects-to-nusra-2014-11-02',
      'is-nusra-truce-2014-11',
    ];
    expect(key.every((k) => dataset().relations.some((r) => r.id === k))).toBe(true);
    expect(ids('2014-11-03')).toEqual(expect.arrayContaining(key));
    expect(ids('2014-06-01').filter((k) => key.includes(k))).toEqual([]);
  });

  it('paraphrases: no summary, description or note shares eight words in a row with a source', () => {
    const shingles = new Set(Object.values(fingerprint).flatMap((f) => f.shingles));
    const d = dataset();
    const texts = [
      d.description ?? '',
      ...d.actors.map((a) => a.description ?? ''),
      ...d.relations.flatMap((r) => [r.summary ?? '', ...r.claims.map((c) => c.note ?? '')]),
    ];
    expect(copied(texts, shingles)).toEqual([]);
  });

  it('the copy check can fail: an eight-word run of a fingerprinted text is caught', () => {
    const invented = 'the quick brown fox jumps over the lazy dog again';
    const w = words(invented);
    const shingles = new Set<string>();
    for (let i = 0; i + 8 <= w.length; i++) shingles.add(hash(w.slice(i, i + 8).join(' ')));
    const lifted = 'As they say, The quick brown fox jumps over the lazy dog, indeed.';
    expect(copied([lifted, 'a fox and a dog'], shingles)).toEqual([lifted]);
  });
});

describe('data/tieline.schema.json', () => {
  it('is the JSON Schema generated from the validator', () => {
    const committed = JSON.parse(readFileSync('data/tieline.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(datasetJsonSchema());
  });
});
