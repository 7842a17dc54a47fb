// The tape's nodes, stored by column: what each operation is, reads and where its value is, in one Int32Array
// (a row per tape position), and a node (TNode) is a small handle reading it.
//
// Issue 11 (T = 5,000: 13× the time of T = 500, target 12×): a node was an object of nine fields (96 bytes)
// with a view of its value (96 more), and every one of a run's 80,000 lived until its backward pass, so each
// young-generation collection during a run copied them, and the next copied them again into the old generation
// (measured per run of the 64-unit RNN at T = 5,000: 17 MB made by the forward pass, all of it alive at its
// end). A handle is four fields (56 bytes), no view is made unless `data` is read (the tape's kernels read a
// value in place: its array, where it begins, its entries), and the columns are one array outside the heap:
// the forward pass makes 9 MB. V8 decides per allocation site whether objects start in the old generation,
// but a short tape's nodes (most dead by the first collection) decide it for every tape.

import type { Fn, Shape } from '../language/model';
import { zerosI32 } from './slab';

export type Op =
  | 'const'
  | 'leaf'
  | 'id'
  | 'fill'
  | 'add'
  | 'sub'
  | 'neg'
  | 'mul'
  | 'had'
  | 'matmul'
  | 'div'
  | 'pow'
  | 'fn'
  | 'transpose'
  | 'index'
  | 'pack'
  | 'contract';

/** the operations by code (a node's `op` column) */
export const OPS: readonly Op[] = [
  'const',
  'leaf',
  'id',
  'fill',
  'add',
  'sub',
  'neg',
  'mul',
  'had',
  'matmul',
  'div',
  'pow',
  'fn',
  'transpose',
  'index',
  'pack',
  'contract',
];
const CODE = Object.fromEntries(OPS.map((op, k) => [op, k])) as Record<Op, number>;

/**
 * what the operation reads besides a and b: pack, the scalar entries of a literal (TNode[]); fn, the function
 * (Fn); index, the flat offset picked (number); else null
 */
export type Aux = TNode[] | Fn | number | null;

// a node's entries in NodeColumns.cols, one row of ROW int32s per node (a node's fields side by side); exported
// for the scalar sweep (scalarSweep.ts), which reads them in place
/** the op's code (OPS) */
export const OP = 0;
/** the inputs' positions (-1: none) */
export const A = 1;
export const B = 2;
/** the value: LEN entries of arrays[ARRAY] from AT */
export const ARRAY = 3;
export const AT = 4;
export const LEN = 5;
const START = 6;
/** 1 for a barrier */
export const BARRIER = 7;
export const ROW = 8;
/** rows of a tape's first columns (T = 20's 64-unit RNN: 330 nodes) */
const FIRST_ROWS = 512;

/** handles per chunk of NodeColumns.handles (32 KB of pointers: a young object) */
const HANDLE_SHIFT = 12;
const HANDLE_CHUNK = 1 << HANDLE_SHIFT;

/** the columns of one tape's nodes; `node(k)` is the handle of position k, `size` the positions made */
export class NodeColumns {
  /**
   * the handles by position, `size` of them made, in chunks of HANDLE_CHUNK (`node(k)` is chunk k >> HANDLE_SHIFT).
   * Issue 11: one array of a long tape's length (80,000 at T = 5,000) is a large object, made in the old generation;
   * every young handle stored into it was a slot the young generation's collections had to visit, a cost per node
   * that a short tape's array (young itself) did not have. A chunk is young while its nodes are made.
   */
  private handles: TNode[][] = [];
  /** positions made (the next node's id) */
  size = 0;
  /** one row of ROW entries per node (read in place by TNode's getters) */
  cols = new Int32Array(0);
  /** the arrays values are in: the arena's chunks, leaves' and constants' own arrays, views made by `data` */
  arrays: Float64Array[] = [];
  private lastArray: Float64Array | null = null;

  add(op: Op, shape: Shape, store: Float64Array, at: number, len: number, a: TNode | null, b: TNode | null): TNode {
    const id = this.size;
    const r = id * ROW;
    if (r === this.cols.length) this.grow();
    if (store !== this.lastArray) {
      this.arrays.push(store);
      this.lastArray = store;
    }
    const c = this.cols;
    c[r + OP] = CODE[op];
    c[r + A] = a ? a.id : -1;
    c[r + B] = b ? b.id : -1;
    c[r + ARRAY] = this.arrays.length - 1;
    c[r + AT] = at;
    c[r + LEN] = len;
    c[r + START] = id;
    c[r + BARRIER] = 0;
    const n = new TNode(id, this, shape);
    const chunk = this.handles[id >> HANDLE_SHIFT] ?? this.newChunk(id >> HANDLE_SHIFT);
    chunk[id & (HANDLE_CHUNK - 1)] = n;
    this.size = id + 1;
    return n;
  }

  /** the node at position k (< size) */
  node(k: number): TNode {
    return this.handles[k >> HANDLE_SHIFT]![k & (HANDLE_CHUNK - 1)]!;
  }

  /**
   * chunk k of the handles: the first one empty, grown as nodes come (most tapes are a check's or a draw's, tens of
   * nodes: 32 KB each was most of what an analysis of sheet 7 allocated, and its warming analyses 1.3× slower), the
   * later ones whole
   */
  private newChunk(k: number): TNode[] {
    const chunk = k === 0 ? [] : new Array<TNode>(HANDLE_CHUNK);
    this.handles[k] = chunk;
    return chunk;
  }

  /** keeps the first len nodes (their rows and handles past them are overwritten by the next ones) */
  truncate(len: number): void {
    this.size = len;
  }

  private grow(): void {
    const c = zerosI32(Math.max(FIRST_ROWS * ROW, this.cols.length * 2));
    c.set(this.cols);
    this.cols = c;
  }

  /** room for `rows` nodes in all, made at once (a tape of known length grows its columns no more) */
  reserve(rows: number): void {
    if (rows * ROW <= this.cols.length) return;
    const c = zerosI32(rows * ROW);
    c.set(this.cols);
    this.cols = c;
  }

  setBarrier(id: number, x: boolean): void {
    this.cols[id * ROW + BARRIER] = x ? 1 : 0;
  }
  setStart(id: number, x: number): void {
    this.cols[id * ROW + START] = x;
  }

  /** the value as an array of its own: a view of its chunk, made at the first read and kept in its place */
  data(id: number): Float64Array {
    const r = id * ROW;
    const c = this.cols;
    const s = this.arrays[c[r + ARRAY]!]!;
    const at = c[r + AT]!;
    const len = c[r + LEN]!;
    if (at === 0 && s.length === len) return s;
    const v = s.subarray(at, at + len);
    this.arrays.push(v);
    this.lastArray = v;
    c[r + ARRAY] = this.arrays.length - 1;
    c[r + AT] = 0;
    return v;
  }
}

/**
 * One operation on the tape, read from its tape's columns. Its value is `len` entries of `store` from `at` (a
 * run of one of the tape's chunks, arena.ts), read in place by the tape's kernels; `data`, the value as an array
 * of its own, is made only when something else reads it.
 */
export class TNode {
  // declared, and written once in the constructor: a class field is defined as undefined before the
  // constructor runs, two stores per field for each of a run's nodes
  declare readonly id: number;
  declare private readonly c: NodeColumns;
  declare readonly shape: Shape;
  /** what the operation reads besides a and b (Aux) */
  declare aux: Aux;

  constructor(id: number, c: NodeColumns, shape: Shape) {
    this.id = id;
    this.c = c;
    this.shape = shape;
    this.aux = null;
  }

  // each getter reads the column in place (one small function for TurboFan to inline where a node is read)
  get op(): Op {
    return OPS[this.c.cols[this.id * ROW + OP]!]!;
  }
  /** the op's code, its index in OPS (the sweep's rule lookup, tape.ts BACKWARD) */
  get opCode(): number {
    return this.c.cols[this.id * ROW + OP]!;
  }
  get a(): TNode | null {
    const k = this.c.cols[this.id * ROW + A]!;
    return k < 0 ? null : this.c.node(k);
  }
  get b(): TNode | null {
    const k = this.c.cols[this.id * ROW + B]!;
    return k < 0 ? null : this.c.node(k);
  }
  /** the array the value is in, from `at` */
  get store(): Float64Array {
    const c = this.c;
    return c.arrays[c.cols[this.id * ROW + ARRAY]!]!;
  }
  get at(): number {
    return this.c.cols[this.id * ROW + AT]!;
  }
  /** the value's entries */
  get len(): number {
    return this.c.cols[this.id * ROW + LEN]!;
  }
  /** the value as an array of its own */
  get data(): Float64Array {
    return this.c.data(this.id);
  }
  /** graph nodes (one per quantity and step, and the leaves): where immediate partials stop */
  get barrier(): boolean {
    return this.c.cols[this.id * ROW + BARRIER] === 1;
  }
  set barrier(x: boolean) {
    this.c.setBarrier(this.id, x);
  }
  /** for graph nodes: the tape position where their own equation's operations begin */
  get start(): number {
    return this.c.cols[this.id * ROW + START]!;
  }
  set start(x: number) {
    this.c.setStart(this.id, x);
  }
}
