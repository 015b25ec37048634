// Which Cytoscape data fields to suggest: the node field that names actors, and the edge fields for type and time.
import { detectDates, type DateDetection } from './dates';
import type { CytoscapeOptions } from './types';

/** One field of the elements' `data`, with what its values look like. */
export interface CytoscapeField {
  readonly name: string;
  /** Number of elements that have the field. */
  readonly count: number;
  readonly distinct: number;
  readonly examples: readonly string[];
  /** Date reading when most values look like dates (edge fields only). */
  readonly date: DateDetection | null;
  /** Share of the values that are words rather than numbers (0–1). */
  readonly textual: number;
}

/** A data value as text for ids, names, types and dates; undefined when it is not a string or number. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const START_NAMES = 'date time start timestamp year begin startdate datetime when'.split(' ');
const END_NAMES = ['end', 'enddate', 'stop', 'until', 'endtime', 'endyear'];
const WEIGHT_NAMES = 'weight score strength rating intensity value'.split(' ');
const TYPE_NAMES = 'interaction type relation relationship kind edgetype category'.split(' ');
/** Node fields that name things, most telling first (Cytoscape's own, then common ones). */
const LABEL_NAMES = [
  'humanreadablelabel',
  'label',
  'displayname',
  'name',
  'sharedname',
  'commonname',
  'title',
  'genename',
  'symbol',
  'canonicalname',
  'fullname',
];
/** Fields Cytoscape adds that are never names, types or times. */
const BOOKKEEPING = new Set(['id', 'source', 'target', 'selected', 'SUID']);
export const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The fields of a list of `data` objects, with counts, distinct values and (when asked) date readings. */
export function fieldsOf(
  datas: readonly Record<string, unknown>[],
  dates: boolean,
): CytoscapeField[] {
  const seen = new Map<string, string[]>();
  for (const data of datas) {
    for (const [k, v] of Object.entries(data)) {
      if (BOOKKEEPING.has(k)) continue;
      const t = scalarText(v)?.trim();
      if (t === undefined || t === '') continue;
      let list = seen.get(k);
      if (!list) {
        list = [];
        seen.set(k, list);
      }
      list.push(t);
    }
  }
  return [...seen].map(([name, values]) => {
    const d = dates ? detectDates(values) : null;
    const distinct = new Set(values);
    return {
      name,
      count: values.length,
      distinct: distinct.size,
      examples: [...distinct].slice(0, 5),
      date: d?.plausible ? d : null,
      textual: values.filter((v) => !NUMBER.test(v)).length / values.length,
    };
  });
}

/**
 * A field that could name actors: on most nodes, mostly words (not "850647"), nearly one value per
 * node. Labels of a few repeated categories ("protein", "gene") are not names.
 */
function nameLike(f: CytoscapeField, nodes: number): boolean {
  return f.count >= nodes * 0.5 && f.textual >= 0.8 && f.distinct >= f.count * 0.8;
}

/**
 * The node field whose values label the actors: the most telling name among the name-like fields
 * (`Human_Readable_Label` before `label` before `name`…), else the name-like field on the most nodes;
 * null when no field reads as names (the ids are used).
 */
export function suggestLabel(nodeFields: readonly CytoscapeField[], nodes: number): string | null {
  const good = nodeFields.filter((f) => nameLike(f, nodes));
  for (const n of LABEL_NAMES) {
    const f = good.find((x) => norm(x.name) === n);
    if (f) return f.name;
  }
  // Without a telling name, one field of words on most of several nodes (not a lone node's oddity).
  if (nodes < 5) return null;
  const best = [...good].sort((a, b) => b.count - a.count)[0];
  return best?.name ?? null;
}

/**
 * A field that cannot be a type: about one value per edge (`interaction` unique per edge, `shared
 * name` such as "YDR277C (pp) YDL194W"), so each "type" would be one tie.
 */
export function perEdge(f: CytoscapeField): boolean {
  return f.distinct > 12 && f.distinct > f.count * 0.5;
}

/** The edge fields Tieline would use for type, start and end, and the date order they settle. */
export function suggestOptions(fs: readonly CytoscapeField[]): CytoscapeOptions {
  const pick = (names: readonly string[], ok: (f: CytoscapeField) => boolean): string | null => {
    for (const n of names) {
      const f = fs.find((x) => norm(x.name) === n && ok(x));
      if (f) return f.name;
    }
    return null;
  };
  const start = pick(START_NAMES, (f) => f.date !== null);
  const d = fs.find((f) => f.name === start)?.date;
  return {
    typeAttribute: pick(TYPE_NAMES, (f) => !perEdge(f)),
    startAttribute: start,
    endAttribute: start === null ? null : pick(END_NAMES, (f) => f.date !== null),
    weightAttribute: pick(WEIGHT_NAMES, (f) => f.textual === 0),
    ...(d && d.dayMonth && !d.ambiguous ? { dateOrder: d.order } : {}),
  };
}
