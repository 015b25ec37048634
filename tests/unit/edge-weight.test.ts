// Weights drive line width: the pure rule in edge-look, and the graph drawing weighted ties by it.
import { describe, expect, it } from 'vitest';
import { EDGE_WIDTH, weightScale, weightWidth } from '../../src/graph/edge-look';
import { GraphAdapter } from '../../src/graph/adapter';
import { buildModel } from '../../src/model';
import { datasetOf } from '../fixtures/dataset';

describe('weightWidth', () => {
  it('grows with the square root of the weight’s share of the largest, from least to most', () => {
    expect(weightWidth(10, 10)).toBe(EDGE_WIDTH.most);
    expect(weightWidth(0, 10)).toBe(EDGE_WIDTH.least);
    // sqrt(0.25) = 0.5 → halfway between 1.2 and 7.
    expect(weightWidth(2.5, 10)).toBe(4.1);
  });
  it('reads a negative weight by its size: distrust −8 as strong as trust +8', () => {
    expect(weightWidth(-8, 10)).toBe(weightWidth(8, 10));
  });
  it('leaves unweighted ties, and datasets without weights, at the plain width', () => {
    expect(weightWidth(undefined, 10)).toBeNull();
    expect(weightWidth(3, 0)).toBeNull();
    expect(weightScale([{}, { weight: -9 }, { weight: 4 }])).toBe(9);
    expect(weightScale([{}, {}])).toBe(0);
    // Gephi writes weight="1.0" on every edge: equal weights say nothing, all are drawn plain.
    expect(weightScale([{ weight: 1 }, { weight: 1 }, {}])).toBe(0);
  });
});

describe('weighted ties on the graph', () => {
  it('draws a weighted tie as wide as its weight and an unweighted one at the plain width', () => {
    const claims = [{ source: 's', stance: 'asserts', locator: 'l' }];
    const d = datasetOf({
      format: 'tieline/1',
      title: 'w',
      relationTypes: [{ id: 't', label: 'T', directed: true, kind: 'state', sign: 'hostile' }],
      actors: ['a', 'b', 'c'].map((id) => ({ id, name: id, aliases: [], kind: 'actor' })),
      sources: [{ id: 's', title: 'S' }],
      relations: [
        { id: 'ab', type: 't', source: 'a', target: 'b', start: '2014', weight: -10, claims },
        { id: 'bc', type: 't', source: 'b', target: 'c', start: '2014', claims },
        { id: 'ca', type: 't', source: 'c', target: 'a', start: '2014', weight: 2, claims },
      ],
    });
    const adapter = new GraphAdapter(null);
    adapter.setModel(buildModel(d));
    const ab = adapter.cy.getElementById('e:ab');
    const bc = adapter.cy.getElementById('e:bc');
    expect(ab.hasClass('weighted')).toBe(true);
    expect(parseFloat(ab.style('width') as string)).toBe(EDGE_WIDTH.most);
    expect(bc.hasClass('weighted')).toBe(false);
    expect(parseFloat(bc.style('width') as string)).toBe(EDGE_WIDTH.plain);
  });
});
