// Time in GEXF: how the file's time values read (dates, years, Unix time or integer steps, in which zone),
// and attributes that carry time when the elements carry none (with day/month order detection).
import { stepToEdtf } from '../../model';
import {
  detectDates,
  isKnownTimeZone,
  numberUnitFor,
  readDate,
  spanOf,
  type DateContext,
  type DateDetection,
  type NumberUnit,
} from './dates';
import {
  attr,
  attvaluesOf,
  intervalOf,
  timeOf,
  type AttrDecl,
  type Doc,
  type TimeSpec,
  type XmlEl,
} from './gexf-xml';
import type { WarningLog } from './log';
import type { DateOrder } from './types';

export const INFINITE = /^[+-]?inf(inity)?$/i;
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;

/** Every time value in the document, to settle how plain numbers read (years, Unix time or steps). */
export function allTimes(doc: Doc): string[] {
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
    for (const av of attvaluesOf(el)) add(timeOf(av));
  }
  add(timeOf(doc.graph));
  return out.map((s) => s.trim()).filter((s) => s !== '' && !INFINITE.test(s));
}

/** The time format the values show when the file declares none. */
export function sniffTimeformat(times: readonly string[]): string {
  if (times.length === 0) return 'none';
  if (times.every((t) => NUMERIC.test(t))) return isSteps(times, null) ? 'integer steps' : 'double';
  return times.some((t) => /\d[T ]\d/.test(t)) ? 'dateTime' : 'date';
}

/**
 * True when the time values are numbered steps, not years or Unix time: every value a whole number,
 * the file not declaring dates, and the numbers not all plausible years (1000–2999) nor Unix time.
 * `start="8"` with no timeformat is step 8, never 1 January of the year 8.
 */
export function isSteps(times: readonly string[], declared: string | null): boolean {
  if (times.length === 0 || declared === 'date' || declared === 'datetime') return false;
  if (!times.every((t) => INTEGER.test(t))) return false;
  const ns = times.map(Number);
  const max = Math.max(...ns.map(Math.abs));
  if (max >= 1e8) return false;
  return ns.some((n) => n < 1000 || n > 2999);
}

/** How the document's time values are read: one function from a value to EDTF, and the time scale. */
export interface TimeReading {
  /** A time value as EDTF ('..' for a missing or infinite bound), undefined when it is not a date. */
  readonly conv: (v: string | undefined) => string | undefined;
  readonly steps: boolean;
}

function numberMessage(fmt: string, unit: NumberUnit | 'steps', min: number, max: number): string {
  if (unit === 'steps')
    return `time values are whole numbers from ${min} to ${max} (timeformat ${fmt}); they were read as numbered steps and are shown as "step ${min}" … "step ${max}", not as calendar dates.`;
  const read =
    unit === 'year'
      ? 'years (2000.0 → 2000; fractions → a day in the year)'
      : unit === 'unix-seconds'
        ? 'Unix seconds (the calendar day in UTC)'
        : 'Unix milliseconds (the calendar day in UTC)';
  return `time values are plain numbers (timeformat ${fmt}); they were read as ${read}.`;
}

/** The file's time zone, if known, with a warning when it matters or cannot be used. */
function zoneOf(doc: Doc, times: readonly string[], log: WarningLog): string | undefined {
  if (!doc.timezone) return undefined;
  if (!isKnownTimeZone(doc.timezone)) {
    log.add({
      code: 'timezone',
      count: 1,
      path: 'graph',
      message: `unknown time zone "${doc.timezone}"; times without an offset were read as UTC. Use an IANA name such as Europe/Paris.`,
    });
    return undefined;
  }
  if (times.some((t) => /\d[T ]\d/.test(t))) {
    log.add({
      code: 'timezone',
      count: 1,
      path: 'graph',
      message: `times without an offset were read in the file's time zone (${doc.timezone}); times with an offset use it; each is kept as its calendar day in UTC.`,
    });
  }
  return doc.timezone;
}

/** Settles how the document's own time values read, warning about numbers and zones. */
export function timeReading(doc: Doc, log: WarningLog): TimeReading {
  const times = allTimes(doc);
  const numbers = times.filter((t) => NUMERIC.test(t));
  const steps = isSteps(times, doc.declaredTimeformat);
  let numberUnit: NumberUnit | undefined;
  if (numbers.length > 0) {
    const ns = numbers.map(Number);
    numberUnit = numberUnitFor(ns.reduce((m, n) => Math.max(m, Math.abs(n)), 0));
    const fmt = doc.declaredTimeformat ?? 'not declared';
    // In a date or dateTime file a bare number is a year as written; say nothing unless it is not.
    const dated = fmt === 'date' || fmt === 'datetime';
    if (steps || !dated || numberUnit !== 'year')
      log.add({
        code: 'numeric-time',
        count: numbers.length,
        path: 'graph',
        message: numberMessage(fmt, steps ? 'steps' : numberUnit, Math.min(...ns), Math.max(...ns)),
      });
  }
  const timeZone = zoneOf(doc, times, log);
  const ctx: DateContext = {
    ...(numberUnit ? { numberUnit } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
  const conv = (v: string | undefined): string | undefined => {
    if (v === undefined) return '..';
    const t = v.trim();
    if (t === '' || INFINITE.test(t)) return '..';
    if (steps) return INTEGER.test(t) ? stepToEdtf(Math.round(Number(t))) : undefined;
    const d = readDate(t, ctx);
    return d.ok ? d.edtf : undefined;
  };
  return { conv, steps };
}

/** The value of declared attribute `id` on an element (untimed value first), else its default. */
export function attrValue(
  el: XmlEl,
  id: string,
  decls: ReadonlyMap<string, AttrDecl>,
): string | undefined {
  let fallback: string | undefined;
  for (const av of attvaluesOf(el)) {
    if ((attr(av, 'for') ?? attr(av, 'id')) !== id) continue;
    const v = attr(av, 'value')?.trim();
    if (v === undefined || v === '') continue;
    if (!intervalOf(av) && attr(av, 'timestamp') === undefined) return v;
    fallback ??= v;
  }
  return fallback ?? decls.get(id)?.default;
}

/** Values that say "no value" in exported tables: read as missing, not as unreadable dates. */
const MISSING = /^(na|n\/a|null|none|nan|-|\?|unknown)$/i;

/** The value, or undefined when it is empty or a missing-value marker (`NA`, `null`, `-`…). */
export function present(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t === undefined || t === '' || MISSING.test(t) ? undefined : t;
}

/** A node or edge attribute whose values read as dates: offered as time when elements carry none. */
export interface GexfTimeCandidate {
  /** `edge:<id>` or `node:<id>`: pass it as `startAttribute` or `endAttribute`. */
  readonly key: string;
  readonly title: string;
  readonly owner: 'edge' | 'node';
  readonly examples: readonly string[];
  /** How the values read: day/month order, whether the order is ambiguous, numbers as years. */
  readonly dates: DateDetection;
}

const START_NAMES =
  /^(start|begin|from|date|time|year|when|since|timestamp|day|startdate|begindate|datestart|fromdate|startyear|startdatetime)$/;
const END_NAMES = /^(end|stop|until|to|enddate|dateend|todate|endyear|enddatetime)$/;
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

/** Declared attributes, of edges then nodes, whose values read as plausible dates. */
export function timeCandidates(doc: Doc): GexfTimeCandidate[] {
  const out: GexfTimeCandidate[] = [];
  const scan = (
    owner: 'edge' | 'node',
    decls: ReadonlyMap<string, AttrDecl>,
    els: readonly { el: XmlEl }[],
  ): void => {
    for (const d of decls.values()) {
      if (['boolean', 'liststring'].includes(d.type)) continue;
      const values = els.map(({ el }) => present(attrValue(el, d.id, decls)) ?? '');
      const dates = detectDates(values);
      // A few unreadable values ("sometime") do not hide a column of dates; numbers must be plausible.
      const enough = dates.total > 0 && dates.readable >= dates.total * 0.75;
      if (!enough || (dates.numberUnit !== null && !dates.plausible)) continue;
      const examples = [...new Set(values.filter((v) => v !== ''))].slice(0, 3);
      out.push({ key: `${owner}:${d.id}`, title: d.title, owner, examples, dates });
    }
  };
  scan('edge', doc.edgeAttrs, doc.edges);
  scan('node', doc.nodeAttrs, doc.nodes);
  return out;
}

/** The attributes Tieline would read time from, and the day/month order they settle. */
export interface GexfTimeChoice {
  readonly startAttribute: string | null;
  readonly endAttribute: string | null;
  readonly dateOrder?: DateOrder;
}

/**
 * Chooses time attributes when the elements carry no time of their own and the choice is clear: an
 * edge attribute named like a start ("start date", "date", "year"), or the one date-like edge
 * attribute; failing edges, the same among node attributes. An end is taken only beside a start.
 */
export function suggestTime(
  elementsTimed: boolean,
  cands: readonly GexfTimeCandidate[],
): GexfTimeChoice {
  const none: GexfTimeChoice = { startAttribute: null, endAttribute: null };
  if (elementsTimed) return none;
  for (const owner of ['edge', 'node'] as const) {
    const mine = cands.filter((c) => c.owner === owner);
    const ends = mine.filter((c) => END_NAMES.test(norm(c.title)));
    const starts = mine.filter((c) => START_NAMES.test(norm(c.title)));
    // Unnamed, only a date written as a date: a lone number column may be anything (a count, a code).
    const textual = mine.filter((c) => !ends.includes(c) && c.dates.numberUnit === null);
    const start =
      starts.length === 1
        ? starts[0]
        : textual.length === 1 && starts.length === 0
          ? textual[0]
          : undefined;
    if (!start) continue;
    const end = ends.length === 1 ? ends[0] : undefined;
    const d = start.dates;
    return {
      startAttribute: start.key,
      endAttribute: end?.key ?? null,
      ...(d.dayMonth && !d.ambiguous ? { dateOrder: d.order } : {}),
    };
  }
  return none;
}

/** One span of an edge: EDTF start and end (absent for an instant), and whether it came from a spell. */
export interface Span {
  readonly start: string;
  readonly end?: string | null;
  readonly what: string;
}

/** Time read from chosen attributes: per edge, or from both end nodes (the later start, the earlier end). */
export interface AttributeTime {
  readonly start: (edge: XmlEl, source: string, target: string) => string | null | undefined;
  readonly end: ((edge: XmlEl, source: string, target: string) => string | null | undefined) | null;
  /** Node dates with no end open a state (the pair exists from then on); an edge date is an instant. */
  readonly openEnded: boolean;
}

/** Reads one chosen time attribute over the file: its date context settled once, with warnings. */
function attributeReader(
  rd: { readonly doc: Doc; readonly log: WarningLog },
  key: string,
  order: DateOrder | undefined,
): (el: XmlEl) => string | null | undefined {
  const [owner, id = ''] = key.split(/:(.*)/s) as [string, string?];
  const decls = owner === 'node' ? rd.doc.nodeAttrs : rd.doc.edgeAttrs;
  const els = owner === 'node' ? rd.doc.nodes : rd.doc.edges;
  const values = els.map(({ el }) => present(attrValue(el, id, decls)) ?? '');
  const d = detectDates(values, order);
  const title = decls.get(id)?.title ?? id;
  if (d.ambiguous && order === undefined) {
    rd.log.add({
      code: 'ambiguous-dates',
      count: 1,
      path: `${owner} attribute "${title}"`,
      message: `dates in "${title}" such as ${d.examples.map((e) => `"${e}"`).join(', ')} fit both month/day and day/month; they were read as ${d.order === 'mdy' ? 'month/day/year' : 'day/month/year'}. Choose the order if that is wrong.`,
    });
  }
  const ctx: DateContext = d.numberUnit
    ? { order: d.order, numberUnit: d.numberUnit }
    : { order: d.order };
  return (el) => {
    const v = present(attrValue(el, id, decls));
    if (v === undefined) return null;
    const r = readDate(v, ctx);
    return r.ok ? r.edtf : undefined;
  };
}

/** Of two EDTF dates, the later (`later`) or the earlier; null when either is missing. */
function pick(a: string | null | undefined, b: string | null | undefined, later: boolean) {
  if (a === undefined || b === undefined) return undefined;
  if (a === null || b === null) return a ?? b;
  const sa = spanOf(a)?.earliest ?? 0;
  const sb = spanOf(b)?.earliest ?? 0;
  return sa >= sb === later ? a : b;
}

/** Time from the chosen attributes, or null when none is chosen. */
export function attributeTime(
  rd: { readonly doc: Doc; readonly log: WarningLog },
  choice: GexfTimeChoice,
  order: DateOrder | undefined,
): AttributeTime | null {
  if (!choice.startAttribute) return null;
  const nodeEl = new Map(rd.doc.nodes.map(({ el }) => [attr(el, 'id')?.trim() ?? '', el]));
  const one = (key: string, later: boolean) => {
    const read = attributeReader(rd, key, order);
    if (key.startsWith('edge:')) return (edge: XmlEl) => read(edge);
    return (_: XmlEl, source: string, target: string) => {
      const a = nodeEl.get(source);
      const b = nodeEl.get(target);
      return pick(a ? read(a) : null, b ? read(b) : null, later);
    };
  };
  return {
    start: one(choice.startAttribute, true),
    end: choice.endAttribute ? one(choice.endAttribute, false) : null,
    openEnded: choice.startAttribute.startsWith('node:'),
  };
}

/** The spans of one edge from the chosen attributes; `bad` when a value is not a date. */
export function attributeSpans(
  at: AttributeTime,
  el: XmlEl,
  s: string,
  t: string,
): { spans: Span[]; bad: number } {
  const start = at.start(el, s, t);
  const end = at.end ? at.end(el, s, t) : null;
  if (start === undefined || end === undefined) return { spans: [], bad: 1 };
  if (start === null) return { spans: [{ start: '..', end: end ?? null, what: 'spell' }], bad: 0 };
  const instant = !at.end && !at.openEnded;
  return {
    spans: [instant ? { start, what: 'timestamp' } : { start, end, what: 'spell' }],
    bad: 0,
  };
}
