// Cytoscape JSON: desktop .cyjs exports (with or without the version header) and cy.json() output.
import type { Mutable } from '../../model';
import type { Issue } from '../validate';
import { buildDataset, newAttributes, type RawActor, type RawRelation } from './build';
import {
  fieldsOf,
  scalarText,
  suggestLabel,
  suggestOptions,
  type CytoscapeField,
} from './cyjs-fields';
import { detectDates, readDate, type DateContext } from './dates';
import { parseJsonText } from '../json';
import { Progress, WarningLog, agree, plural, trimMessage } from './log';
import type { Attributes, CytoscapeOptions, ImportResult, ProgressFn } from './types';

export type { CytoscapeField } from './cyjs-fields';

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
  /** Fields of the nodes' `data`, to choose the one that names the actors. */
  readonly nodeFields: readonly CytoscapeField[];
  /** How many nodes carry a saved position (used as the layout when all do). */
  readonly positioned: number;
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
  /** A saved position (`position: {x, y}` beside `data`), when the export has one. */
  readonly position?: { readonly x: number; readonly y: number };
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

/** The element with its saved position, when `position` holds two finite numbers. */
function withPosition(el: Element, position: unknown): Element {
  if (!isObject(position)) return el;
  const { x, y } = position;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? { ...el, position: { x, y } }
    : el;
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
      const el = withPosition({ data: e.data, path, locator: `${loc}[${i}]` }, e.position);
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
        (key === 'nodes' ? nodes : edges).push(
          withPosition({ data: e.data, path, locator: `elements.${key}[${i}]` }, e.position),
        );
    });
  }
  return { ok: true, els: { variant: 'cyjs', formatVersion, nodes, edges, skipped } };
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

function edgeFields(els: Elements): CytoscapeField[] {
  return fieldsOf(
    els.edges.map((e) => e.data),
    true,
  );
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
  const fs = edgeFields(r.els);
  const nodeFields = fieldsOf(
    r.els.nodes.map((n) => n.data),
    false,
  );
  return {
    ok: true,
    format: 'cytoscape',
    variant: r.els.variant,
    formatVersion: r.els.formatVersion,
    nodes: r.els.nodes.length,
    edges: r.els.edges.length,
    edgeFields: fs,
    nodeFields,
    positioned: r.els.nodes.filter((n) => n.position).length,
    suggested: {
      ...suggestOptions(fs),
      labelAttribute: suggestLabel(nodeFields, r.els.nodes.length),
    },
  };
}

/** The fields an import reads: the options' choice, else the suggestion. */
interface Chosen {
  readonly label: string | null;
  readonly type: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly weight: string | null;
  readonly dateOrder?: CytoscapeOptions['dateOrder'];
}

function chosenFields(els: Elements, options: CytoscapeOptions): Chosen {
  const needSuggestion =
    options.typeAttribute === undefined ||
    options.startAttribute === undefined ||
    options.endAttribute === undefined ||
    options.weightAttribute === undefined;
  const s = needSuggestion ? suggestOptions(edgeFields(els)) : {};
  const or = (v: string | null | undefined, d: string | null | undefined): string | null =>
    v === undefined ? (d ?? null) : v;
  const label =
    options.labelAttribute === undefined
      ? suggestLabel(
          fieldsOf(
            els.nodes.map((n) => n.data),
            false,
          ),
          els.nodes.length,
        )
      : options.labelAttribute;
  const dateOrder = options.dateOrder ?? s.dateOrder;
  return {
    label,
    type: or(options.typeAttribute, s.typeAttribute),
    start: or(options.startAttribute, s.startAttribute),
    end: or(options.endAttribute, s.endAttribute),
    weight: or(options.weightAttribute, s.weightAttribute),
    ...(dateOrder ? { dateOrder } : {}),
  };
}

/** How one date field reads (order, number unit), settled over all edges, with its warnings. */
function dateContext(
  els: Elements,
  field: string | null,
  order: CytoscapeOptions['dateOrder'],
  userChose: boolean,
  log: WarningLog,
): DateContext | null {
  if (field === null) return null;
  const values = els.edges.map((e) => scalarText(e.data[field]) ?? '');
  const d = detectDates(values, order);
  if (d.ambiguous && !userChose) {
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
}

/** A value trimmed, with a tallied warning when trimming changed it. */
function trimmedIn(log: WarningLog, v: string, where: string): string {
  const t = v.trim();
  if (t !== v && t !== '') log.tally('trimmed', where, trimMessage);
  return t;
}

/** Nodes as actors: the chosen name field (else name, label, shared_name), other fields as attributes, position. */
function readActors(els: Elements, labelAttr: string | null, log: WarningLog): RawActor[] {
  const actors: RawActor[] = [];
  for (const { data, path, position } of els.nodes) {
    const rawId = scalarText(data.id);
    const id = rawId === undefined ? '' : trimmedIn(log, rawId, `${path}.data.id`);
    if (id === '') {
      log.tally('skipped-row', `${path}.data.id`, skipMessage);
      continue;
    }
    const nameKey = [labelAttr, 'name', 'label', 'shared_name'].find(
      (k): k is string => k !== null && (scalarText(data[k]) ?? '').trim() !== '',
    );
    const attributes = newAttributes();
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' || k === nameKey || k === 'selected') continue;
      const a = attributeValue(v);
      if (a !== undefined) attributes[k] = a;
    }
    const a: Mutable<RawActor> = { id, where: `${path}.data.id` };
    if (nameKey !== undefined)
      a.name = trimmedIn(log, scalarText(data[nameKey]) ?? '', `${path}.data.${nameKey}`);
    if (Object.keys(attributes).length > 0) a.attributes = attributes;
    if (position) a.position = position;
    actors.push(a);
  }
  return actors;
}

/** Start and end of one edge from the date fields; null when a value cannot be read (warned). */
function edgeDates(
  data: Data,
  path: string,
  f: Chosen,
  ctx: { start: DateContext | null; end: DateContext | null },
  log: WarningLog,
): { start: string; end: string | null | undefined } | null {
  let start = '..';
  let end: string | null | undefined = null;
  if (f.start !== null && ctx.start) {
    const d = readDate(scalarText(data[f.start]) ?? '', ctx.start);
    if (!d.ok) {
      log.tally('unreadable-date', `${path}.data.${f.start}`, dateMessage);
      return null;
    }
    start = d.edtf;
    end = start === '..' ? null : undefined;
  }
  if (f.end !== null && ctx.end) {
    const d = readDate(scalarText(data[f.end]) ?? '', ctx.end);
    if (!d.ok) {
      log.tally('unreadable-date', `${path}.data.${f.end}`, dateMessage);
      return null;
    }
    end = d.edtf === '..' ? null : d.edtf;
  }
  return { start, end };
}

/** Edges as directed relations: ends, dates, type, weight, id, other fields as attributes. */
function readRelations(
  els: Elements,
  f: Chosen,
  userOrder: boolean,
  log: WarningLog,
): RawRelation[] {
  const ctx = {
    start: dateContext(els, f.start, f.dateOrder, userOrder, log),
    end: dateContext(els, f.end, f.dateOrder, userOrder, log),
  };
  const used = new Set(['id', 'source', 'target', 'selected', f.type, f.start, f.end, f.weight]);
  const relations: RawRelation[] = [];
  els.edges.forEach(({ data, path, locator }, index) => {
    const source = trimmedIn(log, scalarText(data.source) ?? '', `${path}.data.source`);
    const target = trimmedIn(log, scalarText(data.target) ?? '', `${path}.data.target`);
    if (source === '' || target === '') {
      log.tally('skipped-row', `${path}.data.${source === '' ? 'source' : 'target'}`, skipMessage);
      return;
    }
    const dates = edgeDates(data, path, f, ctx, log);
    if (!dates) return;
    const typeText = f.type !== null ? scalarText(data[f.type])?.trim() : undefined;
    const attributes = newAttributes();
    for (const [k, v] of Object.entries(data)) {
      if (used.has(k)) continue;
      const a = attributeValue(v);
      if (a !== undefined) attributes[k] = a;
    }
    const rel: Mutable<RawRelation> = {
      source,
      target,
      type: typeText !== undefined && typeText !== '' ? typeText : null,
      start: dates.start,
      directed: true,
      locator,
      where: path,
    };
    if (dates.end !== undefined) rel.end = dates.end;
    const wt = f.weight === null ? '' : (scalarText(data[f.weight]) ?? '').trim();
    const weight = wt === '' ? NaN : Number(wt);
    if (Number.isFinite(weight)) rel.weight = weight;
    const id = scalarText(data.id)?.trim();
    if (id !== undefined && id !== '') rel.id = id;
    else rel.fallbackId = `edge-${index}`;
    if (Object.keys(attributes).length > 0) rel.attributes = attributes;
    relations.push(rel);
  });
  return relations;
}

/**
 * Imports Cytoscape JSON: nodes become actors (named from the most name-like field, data fields kept
 * as attributes, saved positions kept), edges become directed relations, typed, dated and weighted by
 * the chosen (or suggested) fields.
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
  for (const path of els.skipped) log.tally('skipped-row', path, skipMessage);
  const f = chosenFields(els, options);
  const actors = readActors(els, f.label, log);
  progress.at(0.6);
  const relations = readRelations(els, f, options.dateOrder !== undefined, log);
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
