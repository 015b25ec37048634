// GEXF 1.1–1.3 as XML: the safe parser, elements and attributes, spells and timestamps, declarations, the document.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { errorMessage, type Mutable } from '../../model';
import type { Issue } from '../validate';
import type { AttributeValue } from './types';

export interface XmlEl {
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

export function children(el: unknown, tag: string): XmlEl[] {
  if (!el || typeof el !== 'object') return [];
  const v = (el as Record<string, unknown>)[tag];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((c): XmlEl => (c && typeof c === 'object' ? (c as XmlEl) : {}));
}

export function attr(el: XmlEl, name: string): string | undefined {
  const v = el.$?.[name];
  return typeof v === 'string' ? unescapeXml(v) : undefined;
}

export function textOf(el: unknown): string | undefined {
  if (typeof el === 'string') return unescapeXml(el);
  if (el && typeof el === 'object') {
    const t = (el as Record<string, unknown>)['#text'];
    if (typeof t === 'string') return unescapeXml(t);
  }
  return undefined;
}

export interface Interval {
  readonly start?: string;
  readonly end?: string;
  readonly startOpen: boolean;
  readonly endOpen: boolean;
}
export interface TimeSpec {
  readonly intervals: readonly Interval[];
  readonly stamps: readonly string[];
}

export function intervalOf(el: XmlEl): Interval | null {
  const so = attr(el, 'startopen');
  const eo = attr(el, 'endopen');
  const start = attr(el, 'start') ?? so;
  const end = attr(el, 'end') ?? eo;
  if (start === undefined && end === undefined) return null;
  const i: Mutable<Interval> = {
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
    const i: Mutable<Interval> = {
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
export function timeOf(el: XmlEl): TimeSpec {
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

export interface AttrDecl {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly default?: string;
}

export interface Doc {
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

export type DocResult = { ok: true; doc: Doc } | { ok: false; issues: Issue[] };

function declarations(graph: XmlEl, cls: string): Map<string, AttrDecl> {
  const out = new Map<string, AttrDecl>();
  for (const block of children(graph, 'attributes')) {
    if ((attr(block, 'class') ?? 'node') !== cls) continue;
    for (const a of children(block, 'attribute')) {
      const id = attr(a, 'id') ?? attr(a, 'title');
      if (id === undefined) continue;
      const d = (a as Record<string, unknown>).default;
      const def = textOf(Array.isArray(d) ? d[0] : d);
      const decl: Mutable<AttrDecl> = {
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
export function readDoc(text: string): DocResult {
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
    const msg = errorMessage(e);
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

export function typed(value: string, type: string): AttributeValue {
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

/** The `<attvalue>` elements of a node or edge. */
export function attvaluesOf(el: XmlEl): XmlEl[] {
  return children(el, 'attvalues').flatMap((b) => children(b, 'attvalue'));
}
