// GEXF 1.1–1.3 (Gephi), static and dynamic: nodes, edges, attributes, spells, timestamps, time zones,
// integer time steps, and time read from attributes when the elements carry none.
import type { Mutable } from '../../model';
import type { Issue } from '../validate';
import { buildDataset, newAttributes, type RawActor, type RawRelation } from './build';
import {
  attr,
  attvaluesOf,
  intervalOf,
  readDoc,
  timeOf,
  typed,
  type AttrDecl,
  type Doc,
  type TimeSpec,
  type XmlEl,
} from './gexf-xml';
import {
  allTimes,
  attributeSpans,
  attributeTime,
  attrValue,
  sniffTimeformat,
  suggestTime,
  timeCandidates,
  timeReading,
  type GexfTimeCandidate,
  type AttributeTime,
  type GexfTimeChoice,
  type Span,
  type TimeReading,
} from './gexf-time';
import { Progress, WarningLog, agree, plural, trimMessage } from './log';
import type { Attributes, GexfOptions, ImportResult, ProgressFn } from './types';

export type { GexfTimeCandidate } from './gexf-time';

/** An edge attribute that could carry the relation type. */
export interface GexfTypeCandidate {
  /** `label`, `kind`, or `attr:<id>` for a declared edge attribute: pass it as `typeAttribute`. */
  readonly key: string;
  readonly title: string;
  /** Number of distinct values over all edges. */
  readonly distinct: number;
  readonly examples: readonly string[];
}

/** What `inspectGexf` found, so the UI can offer the type and time attributes before importing. */
export interface GexfInspection {
  readonly ok: true;
  readonly format: 'gexf';
  readonly version: string | null;
  readonly mode: string;
  /** Declared `timeformat`, or the one the values show (`sniffed: date`, `sniffed: integer steps`). */
  readonly timeformat: string;
  readonly timezone: string | null;
  readonly defaultEdgeType: string;
  readonly nodes: number;
  readonly edges: number;
  readonly typeCandidates: readonly GexfTypeCandidate[];
  /** The candidate key Tieline would use, or null for the single type "Tie". */
  readonly suggestedType: string | null;
  /** True when nodes or edges carry time of their own (spells, start/end, timestamps). */
  readonly elementsTimed: boolean;
  /** Attributes whose values read as dates, offered as time when the elements carry none. */
  readonly timeCandidates: readonly GexfTimeCandidate[];
  /** The time attributes Tieline would use (none when the elements carry time). */
  readonly suggestedTime: GexfTimeChoice;
}

/** Inspection failure: the file is not readable GEXF. */
export interface GexfFailure {
  readonly ok: false;
  readonly format: 'gexf';
  readonly issues: readonly Issue[];
}

/** Extra inputs of `importGexf`. */
export interface GexfImportOptions {
  readonly onProgress?: ProgressFn;
  readonly log?: WarningLog;
}

const TYPE_NAMES = new Set(
  'type relation relationtype relationship interaction kind edgetype category predicate tie tietype'.split(
    ' ',
  ),
);

/** Key (`label`, `kind`, `attr:<id>`) → value of one edge, for the type candidates. */
function edgeValue(
  el: XmlEl,
  key: string,
  decls: ReadonlyMap<string, AttrDecl>,
): string | undefined {
  if (key === 'label' || key === 'kind') return attr(el, key)?.trim() || undefined;
  return attrValue(el, key.slice('attr:'.length), decls);
}

function candidates(doc: Doc): GexfTypeCandidate[] {
  const keys: { key: string; title: string }[] = [];
  if (doc.edges.some(({ el }) => attr(el, 'kind') !== undefined))
    keys.push({ key: 'kind', title: 'kind' });
  for (const d of doc.edgeAttrs.values()) keys.push({ key: `attr:${d.id}`, title: d.title });
  if (doc.edges.some(({ el }) => attr(el, 'label') !== undefined))
    keys.push({ key: 'label', title: 'label' });
  return keys.map(({ key, title }) => {
    const values = new Set<string>();
    for (const { el } of doc.edges) {
      const v = edgeValue(el, key, doc.edgeAttrs);
      if (v !== undefined) values.add(v);
    }
    return { key, title, distinct: values.size, examples: [...values].slice(0, 5) };
  });
}

function suggestType(cands: readonly GexfTypeCandidate[]): string | null {
  const named = cands.find(
    (c) => c.key !== 'label' && TYPE_NAMES.has(c.title.toLowerCase().replace(/[^a-z]/g, '')),
  );
  if (named) return named.key;
  return cands.find((c) => c.key === 'kind')?.key ?? null;
}

/** True when any node or edge (or the graph, in slice mode) carries time of its own. */
function elementsTimed(doc: Doc): boolean {
  const timed = (t: TimeSpec): boolean => t.intervals.length > 0 || t.stamps.length > 0;
  if (doc.mode === 'slice' && timed(timeOf(doc.graph))) return true;
  return [...doc.nodes, ...doc.edges].some(({ el }) => timed(timeOf(el)));
}

/** Lists what a GEXF file holds and which attributes could give the relation type and the time. */
export function inspectGexf(text: string): GexfInspection | GexfFailure {
  const r = readDoc(text);
  if (!r.ok) return { ok: false, format: 'gexf', issues: r.issues };
  const doc = r.doc;
  const cands = candidates(doc);
  const timed = elementsTimed(doc);
  const times = timeCandidates(doc);
  return {
    ok: true,
    format: 'gexf',
    version: doc.version,
    mode: doc.mode,
    timeformat: doc.declaredTimeformat ?? `sniffed: ${sniffTimeformat(allTimes(doc))}`,
    timezone: doc.timezone,
    defaultEdgeType: doc.defaultEdgeType,
    nodes: doc.nodes.length,
    edges: doc.edges.length,
    typeCandidates: cands,
    suggestedType: suggestType(cands),
    elementsTimed: timed,
    timeCandidates: times,
    suggestedTime: suggestTime(timed, times),
  };
}

/** Warnings about the document as a whole: unexpanded entities, nested nodes. */
function warnStructure(doc: Doc, log: WarningLog): void {
  if (doc.entities) {
    log.add({
      code: 'xml-entities',
      count: 1,
      path: 'line 1',
      message:
        'the file declares XML entities in its DOCTYPE; for safety they are not expanded and appear as written (&name;).',
    });
  }
  if (doc.nested > 0) {
    log.add({
      code: 'nested-nodes',
      count: doc.nested,
      path: 'graph > nodes',
      message: `${plural(doc.nested, 'node')} ${agree(doc.nested, 'was', 'were')} nested inside other nodes (a hierarchy); imported as ordinary actors.`,
    });
  }
}

/** What the readers of nodes and edges share: the log, how time reads, trimming. */
interface Reader {
  readonly doc: Doc;
  readonly log: WarningLog;
  readonly time: TimeReading;
}

function trimmed(rd: Reader, v: string | undefined, where: string): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t !== v && t !== '') rd.log.tally('trimmed', where, trimMessage);
  return t;
}

/** A timed attribute value as text with its span ("12 [2009-03-01, 2009-03-05)"). */
function timedValueText(rd: Reader, av: XmlEl, value: string): string | null {
  const interval = intervalOf(av);
  const stamp = attr(av, 'timestamp');
  const conv = rd.time.conv;
  if (interval) {
    const a = conv(interval.start) ?? interval.start ?? '..';
    const b = conv(interval.end) ?? interval.end ?? '..';
    return `${value} ${interval.startOpen ? '(' : '['}${a}, ${b}${interval.endOpen ? ')' : ']'}`;
  }
  return stamp === undefined ? null : `${value} @ ${conv(stamp) ?? stamp}`;
}

/** The attributes of a node or edge: typed plain values, timed values as text with their spans, defaults. */
function attributesOf(
  rd: Reader,
  el: XmlEl,
  decls: ReadonlyMap<string, AttrDecl>,
  where: string,
): Attributes {
  const out = newAttributes();
  const timed = new Map<string, string[]>();
  for (const av of attvaluesOf(el)) {
    const key = attr(av, 'for') ?? attr(av, 'id');
    const value = attr(av, 'value');
    if (key === undefined || value === undefined) continue;
    const decl = decls.get(key) ?? [...decls.values()].find((d) => d.title === key);
    const title = decl?.title ?? key;
    const text = timedValueText(rd, av, value);
    if (text === null) {
      out[title] = typed(value, decl?.type ?? 'string');
      continue;
    }
    rd.log.tally(
      'timed-attribute',
      where,
      (n, at) =>
        `${plural(n, 'attribute value')} ${agree(n, 'changes', 'change')} over time; Tieline keeps ${agree(n, 'it', 'them')} as text with ${agree(n, 'its', 'their')} spans, such as "${text}" (${at}).`,
    );
    const list = timed.get(title) ?? [];
    list.push(text);
    timed.set(title, list);
  }
  for (const [title, list] of timed) {
    const plain = out[title];
    out[title] = (plain !== undefined ? [String(plain), ...list] : list).join('; ');
  }
  for (const d of decls.values()) {
    if (d.default !== undefined && !(d.title in out)) out[d.title] = typed(d.default, d.type);
  }
  return out;
}

function timeText(rd: Reader, t: TimeSpec): string | null {
  const conv = rd.time.conv;
  const parts = [
    ...t.intervals.map((i) => `${conv(i.start) ?? i.start}/${conv(i.end) ?? i.end}`),
    ...t.stamps.map((s) => conv(s) ?? s),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Nodes as actors: id, label as name, attributes, the node's own time kept as text. */
function readActors(rd: Reader): RawActor[] {
  const actors: RawActor[] = [];
  for (const { el, path } of rd.doc.nodes) {
    const id = trimmed(rd, attr(el, 'id'), path);
    if (id === undefined || id === '') {
      rd.log.tally(
        'skipped-row',
        path,
        (n, at) => `${plural(n, 'node')} had no id and ${agree(n, 'was', 'were')} skipped (${at}).`,
      );
      continue;
    }
    const attributes = attributesOf(rd, el, rd.doc.nodeAttrs, path);
    const time = timeText(rd, timeOf(el));
    if (time !== null) {
      attributes.time = time;
      rd.log.tally(
        'node-time',
        path,
        (n, at) =>
          `${plural(n, 'node')} ${agree(n, 'has its', 'have their')} own time; Tieline actors have no time, so it is kept as text in the "time" attribute (${at}).`,
      );
    }
    const label = trimmed(rd, attr(el, 'label'), path);
    const a: Mutable<RawActor> = { id, where: path };
    if (label !== undefined && label !== '') a.name = label;
    if (Object.keys(attributes).length > 0) a.attributes = attributes;
    actors.push(a);
  }
  return actors;
}

/** The spans of an edge's own time (or the slice's); `bad` counts values that are not dates. */
function ownSpans(rd: Reader, time: TimeSpec): { spans: Span[]; bad: number } {
  const spans: Span[] = [];
  let bad = 0;
  for (const i of time.intervals) {
    const start = rd.time.conv(i.start);
    const end = i.end === undefined ? '..' : rd.time.conv(i.end);
    if (start === undefined || end === undefined) bad++;
    else spans.push({ start, end: end === '..' ? null : end, what: 'spell' });
  }
  for (const t of time.stamps) {
    const start = rd.time.conv(t);
    if (start === undefined || start === '..') bad++;
    else spans.push({ start, what: 'timestamp' });
  }
  return { spans, bad };
}

/** The relation(s) of one edge: one per spell or timestamp, with its type, direction and attributes. */
function edgeRelations(
  rd: Reader,
  edge: { el: XmlEl; path: string },
  index: number,
  typeKey: string | null,
  at: AttributeTime | null,
): RawRelation[] {
  const { el, path } = edge;
  const { doc, log } = rd;
  const source = trimmed(rd, attr(el, 'source'), path);
  const target = trimmed(rd, attr(el, 'target'), path);
  if (!source || !target) {
    log.tally(
      'skipped-row',
      path,
      (n, where) =>
        `${plural(n, 'edge')} had no source or target and ${agree(n, 'was', 'were')} skipped (${where}).`,
    );
    return [];
  }
  const id = trimmed(rd, attr(el, 'id'), path) || undefined;
  const directed = (attr(el, 'type') ?? doc.defaultEdgeType).trim().toLowerCase() === 'directed';
  const type = typeKey ? (edgeValue(el, typeKey, doc.edgeAttrs) ?? null) : null;
  const attributes = attributesOf(rd, el, doc.edgeAttrs, path);
  if (typeKey?.startsWith('attr:')) {
    const decl = doc.edgeAttrs.get(typeKey.slice('attr:'.length));
    if (decl) delete attributes[decl.title];
  }
  for (const k of ['label', 'kind'] as const) {
    const v = attr(el, k)?.trim();
    if (v && typeKey !== k) attributes[k] = v;
  }
  const w = attr(el, 'weight');
  const weight = w !== undefined && w.trim() !== '' ? Number(w) : NaN;
  let time = timeOf(el);
  if (time.intervals.length === 0 && time.stamps.length === 0 && doc.mode === 'slice')
    time = timeOf(doc.graph);
  const own = time.intervals.length > 0 || time.stamps.length > 0;
  const { spans, bad } = at && !own ? attributeSpans(at, el, source, target) : ownSpans(rd, time);
  if (bad > 0) {
    log.tally(
      'unreadable-date',
      path,
      (n, where) =>
        `${plural(n, 'edge')} had time values that are not dates; those spells or timestamps were skipped (${where}).`,
    );
  }
  if (spans.length === 0 && bad === 0) spans.push({ start: '..', end: null, what: 'spell' });
  const base = id !== undefined ? `edge ${id}` : path;
  return spans.map((s, k) => {
    const suffix = spans.length > 1 ? `, ${s.what} ${k + 1}` : '';
    const rel: Mutable<RawRelation> = {
      source,
      target,
      type,
      start: s.start,
      directed,
      locator: base + suffix,
      where: path + suffix,
    };
    if (s.end !== undefined) rel.end = s.end;
    if (k === 0 && id !== undefined) rel.id = id;
    else
      rel.fallbackId =
        id !== undefined
          ? `${id} (${k + 1})`
          : `edge-${index}${spans.length > 1 ? `-${k + 1}` : ''}`;
    if (Number.isFinite(weight)) rel.weight = weight;
    if (Object.keys(attributes).length > 0) rel.attributes = attributes;
    return rel;
  });
}

/** The time attributes to read: the options' choice, else the suggestion when elements carry no time. */
function timeChoice(doc: Doc, options: GexfOptions): GexfTimeChoice {
  const suggested =
    options.startAttribute === undefined
      ? suggestTime(elementsTimed(doc), timeCandidates(doc))
      : { startAttribute: options.startAttribute, endAttribute: options.endAttribute ?? null };
  return {
    ...suggested,
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
  };
}

/**
 * Imports a GEXF file: nodes become actors (attributes kept, node time kept as text), each edge — or each of
 * its spells or timestamps — becomes a relation, the type read from the chosen edge attribute, the time
 * from the elements or, when they carry none, from the chosen (or suggested) attributes. Integer time
 * with no date format is read as numbered steps (`Dataset.timeScale: 'steps'`).
 */
export function importGexf(
  text: string,
  name: string,
  options: GexfOptions = {},
  extra: GexfImportOptions = {},
): ImportResult {
  const log = extra.log ?? new WarningLog();
  const progress = new Progress(text.length, extra.onProgress);
  progress.at(0);
  const r = readDoc(text);
  if (!r.ok) return { ok: false, format: 'gexf', issues: r.issues };
  const doc = r.doc;
  progress.at(0.5);
  warnStructure(doc, log);
  const rd: Reader = { doc, log, time: timeReading(doc, log) };
  const actors = readActors(rd);
  progress.at(0.6);
  const typeKey =
    options.typeAttribute === undefined ? suggestType(candidates(doc)) : options.typeAttribute;
  const choice = timeChoice(doc, options);
  const at = attributeTime(rd, choice, choice.dateOrder);
  const relations: RawRelation[] = [];
  const total = doc.edges.length || 1;
  const step = Math.max(1, Math.ceil(total / 100));
  doc.edges.forEach((edge, index) => {
    if (index % step === 0) progress.at(0.6 + 0.25 * (index / total));
    relations.push(...edgeRelations(rd, edge, index, typeKey, at));
  });
  progress.at(0.85);
  const result = buildDataset({
    name,
    format: 'gexf',
    actors,
    declaresActors: true,
    relations,
    idPrefix: 'edge-',
    onProgress: progress.phase(0.85, 1),
    emptyPath: 'graph',
    log,
    ...(rd.time.steps && !at ? { timeScale: 'steps' as const } : {}),
  });
  progress.at(1);
  return result;
}
