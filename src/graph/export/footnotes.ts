// A snapshot's title lines, file name and numbered source footnotes (which ties cite which sources).
import { type Model, type SourceId, formatEdtf, parseEdtf } from '../../model';

/** What a snapshot is titled with; later issues add lines (filters, as-known-on date, hash, permalink). */
export interface SnapshotMeta {
  readonly title: string;
  /** The view's date as `YYYY-MM-DD`: it names the file and appears in the image. */
  readonly isoDate: string;
  /** The same date as people write it: "2 November 2014". */
  readonly dateText: string;
  readonly lines?: readonly string[];
}

/** One numbered source in a snapshot's footnotes. */
export interface Footnote {
  readonly number: number;
  readonly sourceId: string;
  readonly text: string;
}

/** The footnotes of a view: each cited source once, and the footnote numbers of each tie (by ordinal). */
export interface Footnotes {
  readonly sources: Footnote[];
  readonly byRelation: Map<number, number[]>;
}

/** The file name the interface contract promises: `tieline-YYYY-MM-DD.png` (or `.svg`). */
export function snapshotFileName(isoDate: string, ext: 'png' | 'svg'): string {
  if (!/^-?\d{4,}-\d{2}-\d{2}$/.test(isoDate)) {
    throw new Error(`"${isoDate}" is not a YYYY-MM-DD date, so it cannot name the exported file.`);
  }
  return `tieline-${isoDate}.${ext}`;
}

/** A source as a reader cites it: title, publisher, author and publication date as written. */
function sourceText(model: Model, sourceId: string): string {
  const source = model.sourceById.get(sourceId as SourceId);
  if (!source) return sourceId;
  let date: string | undefined;
  if (source.published) {
    const parsed = parseEdtf(source.published);
    date = parsed.ok ? formatEdtf(parsed.date) : source.published;
  }
  const rest = [source.publisher, source.author, date].filter((s): s is string => !!s);
  return rest.length > 0 ? `${source.title} — ${rest.join(', ')}` : source.title;
}

/**
 * Numbered footnotes for the ties shown: the ties are taken in date order (earliest start first, then
 * dataset order), each cited source gets a number at its first citation and keeps it, so a reader can
 * go from the numbers on a tie to the list beneath the graph. Disputing sources are cited too.
 */
export function footnotesOf(model: Model, ordinals: readonly number[]): Footnotes {
  const rels = model.dataset.relations;
  const lo = model.index.lo;
  const order = [...new Set(ordinals)]
    .filter((i) => rels[i] !== undefined)
    .sort((a, b) => {
      const da = lo[a] ?? 0;
      const db = lo[b] ?? 0;
      return da < db ? -1 : da > db ? 1 : a - b;
    });
  const numberOf = new Map<string, number>();
  const sources: Footnote[] = [];
  const byRelation = new Map<number, number[]>();
  for (const i of order) {
    const nums = new Set<number>();
    for (const claim of rels[i]!.claims) {
      let n = numberOf.get(claim.source);
      if (n === undefined) {
        n = sources.length + 1;
        numberOf.set(claim.source, n);
        sources.push({ number: n, sourceId: claim.source, text: sourceText(model, claim.source) });
      }
      nums.add(n);
    }
    byRelation.set(
      i,
      [...nums].sort((a, b) => a - b),
    );
  }
  return { sources, byRelation };
}

/** Above this many ties shown, footnote numbers on the ties would only add clutter. */
const MAX_REFS = 200;

/** Whether footnote numbers are drawn on the ties (only while they stay readable). */
export function refsShown(notes: Footnotes): boolean {
  return notes.byRelation.size > 0 && notes.byRelation.size <= MAX_REFS;
}

export function refText(notes: Footnotes, ordinal: number): string {
  return (notes.byRelation.get(ordinal) ?? []).join(',');
}
