// Collecting warnings (one line per kind of quirk, with a count) and reporting progress in ~1% steps.
import type { ImportWarning, ProgressFn, WarningCode } from './types';

interface Tally {
  count: number;
  readonly paths: string[];
  readonly message: (count: number, where: string) => string;
}

/** How many locations a counted warning lists before it says "and N more". */
const SHOWN_PATHS = 5;

/**
 * The warnings of one import. Repeated quirks (a duplicate row, a self-loop) are tallied into one warning
 * with a count and the first few locations, so a file with 40,000 of them still reads as one sentence.
 */
export class WarningLog {
  private readonly entries: (ImportWarning | Tally)[] = [];
  private readonly tallies = new Map<WarningCode, Tally>();
  private readonly codes = new Map<Tally, WarningCode>();

  /** Adds a one-off warning. */
  add(warning: ImportWarning): void {
    this.entries.push(warning);
  }

  /** Counts one more occurrence of a quirk at `path`; `message` words the final warning. */
  tally(code: WarningCode, path: string, message: (count: number, where: string) => string): void {
    let t = this.tallies.get(code);
    if (!t) {
      t = { count: 0, paths: [], message };
      this.tallies.set(code, t);
      this.codes.set(t, code);
      this.entries.push(t);
    }
    t.count++;
    if (t.paths.length < SHOWN_PATHS && !t.paths.includes(path)) t.paths.push(path);
  }

  /** Number of occurrences tallied so far for a code. */
  countOf(code: WarningCode): number {
    return this.tallies.get(code)?.count ?? 0;
  }

  /** The warnings, in the order they were first met. */
  result(): ImportWarning[] {
    return this.entries.map((e) => {
      if ('code' in e) return e;
      const more = e.count - e.paths.length;
      const where = e.paths.join(', ') + (more > 0 && e.paths.length === SHOWN_PATHS ? ', …' : '');
      return {
        code: this.codes.get(e) as WarningCode,
        count: e.count,
        path: e.paths[0] ?? '',
        message: e.message(e.count, where),
      };
    });
  }
}

/** "1 row" / "3 rows": counts in warnings read as sentences. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The warning for values with spaces around them (ids, names, cells), shared by all formats. */
export const trimMessage = (n: number, at: string): string =>
  `${plural(n, 'value')} had spaces around ${agree(n, 'it', 'them')}; trimmed (${at}).`;

/** The word that agrees with a count: `agree(n, 'was', 'were')`. */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * Turns fractions of the work into `(done, total)` calls in bytes, at most about once per percent, so a
 * worker posts enough messages for a smooth bar (≥ every 5%) without flooding the main thread.
 */
export class Progress {
  private last = -1;
  constructor(
    private readonly total: number,
    private readonly fn?: ProgressFn,
  ) {}

  /** Reports that `fraction` (0–1) of the work is done. */
  at(fraction: number): void {
    if (!this.fn) return;
    const f = Math.min(1, Math.max(0, fraction));
    if (f < 1 && f - this.last < 0.01) return;
    if (f === this.last) return;
    this.last = f;
    this.fn(Math.round(f * this.total), this.total);
  }

  /** A reporter for the sub-range [from, to] of the work, for one phase of an import. */
  phase(from: number, to: number): (fraction: number) => void {
    return (fraction) => this.at(from + (to - from) * fraction);
  }
}
