// The reverse sweep of a tape range whose every node is one number (the sheets' scalar LSTMs and RNNs): the
// gradients in one Float64Array by position, each rule applied to numbers read from the tape's columns. The
// general sweep (tape.ts Sweeper) lends an accumulator array per node and calls each rule through callbacks: a
// scalar LSTM's loss gradient took 3.4 times the instructions it takes here, and the examples' warming rounds
// (the first few hundred analyses of a process) run 0.86-0.95 times as long with it. Every input gets the general
// rules' additions, in the same order and of the same products, so the numbers are theirs bit for bit
// (test/engine/scalarSweep.test.ts), and the inputs that receive a gradient (reached, even by a 0) are theirs too.

import { A, ARRAY, AT, B, BARRIER, LEN, OP, OPS, ROW, type NodeColumns, type TNode } from './tapeNodes';
import type { Fn } from '../language/model';
import { elementwise, unaryGrad } from './unaryGrad';

const code = (op: (typeof OPS)[number]) => OPS.indexOf(op);
const CONST = code('const');
const LEAF = code('leaf');
const ID = code('id');
const FILL = code('fill');
const ADD = code('add');
const SUB = code('sub');
const NEG = code('neg');
const MUL = code('mul');
const HAD = code('had');
const DIV = code('div');
const POW = code('pow');
const FN = code('fn');
const TRANSPOSE = code('transpose');

/** the operations this sweep knows, by code (fn only for an elementwise function, asked per node) */
const KNOWN = new Uint8Array(OPS.length);
for (const k of [CONST, LEAF, ID, FILL, ADD, SUB, NEG, MUL, HAD, DIV, POW, FN, TRANSPOSE]) KNOWN[k] = 1;

/** whether every node of lo..root is one number, of an operation this sweep knows */
export function scalarRange(c: NodeColumns, lo: number, root: number): boolean {
  const cols = c.cols;
  for (let id = lo; id <= root; id++) {
    const r = id * ROW;
    if (cols[r + LEN] !== 1) return false;
    const op = cols[r + OP]!;
    if (!KNOWN[op] || (op === FN && !elementwise(c.node(id).aux as Fn))) return false;
  }
  return true;
}

/**
 * The sweep from root (its gradient `seed`) down to lo: G and R, zeroed over the range, get each position's
 * gradient and whether it was reached. An input below lo goes to `below` (none: not tracked); a barrier other
 * than the root is crossed only where `cross` says so, when `below` is given (as the general sweep does).
 */
export function sweepScalar(
  c: NodeColumns,
  root: number,
  lo: number,
  seed: number,
  G: Float64Array,
  R: Uint8Array,
  below: ((id: number, v: number) => void) | null,
  cross: ((n: TNode) => boolean) | null,
): void {
  const cols = c.cols;
  const arrays = c.arrays;
  G[root - lo] = seed;
  R[root - lo] = 1;
  for (let id = root; id >= lo; id--) {
    if (!R[id - lo]) continue;
    const r = id * ROW;
    if (below && cols[r + BARRIER] === 1 && id !== root && !cross?.(c.node(id))) continue;
    const g = G[id - lo]!;
    const a = cols[r + A]!;
    const b = cols[r + B]!;
    switch (cols[r + OP]) {
      case CONST:
      case LEAF:
        break;
      case ID:
      case FILL:
      case TRANSPOSE:
        add(G, R, lo, below, a, g);
        break;
      case ADD:
        add(G, R, lo, below, a, g);
        add(G, R, lo, below, b, g);
        break;
      case SUB:
        add(G, R, lo, below, a, g);
        // x + (−g) is x − g exactly (the general rule subtracts in place)
        add(G, R, lo, below, b, -g);
        break;
      case NEG:
        add(G, R, lo, below, a, -g);
        break;
      case MUL:
      case HAD:
        // a constant factor gets no gradient (MUL's rule asks no slot for it)
        if (cols[a * ROW + OP] !== CONST) add(G, R, lo, below, a, g * val(cols, arrays, b));
        if (cols[b * ROW + OP] !== CONST) add(G, R, lo, below, b, g * val(cols, arrays, a));
        break;
      case DIV: {
        const x = val(cols, arrays, a);
        const d = val(cols, arrays, b);
        add(G, R, lo, below, a, g / d);
        add(G, R, lo, below, b, (-g * x) / (d * d));
        break;
      }
      case POW: {
        const e = val(cols, arrays, b);
        const x = val(cols, arrays, a);
        add(G, R, lo, below, a, g * (e === 2 ? 2 * x : e * Math.pow(x, e - 1)));
        // the exponent's gradient is a sum from 0, as the general rule's (0 + −0 is 0)
        let gb = 0;
        if (x > 0) gb += g * val(cols, arrays, id) * Math.log(x);
        if (cols[b * ROW + OP] !== CONST) add(G, R, lo, below, b, gb);
        break;
      }
      case FN:
        add(G, R, lo, below, a, g * unaryGrad(c.node(id).aux as Fn, val(cols, arrays, a), val(cols, arrays, id)));
        break;
    }
  }
}

/** a node's one number, read in place (module functions, not closures: made per sweep, they were its garbage) */
function val(cols: Int32Array, arrays: Float64Array[], id: number): number {
  const r = id * ROW;
  return arrays[cols[r + ARRAY]!]![cols[r + AT]!]!;
}

/** v added into the gradient of input id: in range, or below it */
function add(G: Float64Array, R: Uint8Array, lo: number, below: ((id: number, v: number) => void) | null, id: number, v: number): void {
  if (id >= lo) {
    G[id - lo]! += v;
    R[id - lo] = 1;
  } else if (below) below(id, v);
}
