// GEXF 1.1–1.3 (Gephi), static and dynamic: nodes, edges, attributes, spells, timestamps and time zones.
/* eslint-disable max-lines, max-lines-per-function -- issue 13 (i13b) splits gexf.ts (XML reading, import, time). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Issue } from '../validate';
import { buildDataset, newAttributes, type RawActor, type RawRelation } from './build';
import {
  isKnownTimeZone,
  numberUnitFor,
  readDate,
  type DateContext,
  type NumberUnit,
} from './dates';
import { Progress, WarningLog, agree, plural, trimMessage } from './log';
import type { AttributeValue, Attributes, GexfOptions, ImportResult, ProgressFn } from './types';

/** An edge attribute that could carry the relation type. */
export interface GexfTypeCandidate {
  /** `label`, `kind`, or `attr:<id>` for a declared edge attribute: pass it as `typeAttribute`. */
  readonly key: string;
  readonly title: string;
  /** Number of distinct values over all edges. */
  readonly distinct: number;
  readonly examples: readonly string[];
}

/** What `inspectGexf` found, so the UI can offer the type attribute before importing. */
export interface GexfInspection {
  readonly ok: true;
  readonly format: 'gexf';
  readonly version: string | null;
  readonly mode: string;
  /** Declared `timeformat`, or the one the values show (`sniffed: date`). */
  readonly timeformat: string;
  readonly timezone: string | null;
  readonly defaultEdgeType: string;
  readonly nodes: number;
  readonly edges: number;
  readonly typeCandidates: readonly GexfTypeCandidate[];
  /** The candidate key Tieline would use, or null for the single type "Tie". */
  readonly suggestedType: string | null;
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

interface XmlEl {
  readonly $?: Record<string, unknown>;
  readonly [tag: string]: unknown;
}

const ARRAY_TAGS = new Set(
  'graph attributes attribute nodes node edges edge attvalues attvalue spells spell slices slice'.split(
    ' ',
  ),
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '$',
  // No entity expansion at all: DOCTYPE entities ("billion laughs") stay unexpanded text.
  processEntities: false,
  htmlEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tag, _path, _leaf, isAttribute) => !isAttribute && ARRAY_TAGS.has(tag),
});

const ENTITY = /&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi;
/** Decodes the five XML entities and character references (the parser leaves them, as entities are off). */
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, body: string) => {
    const b = body.toLowerCase();
    if (b === 'lt') return '<';
    if (b === 'gt') return '>';
    if (b === 'amp') return '&';
    if (b === 'quot') return '"';
    if (b === 'apos') return "'";
    const cp = b.startsWith('#x') ? parseInt(b.slice(2), 16) : parseInt(b.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)
      ? String.fromCodePoint(cp)
      : m;
  });
}

function children(el: unknown, tag: string): XmlEl[] {
  if (!el || typeof el !== 'object') return [];
  const v = (el as Record<string, unknown>)[tag];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((c): XmlEl => (c && typeof c === 'object' ? (c as XmlEl) : {}));
}

function attr(el: XmlEl, name: string): string | undefined {
  const v = el.$?.[name];
  return typeof v === 'string' ? unescapeXml(v) : undefined;
}

function textOf(el: unknown): string | undefined {
  if (typeof el === 'string') return unescapeXml(el);
  if (el && typeof el === 'object') {
    const t = (el as Record<string, unknown>)['#text'];
    if (typeof t === 'string') return unescapeXml(t);
  }
  return undefined;
}

interface Interval {
  readonly start?: string;
  readonly end?: string;
  readonly startOpen: boolean;
  readonly endOpen: boolean;
}
interface TimeSpec {
  readonly intervals: readonly Interval[];
  readonly stamps: readonly string[];
}

function intervalOf(el: XmlEl): Interval | null {
  const so = attr(el, 'startopen');
  const eo = attr(el, 'endopen');
  const start = attr(el, 'start') ?? so;
  const end = attr(el, 'end') ?? eo;
  if (start === undefined && end === undefined) return null;
  const i: { -readonly [K in keyof Interval]: Interval[K] } = {
    startOpen: attr(el, 'start') === undefined && so !== undefined,
    endOpen: attr(el, 'end') === undefined && eo !== undefined,
  };
  if (start !== undefined) i.start = start;
  if (end !== undefined) i.end = end;
  return i;
}

/** Parses the GEXF 1.3 list forms: `timestamps="<[1, 2, 3]>"` and `intervals="<[1, 2]; [4, 5]>"`. */
function listValues(s: string): string[] {
  return s
    .replace(/[<>[\]()]/g, ' ')
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
function listIntervals(s: string): Interval[] {
  const out: Interval[] = [];
  const re = /([[(])\s*([^,;[\]()]*?)\s*,\s*([^,;[\]()]*?)\s*([\])])/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const i: { -readonly [K in keyof Interval]: Interval[K] } = {
      startOpen: m[1] === '(',
      endOpen: m[4] === ')',
    };
    if (m[2]) i.start = m[2];
    if (m[3]) i.end = m[3];
    out.push(i);
  }
  return out;
}

/** The time of a node or edge: spells (or 1.1 slices), start/end, intervals, timestamp or timestamps. */
function timeOf(el: XmlEl): TimeSpec {
  const spells = [
    ...children(el, 'spells').flatMap((s) => children(s, 'spell')),
    ...children(el, 'slices').flatMap((s) => children(s, 'slice')),
  ];
  const intervals: Interval[] = [];
  const stamps: string[] = [];
  if (spells.length > 0) {
    for (const s of spells) {
      const i = intervalOf(s);
      if (i) intervals.push(i);
      const ts = attr(s, 'timestamp');
      if (ts !== undefined) stamps.push(ts);
    }
    return { intervals, stamps };
  }
  const i = intervalOf(el);
  if (i) intervals.push(i);
  const iv = attr(el, 'intervals');
  if (iv !== undefined) intervals.push(...listIntervals(iv));
  const ts = attr(el, 'timestamp');
  if (ts !== undefined) stamps.push(ts);
  const tss = attr(el, 'timestamps');
  if (tss !== undefined) stamps.push(...listValues(tss));
  return { intervals, stamps };
}

interface AttrDecl {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly default?: string;
}

interface Doc {
  readonly version: string | null;
  readonly graph: XmlEl;
  readonly mode: string;
  readonly declaredTimeformat: string | null;
  readonly timezone: string | null;
  readonly defaultEdgeType: string;
  readonly nodeAttrs: ReadonlyMap<string, AttrDecl>;
  readonly edgeAttrs: ReadonlyMap<string, AttrDecl>;
  /** Nodes with their XML location, nested nodes flattened. */
  readonly nodes: readonly { el: XmlEl; path: string }[];
  readonly edges: readonly { el: XmlEl; path: string }[];
  readonly nested: number;
  readonly entities: boolean;
}

type DocResult = { ok: true; doc: Doc } | { ok: false; issues: Issue[] };

function declarations(graph: XmlEl, cls: string): Map<string, AttrDecl> {
  const out = new Map<string, AttrDecl>();
  for (const block of children(graph, 'attributes')) {
    if ((attr(block, 'class') ?? 'node') !== cls) continue;
    for (const a of children(block, 'attribute')) {
      const id = attr(a, 'id') ?? attr(a, 'title');
      if (id === undefined) continue;
      const d = (a as Record<string, unknown>).default;
      const def = textOf(Array.isArray(d) ? d[0] : d);
      const decl: { -readonly [K in keyof AttrDecl]: AttrDecl[K] } = {
        id,
        title: attr(a, 'title') ?? id,
        type: (attr(a, 'type') ?? 'string').toLowerCase(),
      };
      if (def !== undefined && def.trim() !== '') decl.default = def.trim();
      out.set(id, decl);
    }
  }
  return out;
}

/** Parses and checks the XML, and finds the graph, its settings, nodes and edges. */
function readDoc(text: string): DocResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      ok: false,
      issues: [
        {
          path: `line ${line}, column ${col}`,
          message: `not well-formed XML: ${msg} Repair the file or export it again from Gephi.`,
        },
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let advice = 'Repair the file or export it again from Gephi.';
    if (/entit/i.test(msg))
      advice = 'Remove the <!DOCTYPE …> declaration: Tieline does not load external entities.';
    else if (/nested/i.test(msg)) advice = 'The elements are nested too deeply for a GEXF file.';
    return {
      ok: false,
      issues: [{ path: 'line 1', message: `the XML could not be read (${msg}). ${advice}` }],
    };
  }
  const root = children(parsed, 'gexf')[0];
  if (!root || !(parsed && typeof parsed === 'object' && 'gexf' in parsed)) {
    const tag =
      parsed && typeof parsed === 'object'
        ? Object.keys(parsed).find((k) => k !== '#text')
        : undefined;
    return {
      ok: false,
      issues: [
        {
          path: 'line 1',
          message: `not a GEXF file: the root element is <${tag ?? '?'}>, not <gexf>. Export the network from Gephi as GEXF, or save it as CSV.`,
        },
      ],
    };
  }
  const graph = children(root, 'graph')[0];
  if (!graph) {
    return {
      ok: false,
      issues: [
        {
          path: 'gexf',
          message: 'the GEXF file has no <graph> element: there is no network to import.',
        },
      ],
    };
  }
  const nodes: { el: XmlEl; path: string }[] = [];
  let nested = 0;
  const collect = (parent: XmlEl, base: string, depth: number): void => {
    let i = 0;
    for (const block of children(parent, 'nodes')) {
      for (const el of children(block, 'node')) {
        const path = `${base} > nodes > node[${i++}]`;
        nodes.push({ el, path });
        if (depth > 0) nested++;
        if (depth < 50) collect(el, path, depth + 1);
      }
    }
  };
  collect(graph, 'graph', 0);
  const edges: { el: XmlEl; path: string }[] = [];
  let e = 0;
  for (const block of children(graph, 'edges')) {
    for (const el of children(block, 'edge'))
      edges.push({ el, path: `graph > edges > edge[${e++}]` });
  }
  return {
    ok: true,
    doc: {
      version: attr(root, 'version') ?? null,
      graph,
      mode: (attr(graph, 'mode') ?? 'static').toLowerCase(),
      declaredTimeformat:
        (attr(graph, 'timeformat') ?? attr(graph, 'timetype'))?.toLowerCase() ?? null,
      timezone: attr(graph, 'timezone')?.trim() || null,
      defaultEdgeType: (attr(graph, 'defaultedgetype') ?? 'undirected').toLowerCase(),
      nodeAttrs: declarations(graph, 'node'),
      edgeAttrs: declarations(graph, 'edge'),
      nodes,
      edges,
      nested,
      entities: /<!DOCTYPE[^>]*\[[\s\S]*?<!ENTITY/i.test(text.slice(0, 65_536)),
    },
  };
}

const INFINITE = /^[+-]?inf(inity)?$/i;
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Every time value in the document, to settle how plain numbers read (years or Unix time). */
function allTimes(doc: Doc): string[] {
  const out: string[] = [];
  const add = (t: TimeSpec): void => {
    for (const i of t.intervals) {
      if (i.start !== undefined) out.push(i.start);
      if (i.end !== undefined) out.push(i.end);
    }
    out.push(...t.stamps);
  };
  for (const { el } of [...doc.nodes, ...doc.edges]) {
    add(timeOf(el));
    for (const av of children(el, 'attvalues').flatMap((b) => children(b, 'attvalue')))
      add(timeOf(av));
  }
  add(timeOf(doc.graph));
  return out.map((s) => s.trim()).filter((s) => s !== '' && !INFINITE.test(s));
}

function sniffTimeformat(times: readonly string[]): string {
  if (times.length === 0) return 'none';
  if (times.every((t) => NUMERIC.test(t))) return 'double';
  return times.some((t) => /\d[T ]\d/.test(t)) ? 'dateTime' : 'date';
}

function typed(value: string, type: string): AttributeValue {
  if (
    ['integer', 'long', 'float', 'double', 'short', 'byte', 'bigdecimal', 'biginteger'].includes(
      type,
    )
  ) {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
  }
  return value;
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
  const id = key.slice('attr:'.length);
  let fallback: string | undefined;
  for (const av of children(el, 'attvalues').flatMap((b) => children(b, 'attvalue'))) {
    if ((attr(av, 'for') ?? attr(av, 'id')) !== id) continue;
    const v = attr(av, 'value')?.trim();
    if (v === undefined || v === '') continue;
    if (!intervalOf(av) && attr(av, 'timestamp') === undefined) return v;
    fallback ??= v;
  }
  return fallback ?? decls.get(id)?.default;
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

/** Lists what a GEXF file holds and which edge attributes could give the relation type. */
export function inspectGexf(text: string): GexfInspection | GexfFailure {
  const r = readDoc(text);
  if (!r.ok) return { ok: false, format: 'gexf', issues: r.issues };
  const doc = r.doc;
  const cands = candidates(doc);
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
  };
}

/**
 * Imports a GEXF file: nodes become actors (attributes kept, node time kept as text), each edge — or each of
 * its spells or timestamps — becomes a relation, the type read from the chosen edge attribute.
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

  // How to read time values: the file's time zone, and a unit for plain numbers.
  const times = allTimes(doc);
  const numbers = times.filter((t) => NUMERIC.test(t));
  let numberUnit: NumberUnit | undefined;
  if (numbers.length > 0) {
    numberUnit = numberUnitFor(numbers.reduce((m, t) => Math.max(m, Math.abs(Number(t))), 0));
    const fmt = doc.declaredTimeformat ?? 'not declared';
    // In a date or dateTime file a bare number is a year as written; say nothing unless it is not.
    const dated = fmt === 'date' || fmt === 'datetime';
    if (!dated || numberUnit !== 'year')
      log.add({
        code: 'numeric-time',
        count: numbers.length,
        path: 'graph',
        message: `time values are plain numbers (timeformat ${fmt}); they were read as ${numberUnit === 'year' ? 'years (2000.0 → 2000; fractions → a day in the year)' : numberUnit === 'unix-seconds' ? 'Unix seconds (the calendar day in UTC)' : 'Unix milliseconds (the calendar day in UTC)'}.`,
      });
  }
  let timeZone: string | undefined;
  if (doc.timezone) {
    if (isKnownTimeZone(doc.timezone)) {
      timeZone = doc.timezone;
      if (times.some((t) => /\d[T ]\d/.test(t))) {
        log.add({
          code: 'timezone',
          count: 1,
          path: 'graph',
          message: `times without an offset were read in the file's time zone (${doc.timezone}); times with an offset use it; each is kept as its calendar day in UTC.`,
        });
      }
    } else {
      log.add({
        code: 'timezone',
        count: 1,
        path: 'graph',
        message: `unknown time zone "${doc.timezone}"; times without an offset were read as UTC. Use an IANA name such as Europe/Paris.`,
      });
    }
  }
  const ctx: DateContext = {
    ...(numberUnit ? { numberUnit } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
  /** A time value as EDTF ('..' for a missing or infinite bound), undefined when it is not a date. */
  const conv = (v: string | undefined): string | undefined => {
    if (v === undefined) return '..';
    const t = v.trim();
    if (t === '' || INFINITE.test(t)) return '..';
    const d = readDate(t, ctx);
    return d.ok ? d.edtf : undefined;
  };

  const trimmed = (v: string | undefined, where: string): string | undefined => {
    if (v === undefined) return undefined;
    const t = v.trim();
    if (t !== v && t !== '') {
      log.tally('trimmed', where, trimMessage);
    }
    return t;
  };

  const attributesOf = (
    el: XmlEl,
    decls: ReadonlyMap<string, AttrDecl>,
    where: string,
  ): Attributes => {
    const out = newAttributes();
    const timed = new Map<string, string[]>();
    for (const av of children(el, 'attvalues').flatMap((b) => children(b, 'attvalue'))) {
      const key = attr(av, 'for') ?? attr(av, 'id');
      const value = attr(av, 'value');
      if (key === undefined || value === undefined) continue;
      const decl = decls.get(key) ?? [...decls.values()].find((d) => d.title === key);
      const title = decl?.title ?? key;
      const interval = intervalOf(av);
      const stamp = attr(av, 'timestamp');
      if (!interval && stamp === undefined) {
        out[title] = typed(value, decl?.type ?? 'string');
        continue;
      }
      let text: string;
      if (interval) {
        const a = conv(interval.start) ?? interval.start ?? '..';
        const b = conv(interval.end) ?? interval.end ?? '..';
        text = `${value} ${interval.startOpen ? '(' : '['}${a}, ${b}${interval.endOpen ? ')' : ']'}`;
      } else text = `${value} @ ${conv(stamp) ?? stamp}`;
      log.tally(
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
  };

  const timeText = (t: TimeSpec): string | null => {
    const parts = [
      ...t.intervals.map((i) => `${conv(i.start) ?? i.start}/${conv(i.end) ?? i.end}`),
      ...t.stamps.map((s) => conv(s) ?? s),
    ];
    return parts.length > 0 ? parts.join(', ') : null;
  };

  const actors: RawActor[] = [];
  doc.nodes.forEach(({ el, path }) => {
    const id = trimmed(attr(el, 'id'), path);
    if (id === undefined || id === '') {
      log.tally(
        'skipped-row',
        path,
        (n, at) => `${plural(n, 'node')} had no id and ${agree(n, 'was', 'were')} skipped (${at}).`,
      );
      return;
    }
    const attributes = attributesOf(el, doc.nodeAttrs, path);
    const time = timeText(timeOf(el));
    if (time !== null) {
      attributes.time = time;
      log.tally(
        'node-time',
        path,
        (n, at) =>
          `${plural(n, 'node')} ${agree(n, 'has its', 'have their')} own time; Tieline actors have no time, so it is kept as text in the "time" attribute (${at}).`,
      );
    }
    const label = trimmed(attr(el, 'label'), path);
    const a: { -readonly [K in keyof RawActor]: RawActor[K] } = { id, where: path };
    if (label !== undefined && label !== '') a.name = label;
    if (Object.keys(attributes).length > 0) a.attributes = attributes;
    actors.push(a);
  });
  progress.at(0.6);

  const typeKey =
    options.typeAttribute === undefined ? suggestType(candidates(doc)) : options.typeAttribute;
  const sliceTime = doc.mode === 'slice' ? timeOf(doc.graph) : null;
  const relations: RawRelation[] = [];
  const total = doc.edges.length || 1;
  const step = Math.max(1, Math.ceil(total / 100));
  doc.edges.forEach(({ el, path }, index) => {
    if (index % step === 0) progress.at(0.6 + 0.25 * (index / total));
    const source = trimmed(attr(el, 'source'), path);
    const target = trimmed(attr(el, 'target'), path);
    if (!source || !target) {
      log.tally(
        'skipped-row',
        path,
        (n, at) =>
          `${plural(n, 'edge')} had no source or target and ${agree(n, 'was', 'were')} skipped (${at}).`,
      );
      return;
    }
    const id = trimmed(attr(el, 'id'), path) || undefined;
    const edgeType = (attr(el, 'type') ?? doc.defaultEdgeType).trim().toLowerCase();
    const directed = edgeType === 'directed';
    const type = typeKey ? (edgeValue(el, typeKey, doc.edgeAttrs) ?? null) : null;
    const attributes = attributesOf(el, doc.edgeAttrs, path);
    if (typeKey?.startsWith('attr:')) {
      const decl = doc.edgeAttrs.get(typeKey.slice('attr:'.length));
      if (decl) delete attributes[decl.title];
    }
    for (const k of ['label', 'kind'] as const) {
      const v = attr(el, k)?.trim();
      if (v && typeKey !== k) attributes[k] = v;
    }
    const w = attr(el, 'weight');
    if (w !== undefined && w.trim() !== '') attributes.weight = typed(w, 'double');
    let time = timeOf(el);
    if (time.intervals.length === 0 && time.stamps.length === 0 && sliceTime) time = sliceTime;
    const spans: { start: string; end?: string | null; what: string }[] = [];
    let bad = 0;
    for (const i of time.intervals) {
      const start = conv(i.start);
      const end = i.end === undefined ? '..' : conv(i.end);
      if (start === undefined || end === undefined) bad++;
      else spans.push({ start, end: end === '..' ? null : end, what: 'spell' });
    }
    for (const t of time.stamps) {
      const start = conv(t);
      if (start === undefined || start === '..') bad++;
      else spans.push({ start, what: 'timestamp' });
    }
    if (bad > 0) {
      log.tally(
        'unreadable-date',
        path,
        (n, at) =>
          `${plural(n, 'edge')} had time values that are not dates; those spells or timestamps were skipped (${at}).`,
      );
    }
    if (spans.length === 0 && bad === 0) spans.push({ start: '..', end: null, what: 'spell' });
    const base = id !== undefined ? `edge ${id}` : path;
    spans.forEach((s, k) => {
      const suffix = spans.length > 1 ? `, ${s.what} ${k + 1}` : '';
      const rel: { -readonly [K in keyof RawRelation]: RawRelation[K] } = {
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
      else {
        rel.fallbackId =
          id !== undefined
            ? `${id} (${k + 1})`
            : `edge-${index}${spans.length > 1 ? `-${k + 1}` : ''}`;
      }
      if (Object.keys(attributes).length > 0) rel.attributes = attributes;
      relations.push(rel);
    });
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
  });
  progress.at(1);
  return result;
}
