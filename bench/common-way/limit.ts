// The limit: the least a browser must do to draw Tieline's picture at a date — one 2D canvas, one path per colour for the ties, circles for the actors.
//
// Same positions, viewport, ties and key bindings as Tieline's page (the benchmark copies them). The
// ties active at t are found by a scan of the spans (lo ≤ t < hi; 60,000 in well under a millisecond),
// each line (actor pair and colour) drawn once as Tieline does; actors without a tie drawn dimmed.
import { lineOf, loadView, onKey } from './peer-view';

const v = await loadView();
const canvas = document.getElementById('c') as HTMLCanvasElement;
const ratio = window.devicePixelRatio || 1;
canvas.width = Math.round(v.width * ratio);
canvas.height = Math.round(v.height * ratio);
canvas.style.width = `${v.width}px`;
canvas.style.height = `${v.height}px`;
const ctx = canvas.getContext('2d')!;
const n = v.xy.length / 2;
const line = lineOf(v);
const stamp = new Int32Array(line.length);
const lo = Float64Array.from(v.lo);
const hi = Float64Array.from(v.hi);
const tied = new Uint8Array(n);
let t = v.time;
let frame = 0;
let pending = false;

function draw(): void {
  frame++;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio * v.zoom, 0, 0, ratio * v.zoom, ratio * v.pan.x, ratio * v.pan.y);
  tied.fill(0);
  ctx.lineWidth = 2.5;
  for (let c = 0; c < v.colors.length; c++) {
    ctx.strokeStyle = v.colors[c]!;
    ctx.beginPath();
    for (let i = 0; i < lo.length; i++) {
      if (v.color[i] !== c || !(lo[i]! <= t && t < hi[i]!) || stamp[line[i]!] === frame) continue;
      stamp[line[i]!] = frame;
      const s = v.source[i]!;
      const d = v.target[i]!;
      tied[s] = 1;
      tied[d] = 1;
      ctx.moveTo(v.xy[2 * s]!, v.xy[2 * s + 1]!);
      ctx.lineTo(v.xy[2 * d]!, v.xy[2 * d + 1]!);
    }
    ctx.stroke();
  }
  ctx.fillStyle = '#f4f1ea';
  ctx.strokeStyle = '#3b3b3b';
  ctx.lineWidth = 1.5;
  for (const on of [0, 1]) {
    ctx.globalAlpha = on ? 1 : 0.35;
    ctx.beginPath();
    for (let a = 0; a < n; a++) {
      if (tied[a] !== on) continue;
      const x = v.xy[2 * a]!;
      const y = v.xy[2 * a + 1]!;
      const r = v.sizes[a]! / 2;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

window.addEventListener('keydown', (e) => {
  t = onKey(v, t, e.key);
  window.__peer!.t = t;
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    draw();
  });
});
window.__peer = { ready: false, t };
draw();
canvas.focus();
requestAnimationFrame(() => (window.__peer!.ready = true));
