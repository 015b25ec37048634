// Validating a big import in slices, so the worker can report progress while it validates.
import type { Dataset } from '../../model';
import { validateDataset, type Issue, type ValidationResult } from '../validate';

/** Imports run in a worker whose result is structured-cloned, which drops freezing: do not walk to freeze. */
const NO_FREEZE = { freeze: false } as const;

/** Fewest relations validated per call: below this, one call; above, about 20 calls. */
const MIN_CHUNK = 100;

/**
 * `validateDataset` over the whole candidate, in slices of relations when there are many, so a 60,000-row
 * import can report progress while it validates. Each slice is validated with every type, actor and source,
 * so each relation meets exactly the checks it would meet in one call; the one check that spans slices
 * (relation ids unique) is repeated here over all of them.
 */
export function validateInChunks(
  candidate: { relations: readonly Record<string, unknown>[] } & Record<string, unknown>,
  report: (fraction: number) => void,
): ValidationResult {
  const all = candidate.relations;
  const CHUNK = Math.max(MIN_CHUNK, Math.ceil(all.length / 20));
  if (all.length <= CHUNK) {
    const r = validateDataset(candidate, NO_FREEZE);
    report(1);
    return r;
  }
  const parts: Dataset['relations'][] = [];
  const issues: Issue[] = [];
  let head: Dataset | null = null;
  for (let from = 0; from < all.length; from += CHUNK) {
    const r = validateDataset(
      { ...candidate, relations: all.slice(from, from + CHUNK) },
      NO_FREEZE,
    );
    if (r.ok) {
      head ??= r.dataset;
      parts.push(r.dataset.relations);
    } else {
      for (const i of r.issues) {
        const path = i.path.replace(
          /^\$\.relations\[(\d+)\]/,
          (_, n: string) => `$.relations[${Number(n) + from}]`,
        );
        if (!issues.some((x) => x.path === path && x.message === i.message))
          issues.push({ path, message: i.message });
      }
    }
    report(Math.min(1, (from + CHUNK) / all.length));
  }
  const seen = new Map<unknown, number>();
  all.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined) {
      issues.push({
        path: `$.relations[${i}].id`,
        message: `duplicate relation id "${String(r.id)}" (first used at $.relations[${first}])`,
      });
    } else seen.set(r.id, i);
  });
  if (issues.length > 0 || !head) return { ok: false, issues };
  const relations = Object.freeze(parts.flat());
  return { ok: true, dataset: Object.freeze({ ...head, relations }) };
}
