// The sizes Tieline promises to handle, checked when a dataset arrives (docs/import.md "Limits"):
// beyond them a load is refused with a located message instead of freezing the page for minutes.
import type { Dataset } from '../model';
import type { Issue } from './validate';

/** Actors drawn as nodes: past this the graph's first layout and draw freeze the page. */
export const MAX_ACTORS = 20_000;
/** Relations (ties): the temporal index and the tie layer are measured up to this (docs/benchmarks.md). */
export const MAX_RELATIONS = 250_000;
/** Relation types: each is a legend entry, a filter and a colour; past this none of them can be told apart. */
export const MAX_TYPES = 2_000;
/** Characters in one text field (a name, a title, a label, a note). Views show the first 300. */
export const MAX_TEXT = 100_000;

const n = (v: number): string => v.toLocaleString('en-US');

/** Every text field longer than MAX_TEXT, located (at most `limit` of them). */
function longTexts(value: unknown, path: string, out: Issue[], limit: number): void {
  if (out.length >= limit) return;
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT) {
      out.push({
        path,
        message: `is ${n(value.length)} characters long; Tieline keeps text fields up to ${n(MAX_TEXT)} characters. Shorten it (keep the full text in the source document).`,
      });
    }
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && out.length < limit; i++) {
      longTexts(value[i], `${path}[${i}]`, out, limit);
    }
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (out.length >= limit) return;
      longTexts(v, `${path}.${k}`, out, limit);
    }
  }
}

/** What in `dataset` is past Tieline's limits, as located issues (empty: within them). */
export function checkLimits(dataset: Dataset): Issue[] {
  const issues: Issue[] = [];
  const count = (path: string, have: number, max: number, what: string): void => {
    if (have > max) {
      issues.push({
        path,
        message: `has ${n(have)} ${what}; Tieline draws at most ${n(max)}. Filter the data (by date, region or type) and load a part.`,
      });
    }
  };
  count('$.actors', dataset.actors.length, MAX_ACTORS, 'actors');
  count('$.relations', dataset.relations.length, MAX_RELATIONS, 'relations');
  count('$.relationTypes', dataset.relationTypes.length, MAX_TYPES, 'relation types');
  if (issues.length === 0) longTexts(dataset, '$', issues, 20);
  return issues;
}
