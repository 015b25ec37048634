// Broken forms of the graph shapes (attribute-dated GEXF, integer-step GEXF, Cytoscape with positions):
// each gets a located error or a clear warning.
import { describe, expect, it } from 'vitest';
import { importBuffer, importCytoscape, importGexf } from '../../../src/io/import';
import { bytes, failed, fixture, ok, warningCounts } from './helpers';

const text = (name: string): string => new TextDecoder().decode(fixture(name));

describe('broken graph files', () => {
  it('a truncated attribute-dated GEXF fails with the line and column', () => {
    const t = text('attribute-dates.gexf');
    const r = failed(importBuffer('cut.gexf', bytes(t.slice(0, Math.floor(t.length * 0.7)))));
    expect(r.issues[0]?.path).toMatch(/^line \d+, column \d+$/);
  });

  it('"NA" in a date attribute is a missing date; garbage skips its edge with a located warning', () => {
    const t = text('attribute-dates.gexf')
      .replace('value="30/10/1850"', 'value="NA"')
      .replace('value="02/05/1842"', 'value="sometime"');
    const r = ok(importGexf(t, 'na.gexf'));
    expect(r.stats.relations).toBe(7);
    expect(r.dataset.relations.find((x) => x.id === 'e5')).toMatchObject({
      start: '..',
      end: '1871-10-18',
    });
    expect(warningCounts(r)).toMatchObject({ 'unreadable-date': 1, 'missing-start': 1 });
    expect(r.warnings.find((w) => w.code === 'unreadable-date')?.path).toMatch(/edge\[6\]/);
  });

  it('an integer-step GEXF with one non-integer time is read as years, not steps, and says so', () => {
    const t = text('integer-steps.gexf').replace('start="8"', 'start="8.5"');
    const r = ok(importGexf(t, 'mixed.gexf'));
    expect(r.dataset.timeScale).toBeUndefined();
    expect(r.warnings.find((w) => w.code === 'numeric-time')?.message).toContain('years');
  });

  it('a Cytoscape export with broken positions keeps the good ones and drops the rest', () => {
    const doc = JSON.parse(text('genes-positions.cyjs')) as {
      elements: { nodes: { position?: unknown }[] };
    };
    doc.elements.nodes[0]!.position = { x: 'left', y: 3 };
    doc.elements.nodes[1]!.position = null;
    delete doc.elements.nodes[2]!.position;
    const r = ok(importCytoscape(JSON.stringify(doc), 'x.cyjs'));
    expect(r.dataset.actors.slice(0, 4).map((a) => a.position ?? null)).toEqual([
      null,
      null,
      null,
      { x: 300.5, y: 0.25 },
    ]);
  });
});
