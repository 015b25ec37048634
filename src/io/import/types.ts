// Shared types of the import layer: formats, options, issues with a code, progress, and the result.
import type { Dataset } from '../../model';
import type { Issue } from '../validate';

/** The file formats Tieline can import; `null` in a failed result means the format was not recognised. */
export type ImportFormat = 'tieline' | 'csv' | 'gexf' | 'cytoscape';

/** The largest file Tieline will read (50 MB): bigger files would freeze or exhaust a browser tab. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What kind of quirk a warning reports, so the UI can group them and tests can count them. */
export type WarningCode =
  | 'bom'
  | 'crlf'
  | 'mojibake'
  | 'not-utf8'
  | 'trimmed'
  | 'duplicate-row'
  | 'duplicate-id'
  | 'self-loop'
  | 'numeric-ids'
  | 'unknown-actor'
  | 'missing-start'
  | 'missing-end'
  | 'untimed'
  | 'ambiguous-dates'
  | 'two-digit-year'
  | 'numeric-time'
  | 'unreadable-date'
  | 'end-before-start'
  | 'skipped-row'
  | 'merged-yearly'
  | 'node-time'
  | 'timed-attribute'
  | 'mixed-direction'
  | 'timezone'
  | 'xml-entities'
  | 'reserved-attribute'
  | 'nested-nodes';

/** A warning: an Issue (where + what) with a code and how many times it occurred. */
export interface ImportWarning extends Issue {
  readonly code: WarningCode;
  /** How many rows, elements or values the warning covers (1 for one-off notes). */
  readonly count: number;
}

/** Called as the work advances; `done` and `total` are in bytes of the input file. */
export type ProgressFn = (done: number, total: number) => void;

/** Attribute values the schema allows on actors and relations. */
export type AttributeValue = string | number | boolean | null;

/** A record of attributes kept from the user's file. */
export type Attributes = Record<string, AttributeValue>;

/** Day/month order for dates written like 03/04/2014. */
export type DateOrder = 'mdy' | 'dmy';

/** Columns of a CSV edge list, by 0-based index or header name; see `inspectCsv` for the suggestion. */
export interface CsvMapping {
  readonly source: number | string;
  readonly target: number | string;
  readonly type?: number | string;
  readonly start?: number | string;
  readonly end?: number | string;
  readonly id?: number | string;
  readonly summary?: number | string;
  readonly place?: number | string;
  readonly count?: number | string;
  /** Whether the first row holds column names. */
  readonly hasHeader?: boolean;
  /** Field delimiter: ',', '\t', ';', '|' or ' ' (runs of spaces). */
  readonly delimiter?: string;
  /** How to read dates like 03/04/2014 when the file does not settle it. */
  readonly dateOrder?: DateOrder;
  /** Whether relations are directed (default true). */
  readonly directed?: boolean;
  /** Merge rows that repeat a relation once per consecutive year into one interval. */
  readonly mergeYearly?: boolean;
}

/** A second CSV file of actors (id, name, kind, description, other columns kept as attributes). */
export interface ActorsFile {
  readonly name: string;
  readonly buffer: ArrayBuffer | Uint8Array;
}

/** GEXF options: which edge attribute gives the relation type (a key from `inspectGexf`). */
export interface GexfOptions {
  /** `'label'`, `'kind'` or `'attr:<id>'`; null for one type "Tie". Default: the suggestion. */
  readonly typeAttribute?: string | null;
  /**
   * Attribute giving each relation's date or start when elements carry no time: `'edge:<id>'`, or
   * `'node:<id>'` (a relation starts when both its actors have); null for none. Default: the suggestion.
   */
  readonly startAttribute?: string | null;
  /** Attribute giving the end, as `startAttribute`. */
  readonly endAttribute?: string | null;
  /** How to read dates like 03/04/2014 in those attributes when the values do not settle it. */
  readonly dateOrder?: DateOrder;
}

/** Cytoscape JSON options: the node data field that names actors, the edge data fields that give type and time. */
export interface CytoscapeOptions {
  /** Node data field for the actors' names (default: the most name-like); null for the ids. */
  readonly labelAttribute?: string | null;
  /** Edge data field for the relation type (default `interaction` when present); null for "Tie". */
  readonly typeAttribute?: string | null;
  /** Edge data field holding the date (or start date). */
  readonly startAttribute?: string | null;
  /** Edge data field holding the end date. */
  readonly endAttribute?: string | null;
  /** Edge data field holding a number for the tie's weight (width). */
  readonly weightAttribute?: string | null;
  readonly dateOrder?: DateOrder;
}

/** Everything the user may choose for an import; every field is optional. */
export interface ImportOptions {
  /** Force a format instead of detecting it from the extension and content. */
  readonly format?: ImportFormat;
  readonly csv?: Partial<CsvMapping>;
  readonly actors?: ActorsFile;
  readonly gexf?: GexfOptions;
  readonly cytoscape?: CytoscapeOptions;
}

/** Counts shown after a successful import. `first`/`last` are YYYY-MM-DD, null when nothing is dated. */
export interface ImportStats {
  readonly actors: number;
  readonly relations: number;
  readonly first: string | null;
  readonly last: string | null;
}

/** The outcome of an import: a valid dataset with warnings, or the issues that stopped it. */
export type ImportResult =
  | {
      readonly ok: true;
      readonly format: ImportFormat;
      readonly dataset: Dataset;
      readonly warnings: readonly ImportWarning[];
      readonly stats: ImportStats;
    }
  | { readonly ok: false; readonly format: ImportFormat | null; readonly issues: readonly Issue[] };

/** The issue for a file over the size limit (the client uses it to refuse before reading the file). */
export function tooLarge(name: string, size: number): Issue {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    path: name,
    message: `${name} is ${mb(size)}; Tieline imports files up to ${mb(MAX_IMPORT_BYTES)}. Split it or filter it (for example by date) and import the parts.`,
  };
}

/** A failed result with one issue; importers return these for breakage they can name. */
export function failure(format: ImportFormat | null, path: string, message: string): ImportResult {
  return { ok: false, format, issues: [{ path, message }] };
}
