// The import entry points: size limit, workbook refusal, decoding, format detection, then the format's importer.
import { errorMessage } from '../../model';
import { readDatasetText, type Issue } from '../validate';
import { statsOf } from './build';
import { importCsv, inspectCsv, type CsvFailure, type CsvInspection } from './csv';
import {
  importCytoscape,
  inspectCytoscape,
  looksLikeCytoscape,
  type CytoscapeFailure,
  type CytoscapeInspection,
} from './cyjs';
import { decodeBytes, isWorkbook } from './decode';
import { importGexf, inspectGexf, type GexfFailure, type GexfInspection } from './gexf';
import { parseJsonText } from '../json';
import { WarningLog } from './log';
import { withSuggestedVocabulary } from './vocabulary';
import {
  MAX_IMPORT_BYTES,
  failure,
  refusal,
  tooLarge,
  unreadable,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  type ProgressFn,
} from './types';

export * from './types';
export { importCsv, inspectCsv, type CsvInspection, type CsvColumn, type CsvRole } from './csv';
export { importGexf, inspectGexf, type GexfInspection, type GexfTypeCandidate } from './gexf';
export {
  importCytoscape,
  inspectCytoscape,
  type CytoscapeInspection,
  type CytoscapeField,
} from './cyjs';
export * from './vocabulary';
export { readDate, detectDates, type DateDetection, type DateContext } from './dates';

/** What `inspectBuffer` tells the import dialog about a file before it is imported. */
export type Inspection =
  | CsvInspection
  | GexfInspection
  | CytoscapeInspection
  | { readonly ok: true; readonly format: 'tieline' }
  | CsvFailure
  | GexfFailure
  | CytoscapeFailure
  | { readonly ok: false; readonly format: ImportFormat | null; readonly issues: readonly Issue[] };

const WORKBOOK_EXT = /\.(xlsx|xlsm|xlsb|xls|ods|numbers)$/i;
const UNSUPPORTED = new Map<string, string>([
  ['graphml', 'GraphML'],
  ['gml', 'GML'],
  ['net', 'Pajek .net'],
  ['paj', 'Pajek'],
  ['dot', 'Graphviz DOT'],
  ['gv', 'Graphviz DOT'],
  ['xgmml', 'XGMML'],
  ['gdf', 'GUESS GDF'],
  ['dl', 'UCINET DL'],
  ['vna', 'NetDraw VNA'],
]);

function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? (m[1] as string).toLowerCase() : '';
}

/** Refusals that need no decoding: too big, empty, a spreadsheet workbook. */
function precheck(name: string, bytes: Uint8Array): Issue | null {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(name, bytes.length);
  if (bytes.length === 0) {
    return { path: name, message: `${name} is empty: there is nothing to import.` };
  }
  if (WORKBOOK_EXT.test(name) || isWorkbook(bytes)) {
    return {
      path: name,
      message: `${name} is a spreadsheet workbook (.xlsx/.xls/.ods), which Tieline cannot read. Open it and save the sheet of relations as CSV (in Excel: File › Save As › "CSV UTF-8"), then import the .csv file.`,
    };
  }
  return null;
}

/** Decides the format from the extension and the first characters of the text. */
export function detectFormat(
  name: string,
  text: string,
): { ok: true; format: ImportFormat } | { ok: false; issue: Issue } {
  const ext = extensionOf(name);
  const unsupported = (what: string): { ok: false; issue: Issue } => ({
    ok: false,
    issue: {
      path: name,
      message: `${name} is ${what}, which Tieline does not import. Open it in Gephi or Cytoscape and export GEXF, Cytoscape JSON (.cyjs) or a CSV edge list.`,
    },
  });
  const known = UNSUPPORTED.get(ext);
  if (known) return unsupported(`a ${known} file`);
  const head = text.slice(0, 4096).trimStart();
  const c = head[0];
  if (c === '{' || c === '[') {
    if (ext === 'cyjs') return { ok: true, format: 'cytoscape' };
    if (/"format"\s*:\s*"tieline/.test(head)) return { ok: true, format: 'tieline' };
    if (c === '[' || /"elements"\s*:/.test(head)) return { ok: true, format: 'cytoscape' };
    const json = parseJsonText(text);
    if (!json.ok) return { ok: true, format: 'tieline' };
    if (looksLikeCytoscape(json.value)) return { ok: true, format: 'cytoscape' };
    const v = json.value;
    if (v && typeof v === 'object' && ('relations' in v || 'actors' in v || 'format' in v)) {
      return { ok: true, format: 'tieline' };
    }
    return {
      ok: false,
      issue: {
        path: '$',
        message: `${name} is JSON but neither a Tieline dataset ("format": "tieline/1") nor a Cytoscape network ("elements"). Export the network from Cytoscape as .cyjs, or convert it to CSV.`,
      },
    };
  }
  if (c === '<') {
    if (/<(\w+:)?gexf[\s>]/.test(head) || ext === 'gexf') return { ok: true, format: 'gexf' };
    if (/<(\w+:)?graphml[\s>]/.test(head)) return unsupported('a GraphML file');
    if (/xgmml/i.test(head)) return unsupported('an XGMML file');
    if (/<(html|!doctype html)/i.test(head)) return unsupported('a web page (HTML)');
    return unsupported('an XML file but not GEXF');
  }
  if (ext === 'gexf') return { ok: true, format: 'gexf' };
  if (ext === 'json') return { ok: true, format: 'tieline' };
  if (ext === 'cyjs') return { ok: true, format: 'cytoscape' };
  // Any other text (.csv, .tsv, .txt, .edges, no extension…) is read as a delimited edge list.
  return { ok: true, format: 'csv' };
}

function toBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

/** The size and sniffing checks, then decoding: the shared first step of importing and inspecting. */
function decodeInput(
  name: string,
  buffer: ArrayBuffer | Uint8Array,
): ReturnType<typeof decodeBytes> {
  const bytes = toBytes(buffer);
  const refused = precheck(name, bytes);
  return refused ? { ok: false, issue: refused } : decodeBytes(bytes, name);
}

/** An imported dataset with the vocabulary step's suggestion applied (what accepting the step untouched gives). */
function suggested(result: ImportResult): ImportResult {
  return result.ok ? { ...result, dataset: withSuggestedVocabulary(result.dataset) } : result;
}

/**
 * Imports a user's file from its bytes: the one function the worker (and the inline fallback) calls.
 * Never throws: any failure comes back as `{ ok: false, issues }`, with a path and a sentence on what to do.
 */
export function importBuffer(
  name: string,
  buffer: ArrayBuffer | Uint8Array,
  options: ImportOptions = {},
  onProgress?: ProgressFn,
): ImportResult {
  try {
    const decoded = decodeInput(name, buffer);
    if (!decoded.ok) return refusal(decoded.issue);
    const text = decoded.text;
    let format: ImportFormat;
    if (options.format) format = options.format;
    else {
      const f = detectFormat(name, text);
      if (!f.ok) return refusal(f.issue);
      format = f.format;
    }
    const log = new WarningLog();
    for (const w of decoded.warnings) log.add(w);
    const total = buffer.byteLength;
    const progress: ProgressFn | undefined = onProgress
      ? (done, of) => onProgress(Math.round((done / (of || 1)) * total), total)
      : undefined;
    const extra = progress ? { log, onProgress: progress } : { log };

    switch (format) {
      case 'tieline': {
        // Not frozen: the result is structured-cloned out of the worker, which drops freezing.
        const r = readDatasetText(text, { freeze: false });
        progress?.(1, 1);
        if (!r.ok) return { ok: false, format, issues: [...r.issues] };
        return {
          ok: true,
          format,
          dataset: r.dataset,
          warnings: log.result(),
          stats: statsOf(r.dataset),
        };
      }
      case 'csv': {
        let actors: { name: string; text: string } | undefined;
        if (options.actors) {
          const ab = toBytes(options.actors.buffer);
          const an = options.actors.name;
          const pre = precheck(an, ab);
          if (pre) return { ok: false, format, issues: [pre] };
          const d = decodeBytes(ab, an);
          if (!d.ok) return { ok: false, format, issues: [d.issue] };
          for (const w of d.warnings) log.add({ ...w, path: `${an}: ${w.path}` });
          actors = { name: an, text: d.text };
        }
        return suggested(
          importCsv(text, name, options.csv ?? {}, actors ? { ...extra, actors } : extra),
        );
      }
      case 'gexf':
        return suggested(importGexf(text, name, options.gexf ?? {}, extra));
      case 'cytoscape':
        return suggested(importCytoscape(text, name, options.cytoscape ?? {}, extra));
      default:
        return failure(null, name, `unknown format "${String(format)}"`);
    }
  } catch (e) {
    return unreadable(name, errorMessage(e));
  }
}

/**
 * Looks at a file before import and returns what the import dialog needs to ask: CSV columns and date
 * order, GEXF type attributes, Cytoscape type and date fields. Never throws.
 */
export function inspectBuffer(
  name: string,
  buffer: ArrayBuffer | Uint8Array,
  format?: ImportFormat,
): Inspection {
  try {
    const decoded = decodeInput(name, buffer);
    if (!decoded.ok) return refusal(decoded.issue);
    let f: ImportFormat;
    if (format) f = format;
    else {
      const d = detectFormat(name, decoded.text);
      if (!d.ok) return refusal(d.issue);
      f = d.format;
    }
    switch (f) {
      case 'csv':
        return inspectCsv(decoded.text, name);
      case 'gexf':
        return inspectGexf(decoded.text);
      case 'cytoscape':
        return inspectCytoscape(decoded.text);
      default:
        return { ok: true, format: 'tieline' };
    }
  } catch (e) {
    return unreadable(name, errorMessage(e));
  }
}
