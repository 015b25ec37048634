// Names compared as people read them: numbers by value (1, 2, 10, 100), case and accents not first.

/** One collator for every sort of names (`localeCompare` builds one per call). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Compares two names numerically-aware: "Agent 2" before "Agent 10", "1" before "10" before "100". */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
