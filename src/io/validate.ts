// Validation at the edge: `unknown` in, a readonly Dataset or every issue (JSON path + plain sentence) out.
import * as v from 'valibot';
import { parseEdtf, type Dataset, type EdtfDate } from '../model';
import { parseJsonText } from './json';
import { DatasetSchema } from './schema';

/** One problem found in the input: where (a JSON path or a line) and what, in a plain sentence. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** The outcome of validation: a dataset, or every issue found. */
export type ValidationResult =
  | { readonly ok: true; readonly dataset: Dataset }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Renders a valibot path as a JSON path: `$.relations[3].start`. */
function jsonPath(path: readonly { key: unknown }[] | undefined): string {
  let out = '$';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type !== 'literal' && issue.type !== 'picklist') {
    if (issue.received === 'undefined') return `is missing (expected ${issue.expected})`;
    return `should be ${issue.expected}, not ${issue.received}`;
  }
  return issue.message;
}

/** How to validate. */
export interface ValidateOptions {
  /**
   * Deep-freeze the dataset returned (default true). An import worker passes false: its result is
   * structured-cloned to the page, which drops freezing, and the walk cost 80 ms of CollegeMsg's import.
   */
  readonly freeze?: boolean;
}

/** Validates a parsed JSON value as a `tieline/1` dataset, collecting every issue. */
export function validateDataset(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = v.safeParse(DatasetSchema, input, { abortEarly: false });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.issues.map((i) => ({ path: jsonPath(i.path), message: describe(i) })),
    };
  }
  const data = parsed.output;
  const issues: Issue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };

  const unique = (items: readonly { id: string }[], what: string, base: string): Set<string> => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        add(
          `$.${base}[${i}].id`,
          `duplicate ${what} id "${item.id}" (first used at $.${base}[${first}])`,
        );
      } else seen.set(item.id, i);
    });
    return new Set(seen.keys());
  };
  // Each distinct date text is parsed once: big datasets repeat a few hundred days thousands of times.
  const dates = new Map<string, ReturnType<typeof parseEdtf>>();
  const parseDate = (text: string) => {
    let d = dates.get(text);
    if (!d) dates.set(text, (d = parseEdtf(text)));
    return d;
  };
  const typeIds = unique(data.relationTypes, 'relation type', 'relationTypes');
  const actorIds = unique(data.actors, 'actor', 'actors');
  const sourceIds = unique(data.sources, 'source', 'sources');
  const originatorIds = unique(data.originators ?? [], 'originator', 'originators');
  unique(data.relations, 'relation', 'relations');

  data.sources.forEach((s, i) => {
    if (s.published !== undefined) {
      const d = parseDate(s.published);
      if (!d.ok) add(`$.sources[${i}].published`, d.error);
    }
  });

  data.relations.forEach((r, i) => {
    const at = `$.relations[${i}]`;
    if (!typeIds.has(r.type))
      add(`${at}.type`, `unknown relation type "${r.type}": declare it in relationTypes`);
    if (!actorIds.has(r.source)) add(`${at}.source`, `unknown actor "${r.source}"`);
    if (!actorIds.has(r.target)) add(`${at}.target`, `unknown actor "${r.target}"`);
    const start = parseDate(r.start);
    if (!start.ok) add(`${at}.start`, start.error);
    let end: EdtfDate | null = null;
    if (r.end !== undefined && r.end !== null) {
      const e = parseDate(r.end);
      if (!e.ok) add(`${at}.end`, e.error);
      else end = e.date;
    }
    if (start.ok && end && end.latest < start.date.earliest) {
      add(`${at}.end`, `ends (${r.end}) before it starts (${r.start})`);
    }
    if (r.claims.length === 0)
      add(`${at}.claims`, 'a relation needs at least one claim citing a source');
    r.claims.forEach((c, j) => {
      if (!sourceIds.has(c.source)) {
        add(`${at}.claims[${j}].source`, `unknown source "${c.source}": declare it in sources`);
      }
      if (c.via !== undefined && !originatorIds.has(c.via)) {
        add(`${at}.claims[${j}].via`, `unknown originator "${c.via}": declare it in originators`);
      }
      if (c.start !== undefined || (c.end !== undefined && c.end !== null)) {
        checkClaimDates(r, c, `${at}.claims[${j}]`, parseDate, add);
      }
    });
  });

  if (issues.length > 0) return { ok: false, issues };
  const dataset = data as unknown as Dataset;
  return { ok: true, dataset: options.freeze === false ? dataset : deepFreeze(dataset) };
}

/** A claim's own dates: each a valid EDTF date, and its end (or the relation's) not before its start. */
function checkClaimDates(
  r: { start: string; end?: string | null | undefined },
  c: { start?: string | undefined; end?: string | null | undefined },
  at: string,
  parseDate: (text: string) => ReturnType<typeof parseEdtf>,
  add: (path: string, message: string) => void,
): void {
  const startText = c.start ?? r.start;
  const endText = c.end === undefined ? r.end : c.end;
  const start = parseDate(startText);
  if (c.start !== undefined && !start.ok) add(`${at}.start`, start.error);
  if (endText === undefined || endText === null) return;
  const end = parseDate(endText);
  if (c.end !== undefined && !end.ok) add(`${at}.end`, end.error);
  if (start.ok && end.ok && end.date.latest < start.date.earliest) {
    add(
      `${at}.${c.end !== undefined ? 'end' : 'start'}`,
      `ends (${endText}) before it starts (${startText})`,
    );
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Reads a `tieline/1` JSON text: syntax, then shape, then meaning. */
export function readDatasetText(text: string, options: ValidateOptions = {}): ValidationResult {
  const json = parseJsonText(text.replace(/^\uFEFF/, ''));
  return json.ok ? validateDataset(json.value, options) : json;
}
