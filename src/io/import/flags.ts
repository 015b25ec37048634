// Signs that a CSV mapping reads the table wrong; pure and tiny, so the dialog can recheck as the user edits.
import type { CsvMapping } from './types';

/** The column figures the checks need (a subset of `CsvColumn`). */
export interface ColumnFigures {
  readonly index: number;
  readonly name: string;
  readonly filled: number;
  readonly distinct: number;
}

function col(
  ref: number | string | undefined,
  columns: readonly ColumnFigures[],
): ColumnFigures | undefined {
  if (ref === undefined) return undefined;
  return typeof ref === 'number' ? columns[ref] : columns.find((c) => c.name === ref);
}

/**
 * What looks wrong with a mapping over `rows` inspected rows: as many actors as rows, one relation per
 * type, relation ids that repeat, the same column at both ends. Each is a sentence for the dialog.
 */
export function lookWrong(
  mapping: Partial<CsvMapping>,
  columns: readonly ColumnFigures[],
  rows: number,
): string[] {
  const flags: string[] = [];
  const s = col(mapping.source, columns);
  const t = col(mapping.target, columns);
  if (s && t && s.index === t.index) flags.push('source and target are the same column.');
  if (s && t && rows >= 20 && !mapping.actorSeparator) {
    const actors = Math.max(s.distinct, t.distinct);
    if (actors >= 0.8 * rows) {
      flags.push(
        `about as many actors as rows (${actors} in ${rows} rows): ${s.name} / ${t.name} may not name actors.`,
      );
    }
  }
  const ty = col(mapping.type, columns);
  if (ty && ty.filled >= 10 && ty.distinct >= 0.9 * ty.filled) {
    flags.push(
      `about one relation per type (${ty.distinct} types in ${ty.filled} rows): ${ty.name} may not be a type.`,
    );
  }
  const id = col(mapping.id, columns);
  if (id && id.distinct < id.filled) {
    flags.push(
      `${id.name} is not unique per row (${id.distinct} values in ${id.filled} rows); repeated ids will be renamed.`,
    );
  }
  return flags;
}
