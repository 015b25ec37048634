// Sources and claims of imported relations (one source per cited document), and relation types with their vocabulary.
import type { RawRelation } from './build';
import type { TypeInfo } from './types';

/** The file itself: the source of every claim whose row cites no document. */
export const FILE_SOURCE = 'import';

/** One source per document the rows cite (a publisher's name, a URL), with ids made from the text. */
export class SourceRegistry {
  private readonly byRef = new Map<string, string>();
  private readonly taken = new Set<string>([FILE_SOURCE]);
  private readonly list: Record<string, unknown>[] = [];

  constructor(fileName: string) {
    this.list.push({ id: FILE_SOURCE, title: fileName, document: fileName });
  }

  /** The source id of a cited document, made on first sight. */
  idFor(ref: string): string {
    let id = this.byRef.get(ref);
    if (id !== undefined) return id;
    const url = /^https?:\/\//i.test(ref);
    const base =
      'src-' +
      (url ? ref.replace(/^https?:\/\/(www\.)?/i, '') : ref)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48);
    id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    this.byRef.set(ref, id);
    this.list.push(url ? { id, title: ref, url: ref } : { id, title: ref, publisher: ref });
    return id;
  }

  sources(): Record<string, unknown>[] {
    return this.list;
  }
}

/** The claims of a relation: one per document each of its reports cites, else one for the file. */
export function claimsOf(r: RawRelation, registry: SourceRegistry): Record<string, unknown>[] {
  const reports = r.reports ?? [{ locator: r.locator, references: r.references ?? [] }];
  const claims: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const rep of reports) {
    const refs = rep.references.length > 0 ? rep.references : [null];
    for (const ref of refs) {
      const source = ref === null ? FILE_SOURCE : registry.idFor(ref);
      const key = `${source}|${rep.locator}`;
      if (seen.has(key)) continue;
      seen.add(key);
      claims.push({ source, stance: 'asserts', locator: rep.locator });
    }
  }
  return claims;
}

/** What the import counts about one relation type while reading relations. */
export interface TypeTally {
  id: string;
  label: string;
  instants: number;
  total: number;
  directed: number;
  undirected: number;
  where: string;
  /** Sum and number of the rows' sign votes (−1, 0, +1). */
  signSum: number;
  signVotes: number;
  readonly info: TypeInfo | undefined;
}

/** The relation type as the dataset stores it: the known vocabulary first, else what the rows show. */
export function typeEntry(t: TypeTally): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: t.id,
    label: t.label,
    directed: t.directed > 0,
    kind: t.info?.kind ?? (t.instants === t.total ? 'event' : 'state'),
  };
  let sign = t.info?.sign;
  if (sign === undefined && t.signVotes > 0) {
    const mean = t.signSum / t.signVotes;
    sign = mean > 0.2 ? 'cooperative' : mean < -0.2 ? 'hostile' : 'neutral';
  }
  if (sign !== undefined) entry.sign = sign;
  if (t.info?.family !== undefined) entry.family = t.info.family;
  if (t.info?.lasts !== undefined) entry.lasts = t.info.lasts;
  return entry;
}
