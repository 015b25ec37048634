// Dates as users' files write them (ISO, EDTF, partial, M/D/Y, D/M/Y, years, Unix time), read into EDTF strings.
import { dayOf, dayToIso, daysInMonth, parseEdtf } from '../../model';
import type { DateOrder } from './types';

/** How a column of plain numbers is read as time: years (≤ 4 digits), Unix seconds, or Unix milliseconds. */
export type NumberUnit = 'year' | 'unix-seconds' | 'unix-millis';

/** What the caller settles for a whole column before reading its values one by one. */
export interface DateContext {
  /** Order of D/M/Y dates; when absent, `mdy`. */
  readonly order?: DateOrder;
  /** How plain numbers are read; when absent, guessed from this one value. */
  readonly numberUnit?: NumberUnit;
  /** IANA zone that times without an offset are written in (GEXF `timezone`); absent means UTC. */
  readonly timeZone?: string;
}

/** One value read: an EDTF string (`..` for an open bound), or why it could not be read. */
export type DateRead =
  { readonly ok: true; readonly edtf: string } | { readonly ok: false; readonly error: string };

/** What a column of values looks like as dates, so the UI can confirm the reading with the user. */
export interface DateDetection {
  /** Values that are non-empty. */
  readonly total: number;
  /** Values that read as dates under `order` and `numberUnit`. */
  readonly readable: number;
  /** True when most values read as dates and numbers fall in a plausible range (years 1000–2999, Unix 1973–2100). */
  readonly plausible: boolean;
  readonly numberUnit: NumberUnit | null;
  /** The day/month order the values force, or the usual default for their separator when they force none. */
  readonly order: DateOrder;
  /** Every D/M/Y value fits both orders (and some differ by order): the user must choose. */
  readonly ambiguous: boolean;
  /** Some values need day-first and others month-first: the column mixes conventions. */
  readonly conflicting: boolean;
  /** Up to three values from the file that show the ambiguity (or the format). */
  readonly examples: readonly string[];
  /** Two-digit years occur (read as 1930–2029). */
  readonly twoDigitYears: boolean;
  /** Some values are written day/month/year or month/day/year. */
  readonly dayMonth: boolean;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const EDTF_LIKE = /^(-?[\dX]{4})(?:-([\dX]{2}))?(?:-([\dX]{2}))?([~?%]?)$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DATE_ZONE = /^(-?\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:?\d{2})$/i;
const DATETIME =
  /^(-?\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?$/;

const MS_PER_DAY = 86_400_000;
const MIN_DAY = dayOf(0, 1, 1);
const MAX_DAY = dayOf(9999, 12, 31);

function pad4(year: number): string {
  return year < 0 ? '-' + String(-year).padStart(4, '0') : String(year).padStart(4, '0');
}

/** Day strings already made: event files repeat the same few hundred days tens of thousands of times. */
const dayCache = new Map<number, DateRead>();

function dayIso(day: number): DateRead {
  if (!Number.isFinite(day) || day < MIN_DAY || day > MAX_DAY) {
    return { ok: false, error: 'lies outside the years 0000–9999' };
  }
  let r = dayCache.get(day);
  if (!r) {
    if (dayCache.size > 100_000) dayCache.clear();
    r = { ok: true, edtf: dayToIso(day) };
    dayCache.set(day, r);
  }
  return r;
}

function ymd(y: number, m: number, d: number, text: string): DateRead {
  if (m < 1 || m > 12) return { ok: false, error: `"${text}" has no month ${m}` };
  if (d < 1 || d > daysInMonth(y, m))
    return { ok: false, error: `"${text}": the month has no day ${d}` };
  return dayIso(dayOf(y, m, d));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Milliseconds a zone is ahead of UTC at an instant; throws RangeError for an unknown zone. */
function zoneOffset(timeZone: string, utcMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(utcMs))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = wallMs(
    year,
    Number(parts.month),
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneOffset(timeZone, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a wall-clock time in a zone. In a DST overlap (the hour that happens twice) it is the
 * earlier instant; in a DST gap (the hour that does not exist) the time is shifted forward, as Java and
 * Temporal do.
 */
export function zonedToUtc(wallMs: number, timeZone: string): number {
  const a = wallMs - zoneOffset(timeZone, wallMs);
  const b = wallMs - zoneOffset(timeZone, a);
  const sec = (t: number): number => Math.floor(t / 1000);
  const maps = (t: number): boolean => sec(t + zoneOffset(timeZone, t)) === sec(wallMs);
  const valid = [a, b].filter(maps);
  return valid.length > 0 ? Math.min(...valid) : Math.max(a, b);
}

function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

function readNumber(text: string, unit: NumberUnit): DateRead {
  const v = Number(text);
  if (!Number.isFinite(v)) return { ok: false, error: `"${text}" is too large to be a time` };
  if (unit === 'year') {
    const y = Math.floor(v);
    if (y < -9999 || y > 9999)
      return { ok: false, error: `"${text}" is not a year from -9999 to 9999` };
    if (v === y) return { ok: true, edtf: pad4(y) };
    const len = dayOf(y + 1, 1, 1) - dayOf(y, 1, 1);
    return dayIso(dayOf(y, 1, 1) + Math.floor((v - y) * len));
  }
  const ms = unit === 'unix-seconds' ? v * 1000 : v;
  return dayIso(Math.floor(ms / MS_PER_DAY));
}

/** The number unit a column's largest magnitude implies (see `NumberUnit`). */
export function numberUnitFor(maxAbs: number): NumberUnit {
  if (maxAbs <= 9999) return 'year';
  return maxAbs < 1e11 ? 'unix-seconds' : 'unix-millis';
}

/** Year of a two-digit year as spreadsheets read it: 00–29 → 2000–2029, 30–99 → 1930–1999. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const DAY_MONTH_NAME = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]+(\d{4})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const YMD8 = /^(\d{4})(\d{2})(\d{2})$/;

function monthOf(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return i < 0 ? 0 : i + 1;
}

/** Dates written with a month's name (ACLED: "15 January 2020", "January 15, 2020") or as YYYYMMDD (GDELT). */
function readWordsOrCompact(text: string): DateRead | null {
  let m = DAY_MONTH_NAME.exec(text);
  if (m && monthOf(m[2] as string) > 0)
    return ymd(Number(m[3]), monthOf(m[2] as string), Number(m[1]), text);
  m = MONTH_NAME_DAY.exec(text);
  if (m && monthOf(m[1] as string) > 0)
    return ymd(Number(m[3]), monthOf(m[1] as string), Number(m[2]), text);
  m = YMD8.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y >= 1000 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
      return ymd(y, mo, d, text);
  }
  return null;
}

/**
 * Reads one date as written in a user's file into an EDTF string at the precision the file gives.
 * Instants (date-times, Unix times) become the calendar day in UTC; see docs/import.md for the rule.
 */
export function readDate(raw: string, ctx: DateContext = {}): DateRead {
  const text = raw.trim();
  if (text === '..' || text === '') return { ok: true, edtf: '..' };
  if (ctx.numberUnit === undefined || ctx.numberUnit === 'year') {
    const w = readWordsOrCompact(text);
    if (w) return w;
  }
  if (NUMBER.test(text) && !/^-?\d{4}$/.test(text)) {
    return readNumber(text, ctx.numberUnit ?? numberUnitFor(Math.abs(Number(text))));
  }
  if (/^-?\d{4}$/.test(text) && ctx.numberUnit !== undefined && ctx.numberUnit !== 'year') {
    return readNumber(text, ctx.numberUnit);
  }
  let m = EDTF_LIKE.exec(text);
  if (m) {
    const [, y = '', mo, d, q = ''] = m;
    // Spreadsheet partial dates: YYYY-MM-00 is a month, YYYY-00-00 and YYYY-00 a year.
    let edtf: string;
    if (mo === '00') edtf = y + q;
    else if (d === '00') edtf = `${y}-${mo}${q}`;
    else edtf = text;
    const parsed = parseEdtf(edtf);
    return parsed.ok ? { ok: true, edtf } : { ok: false, error: parsed.error };
  }
  m = DATETIME.exec(text);
  if (m) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '0', , zone] = m;
    const [Y, MO, D, H, MI, S] = [y, mo, d, h, mi, s].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const check = ymd(Y, MO, D, text);
    if (!check.ok) return check;
    if (H > 24 || MI > 59 || S > 60)
      return { ok: false, error: `"${text}" is not a valid time of day` };
    const wall = wallMs(Y, MO, D, H, MI, S);
    let utc: number;
    if (zone) {
      if (/^z$/i.test(zone)) utc = wall;
      else {
        const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
        const sign = zm?.[1] === '-' ? -1 : 1;
        const off = sign * (Number(zm?.[2] ?? 0) * 60 + Number(zm?.[3] ?? 0));
        utc = wall - off * 60_000;
      }
    } else if (ctx.timeZone) {
      try {
        utc = zonedToUtc(wall, ctx.timeZone);
      } catch {
        utc = wall;
      }
    } else {
      utc = wall;
    }
    return dayIso(Math.floor(utc / MS_PER_DAY));
  }
  m = DATE_ZONE.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = YMD_SLASH.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = DMY.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const yText = m[4] ?? '';
    const y = yText.length === 2 ? expandTwoDigitYear(Number(yText)) : Number(yText);
    const [month, day] = (ctx.order ?? 'mdy') === 'mdy' ? [a, b] : [b, a];
    const r = ymd(y, month, day, text);
    if (!r.ok && month > 12) {
      return {
        ok: false,
        error: `"${text}" does not fit ${ctx.order === 'dmy' ? 'day/month/year' : 'month/day/year'}`,
      };
    }
    return r;
  }
  return { ok: false, error: `"${text}" is not a date Tieline can read` };
}

/**
 * Looks at every value of a column and says how to read it as dates: the number unit, the D/M/Y order
 * (or that the order is ambiguous, with examples to show the user), and whether it looks like dates at all.
 */
export function detectDates(values: Iterable<string>, order?: DateOrder): DateDetection {
  let total = 0;
  let maxAbs = 0;
  let numbers = 0;
  let dmyValues = 0;
  let forcesDmy = 0;
  let forcesMdy = 0;
  let differ = false;
  let twoDigitYears = false;
  const seps = new Map<string, number>();
  const examples: string[] = [];
  const firstValues: string[] = [];
  const all: string[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    total++;
    all.push(v);
    if (firstValues.length < 3 && !firstValues.includes(v)) firstValues.push(v);
    if (NUMBER.test(v) && !(YMD8.test(v) && readWordsOrCompact(v)?.ok)) {
      numbers++;
      const n = Math.abs(Number(v));
      if (n > maxAbs) maxAbs = n;
      continue;
    }
    const m = DMY.exec(v);
    if (m) {
      dmyValues++;
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) forcesDmy++;
      if (b > 12 && a <= 12) forcesMdy++;
      if (a !== b && a <= 12 && b <= 12) {
        differ = true;
        if (examples.length < 3 && !examples.includes(v)) examples.push(v);
      }
      if ((m[4] ?? '').length === 2) twoDigitYears = true;
      const sep = m[2] ?? '/';
      seps.set(sep, (seps.get(sep) ?? 0) + 1);
    }
  }
  const numberUnit = numbers > 0 ? numberUnitFor(maxAbs) : null;
  let mainSep = '/';
  let best = -1;
  for (const [sep, n] of seps) if (n > best) [mainSep, best] = [sep, n];
  // When values force both orders, the file mixes conventions: the order more values need wins.
  const forced: DateOrder | null =
    forcesDmy > forcesMdy ? 'dmy' : forcesMdy > forcesDmy ? 'mdy' : null;
  const chosen: DateOrder = order ?? forced ?? (mainSep === '/' ? 'mdy' : 'dmy');
  const ctx: DateContext = numberUnit ? { order: chosen, numberUnit } : { order: chosen };
  let readable = 0;
  let plausibleNumbers = true;
  for (const v of all) {
    const r = readDate(v, ctx);
    if (r.ok) {
      readable++;
      if (NUMBER.test(v)) {
        const n = Number(v);
        if (numberUnit === 'year' && (n < 1000 || n > 2999)) plausibleNumbers = false;
        if (numberUnit === 'unix-seconds' && (n < 1e8 || n > 4.2e9)) plausibleNumbers = false;
        if (numberUnit === 'unix-millis' && (n < 1e11 || n > 4.2e12)) plausibleNumbers = false;
      }
    }
  }
  return {
    total,
    readable,
    plausible: total > 0 && readable >= total * 0.9 && plausibleNumbers,
    numberUnit,
    order: chosen,
    ambiguous: dmyValues > 0 && forcesDmy === 0 && forcesMdy === 0 && differ,
    conflicting: forcesDmy > 0 && forcesMdy > 0,
    examples: examples.length > 0 ? examples : firstValues,
    twoDigitYears,
    dayMonth: dmyValues > 0,
  };
}

/** Spans already parsed, for the same reason as `dayCache`. */
const spanCache = new Map<string, { readonly earliest: number; readonly latest: number } | null>();

/** Day number range of an EDTF string (`..` gives ±Infinity); null when it does not parse. */
export function spanOf(
  edtf: string,
): { readonly earliest: number; readonly latest: number } | null {
  let span = spanCache.get(edtf);
  if (span === undefined) {
    if (spanCache.size > 100_000) spanCache.clear();
    const r = parseEdtf(edtf);
    span = r.ok ? { earliest: r.date.earliest, latest: r.date.latest } : null;
    spanCache.set(edtf, span);
  }
  return span;
}
