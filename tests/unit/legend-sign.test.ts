// The legend data carries each imported type's sign and group (family, else sign), and "Actor" for plain imported actors.
import { describe, expect, it } from 'vitest';
import { legendOf } from '../../src/graph/legend-data';
import { SIGN_FAMILIES } from '../../src/graph/palette';
import { importBuffer } from '../../src/io/import';
import { buildModel } from '../../src/model';
import { fixture, ok } from './import/helpers';

describe('legend of an imported dataset', () => {
  it('gives each type its sign, group and a colour of its sign’s family, and kinds "Actor"', () => {
    const r = ok(importBuffer('attribute-dates.gexf', fixture('attribute-dates.gexf')));
    const legend = legendOf(buildModel(r.dataset));
    const rivalry = legend.types.find((t) => t.label === 'Rivalry');
    expect(rivalry).toMatchObject({ sign: 'hostile', group: 'hostile' });
    expect(SIGN_FAMILIES.get('hostile')).toContain(rivalry?.color);
    const friendship = legend.types.find((t) => t.label === 'Friendship');
    expect(SIGN_FAMILIES.get('cooperative')).toContain(friendship?.color);
    expect(legend.kinds.map((k) => k.label)).toEqual(['Actor']);
  });
});
