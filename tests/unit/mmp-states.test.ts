// The MMP-shaped fixture read as Tieline reads it: alliances hold until the pair's next record, one state per pair, an opening date with ties.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetText } from '../../src/io/validate';
import {
  buildModel,
  currentStateAt,
  datesOf,
  dayToIso,
  familyKey,
  isoToDay,
  openingDate,
  pairKey,
  type Dataset,
} from '../../src/model';

const text = readFileSync(new URL('../fixtures/mmp-states.json', import.meta.url), 'utf8');
const result = readDatasetText(text);
if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
const dataset: Dataset = result.dataset;
const model = buildModel(dataset);
const day = (iso: string): number => isoToDay(iso) as number;
const idOf = (i: number): string => dataset.relations[i]!.id;
const find = (type: string, a: string, b: string): number =>
  dataset.relations.findIndex(
    (r) =>
      r.type === type && ((r.source === a && r.target === b) || (r.source === b && r.target === a)),
  );

describe('the MMP-shaped fixture', () => {
  const alliance = find('alliance', 'helpers', 'state');
  const rivalry = find('rivalry', 'helpers', 'state');

  it('holds the Helpers–State alliance until their rivalry, and says the end is derived', () => {
    const at = (iso: string): string[] => model.index.activeAt(day(iso)).map(idOf);
    expect(at('2013-06-15')).toContain(idOf(alliance));
    expect(at('2013-09-30')).toContain(idOf(alliance));
    expect(at('2013-10-01')).not.toContain(idOf(alliance));
    expect(at('2013-10-01')).toContain(idOf(rivalry));
    expect(datesOf(model, alliance)).toBe(
      'from 25 November 2012, until the next record (Rivalry, October 2013)',
    );
    expect(datesOf(model, rivalry)).toBe('from October 2013, until the next record (none so far)');
  });

  it('shows one state per pair in the current-state view, on every first day of a year', () => {
    for (let y = 1990; y <= 2017; y++) {
      const shown = currentStateAt(model, day(`${y}-01-01`));
      const lines = shown.map((i) => {
        const r = dataset.relations[i]!;
        return pairKey(r, familyKey(model.typeById.get(r.type)) ?? r.type);
      });
      expect(new Set(lines).size).toBe(lines.length);
    }
    // After the merger, the Front–Brigade pair's latest word is the merger.
    const merger = find('merger', 'front', 'brigade');
    expect(currentStateAt(model, day('2016-01-01'))).toContain(merger);
  });

  it('opens on a date with many ties, not on the lone first record of 1990', () => {
    const open = openingDate(model)!;
    expect(dayToIso(open) > '1990-12-31').toBe(true);
    expect(model.index.activeAt(open).length).toBeGreaterThan(10);
  });
});
