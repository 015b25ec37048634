// Small statistics and timing helpers shared by the benchmark parts (medians, percentiles, rounding).

/** The q-quantile (0–1) of a sample, by nearest rank; NaN for an empty sample. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The median of a sample. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The mean of a sample. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** Rounds to `digits` significant decimals for the JSON and the tables (keeps small figures readable). */
export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const mag = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  const f = 10 ** Math.min(mag, 6);
  return Math.round(x * f) / f;
}

/** p50 / p95 / p99 / max / n of a sample, rounded. */
export function summary(values: readonly number[]): {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
} {
  return {
    p50: round(quantile(values, 0.5)),
    p95: round(quantile(values, 0.95)),
    p99: round(quantile(values, 0.99)),
    max: round(Math.max(...values)),
    n: values.length,
  };
}

/** Times `fn` once in milliseconds. */
export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
