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
    const n = this.size;
    if (n === 0) return;
    const { st, en, mx, ids } = this;
    // Explicit stack of (node, level, leftDone); depth ≤ 2 × 32.
    const sx: number[] = [(1 << this.maxLevel) - 1];
    const sk: number[] = [this.maxLevel];
    const sw: number[] = [0];
    while (sx.length > 0) {
      const x = sx.pop() as number;
      const k = sk.pop() as number;
      const w = sw.pop() as number;
      if (k <= 3) {
        const i0 = (x >> k) << k;
        const i1 = Math.min(i0 + (1 << (k + 1)) - 1, n);
        for (let i = i0; i < i1 && (st[i] as number) < qe; ++i) {
          if (qs < (en[i] as number)) visit(ids[i] as number);
        }
      } else if (w === 0) {
        const y = x - (1 << (k - 1));
        sx.push(x);
        sk.push(k);
        sw.push(1);
        if (y >= n || (mx[y] as number) > qs) {
          sx.push(y);
          sk.push(k - 1);
          sw.push(0);
        }
      } else if (x < n && (st[x] as number) < qe) {
        if (qs < (en[x] as number)) visit(ids[x] as number);
        sx.push(x + (1 << (k - 1)));
        sk.push(k - 1);
        sw.push(0);
      }
    }
  }
}
