// Types of label-tables.mjs for the browser tests that import it.
export interface Table {
  readonly csv: string;
  readonly names: readonly string[];
}
export function groupNames(count: number, seed?: number): string[];
export function mmpTable(): Table & { readonly linked: number };
export function yearlyTable(): Table;
export function bigTable(): Table;
