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
  | 'nested-nodes'
  | 'repaired-text'
  | 'merged-reports'
  | 'split-cells'
  | 'one-sided'
  | 'unused-actors'
  | 'missing-values'
  | 'ragged-rows'
  | 'merged-symmetric'
  | 'not-unique-id';

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
  /** Merge rows that repeat a relation over consecutive years (or days) into one interval. */
  readonly mergeYearly?: boolean;
  /** Column with the source's name when `source` holds ids (`group1_name` beside `group1_id`). */
  readonly sourceName?: number | string;
  /** Column with the target's name when `target` holds ids. */
  readonly targetName?: number | string;
  /** Numeric strength of the relation (fatalities, a −10…+10 rating, Goldstein, Intensity). */
  readonly weight?: number | string;
  /** Column giving each row's sign: a number's sign, or GDELT QuadClass (1–2 cooperative, 3–4 hostile). */
  readonly sign?: number | string;
  /** Column naming the document behind each row (source, publisher, URL): each value becomes a source. */
  readonly reference?: number | string;
  /** Separator inside `reference` cells that list several documents (ACLED: "; "). */
  readonly referenceSeparator?: string;
  /** Column of date precision codes (ACLED `time_precision`: 1 day, 2 within a week, 3 month). */
  readonly precision?: number | string;
  /** Column whose value is the family of each type (ACLED `event_type` over `sub_event_type`). */
  readonly family?: number | string;
  /** Separator splitting cells that list several actors ("; ", ", "); commas inside parentheses kept. */
  readonly actorSeparator?: string;
  /** Columns of actors associated with the source and the target (ACLED `assoc_actor_1`/`_2`). */
  readonly sourceAssociates?: number | string;
  readonly targetAssociates?: number | string;
  /** Tie associated actors to their side with an "Acted with" relation (off by default). */
  readonly associates?: boolean;
  /** Rows reporting the same event (same date, ends and type) become one relation with several claims. */
  readonly mergeReports?: boolean;
  /** Columns of the actors file (by index or name); unset ones are found by their names. */
  readonly actorColumns?: ActorColumns;
  /** A format recognised by its columns (MMP, UCDP, ACLED, GDELT, ICEWS): names its types. */
  readonly known?: KnownFormatId;
}

/** Which column of an actors file holds what; aliases are split on ";" or "|". */
export interface ActorColumns {
  readonly id?: number | string;
  readonly name?: number | string;
  readonly kind?: number | string;
  readonly aliases?: number | string;
}

/** Table formats Tieline recognises by their columns; see docs/import.md "Formats Tieline recognises". */
export type KnownFormatId = 'mmp' | 'ucdp' | 'acled' | 'gdelt1' | 'gdelt2' | 'icews';

/** What an importer knows about a relation type beyond its label (a known vocabulary). */
export interface TypeInfo {
  readonly label: string;
  readonly kind?: 'state' | 'event';
  readonly sign?: 'cooperative' | 'hostile' | 'neutral';
  readonly family?: string;
  readonly lasts?: 'as-dated' | 'until-superseded';
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

/** A file refused before any importer read it (too large, unreadable, of no known format). */
export type Refusal = {
  readonly ok: false;
  readonly format: null;
  readonly issues: readonly Issue[];
};

/** A refusal for one issue: what both an import and an inspection answer. */
export function refusal(issue: Issue): Refusal {
  return { ok: false, format: null, issues: [issue] };
}

/** A file that could not be read, or whose reader stopped: the message, naming the file. */
export function unreadable(name: string, message: string): Refusal {
  return refusal({ path: '', message: `could not read ${name}: ${message}` });
}

/** A failed result with one issue; importers return these for breakage they can name. */
export function failure(format: ImportFormat | null, path: string, message: string): ImportResult {
  return { ok: false, format, issues: [{ path, message }] };
}
