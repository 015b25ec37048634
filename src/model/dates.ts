// EDTF dates (ISO 8601-2 levels 0 and 1, the date forms): parsing to a span of days and formatting back as written.
//
// Why our own parser: the `edtf` package parses with a nearley grammar that costs 13 KB gzip in the
// initial bundle (measured with `vite build`), over half of what the performance budget leaves after
// React and Cytoscape, and we need only single dates. The test suite checks this parser against `edtf`
// on generated strings, so the two cannot drift apart silently.

/** A day number: whole days since 1970-01-01 (UTC). Integers compare and subtract cheaply. */
export type Day = number;

/** How finely a date is known. `open` is the EDTF open bound `..` (before or after any date given). */
export type Precision = 'day' | 'month' | 'year' | 'open';

/** A parsed EDTF date: what was written, and the span of days it may denote. */
export interface EdtfDate {
  readonly text: string;
  readonly precision: Precision;
  /** Year, and month (1–12) and day when given. */
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** `~`: the date is approximate. */
  readonly approximate: boolean;
  /** `?`: the date is uncertain. */
  readonly uncertain: boolean;
  /** True when some digits are unspecified (`201X`, `2014-XX`). */
  readonly unspecified: boolean;
  /** First and last day the date may denote; ±Infinity for open bounds. */
  readonly earliest: Day;
  readonly latest: Day;
}

/** Outcome of parsing: the date, or a sentence saying what is wrong with it. */
export type DateResult = { ok: true; date: EdtfDate } | { ok: false; error: string };

const MS_PER_DAY = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Day number of a calendar date (month 1–12, proleptic Gregorian); exact for every year, 0–99 and
 * negative ones included. Arithmetic (H. Hinnant's days_from_civil) rather than a Date object: a
 * tenth of the time, and it is called twice per relation when a dataset loads. Days past the end of
 * the month (and months past the year) roll over, as Date.setUTCFullYear does.
 */
export function dayOf(year: number, month: number, day: number): Day {
  if (month < 1 || month > 12) {
    const total = year * 12 + month - 1;
    year = Math.floor(total / 12);
    month = total - year * 12 + 1;
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` of a day number. */
export function dayToIso(day: Day): string {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const ys = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  return `${ys}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Day number of a `YYYY-MM-DD` string, or null when it is not a real calendar day. */
export function isoToDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayOf(y, mo, d);
}

/** Calendar parts of a day number. */
export function partsOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DATE_RE = /^(-?)([\dX]{4})(?:-([\dX]{2}))?(?:-([\dX]{2}))?([~?%]?)$/;

/** Parses an EDTF level 0/1 date (`2014`, `2014-11`, `2014-11-02`, `201X`, `2014-11~`, `2014?`, `..`). */
export function parseEdtf(text: string): DateResult {
  if (text === '..') {
    return {
      ok: true,
      date: {
        text,
        precision: 'open',
        approximate: false,
        uncertain: false,
        unspecified: false,
        earliest: -Infinity,
        latest: Infinity,
      },
    };
  }
  const m = DATE_RE.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `"${text}" is not an EDTF date: write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate), ? (uncertain) or % (both).`,
    };
  }
  const [, neg, yText = '', moText, dText, q = ''] = m;
  const unspecified = /X/.test(yText + (moText ?? '') + (dText ?? ''));
  // Unspecified digits must run to the end: 201X-11 or 2014-X1 make no sense.
  const digits = yText + (moText ?? '') + (dText ?? '');
  if (unspecified && /X\d/.test(digits)) {
    return {
      ok: false,
      error: `"${text}": unspecified digits (X) may only stand at the end of the date.`,
    };
  }
  const sign = neg ? -1 : 1;
  const yLo = sign * Number(yText.replace(/X/g, '0'));
  const yHi = sign * Number(yText.replace(/X/g, '9'));
  const [yMin, yMax] = yLo <= yHi ? [yLo, yHi] : [yHi, yLo];
  let moMin = 1;
  let moMax = 12;
  if (moText !== undefined) {
    if (moText.includes('X')) {
      if (moText !== 'XX') return { ok: false, error: `"${text}": the month must be 01–12 or XX.` };
    } else {
      const mo = Number(moText);
      if (mo < 1 || mo > 12)
        return { ok: false, error: `"${text}": month ${moText} does not exist (01–12).` };
      moMin = moMax = mo;
    }
  }
  let dMin = 1;
  let dMax = daysInMonth(yMax, moMax);
  if (dText !== undefined) {
    if (dText.includes('X')) {
      if (dText !== 'XX') return { ok: false, error: `"${text}": the day must be 01–31 or XX.` };
    } else {
      const d = Number(dText);
      if (moText === undefined || moText.includes('X')) {
        if (d < 1 || d > 31) return { ok: false, error: `"${text}": day ${dText} does not exist.` };
      } else if (d < 1 || d > daysInMonth(yMax, moMax) || d > daysInMonth(yMin, moMin)) {
        return { ok: false, error: `"${text}": ${MONTHS[moMin - 1]} has no day ${dText}.` };
      }
      dMin = dMax = d;
    }
  }
  const precision: Precision =
    dText !== undefined ? 'day' : moText !== undefined ? 'month' : 'year';
  const date: EdtfDate = {
    text,
    precision,
    ...(unspecified ? {} : { year: yMin }),
    ...(moText !== undefined && !moText.includes('X') ? { month: moMin } : {}),
    ...(dText !== undefined && !dText.includes('X') ? { day: dMin } : {}),
    approximate: q === '~' || q === '%',
    uncertain: q === '?' || q === '%',
    unspecified,
    earliest: dayOf(yMin, moMin, dMin),
    latest: dayOf(yMax, moMax, dMax),
  };
  return { ok: true, date };
}

/** Parses a date that is known to be valid (validated datasets); throws otherwise. */
export function edtf(text: string): EdtfDate {
  const r = parseEdtf(text);
  if (!r.ok) throw new Error(r.error);
  return r.date;
}

/** The date as people write it: "2 November 2014", "November 2014", "about September 2014", "2017 (uncertain)". */
export function formatEdtf(date: EdtfDate): string {
  if (date.precision === 'open') return 'date unknown';
  let core: string;
  if (date.unspecified) {
    core = `between ${dayToIso(date.earliest)} and ${dayToIso(date.latest)}`;
  } else if (date.precision === 'day') {
    core = `${date.day} ${MONTHS[(date.month ?? 1) - 1]} ${date.year}`;
  } else if (date.precision === 'month') {
    core = `${MONTHS[(date.month ?? 1) - 1]} ${date.year}`;
  } else {
    core = String(date.year);
  }
  if (date.approximate) core = `about ${core}`;
  if (date.uncertain) core = `${core} (uncertain)`;
  return core;
}

/** A day as people write it: "2 November 2014". */
export function formatDay(day: Day): string {
  const p = partsOf(day);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** Name of a month (1–12). */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/** The first day of the month that contains `day`. */
export function startOfMonth(day: Day): Day {
  const p = partsOf(day);
  return dayOf(p.year, p.month, 1);
}

/** The same day of the month `n` months later (clamped to the month's length). */
export function addMonths(day: Day, n: number): Day {
  const p = partsOf(day);
  const total = p.year * 12 + (p.month - 1) + n;
  const y = Math.floor(total / 12);
  // Not `total % 12`: for years before 1 BCE (negative totals) it is negative, and the month rolled
  // backwards, so a loop stepping month by month through year 0 never ended (issue 18, row 1).
  const mo = total - y * 12 + 1;
  return dayOf(y, mo, Math.min(p.day, daysInMonth(y, mo)));
}

/** How a dataset's time reads: calendar dates, or numbered steps (GEXF integer time: day n is step n). */
export type TimeScale = 'calendar' | 'steps';

/** The time scale of a dataset (calendar unless it says `steps`); null (no dataset) is the calendar. */
export function timeScaleOf(
  dataset: { readonly timeScale?: TimeScale } | null | undefined,
): TimeScale {
  return dataset?.timeScale === 'steps' ? 'steps' : 'calendar';
}

/** The EDTF date that stores step `n` on a `steps` time scale: day n counted from 1970-01-01 (step 0). */
export function stepToEdtf(n: number): string {
  return dayToIso(n);
}

/**
 * A day as every view writes it: "2 November 2014" on the calendar, "step 8" on a `steps` scale. The
 * one formatting function the time bar, histogram, ties panel and exports share.
 */
export function formatTime(day: Day, scale: TimeScale = 'calendar'): string {
  return scale === 'steps' ? `step ${day}` : formatDay(day);
}

/** A parsed date as written on its scale: `formatEdtf` on the calendar, "step 8" or "steps 8–12" on steps. */
export function formatDateIn(date: EdtfDate, scale: TimeScale = 'calendar'): string {
  if (scale !== 'steps') return formatEdtf(date);
  if (date.precision === 'open') return 'step unknown';
  return date.earliest === date.latest
    ? `step ${date.earliest}`
    : `steps ${date.earliest}–${date.latest}`;
}
