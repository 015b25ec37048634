// The peer a user would pick instead of Tieline's renderer: sigma.js 3 (WebGL) over a graphology graph, visibility by reducers.
//
// The graph holds every actor at Tieline's position and one edge per line (actor pair and colour), as
// Tieline draws; a date hides the lines with no tie active at t through sigma's edge reducer (and dims
// actors without one through the node reducer), then `refresh()`: the way sigma's docs filter a graph.
import Graph from 'graphology';
import Sigma from 'sigma';
import { lineOf, loadView, onKey } from './peer-view';

const v = await loadView();
const host = document.getElementById('g') as HTMLDivElement;
host.style.width = `${v.width}px`;
host.style.height = `${v.height}px`;
const n = v.xy.length / 2;
const line = lineOf(v);
const lines = Math.max(0, ...line) + 1;
const graph = new Graph({ type: 'undirected', multi: true });
for (let a = 0; a < n; a++) {
  // sigma's y axis points up; Tieline's (the screen's) down.
  graph.addNode(String(a), {
    x: v.xy[2 * a]!,
    y: -v.xy[2 * a + 1]!,
    size: v.sizes[a]! / 4,
    color: '#d8d2c4',
  });
}
const seen = new Uint8Array(lines);
for (let i = 0; i < line.length; i++) {
  const l = line[i]!;
  if (seen[l]) continue;
  seen[l] = 1;
  graph.addEdgeWithKey(String(l), String(v.source[i]), String(v.target[i]), {
    color: v.colors[v.color[i]!],
    size: 1.5,
  });
}
const lo = Float64Array.from(v.lo);
const hi = Float64Array.from(v.hi);
const active = new Uint8Array(lines);
const tied = new Uint8Array(n);
let t = v.time;

function compute(): void {
  active.fill(0);
  tied.fill(0);
  for (let i = 0; i < lo.length; i++) {
    if (!(lo[i]! <= t && t < hi[i]!)) continue;
    active[line[i]!] = 1;
    tied[v.source[i]!] = 1;
    tied[v.target[i]!] = 1;
  }
}
compute();
const sigma = new Sigma(graph, host, {
  edgeReducer: (key, attrs) => (active[Number(key)] ? attrs : { ...attrs, hidden: true }),
  nodeReducer: (key, attrs) => (tied[Number(key)] ? attrs : { ...attrs, color: '#eeebe4' }),
  renderLabels: false,
});
window.addEventListener('keydown', (e) => {
  t = onKey(v, t, e.key);
  window.__peer!.t = t;
  compute();
  sigma.refresh();
});
window.__peer = { ready: false, t };
host.focus();
requestAnimationFrame(() => (window.__peer!.ready = true));
