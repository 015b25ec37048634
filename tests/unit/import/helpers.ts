// Shared helpers of the import tests: fixture bytes, typed narrowing of results, warnings by code.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ImportResult, ImportWarning, WarningCode } from '../../../src/io/import';
import { validateDataset } from '../../../src/io/validate';

/** Bytes of a file in tests/fixtures/. */
export function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
}

/** UTF-8 bytes of a string (hand-written test files). */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The successful result, failing the test with the issues otherwise. */
export function ok(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) expect.fail(`import failed: ${JSON.stringify(r.issues)}`);
  expect(validateDataset(r.dataset).ok).toBe(true);
  return r;
}

/** The failed result, failing the test if the import succeeded. */
export function failed(r: ImportResult): Extract<ImportResult, { ok: false }> {
  if (r.ok) expect.fail(`import should have failed; warnings: ${JSON.stringify(r.warnings)}`);
  return r;
}

/** The one warning with this code (fails when there is none). */
export function warning(
  r: { warnings: readonly ImportWarning[] },
  code: WarningCode,
): ImportWarning {
  const w = r.warnings.find((x) => x.code === code);
  if (!w) expect.fail(`no "${code}" warning in ${JSON.stringify(r.warnings.map((x) => x.code))}`);
  return w;
}

/** `{ code: count }` of all warnings, to assert the whole set at once. */
export function warningCounts(r: { warnings: readonly ImportWarning[] }): Record<string, number> {
  return Object.fromEntries(r.warnings.map((w) => [w.code, w.count]));
}
