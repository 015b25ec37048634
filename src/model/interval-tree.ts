// A static, implicit interval tree over half-open day intervals [start, end): stabbing and overlap queries.
//
// The layout is Heng Li's cgranges: intervals sorted by start in flat arrays, read as an implicit binary
// tree (node i at level k has children i ± 2^(k-1)), each node augmented with the largest end in its
// subtree. Build O(n log n) (the sort); a query visits O(log n + k) nodes for k results. Flat typed
// arrays keep a million intervals in about 24 MB and make the queries allocation-free.

/** Intervals [start, end) with an integer payload each, queryable for overlaps. */
export class IntervalTree {
  private readonly st: Float64Array;
  private readonly en: Float64Array;
  private readonly mx: Float64Array;
  private readonly ids: Int32Array;
  private readonly maxLevel: number;
  /** Number of intervals. */
  readonly size: number;

  /** `starts[i]`, `ends[i]` bound interval i (end exclusive; ±Infinity allowed); its payload is i. */
  constructor(starts: ArrayLike<number>, ends: ArrayLike<number>) {
    const n = starts.length;
    this.size = n;
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (starts[a] as number) - (starts[b] as number) || a - b,
    );
    this.st = new Float64Array(n);
    this.en = new Float64Array(n);
    this.mx = new Float64Array(n);
    this.ids = new Int32Array(n);
    order.forEach((id, i) => {
      this.ids[i] = id;
      this.st[i] = starts[id] as number;
      this.en[i] = ends[id] as number;
    });
    this.maxLevel = this.build();
  }

  private build(): number {
    const n = this.size;
    const { en, mx } = this;
    if (n === 0) return -1;
    let lastI = 0;
    let last = -Infinity;
    for (let i = 0; i < n; i += 2) {
      lastI = i;
      last = mx[i] = en[i] as number;
    }
    let k = 1;
    for (; 1 << k <= n; ++k) {
      const x = 1 << (k - 1);
      const i0 = (x << 1) - 1;
      const step = x << 2;
      for (let i = i0; i < n; i += step) {
        const el = mx[i - x] as number;
        const er = i + x < n ? (mx[i + x] as number) : last;
        mx[i] = Math.max(en[i] as number, el, er);
      }
      lastI = (lastI >> k) & 1 ? lastI - x : lastI + x;
      if (lastI < n && (mx[lastI] as number) > last) last = mx[lastI] as number;
    }
    return k - 1;
  }

  /** Calls `visit(id)` for every interval that overlaps [qs, qe) (half-open). */
  overlapping(qs: number, qe: number, visit: (id: number) => void): void {
    const out = new Int32Array(this.size);
    const k = this.collect(qs, qe, out);
    for (let i = 0; i < k; i++) visit(out[i] as number);
  }

  /**
   * Writes the ids of the intervals that overlap [qs, qe) into `out` (which must hold `size` ids) and
   * returns how many; no allocation, no callback: the hot path of every jump.
   */
  collect(qs: number, qe: number, out: Int32Array): number {
    const n = this.size;
    if (n === 0) return 0;
    const { st, en, mx, ids } = this;
    // Explicit stack of (node, level, leftDone); its depth is bounded by 2 × (maxLevel + 1).
    const sx = this.sx;
    const sk = this.sk;
    const sw = this.sw;
    let found = 0;
    sx[0] = (1 << this.maxLevel) - 1;
    sk[0] = this.maxLevel;
    sw[0] = 0;
    let top = 1;
    while (top > 0) {
      top--;
      const x = sx[top] as number;
      const k = sk[top] as number;
      const w = sw[top] as number;
      if (k <= 3) {
        const i0 = (x >> k) << k;
        const i1 = Math.min(i0 + (1 << (k + 1)) - 1, n);
        for (let i = i0; i < i1 && (st[i] as number) < qe; ++i) {
          if (qs < (en[i] as number)) out[found++] = ids[i] as number;
        }
      } else if (w === 0) {
        const y = x - (1 << (k - 1));
        sx[top] = x;
        sk[top] = k;
        sw[top] = 1;
        top++;
        if (y >= n || (mx[y] as number) > qs) {
          sx[top] = y;
          sk[top] = k - 1;
          sw[top] = 0;
          top++;
        }
      } else if (x < n && (st[x] as number) < qe) {
        if (qs < (en[x] as number)) out[found++] = ids[x] as number;
        sx[top] = x + (1 << (k - 1));
        sk[top] = k - 1;
        sw[top] = 0;
        top++;
      }
    }
    return found;
  }

  private readonly sx = new Int32Array(128);
  private readonly sk = new Int32Array(128);
  private readonly sw = new Int32Array(128);
}
