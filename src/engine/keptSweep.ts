// What a kept sweep (Tape.sweepKept) keeps: the gradients of the barriers (graph nodes, leaves) and of the root,
// by tape position, packed into one store, copied from a finished sweep (KeptSweep.of) or gathered while the
// sweep runs (KeptGather).

import type { NodeColumns } from './tapeNodes';
import { zerosF64, zerosI32 } from './slab';

/** the fewest entries a kept sweep holds in a Float64Array (KeptSweep) rather than a plain array */
const KEPT_TYPED_MIN = 1024;

/**
 * a kept sweep's `at`, zeroed: past KEPT_TYPED_MIN positions an Int32Array, as `flat` is a Float64Array past as
 * many entries — a loss sweep at T = 5,000 made a plain array of 80,000 (a new large object: fresh pages, 4 bytes a
 * position more, and every mark of the old generation walked it)
 */
function positions(range: number): number[] | Int32Array {
  return range >= KEPT_TYPED_MIN ? zerosI32(range) : new Array<number>(range).fill(0);
}

// A kept sweep's store is a typed array or a plain one (KEPT_TYPED_MIN), and an engine that has analysed both a small
// network and a long one met both at one place: its loads and stores there became generic ones, slower on both (the
// 64-unit RNN at T = 5,000 after the examples: KeptGather.add 1.8 → 10.5 ms a run). So each kind is read and written
// by a function of its own (esbuild folds two equal branches of an if into one place, as they are written).

/** v's entries into flat from o */
function putTyped(flat: Float64Array, o: number, v: Float64Array): void {
  if (v.length >= 16) flat.set(v, o);
  else for (let j = 0; j < v.length; j++) flat[o + j] = v[j]!;
}
function putPlain(flat: number[], o: number, v: Float64Array): void {
  for (let j = 0; j < v.length; j++) flat[o + j] = v[j]!;
}
/** v's entries into a store of either kind from o */
function put(flat: number[] | Float64Array, o: number, v: Float64Array): void {
  if (flat instanceof Float64Array) putTyped(flat, o, v);
  else putPlain(flat, o, v);
}
function setPlain(at: number[], k: number, x: number): void {
  at[k] = x;
}
/** at[k] = x in positions of either kind */
function setAt(at: number[] | Int32Array, k: number, x: number): void {
  if (at instanceof Int32Array) at[k] = x;
  else setPlain(at, k, x);
}
function getPlain(at: number[], k: number): number {
  return at[k]!;
}
/** n entries of flat from o into out from `into` */
function copyTyped(flat: Float64Array, o: number, n: number, out: Float64Array, into: number): void {
  // copied whole: read early in an analysis (the loss sweep's, per quantity and step), this code is not yet optimized,
  // and a loop an entry at a time was 4% of analyze() at T = 20
  if (n >= 16) out.set(flat.subarray(o, o + n), into);
  else for (let k = 0; k < n; k++) out[into + k] = flat[o + k]!;
}
function copyPlain(flat: number[], o: number, n: number, out: Float64Array, into: number): void {
  for (let k = 0; k < n; k++) out[into + k] = flat[o + k]!;
}

/**
 * what sweepKept keeps of a sweep: the gradients of the barriers and of the root, by tape position. Plain arrays
 * (of small integers, of doubles), which live inside the heap: a typed array of more than 64 bytes has its own
 * buffer outside it, slower to make and to free, and one or two per kept sweep would be made. Past
 * KEPT_TYPED_MIN gradient entries (a loss sweep: every weight's and every step's) the entries are one
 * Float64Array: a plain array that long is made in the large-object space and filled a double at a time
 * (26,000 entries, the 64-unit RNN at T = 200: 170 against 17–73 µs; 1,024: 2.2–2.8 against 1.8 µs), and
 * the young generation's collections copied it entry by entry while the analysis ran
 */
export class KeptSweep {
  constructor(
    readonly lo: number,
    /** per position lo..root: 1 + where its gradient begins in `flat`, 0 where none was reached */
    private at: number[] | Int32Array,
    private flat: number[] | Float64Array,
  ) {}

  /** from a finished sweep's result g (lo..root), reading the barriers' and the root's entries */
  static of(nodes: NodeColumns, root: number, lo: number, g: readonly (Float64Array | undefined)[]): KeptSweep {
    const range = root - lo + 1;
    let total = 0;
    for (let k = 0; k < range; k++) {
      const v = g[k];
      if (v !== undefined && (k === range - 1 || nodes.node(lo + k).barrier)) total += v.length;
    }
    const at = positions(range);
    const flat = total >= KEPT_TYPED_MIN ? zerosF64(total) : new Array<number>(total).fill(0);
    let o = 0;
    for (let k = 0; k < range; k++) {
      const v = g[k];
      if (v !== undefined && (k === range - 1 || nodes.node(lo + k).barrier)) {
        setAt(at, k, o + 1);
        put(flat, o, v);
        o += v.length;
      }
    }
    return new KeptSweep(lo, at, flat);
  }

  /** from positions (`at`, as the constructor's) and their entries, stored as KEPT_TYPED_MIN says (the scalar sweep's) */
  static ofEntries(lo: number, at: number[], entries: number[]): KeptSweep {
    return new KeptSweep(lo, at, entries.length >= KEPT_TYPED_MIN ? Float64Array.from(entries) : entries);
  }

  /** whether the sweep reached tape position id (a barrier or the root, at or above lo) */
  has(id: number): boolean {
    return this.where(id) >= 0;
  }

  /** where the gradient at tape position id begins in `flat`, −1 where none was reached */
  private where(id: number): number {
    const k = id - this.lo;
    const at = this.at;
    if (k < 0 || k >= at.length) return -1;
    return (at instanceof Int32Array ? at[k]! : getPlain(at, k)) - 1;
  }

  /** the gradient at tape position id, n entries, copied into out from `into` (false: none reached, out untouched) */
  copy(id: number, n: number, out: Float64Array, into: number): boolean {
    const o = this.where(id);
    if (o < 0) return false;
    const flat = this.flat;
    if (flat instanceof Float64Array) copyTyped(flat, o, n, out, into);
    else copyPlain(flat, o, n, out, into);
    return true;
  }

  /** the gradient at tape position id, n entries, as an array of its own; undefined where none was reached */
  view(id: number, n: number): Float64Array | undefined {
    if (!this.has(id)) return undefined;
    const out = zerosF64(n);
    this.copy(id, n, out, 0);
    return out;
  }

  /** tape positions the kept gradients cover */
  get range(): number {
    return this.at.length;
  }
}

/**
 * A kept sweep's store filled while the sweep runs: a barrier's gradient is complete once its node is visited
 * (only later nodes add into it), so the sweep copies it here then and lends its accumulator again at once.
 * Issue 11: the loss sweep of the 64-unit RNN at T = 5,000 held an accumulator per graph node and leaf (25,000,
 * most of them one-entry arrays of three heap objects each) to its end, copied by every young-generation
 * collection in between. The store is laid out in visiting order (latest position first); `at` finds each.
 */
export class KeptGather {
  private at: number[] | Int32Array;
  private flat: number[] | Float64Array;
  private used = 0;

  constructor(
    nodes: NodeColumns,
    root: number,
    private lo: number,
  ) {
    const range = root - lo + 1;
    // room for every barrier in range and the root: what a sweep that reaches them all keeps
    let room = nodes.node(root).len;
    for (let k = lo; k < root; k++) {
      const n = nodes.node(k);
      if (n.barrier) room += n.len;
    }
    this.at = positions(range);
    this.flat = room >= KEPT_TYPED_MIN ? zerosF64(room) : new Array<number>(room).fill(0);
  }

  /** the gradient v of position lo + k, complete */
  add(k: number, v: Float64Array): void {
    const o = this.used;
    put(this.flat, o, v);
    setAt(this.at, k, o + 1);
    this.used = o + v.length;
  }

  /** the kept sweep: its entries in a Float64Array from KEPT_TYPED_MIN of them on, as KeptSweep.of lays them */
  done(): KeptSweep {
    const used = this.used;
    let flat = this.flat;
    if (used < KEPT_TYPED_MIN && flat instanceof Float64Array) {
      const plain = new Array<number>(used).fill(0);
      for (let j = 0; j < used; j++) plain[j] = flat[j]!;
      flat = plain;
    } else if (used < flat.length && flat instanceof Float64Array) flat = flat.subarray(0, used);
    return new KeptSweep(this.lo, this.at, flat);
  }
}
