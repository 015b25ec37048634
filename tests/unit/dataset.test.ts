// The bundled dataset, loaded through the real validator: required actors, types, sources, locators, known events, no copied prose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../src/io/json-schema';
import { readDatasetText } from '../../src/io/validate';
import {
  buildModel,
  dayToIso,
  describeSupport,
  isoToDay,
  statusOf,
  supportedDatesAsWritten,
  type Dataset,
  type Relation,
} from '../../src/model';

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

  it('has the events of 2 November 2014 with Orton as their source, and the Hazm defection without a day', () => {
    const on = (type: string, source: string, target: string, start: string) =>
      find(
        (r) => r.type === type && r.source === source && r.target === target && r.start === start,
      );
    const attacksSrf = on('attack', 'nusra', 'srf', '2014-11-02');
    const attacksHazm = on('attack', 'nusra', 'hazm', '2014-11-02');
    // The AP, the only source of the 65 defections, gives no day: November 2014, not 2 November.
    const defection = on('defection', 'hazm', 'nusra', '2014-11');
    for (const list of [attacksSrf, attacksHazm, defection]) {
      expect(list).toHaveLength(1);
      expect(list[0]!.claims.some((c) => c.source === 'orton-2014-11-15')).toBe(true);
    }
    expect(defection[0]!.count).toBe(65);
    expect(defection[0]!.claims.every((c) => c.via === 'ap' && !c.start)).toBe(true);
    // The attack on Hazm: the AP's "last week" (November) and Orton's own 2 November, each cited.
    expect(
      attacksHazm[0]!.claims.map((c) => [c.via ?? 'own', c.start ?? attacksHazm[0]!.start]),
    ).toEqual([
      ['ap', '2014-11'],
      ['own', '2014-11-02'],
    ]);
  });

  it('shows those ties at 2014-11-03 and none of them at 2014-06-01', () => {
    const model = buildModel(dataset());
    const ids = (iso: string) =>
      model.index.activeAt(isoToDay(iso)!).map((i) => dataset().relations[i]!.id);
    const key = [
      'nusra-attacks-srf-2014-11-02',
      'nusra-attacks-hazm-2014-11-02',
      'hazm-defects-to-nusra-2014-11',
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
      d.title,
      d.description ?? '',
      ...(d.originators ?? []).map((o) => o.name),
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

/** Passages that only pass on another outlet's report: document, paragraph → the outlet relayed. */
const RELAYS: Record<string, Record<number, string>> = {
  'ilnewswire-2017': { 8: 'newsweek' },
  'vice-2014-10': { 9: 'ap', 24: 'ap' },
  'digitaljournal-2014-11-16': { 3: 'ap', 7: 'independent', 8: 'ap', 10: 'telegraph' },
  'orton-2014-11-15': { 9: 'ap', 10: 'ap', 11: 'ap', 13: 'ap' },
};
/** Claims on a relay passage that rest on the document's own words there, and why. */
const OWN_WORDS_IN_RELAY: Record<string, string> = {
  'nusra-allegiance-to-aq vice-2014-10 paragraph 9':
    'VICE itself calls Nusra al-Qaeda-backed, glossing what Joscelyn told the AP',
};
/** Outlets as notes name them when a claim passes on their report. */
const OUTLET_WORDS: Record<string, RegExp> = {
  ap: /^the Associated Press|speaking to the Associated Press|as the Associated Press reported/,
  independent: /^the Independent/,
  telegraph: /^the Telegraph|in the Telegraph/,
  guardian: /^the Guardian/,
  newsweek: /Newsweek/,
};
const byId = (id: string): Relation => {
  const r = dataset().relations.find((x) => x.id === id);
  if (!r) throw new Error(`no relation ${id}`);
  return r;
};
const firstParagraph = (locator: string): number => Number(/\d+/.exec(locator)?.[0]);

describe('provenance of the bundled dataset', () => {
  it('every claim that relays another outlet names it in via', () => {
    const d = dataset();
    const originators = new Set((d.originators ?? []).map((o) => o.id));
    expect([...originators].sort()).toEqual(
      ['ap', 'guardian', 'ifriqiyya-media', 'independent', 'newsweek', 'telegraph'].sort(),
    );
    const missing: string[] = [];
    for (const r of d.relations) {
      for (const c of r.claims) {
        const relayed = OWN_WORDS_IN_RELAY[`${r.id} ${c.source} ${c.locator}`]
          ? undefined
          : RELAYS[c.source]?.[firstParagraph(c.locator)];
        if (relayed && c.via !== relayed) missing.push(`${r.id} ${c.locator}: ${c.via}`);
        for (const [id, words] of Object.entries(OUTLET_WORDS))
          if (words.test(c.note ?? '') && c.via !== id)
            missing.push(`${r.id} ${c.locator} names ${id}`);
        if (/\brelays\b/.test(c.note ?? '') && !c.via) missing.push(`${r.id} ${c.locator} relays`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('corroboration counts originators: the four relations relayed from one AP account are reported', () => {
    const d = dataset();
    for (const id of [
      'khorasan-is-meeting-2014-11-02',
      'jund-al-aqsa-is-meeting-2014-11-02',
      'ahrar-is-meeting-2014-11-02',
      'jund-al-aqsa-allegiance-to-is-2014-11',
    ]) {
      const r = byId(id);
      expect(new Set(r.claims.map((c) => c.source)).size, id).toBe(2);
      expect(statusOf(r.claims), id).toBe('reported');
      expect(describeSupport(d, r.claims), id).toBe('2 reports, 1 original (Associated Press)');
    }
    // Independent originals still corroborate: the AP and the Telegraph and the blog on Hezbollah.
    expect(statusOf(byId('is-hezbollah-hostility').claims)).toBe('corroborated');
  });

  it('the break between IS and al-Qaeda carries each source’s date', () => {
    const split = byId('is-splits-from-aq');
    const dateOf = (source: string) =>
      split.claims.filter((c) => c.source === source).map((c) => c.start ?? split.start);
    expect(dateOf('ilnewswire-2017')).toEqual(['2014']);
    expect(dateOf('digitaljournal-2014-11-16')).toEqual(['2012']);
    expect(dateOf('orton-2014-11-15')).toEqual(['2013-04']);
    expect(supportedDatesAsWritten(split, 'event')).toBe(
      '2012; April 2013; 2014 (the sources differ)',
    );
    // Drawn from 2012, uncertain until the last day a source gives (end of 2014).
    const model = buildModel(dataset());
    const s = model.index.spans[dataset().relations.indexOf(split)]!;
    expect([dayToIso(s.lo), dayToIso(s.certainFrom)]).toEqual(['2012-01-01', '2014-12-31']);
    // The allegiance it ended: Digital Journal's 2012 against IL Newswire's 2014.
    const allegiance = byId('is-allegiance-to-aq');
    expect(allegiance.claims.find((c) => c.source === 'digitaljournal-2014-11-16')?.end).toBe(
      '2012',
    );
  });

  it('records the audit’s corrections as the documents support them', () => {
    const stance = (id: string, source: string, locator: string) =>
      byId(id)
        .claims.filter((c) => c.source === source && c.locator === locator)
        .map((c) => c.stance);
    const orton = 'orton-2014-11-15';
    // Orton paragraph 25 accepts that some would bridge the divide, and allows a local ceasefire: qualifies, both.
    expect(stance('aq-is-reconciliation-overtures-2014-10', orton, 'paragraph 25')).toEqual([
      'qualifies',
    ]);
    expect(stance('is-nusra-truce-2014-11', orton, 'paragraph 25')).toEqual(['qualifies']);
    // Orton paragraph 6: Nusra's Raqqa offer is the al-Qaeda side's overture, dated by its own week.
    const p6 = byId('aq-is-reconciliation-overtures-2014-10').claims.find(
      (c) => c.source === orton && c.locator === 'paragraph 6',
    );
    expect(p6).toMatchObject({ stance: 'asserts', start: '2014-11' });
    // Convergences paragraph 4 only infers the November truce.
    expect(stance('is-nusra-truce-2014-11', 'convergences-2015-04', 'paragraph 4')).toEqual([
      'qualifies',
    ]);
    // Imarat Kavkaz: the envoy is a person who leads it, not a Nusra–Imarat Kavkaz tie.
    const pair = (a: string, b: string) =>
      find((r) => [r.source, r.target].sort().join() === [a, b].sort().join());
    expect(pair('nusra', 'imarat-kavkaz')).toEqual([]);
    expect(pair('nusra', 'salakhuddin-shishani').map((r) => r.type)).toEqual(['representation']);
    expect(dataset().actors.find((a) => a.id === 'salakhuddin-shishani')?.kind).toBe('person');
    // The Qalamoun envoys: the time frame of Baghdadi's November 2014 order, not the article's date.
    expect(byId('is-nusra-qalamoun-envoys-2014-11').start).toBe('2014-11~');
    // The Lebanon cooperation ended before the article: clashes, then a second local agreement.
    expect(byId('is-nusra-cooperation-lebanon-2014').end).toBe('2015-04~');
    expect(
      pair('is', 'nusra')
        .filter((r) => r.place === 'Lebanon')
        .map((r) => r.type)
        .sort(),
    ).toEqual(['hostility', 'truce']);
    // JMA's own talks with IS in Raqqa, as Nusra's go-between.
    expect(pair('jma', 'is').map((r) => [r.type, r.place])).toEqual([['negotiation', 'Raqqa']]);
    // The US backing of the SRF: reported by the Telegraph, narrowed by Orton.
    expect(stance('us-supports-srf-2014-11', orton, 'paragraph 19')).toEqual(['qualifies']);
    expect(statusOf(byId('us-supports-srf-2014-11').claims)).toBe('reported');
  });
});

describe('data/tieline.schema.json', () => {
  it('is the JSON Schema generated from the validator', () => {
    const committed = JSON.parse(readFileSync('data/tieline.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(datasetJsonSchema());
  });
});
