// Cytoscape JSON: desktop .cyjs exports (with or without the version header) and cy.json() output.
/* eslint-disable max-lines-per-function -- issue 13 (i13b) splits importCytoscape into named functions. */
import type { Issue } from '../validate';
import { buildDataset, newAttributes, type RawActor, type RawRelation } from './build';
import { detectDates, readDate, type DateContext, type DateDetection } from './dates';
import { parseJsonText } from '../json';
import { Progress, WarningLog, agree, plural, trimMessage } from './log';
import type { Attributes, CytoscapeOptions, ImportResult, ProgressFn } from './types';

/** One field of the edges' `data`, with what its values look like. */
export interface CytoscapeField {
  readonly name: string;
  /** Number of edges that have the field. */
  readonly count: number;
  readonly distinct: number;
  readonly examples: readonly string[];
  /** Date reading when most values look like dates. */
  readonly date: DateDetection | null;
}

/** What `inspectCytoscape` found, so the UI can map type and date fields before importing. */
export interface CytoscapeInspection {
  readonly ok: true;
  readonly format: 'cytoscape';
  /** `cyjs` (desktop export), `elements` (an array of elements, as `cy.json()` accepts). */
  readonly variant: 'cyjs' | 'elements';
  /** Cytoscape's `format_version` header, when the export has one. */
  readonly formatVersion: string | null;
  readonly nodes: number;
  readonly edges: number;
  readonly edgeFields: readonly CytoscapeField[];
  /** The options Tieline would use: pass them, changed or not, to `importCytoscape`. */
  readonly suggested: CytoscapeOptions;
}

/** Inspection failure: the JSON is not a Cytoscape network. */
export interface CytoscapeFailure {
  readonly ok: false;
  readonly format: 'cytoscape';
  readonly issues: readonly Issue[];
}

/** Extra inputs of `importCytoscape`. */
export interface CytoscapeImportOptions {
  readonly onProgress?: ProgressFn;
  readonly log?: WarningLog;
}

type Data = Record<string, unknown>;
interface Element {
  readonly data: Data;
  /** JSON path of the element, for issues. */
  readonly path: string;
  /** Where the element stands, for claim locators ("elements.edges[3]"). */
  readonly locator: string;
}
interface Elements {
  readonly variant: 'cyjs' | 'elements';
  readonly formatVersion: string | null;
  readonly nodes: readonly Element[];
  readonly edges: readonly Element[];
  readonly skipped: readonly string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when a parsed JSON value looks like Cytoscape elements (so the format sniffer can tell). */
export function looksLikeCytoscape(value: unknown): boolean {
  if (Array.isArray(value))
    return value.length === 0 || value.some((e) => isObject(e) && isObject(e.data));
  return isObject(value) && 'elements' in value;
}

function findElements(
  value: unknown,
): { ok: true; els: Elements } | { ok: false; issues: Issue[] } {
  const nodes: Element[] = [];
  const edges: Element[] = [];
  const skipped: string[] = [];
  const fromArray = (list: readonly unknown[], base: string, loc: string): void => {
    list.forEach((e, i) => {
      const path = `${base}[${i}]`;
      if (!isObject(e) || !isObject(e.data)) {
        skipped.push(path);
        return;
      }
      const el = { data: e.data, path, locator: `${loc}[${i}]` };
      const group = e.group;
      if (group === 'edges' || (group !== 'nodes' && 'source' in e.data && 'target' in e.data))
        edges.push(el);
      else nodes.push(el);
    });
  };
  const wrong = (path: string, what: string): { ok: false; issues: Issue[] } => ({
    ok: false,
    issues: [
      {
        path,
        message: `${what}. A Cytoscape file has "elements": {"nodes": [...], "edges": [...]}; export the network again from Cytoscape (File › Export › Network to File › .cyjs).`,
      },
    ],
  });
  if (Array.isArray(value)) {
    fromArray(value, '$', 'elements');
    return { ok: true, els: { variant: 'elements', formatVersion: null, nodes, edges, skipped } };
  }
  if (!isObject(value)) return wrong('$', 'the file is JSON but not an object');
  const elements = value.elements;
  const formatVersion = typeof value.format_version === 'string' ? value.format_version : null;
  if (Array.isArray(elements)) {
    fromArray(elements, '$.elements', 'elements');
    return { ok: true, els: { variant: 'elements', formatVersion, nodes, edges, skipped } };
  }
  if (!isObject(elements))
    return wrong('$.elements', '"elements" should be an object with nodes and edges');
  for (const key of ['nodes', 'edges'] as const) {
    const list = elements[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list))
      return wrong(`$.elements.${key}`, `"elements.${key}" should be a list`);
    list.forEach((e, i) => {
      const path = `$.elements.${key}[${i}]`;
      if (!isObject(e) || !isObject(e.data)) skipped.push(path);
      else
        (key === 'nodes' ? nodes : edges).push({
          data: e.data,
          path,
          locator: `elements.${key}[${i}]`,
        });
    });
  }
  return { ok: true, els: { variant: 'cyjs', formatVersion, nodes, edges, skipped } };
}

/** A data value as text for ids, types and dates; undefined when it is not a string or number. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A data value as an attribute: scalars as they are, lists and objects as (bounded) JSON text. */
function attributeValue(v: unknown): Attributes[string] | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v) && v.length === 0) return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
    return v.join('; ');
  try {
    const s = JSON.stringify(v);
    return s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
  } catch {
    return '[value too deeply nested]';
  }
}

const skipMessage = (n: number, at: string): string =>
  `${plural(n, 'element')} had no "data" object, or no id, source or target, and ${agree(n, 'was', 'were')} skipped (${at}).`;
const dateMessage = (n: number, at: string): string =>
  `${plural(n, 'edge')} had a date Tieline cannot read and ${agree(n, 'was', 'were')} skipped (${at}).`;

const START_NAMES = 'date time start timestamp year begin startdate datetime when'.split(' ');
const END_NAMES = ['end', 'enddate', 'stop', 'until', 'endtime', 'endyear'];
const TYPE_NAMES = 'interaction type relation relationship kind edgetype category'.split(' ');
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function fields(els: Elements): CytoscapeField[] {
  const seen = new Map<string, string[]>();
  for (const { data } of els.edges) {
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' || k === 'source' || k === 'target') continue;
      const t = scalarText(v);
      if (t === undefined) continue;
      let list = seen.get(k);
      if (!list) {
        list = [];
        seen.set(k, list);
      }
      list.push(t);
    }
  }
  return [...seen].map(([name, values]) => {
    const d = detectDates(values);
    const distinct = new Set(values);
    return {
      name,
      count: values.length,
      distinct: distinct.size,
      examples: [...distinct].slice(0, 5),
      date: d.plausible ? d : null,
    };
  });
}

function suggestOptions(fs: readonly CytoscapeField[]): CytoscapeOptions {
  const pick = (names: readonly string[], needDate: boolean): string | null => {
    for (const n of names) {
      const f = fs.find((x) => norm(x.name) === n && (!needDate || x.date !== null));
      if (f) return f.name;
    }
    return null;
  };
  const start = pick(START_NAMES, true);
  const d = fs.find((f) => f.name === start)?.date;
  return {
    typeAttribute: pick(TYPE_NAMES, false),
    startAttribute: start,
    endAttribute: start === null ? null : pick(END_NAMES, true),
    ...(d && d.dayMonth && !d.ambiguous ? { dateOrder: d.order } : {}),
  };
}

function readElements(text: string): { ok: true; els: Elements } | { ok: false; issues: Issue[] } {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, issues: json.issues };
  return findElements(json.value);
}

/** Lists the nodes, edges and edge fields of a Cytoscape JSON file, with the suggested type and date fields. */
export function inspectCytoscape(text: string): CytoscapeInspection | CytoscapeFailure {
  const r = readElements(text);
  if (!r.ok) return { ok: false, format: 'cytoscape', issues: r.issues };
  const fs = fields(r.els);
  return {
    ok: true,
    format: 'cytoscape',
    variant: r.els.variant,
    formatVersion: r.els.formatVersion,
    nodes: r.els.nodes.length,
    edges: r.els.edges.length,
    edgeFields: fs,
    suggested: suggestOptions(fs),
  };
}

/**
 * Imports Cytoscape JSON: nodes become actors (data fields kept as attributes), edges become directed
 * relations, typed by `interaction` (or the chosen field) and dated by the chosen date fields, if any.
 */
export function importCytoscape(
  text: string,
  name: string,
  options: CytoscapeOptions = {},
  extra: CytoscapeImportOptions = {},
): ImportResult {
  const log = extra.log ?? new WarningLog();
  const progress = new Progress(text.length, extra.onProgress);
  progress.at(0);
  const r = readElements(text);
  if (!r.ok) return { ok: false, format: 'cytoscape', issues: r.issues };
  const els = r.els;
  progress.at(0.4);
  for (const path of els.skipped) {
    log.tally('skipped-row', path, skipMessage);
  }
  const needSuggestion =
    options.typeAttribute === undefined ||
    options.startAttribute === undefined ||
    options.endAttribute === undefined;
  const suggested = needSuggestion ? suggestOptions(fields(els)) : {};
  const typeAttr =
    options.typeAttribute === undefined ? (suggested.typeAttribute ?? null) : options.typeAttribute;
  const startAttr =
    options.startAttribute === undefined
      ? (suggested.startAttribute ?? null)
      : options.startAttribute;
  const endAttr =
    options.endAttribute === undefined ? (suggested.endAttribute ?? null) : options.endAttribute;

  const ctxFor = (field: string | null): DateContext | null => {
    if (field === null) return null;
    const values = els.edges.map((e) => scalarText(e.data[field]) ?? '');
    const d = detectDates(values, options.dateOrder ?? suggested.dateOrder);
    if (d.ambiguous && options.dateOrder === undefined) {
      log.add({
        code: 'ambiguous-dates',
        count: 1,
        path: `$.elements.edges[*].data.${field}`,
        message: `dates in "${field}" such as ${d.examples.map((e) => `"${e}"`).join(', ')} fit both month/day and day/month; they were read as ${d.order === 'mdy' ? 'month/day/year' : 'day/month/year'}. Choose the order if that is wrong.`,
      });
    }
    if (d.numberUnit && d.numberUnit !== 'year') {
      log.add({
        code: 'numeric-time',
        count: 1,
        path: `$.elements.edges[*].data.${field}`,
        message: `"${field}" holds numbers; they were read as Unix ${d.numberUnit === 'unix-seconds' ? 'seconds' : 'milliseconds'} and kept as the calendar day in UTC.`,
      });
    }
    return d.numberUnit ? { order: d.order, numberUnit: d.numberUnit } : { order: d.order };
  };
  const startCtx = ctxFor(startAttr);
  const endCtx = ctxFor(endAttr);

  const trimmed = (v: string, where: string): string => {
    const t = v.trim();
    if (t !== v && t !== '') {
      log.tally('trimmed', where, trimMessage);
    }
    return t;
  };

  const actors: RawActor[] = [];
  for (const { data, path } of els.nodes) {
    const rawId = scalarText(data.id);
    const id = rawId === undefined ? '' : trimmed(rawId, `${path}.data.id`);
    if (id === '') {
      log.tally('skipped-row', `${path}.data.id`, skipMessage);
      continue;
    }
    const nameKey = ['name', 'label', 'shared_name'].find(
      (k) => (scalarText(data[k]) ?? '').trim() !== '',
    );
    const attributes = newAttributes();
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' || k === nameKey || k === 'selected') continue;
      const a = attributeValue(v);
      if (a !== undefined) attributes[k] = a;
    }
    const a: { -readonly [K in keyof RawActor]: RawActor[K] } = { id, where: `${path}.data.id` };
    if (nameKey !== undefined)
      a.name = trimmed(scalarText(data[nameKey]) ?? '', `${path}.data.${nameKey}`);
    if (Object.keys(attributes).length > 0) a.attributes = attributes;
    actors.push(a);
  }
  progress.at(0.6);

  const relations: RawRelation[] = [];
  const used = new Set(['id', 'source', 'target', 'selected', typeAttr, startAttr, endAttr]);
  els.edges.forEach(({ data, path, locator }, index) => {
    const source = trimmed(scalarText(data.source) ?? '', `${path}.data.source`);
    const target = trimmed(scalarText(data.target) ?? '', `${path}.data.target`);
    if (source === '' || target === '') {
      log.tally('skipped-row', `${path}.data.${source === '' ? 'source' : 'target'}`, skipMessage);
      return;
    }
    let start = '..';
    let end: string | null | undefined = null;
    if (startAttr !== null && startCtx) {
      const raw = scalarText(data[startAttr]) ?? '';
      const d = readDate(raw, startCtx);
      if (!d.ok) {
        log.tally('unreadable-date', `${path}.data.${startAttr}`, dateMessage);
        return;
      }
      start = d.edtf;
      end = start === '..' ? null : undefined;
    }
    if (endAttr !== null && endCtx) {
      const raw = scalarText(data[endAttr]) ?? '';
      const d = readDate(raw, endCtx);
      if (!d.ok) {
        log.tally('unreadable-date', `${path}.data.${endAttr}`, dateMessage);
        return;
      }
      end = d.edtf === '..' ? null : d.edtf;
    }
    const typeText = typeAttr !== null ? scalarText(data[typeAttr])?.trim() : undefined;
    const attributes = newAttributes();
    for (const [k, v] of Object.entries(data)) {
      if (used.has(k)) continue;
      const a = attributeValue(v);
      if (a !== undefined) attributes[k] = a;
    }
    const rel: { -readonly [K in keyof RawRelation]: RawRelation[K] } = {
      source,
      target,
      type: typeText !== undefined && typeText !== '' ? typeText : null,
      start,
      directed: true,
      locator,
      where: path,
    };
    if (end !== undefined) rel.end = end;
    const id = scalarText(data.id)?.trim();
    if (id !== undefined && id !== '') rel.id = id;
    else rel.fallbackId = `edge-${index}`;
    if (Object.keys(attributes).length > 0) rel.attributes = attributes;
    relations.push(rel);
  });
  progress.at(0.85);
  const result = buildDataset({
    name,
    format: 'cytoscape',
    actors,
    declaresActors: true,
    relations,
    idPrefix: 'edge-',
    onProgress: progress.phase(0.85, 1),
    emptyPath:
      els.variant === 'elements' && els.formatVersion === null && !text.trimStart().startsWith('{')
        ? '$'
        : '$.elements',
    log,
  });
  progress.at(1);
  return result;
}
