// Turns the actors and relations an importer read into a validated `tieline/1` Dataset, with the shared rules.
import { dayToIso, type Dataset } from '../../model';
import { validateInChunks } from './chunks';
import { spanOf } from './dates';
import { agree, plural, type WarningLog } from './log';
import { SourceRegistry, claimsOf, typeEntry, type TypeTally } from './claims';
import type { Attributes, ImportFormat, ImportResult, ImportStats, TypeInfo } from './types';

/** An actor as a file declares it; `where` locates it in the file for warnings. */
export interface RawActor {
  readonly id: string;
  readonly name?: string;
  readonly kind?: string;
  readonly description?: string;
  readonly aliases?: readonly string[];
  readonly attributes?: Attributes;
  /** A position the file saved for the actor (Cytoscape exports). */
  readonly position?: { readonly x: number; readonly y: number };
  readonly where: string;
}

/** A relation as a file gives it, dates already read into EDTF. */
export interface RawRelation {
  /** Id from the file, if any (a repeated one is renamed with a warning). */
  readonly id?: string;
  /** Id to use when the file gives none ("line-12"); made unique silently. */
  readonly fallbackId?: string;
  readonly source: string;
  readonly target: string;
  /** Type label as written; null for the default type "Tie". */
  readonly type: string | null;
  /** EDTF start; `..` when the file gives none. */
  readonly start: string;
  /** Absent: an instant (a single timestamp). null: open, still in force. */
  readonly end?: string | null;
  readonly directed: boolean;
  /** Claim locator pointing back into the file: "line 12", "edge e4", "elements.edges[3]". */
  readonly locator: string;
  /** Issue path for warnings about this relation. */
  readonly where: string;
  readonly summary?: string;
  readonly place?: string;
  readonly count?: number;
  readonly attributes?: Attributes;
  /** Strength of the tie (fatalities, rating, Goldstein, Intensity). */
  readonly weight?: number;
  /** −1 hostile, 0 neutral, +1 cooperative: votes for the type's sign. */
  readonly sign?: -1 | 0 | 1;
  /** The family the row puts its type in (ACLED `event_type`). */
  readonly family?: string;
  /** Documents the row cites (publisher, URL): each becomes a source of the relation's claim. */
  readonly references?: readonly string[];
  /** Every report merged into this relation (one event told by several stories): one claim each. */
  readonly reports?: readonly {
    readonly locator: string;
    readonly references: readonly string[];
  }[];
  /** An event with one actor, kept as a loop on that actor (not warned as a self-loop). */
  readonly oneSided?: boolean;
}

/** Everything `buildDataset` needs from an importer. */
export interface BuildInput {
  readonly name: string;
  readonly format: ImportFormat;
  /** Actors the file declares (a node list); relations may add more. */
  readonly actors: readonly RawActor[];
  /** True when the file has its own actor list, so relations naming other ids deserve a warning. */
  readonly declaresActors: boolean;
  readonly relations: readonly RawRelation[];
  /** Prefix of generated relation ids ("line-", "edge-"). */
  readonly idPrefix: string;
  /** Where to point when the file turns out to hold no actors and no relations. */
  readonly emptyPath: string;
  /** Reports the fraction (0–1) of the building and validating done. */
  readonly onProgress?: (fraction: number) => void;
  readonly log: WarningLog;
  /** A known vocabulary: label, kind, sign, family and lasting of a raw type value. */
  readonly typeInfo?: (raw: string, family?: string) => TypeInfo | undefined;
  /** Name of the actors file given with the table, for warnings that mention it. */
  readonly actorsFile?: string | undefined;
  /** `steps` when the file's time is numbered steps (GEXF integer time). */
  readonly timeScale?: 'calendar' | 'steps';
}

const FORMAT_LABEL: Record<ImportFormat, string> = {
  tieline: 'Tieline JSON',
  csv: 'CSV',
  gexf: 'GEXF',
  cytoscape: 'Cytoscape JSON',
};

const duplicateIdMessage = (n: number, at: string): string =>
  `${plural(n, 'id')} ${agree(n, 'was', 'were')} already used by an earlier actor or relation; renamed "<id> (2)", "<id> (3)", … (${at}).`;

/** Keys that JavaScript objects reserve; valibot would silently drop them, so they are renamed. */
const RESERVED = new Set(['__proto__', 'prototype', 'constructor']);

/** A type id from a label: lower case ASCII words joined by hyphens ("Allied with" → "allied-with"). */
export function slugify(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'type' : slug;
}

/** Returns `base`, or `base (2)`, `base (3)`… — the first not yet in `taken` — and marks it taken. */
export function uniqueId(
  base: string,
  taken: Set<string>,
  join = (b: string, n: number) => `${b} (${n})`,
): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = join(base, n);
  taken.add(id);
  return id;
}

/**
 * An empty attribute record without a prototype, so a column or field named `__proto__` becomes a key
 * (renamed later) instead of silently vanishing into the object's prototype.
 */
export function newAttributes(): Attributes {
  return Object.create(null) as Attributes;
}

function cleanAttributes(
  attrs: Attributes | undefined,
  log: WarningLog,
  where: string,
): Attributes | null {
  if (!attrs) return null;
  const entries: [string, Attributes[string]][] = [];
  for (const [k, v] of Object.entries(attrs)) {
    let key = k;
    if (RESERVED.has(key)) {
      key = `${key}_`;
      log.tally(
        'reserved-attribute',
        where,
        (n, at) =>
          `${plural(n, 'attribute')} named __proto__, prototype or constructor (reserved in JavaScript) ${agree(n, 'was', 'were')} renamed with a trailing "_" (${at}).`,
      );
    }
    entries.push([key, v]);
  }
  return entries.length > 0 ? (Object.fromEntries(entries) as Attributes) : null;
}

/**
 * Assembles the dataset: actor and relation ids made unique, relation types with their kind and direction,
 * one source for the file and one claim per relation, then `validateDataset` so the store only ever gets
 * valid data. Warnings for the shared quirks (duplicate ids, self-loops, numeric ids, open dates) land here.
 */
export function buildDataset(input: BuildInput): ImportResult {
  const { log, name, format } = input;
  const book = actorBook(input);
  const actors = book.actors;
  // Relation types, in order of first use.
  const { types, kept } = collect(input, book.ensureActor);
  book.finish();
  const report = input.onProgress ?? ((): void => undefined);
  const registry = new SourceRegistry(name);
  const relations = assemble(kept, log, registry, report);
  if (actors.length === 0 && relations.length === 0) {
    return {
      ok: false,
      format,
      issues: [
        {
          path: input.emptyPath,
          message: `${name} holds no actors and no relations that Tieline could read: check that it is the network file you meant, or export it again.`,
        },
      ],
    };
  }
  const relationTypes = [...types.values()].map(typeEntry);

  const candidate = {
    format: 'tieline/1',
    title: name,
    description: `Imported from ${name} (${FORMAT_LABEL[format]}).`,
    relationTypes,
    actors,
    sources: registry.sources(),
    relations,
    ...(input.timeScale === 'steps' ? { timeScale: 'steps' } : {}),
  };
  const checked = validateInChunks(candidate, (f) => report(0.3 + 0.7 * f));
  if (!checked.ok) {
    return {
      ok: false,
      format,
      issues: checked.issues.map((i) => ({
        path: i.path,
        message: `the imported data is not a valid dataset: ${i.message}`,
      })),
    };
  }
  return {
    ok: true,
    format,
    dataset: checked.dataset,
    warnings: log.result(),
    stats: statsOf(checked.dataset),
  };
}

/** A new type for a relation's raw type: a known vocabulary's label (id from a code or the label). */
function newType(
  r: RawRelation,
  typeIds: Set<string>,
  typeInfo: BuildInput['typeInfo'],
): TypeTally {
  const raw = r.type;
  const info = raw === null ? undefined : typeInfo?.(raw, r.family);
  const label = info?.label ?? raw ?? 'Tie';
  const base = raw === null ? 'tie' : slugify(/^\d+$/.test(raw) ? raw : label);
  return {
    id: uniqueId(base, typeIds, (b, n) => `${b}-${n}`),
    label,
    instants: 0,
    total: 0,
    directed: 0,
    undirected: 0,
    where: r.where,
    signSum: 0,
    signVotes: 0,
    info,
  };
}

/** Counts and date range of a dataset, for the "Loaded …: N actors, M relations" line. */
export function statsOf(dataset: Dataset): ImportStats {
  let first = Infinity;
  let last = -Infinity;
  for (const r of dataset.relations) {
    for (const d of [r.start, r.end]) {
      if (typeof d !== 'string' || d === '..') continue;
      const span = spanOf(d);
      if (!span) continue;
      if (span.earliest < first) first = span.earliest;
      if (span.latest > last) last = span.latest;
    }
  }
  return {
    actors: dataset.actors.length,
    relations: dataset.relations.length,
    first: Number.isFinite(first) ? dayToIso(first) : null,
    last: Number.isFinite(last) ? dayToIso(last) : null,
  };
}

/** The actors of an import: declared ones first, then those relations name; duplicate ids renamed. */
function actorBook(input: BuildInput): {
  actors: Record<string, unknown>[];
  ensureActor: (id: string, where: string) => void;
  finish: () => void;
} {
  const { log } = input;
  const actorIds = new Set<string>();
  const actors: Record<string, unknown>[] = [];
  let numericNoName = 0;
  let numericWhere = '';

  const addActor = (raw: RawActor): void => {
    let id = raw.id;
    if (actorIds.has(id)) {
      const renamed = uniqueId(id, actorIds);
      log.tally('duplicate-id', raw.where, duplicateIdMessage);
      id = renamed;
    } else actorIds.add(id);
    const hasName = raw.name !== undefined && raw.name.trim() !== '';
    if (!hasName && /^\d+$/.test(id)) {
      numericNoName++;
      if (numericWhere === '') numericWhere = raw.where;
    }
    const attributes = cleanAttributes(raw.attributes, log, raw.where);
    const actor: Record<string, unknown> = {
      id,
      name: hasName ? raw.name : id,
      aliases: raw.aliases ?? [],
      kind: raw.kind !== undefined && raw.kind.trim() !== '' ? raw.kind : 'actor',
    };
    if (raw.description !== undefined && raw.description !== '')
      actor.description = raw.description;
    if (attributes) actor.attributes = attributes;
    if (raw.position) actor.position = { x: raw.position.x, y: raw.position.y };
    actors.push(actor);
  };

  for (const a of input.actors) addActor(a);

  const ensureActor = (id: string, where: string): void => {
    if (actorIds.has(id)) return;
    if (input.declaresActors) {
      log.tally(
        'unknown-actor',
        where,
        (n, at) =>
          `${plural(n, 'actor')} named by relations ${agree(n, 'is', 'are')} missing from the file's list of nodes; ${agree(n, 'it was', 'they were')} added with the id as the name (${at}).`,
      );
    }
    addActor({ id, where });
  };

  const finish = (): void => {
    if (numericNoName > 0) {
      log.add({
        code: 'numeric-ids',
        count: numericNoName,
        path: numericWhere,
        message: `${plural(numericNoName, 'actor')} ${agree(numericNoName, 'has a numeric id', 'have numeric ids')} and no name; the id is used as the name. ${
          input.actorsFile
            ? `${input.actorsFile} does not name ${agree(numericNoName, 'it', 'them')}: check that its ids match the table's.`
            : 'Add an actors file (id, name) to name them.'
        }`,
      });
    }
  };
  return { actors, ensureActor, finish };
}

interface Kept {
  readonly raw: RawRelation;
  readonly type: TypeTally;
  readonly id: string;
}

/** Relations with readable dates, their types (in order of first use) and unique ids. */
function collect(
  input: BuildInput,
  ensureActor: (id: string, where: string) => void,
): { types: Map<string, TypeTally>; kept: Kept[] } {
  const { log } = input;
  const types = new Map<string, TypeTally>();
  const typeIds = new Set<string>();
  const relationIds = new Set<string>();
  const kept: { raw: RawRelation; type: TypeTally; id: string }[] = [];
  for (const r of input.relations) if (r.id !== undefined) relationIds.add(r.id);
  const fileIds = new Set<string>();
  let generated = 0;

  for (const r of input.relations) {
    const start = spanOf(r.start);
    const end = r.end === undefined || r.end === null ? null : spanOf(r.end);
    if (!start || (r.end !== undefined && r.end !== null && !end)) {
      log.tally(
        'unreadable-date',
        r.where,
        (n, at) =>
          `${plural(n, 'relation')} had a date Tieline cannot read and ${agree(n, 'was', 'were')} skipped (${at}).`,
      );
      continue;
    }
    if (end && end.latest < start.earliest) {
      log.tally(
        'end-before-start',
        r.where,
        (n, at) =>
          `${plural(n, 'relation')} ended before ${agree(n, 'it', 'they')} started and ${agree(n, 'was', 'were')} skipped: check the start and end dates (${at}).`,
      );
      continue;
    }
    ensureActor(r.source, r.where);
    ensureActor(r.target, r.where);
    if (r.source === r.target && !r.oneSided) {
      log.tally(
        'self-loop',
        r.where,
        (n, at) =>
          `${plural(n, 'relation')} ${agree(n, 'links', 'link')} an actor to itself (a self-loop); kept as written (${at}).`,
      );
    }
    const key = r.type ?? 'Tie';
    let type = types.get(key);
    if (!type) {
      type = newType(r, typeIds, input.typeInfo);
      types.set(key, type);
    }
    if (r.sign !== undefined) {
      type.signSum += r.sign;
      type.signVotes++;
    }
    type.total++;
    if (r.end === undefined && r.start !== '..') type.instants++;
    if (r.directed) type.directed++;
    else type.undirected++;

    let id: string;
    if (r.id !== undefined) {
      if (fileIds.has(r.id)) {
        id = uniqueId(r.id, relationIds);
        log.tally('duplicate-id', r.where, duplicateIdMessage);
      } else id = r.id;
      fileIds.add(r.id);
    } else if (r.fallbackId !== undefined) {
      id = uniqueId(r.fallbackId, relationIds);
    } else {
      do id = `${input.idPrefix}${++generated}`;
      while (relationIds.has(id));
      relationIds.add(id);
    }
    kept.push({ raw: r, type, id });
  }

  for (const t of types.values()) {
    if (t.directed > 0 && t.undirected > 0) {
      log.add({
        code: 'mixed-direction',
        count: t.undirected,
        path: t.where,
        message: `type "${t.label}" mixes directed and undirected edges (${t.undirected} undirected); it is drawn as directed.`,
      });
    }
  }

  return { types, kept };
}

/** The relations as the dataset stores them: ends, dates by the type's kind, claims, weight. */
function assemble(
  kept: readonly Kept[],
  log: WarningLog,
  registry: SourceRegistry,
  report: (fraction: number) => void,
): Record<string, unknown>[] {
  const step = Math.max(1, Math.ceil(kept.length / 100));
  return kept.map(({ raw: r, type, id }, index) => {
    if (index % step === 0) report(0.3 * (index / kept.length));
    const isEvent = (type.info?.kind ?? 'event') === 'event' && type.instants === type.total;
    const untilSuperseded = type.info?.lasts === 'until-superseded';
    let end: string | null | undefined = r.end;
    // A state that lasts until superseded has no end of its own; other instants of a state last their date.
    if (end === undefined && untilSuperseded) end = null;
    else if (end === undefined && !isEvent) end = r.start === '..' ? null : r.start;
    if (r.start === '..' && (end === null || end === undefined)) {
      log.tally(
        'untimed',
        r.where,
        (n, at) =>
          `${plural(n, 'relation')} ${agree(n, 'has', 'have')} no date in the file; ${agree(n, 'it starts', 'they start')} at ".." (an open start) and ${agree(n, 'is', 'are')} always in force (${at}).`,
      );
    } else if (r.start === '..') {
      log.tally(
        'missing-start',
        r.where,
        (n, at) =>
          `${plural(n, 'relation')} ${agree(n, 'has', 'have')} an end but no start; the start is open (".."), before any date (${at}).`,
      );
    } else if (end === null && !untilSuperseded) {
      log.tally(
        'missing-end',
        r.where,
        (n, at) =>
          `${plural(n, 'relation')} ${agree(n, 'has', 'have')} a start but no end; ${agree(n, 'it is', 'they are')} open, still in force (${at}).`,
      );
    }
    const rel: Record<string, unknown> = {
      id,
      type: type.id,
      source: r.source,
      target: r.target,
      start: r.start,
    };
    if (end !== undefined) rel.end = end;
    if (r.place !== undefined && r.place !== '') rel.place = r.place;
    if (r.count !== undefined && Number.isFinite(r.count) && r.count >= 0) rel.count = r.count;
    if (r.summary !== undefined && r.summary !== '') rel.summary = r.summary;
    if (r.weight !== undefined && Number.isFinite(r.weight)) rel.weight = r.weight;
    rel.claims = claimsOf(r, registry);
    const attributes = cleanAttributes(r.attributes, log, r.where);
    if (attributes) rel.attributes = attributes;
    return rel;
  });
}
