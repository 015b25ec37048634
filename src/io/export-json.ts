// Writes a dataset as `tieline/1` JSON: pretty, keys in a fixed order, undefined dropped, stable for diffs.
import type { Dataset } from '../model';

/** Key order of each kind of object: the order of the fields in src/io/schema.ts. */
const ORDER = {
  dataset: ['format', 'title', 'description', 'relationTypes', 'actors', 'sources', 'relations'],
  relationType: ['id', 'label', 'directed', 'kind', 'color'],
  actor: ['id', 'name', 'aliases', 'kind', 'description', 'attributes'],
  source: ['id', 'title', 'publisher', 'author', 'published', 'document', 'url'],
  relation: [
    'id',
    'type',
    'source',
    'target',
    'start',
    'end',
    'place',
    'count',
    'summary',
    'claims',
    'attributes',
  ],
  claim: ['source', 'stance', 'locator', 'note'],
} as const;

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Sets an own, enumerable key (defineProperty, so a key named "__proto__" stays data, not a prototype). */
function put(out: { [key: string]: Plain }, key: string, value: Plain): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Copies a value without undefined members; objects keep their own key order (attributes are user data). */
function plain(value: unknown): Plain | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return undefined;
  if (value === null || typeof value !== 'object') return value as Plain;
  if (Array.isArray(value)) return value.map((v) => plain(v) ?? null);
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(value)) {
    const p = plain(v);
    if (p !== undefined) put(out, k, p);
  }
  return out;
}

/** The object's keys in `order` first, then any others alphabetically, without undefined values. */
function ordered(
  value: unknown,
  order: readonly string[],
  nested: Record<string, (v: unknown) => Plain>,
): Plain {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return plain(value) ?? null;
  const obj = value as Record<string, unknown>;
  const rest = Object.keys(obj)
    .filter((k) => !order.includes(k))
    .sort();
  const out: { [key: string]: Plain } = {};
  for (const k of [...order, ...rest]) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const v = obj[k];
    if (v === undefined) continue;
    const fn = nested[k];
    const p = fn ? fn(v) : plain(v);
    if (p !== undefined) put(out, k, p);
  }
  return out;
}

const list =
  (fn: (v: unknown) => Plain) =>
  (v: unknown): Plain =>
    Array.isArray(v) ? v.map(fn) : (plain(v) ?? null);

const claim = (v: unknown): Plain => ordered(v, ORDER.claim, {});
const relation = (v: unknown): Plain => ordered(v, ORDER.relation, { claims: list(claim) });

/**
 * Serialises a dataset as pretty `tieline/1` JSON with keys in a stable order, so exports diff cleanly and
 * `readDatasetText(exportDataset(d))` gives back `d`. Imported attributes are kept.
 */
export function exportDataset(d: Dataset): string {
  const out = ordered({ ...d, format: 'tieline/1' }, ORDER.dataset, {
    relationTypes: list((v) => ordered(v, ORDER.relationType, {})),
    actors: list((v) => ordered(v, ORDER.actor, {})),
    sources: list((v) => ordered(v, ORDER.source, {})),
    relations: list(relation),
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
