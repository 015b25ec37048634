// The reference page's data side: Tieline's view as copied by the benchmark, and the element list at a date.
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { spanOf, statusOf, type Dataset, type RelationSpan } from '../../src/model';

/** What the benchmark copies from Tieline's page (see bench/browser.ts). */
export interface View {
  readonly time: number;
  readonly first: number;
  readonly last: number;
  readonly zoom: number;
  readonly pan: { x: number; y: number };
  readonly width: number;
  readonly height: number;
  readonly eventWindow: number;
  readonly fadeLevels: number;
  readonly style: StylesheetJson;
  /** Node data and positions, in actor order. */
  readonly nodes: { data: Record<string, unknown>; position: { x: number; y: number } }[];
  /** Edge data and the classes that do not change with time, in relation order. */
  readonly edges: { data: Record<string, unknown>; classes: string }[];
}

declare global {
  interface Window {
    /** Benchmark hook of the reference page. */
    __common?: { cy: Core; ready: boolean };
  }
}

/** Per relation: its span, status and ends, and Tieline's element for it. */
export interface Prepared {
  /** Tieline's edge of each relation (matched by element id `e:<relation id>`, else by order). */
  readonly edges: (View['edges'][number] | undefined)[];
  readonly spans: RelationSpan[];
  readonly disputed: boolean[];
  readonly src: number[];
  readonly dst: number[];
}

/** Derives, once per dataset, what the element list needs at every date. */
export function prepare(data: Dataset, view: View): Prepared {
  const kinds = new Map(data.relationTypes.map((t) => [t.id, t.kind]));
  const ordinal = new Map(data.actors.map((a, i) => [a.id as string, i]));
  const byId = new Map(view.edges.map((e) => [String(e.data.id), e]));
  return {
    edges: data.relations.map((r, i) => byId.get(`e:${r.id}`) ?? view.edges[i]),
    spans: data.relations.map((r) => spanOf(r, kinds.get(r.type) === 'event', view.eventWindow)),
    disputed: data.relations.map((r) => statusOf(r.claims) === 'disputed'),
    src: data.relations.map((r) => ordinal.get(r.source) ?? 0),
    dst: data.relations.map((r) => ordinal.get(r.target) ?? 0),
  };
}

/** The element list at day t: every actor (idle ones dimmed) and the relations in view, with Tieline's classes. */
export function elementsAt(p: Prepared, view: View, t: number): ElementDefinition[] {
  const edges: ElementDefinition[] = [];
  const active = new Uint8Array(view.nodes.length);
  p.spans.forEach((s, i) => {
    if (!(s.lo <= t && t < s.hi)) return;
    const e = p.edges[i];
    if (!e) return;
    const classes = [e.classes];
    if (t < s.certainFrom || t >= s.certainUntil) classes.push('fuzzy');
    if (s.eventDay !== null && view.eventWindow > 0 && t > s.eventDay) {
      const level = Math.ceil(((t - s.eventDay) / view.eventWindow) * view.fadeLevels);
      classes.push(`fade-${Math.min(view.fadeLevels, level)}`);
    }
    if (p.disputed[i]) classes.push('disputed');
    active[p.src[i] as number] = 1;
    active[p.dst[i] as number] = 1;
    edges.push({
      group: 'edges',
      data: e.data as ElementDefinition['data'],
      classes: classes.join(' ').trim(),
    });
  });
  const nodes: ElementDefinition[] = view.nodes.map((n, i) => ({
    group: 'nodes',
    data: n.data as ElementDefinition['data'],
    position: n.position,
    classes: active[i] ? '' : 'dim',
  }));
  return [...nodes, ...edges];
}

/** Keeps the reference page's Cytoscape instance where the benchmark finds it. */
export function onCy(cy: Core): void {
  if (!window.__common) window.__common = { cy, ready: false };
}
