// The gradient accumulators a reverse sweep lends (tape.ts Sweeper), pooled by length for the sweeps of one
// analysis, which run one at a time.
//
// Issue 11: a dense sweep's intermediates (a matmul's output, a sum, a tanh's argument) each need an
// accumulator only from the first gradient they receive until their own backward has run. Lent by tape
// position for the whole analysis (as they were), the loss sweep of the 64-unit RNN at T = 5,000 held ~55,000
// of them alive to its end, and every young-generation collection during the sweep copied them. Given back as
// soon as their node is visited, a handful per length serves the whole sweep.
//
// Memory: the pool belongs to one analysis (its Budget, through a Memo: dropped when the next one starts), and
// keeps at most MAX_KEPT entries free; past that, what is given back is left to the GC.

/** entries the free lists keep at most (8 MB) */
const MAX_KEPT = 1 << 20;
/** lengths up to this are listed in an array, longer ones in a map */
const SHORT = 64;

export class AccumulatorPool {
  /** free accumulators by length: short lengths by index, longer ones in `long` */
  private short: Float64Array[][] = [];
  private long: Map<number, Float64Array[]> | null = null;
  private kept = 0;
  /** lent to what a sweep returned to its caller (read until the next sweep): free again when it starts */
  private held: Float64Array[] = [];

  /** a zeroed accumulator of len entries from the free ones, or undefined (the caller makes one) */
  take(len: number): Float64Array | undefined {
    const list = len <= SHORT ? this.short[len] : this.long?.get(len);
    const a = list?.pop();
    if (!a) return undefined;
    this.kept -= len;
    if (len <= 8) for (let k = 0; k < len; k++) a[k] = 0;
    else a.fill(0);
    return a;
  }

  /** an accumulator no one reads any more */
  give(a: Float64Array): void {
    const len = a.length;
    if (this.kept + len > MAX_KEPT) return;
    this.kept += len;
    let list: Float64Array[] | undefined;
    if (len <= SHORT) list = this.short[len] ??= [];
    else {
      const long = (this.long ??= new Map());
      list = long.get(len);
      if (!list) long.set(len, (list = []));
    }
    list.push(a);
  }

  /** an accumulator its caller reads until the next sweep starts */
  hold(a: Float64Array): void {
    this.held.push(a);
  }

  /** a sweep starts: what the last one's caller read is free again */
  reclaim(): void {
    const held = this.held;
    for (let k = 0; k < held.length; k++) this.give(held[k]!);
    held.length = 0;
  }
}
