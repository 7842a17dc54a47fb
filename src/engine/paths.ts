// The paths of the unrolled graph: the true ∂A/∂B is a sum over paths from B to A of products of immediate
// partials — the chain-rule terms a derive line lists. (A hand-written chain rule is matched against them,
// term by term, in check/termMatch.ts.)

import { Memo } from './memo';
import { nameOfKey, nodeKey } from '../ids';
import type { Expr } from '../language/model';
import { nameLatex, refText } from '../language/print';
import type { ChainTerm } from '../report';
import { toValue } from './tensor';
import { stepOf, type Env, type Run } from './run';
import { packArgs, type TNode } from './tape';
import { identity } from './values';
import { zerosF64, zerosI32 } from './slab';

const MAX_PATHS = 400;

/**
 * The graph nodes a graph node's own equation reads, found on the tape without a sweep: the keys of
 * run.immediate(node) that are not literals. An immediate sweep (Tape.sweep from the node down to its
 * start) gives a gradient to every input of a node it reaches — every rule adds into each input but a
 * literal ('const') one — stops at other graph nodes (barriers) on the way, and keys what it reaches
 * below the start. So this walk over the same inputs finds the same nodes, literals aside; a literal has
 * no inputs, so it can only begin a path, never continue one. It costs one visit per tape node where the
 * immediate partials cost a sweep per entry of each node (at T = 1000, 3,000 sweeps for paths that are
 * then only counted).
 */
export function readsOf(node: TNode): TNode[] {
  return new ReadsWalk().of(node);
}

/** readsOf with its marks and stack kept between nodes (a run's 3,000 nodes at T = 1000 allocate nothing per node but the answer) */
class ReadsWalk {
  private mark = new Int32Array(0);
  private stamp = 0;
  private stack: TNode[] = [];

  of(node: TNode): TNode[] {
    if (node.op === 'leaf' || node.data.length === 0) return [];
    const out: TNode[] = [];
    const lo = node.start;
    if (this.mark.length <= node.id) this.mark = zerosI32(Math.max(node.id + 1, 2 * this.mark.length));
    const mark = this.mark;
    // one stamp per node: a tape id marked with it is seen (in range) or already read (below the start)
    const stamp = ++this.stamp;
    const stack = this.stack;
    stack.length = 0;
    stack.push(node);
    mark[node.id] = stamp;
    while (stack.length) {
      const y = stack.pop()!;
      // another graph node inside the equation's range: the sweep does not cross it
      if (y.barrier && y !== node) continue;
      const args = packArgs(y);
      const n = args ? args.length : 0;
      for (let i = -2; i < n; i++) {
        const x = i === -2 ? y.a : i === -1 ? y.b : args![i]!;
        if (!x || x.op === 'const' || mark[x.id] === stamp) continue;
        mark[x.id] = stamp;
        if (x.id < lo) out.push(x);
        else stack.push(x);
      }
    }
    return out;
  }
}

/** what each quantity node of a run reads (ids), worked out once per run: the derives of a file share it */
const readsByRun = new Memo<Run, Map<number, number[]>>();

function runReads(run: Run): Map<number, number[]> {
  let m = readsByRun.get(run);
  if (!m) {
    m = new Map();
    const walk = new ReadsWalk();
    for (const q of run.quantityNodes())
      m.set(
        q.node.id,
        walk.of(q.node).map((x) => x.id),
      );
    readsByRun.set(run, m);
  }
  return m;
}

/**
 * a quantity node's own equation reads the graph node B (not a literal): exactly when run.immediate(node) has a
 * partial for B (readsOf's contract), known without the sweeps that make them
 */
export function readsNode(run: Run, node: TNode, B: TNode): boolean {
  return runReads(run).get(node.id)?.includes(B.id) ?? false;
}

interface PathIndex {
  reads(n: TNode): Iterable<number>;
  /** quantity nodes by decreasing tape id */
  desc: readonly TNode[];
  /** for every node, the quantity nodes whose equations read it, in the order the run lists them */
  users: ReadonlyMap<number, TNode[]>;
}

function indexOf(nodes: readonly TNode[], reads: (n: TNode) => Iterable<number>): PathIndex {
  const users = new Map<number, TNode[]>();
  for (const n of nodes)
    for (const id of reads(n)) {
      let u = users.get(id);
      if (!u) users.set(id, (u = []));
      u.push(n);
    }
  return { reads, desc: [...nodes].sort((x, y) => y.id - x.id), users };
}

/** per run: a free-t derive asks for the paths of every step, a file's derives and checks for many pairs */
const indexByRun = new Memo<Run, PathIndex>();

function runPaths(run: Run): PathIndex {
  let ix = indexByRun.get(run);
  if (!ix) {
    const known = runReads(run);
    indexByRun.set(
      run,
      (ix = indexOf(
        run.quantityNodes().map((q) => q.node),
        (n) => known.get(n.id)!,
      )),
    );
  }
  return ix;
}

/** for a literal B: the nodes from B to A with the reads the immediate partials give */
function literalReads(run: Run, B: TNode, A: TNode): PathIndex {
  const inRange = run
    .quantityNodes()
    .map((q) => q.node)
    .filter((n) => n.id > B.id && n.id <= A.id);
  return indexOf(inRange, (n) => run.immediate(n).keys());
}

/**
 * every path of the unrolled graph from B up to A (each from B to A), or null past `max` paths. The paths
 * are counted first (one pass over the nodes) and listed only when there are at most `max`: at T = 1000
 * ∂L/∂W_hh has ~500,000 paths, and walking them until the 401st, copying a path of ~1,000 nodes per
 * step, cost more than the symbolic forms of the same derive. The listing skips nodes from which A
 * cannot be reached and keeps one path on a stack (no recursion: a path is as long as the horizon).
 */
export function pathsBetween(run: Run, B: TNode, A: TNode, max = MAX_PATHS): TNode[][] | null {
  // what each quantity node's own equation reads, and who reads each node: worked out once per run (a
  // literal B — a quantity written as a number — is read only as the immediate partials say: some rules
  // skip a literal input, so its reads are asked for here)
  const { reads, desc, users } = B.op === 'const' ? literalReads(run, B, A) : runPaths(run);
  // paths from each node up to A (capped at max + 1), pushed down from A: a node reads only what came
  // before it on the tape, so in decreasing id order every node has all its users' paths before its own
  // are pushed further down. Indexed from B's id: only ids from B's to A's are ever counted
  // A before B on the tape: no path (A reads only what came before it)
  if (A.id < B.id) return [];
  const lo = B.id;
  const ways = zerosF64(A.id - lo + 1);
  ways[A.id - lo] = 1;
  for (const n of desc) {
    if (n.id > A.id) continue;
    if (n.id <= lo) break;
    const w = ways[n.id - lo]!;
    if (w) for (const id of reads(n)) if (id >= lo) ways[id - lo] = Math.min(max + 1, ways[id - lo]! + w);
  }
  const total = ways[0]!;
  if (total > max) return null;
  const out: TNode[][] = [];
  if (total === 0) return out;
  // a user past A lies beyond the counts (undefined: no path), one before B cannot read a node from B on
  const reaches = (n: TNode): boolean => Boolean(ways[n.id - lo]);
  // depth first, users in their order (the order the paths were always listed in)
  const path: TNode[] = [B];
  const next: number[] = [0];
  while (path.length) {
    const n = path[path.length - 1]!;
    if (n === A) {
      out.push(path.slice());
      path.pop();
      next.pop();
      continue;
    }
    const us = users.get(n.id) ?? [];
    let i = next[next.length - 1]!;
    while (i < us.length && !reaches(us[i]!)) i++;
    if (i < us.length) {
      next[next.length - 1] = i + 1;
      path.push(us[i]!);
      next.push(0);
    } else {
      path.pop();
      next.pop();
    }
  }
  return out;
}

export function nodeLabel(run: Run): (n: TNode) => string {
  const names = nodeNames(run);
  return (n) => names.get(n.id)?.text ?? '?';
}

const MAX_TERMS_SHOWN = 64;

/** Chain terms are listed for networks whose tensors have at most this many entries: finding the paths
 *  takes every node's immediate Jacobian (one sweep per entry), which for a 64-unit network cost more
 *  than the forms themselves (they are written up to 4,096 entries) */
const MAX_TERMS_ENTRIES = 256;

/**
 * The chain-rule sum of ∂A/∂B as terms: one per path from B to A, each the product of the immediate
 * partials along it (Jacobians for vectors), with its value and its path of graph node ids.
 */
export function chainTerms(run: Run, d: Expr & { k: 'deriv' }, env: Env): ChainTerm[] | null {
  if (!d.total || d.of.k !== 'ref') return null;
  for (const x of [...run.model.decls.values(), ...run.model.quantities.values()])
    if (x.shape.reduce((a, b) => a * b, 1) > MAX_TERMS_ENTRIES) return null;
  const B = run.node(d.wrt.name, stepOf(d.wrt.idx, env));
  const A = run.node(d.of.name, stepOf(d.of.idx, env));
  if (!A || !B || A === B) return null;
  const paths = pathsBetween(run, B, A, MAX_TERMS_SHOWN);
  if (!paths || paths.length === 0) return null;
  const names = nodeNames(run);
  const isDecl = run.model.decls.has(d.wrt.name);
  const shape = A.data.length === 1 ? B.shape : B.data.length === 1 ? A.shape : [A.data.length, B.data.length];
  return paths.map((path) => {
    // the Jacobian of the path J_k ⋯ J_1 (rows over A's entries, columns over B's), multiplied from the
    // narrower end: from A's side when A has fewer entries (a loss: row vectors times Jacobians, not
    // 2048 × 2048 products for a 64-unit network's W_xh), else from B's side
    const nA = A.data.length,
      nB = B.data.length;
    const fromA = nA < nB;
    const Js: Float64Array[] = [];
    for (let k = 1; k < path.length; k++) Js.push(run.immediate(path[k]!).get(path[k - 1]!.id)!);
    const n0 = fromA ? nA : nB;
    let M = identity(n0);
    if (fromA) for (let k = path.length - 1; k >= 1; k--) M = matProduct(M, Js[k - 1]!, nA, path[k]!.data.length, path[k - 1]!.data.length);
    else for (let k = 1; k < path.length; k++) M = matProduct(Js[k - 1]!, M, path[k]!.data.length, path[k - 1]!.data.length, nB);
    const text: string[] = [];
    const latex: string[] = [];
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!,
        v = path[k]!;
      const J = Js[k - 1]!;
      // ∂L/∂L_t = 1 in a sum of losses: a factor a worked solution leaves out
      if (J.length === 1 && J[0] === 1 && names.get(v.id)!.t === null) continue;
      const plus = k === 1 && isDecl ? '⁺' : '';
      const nv = names.get(v.id)!,
        nu = names.get(u.id)!;
      text.push(`∂${plus}${nv.text}/∂${nu.text}`);
      latex.push(`\\frac{\\partial${plus ? '^{+}' : ''} ${nv.latex}}{\\partial ${nu.latex}}`);
    }
    // written the way a solution writes it: from the quantity back to the variable (∂L_3/∂o_3·…·∂⁺h_1/∂W)
    return {
      text: text.reverse().join('·') || '1',
      latex: latex.reverse().join(' \\cdot ') || '1',
      value: toValue({ shape, data: M }),
      path: path.map((n) => names.get(n.id)!.id),
    };
  });
}

/** rows(v) × cols(B) = J[rows(v) × rows(u)] · M[rows(u) × cols(B)] */
export function matProduct(J: Float64Array, M: Float64Array, nv: number, nu: number, nb: number): Float64Array {
  const out = zerosF64(nv * nb);
  for (let i = 0; i < nv; i++)
    for (let k = 0; k < nu; k++) {
      const a = J[i * nu + k]!;
      if (a === 0) continue;
      for (let j = 0; j < nb; j++) out[i * nb + j] += a * M[k * nb + j]!;
    }
  return out;
}

interface NodeName {
  readonly id: string;
  readonly text: string;
  readonly latex: string;
  readonly t: number | null;
}

/**
 * every node's graph id (as in the Report's graph), text and LaTeX name, each written when first asked
 * for: a derive's chain terms name only the nodes on their paths, and writing all of a run's names (three
 * strings per node) was a tenth of one derive's forms on demand (issue 11)
 */
function nodeNames(run: Run): { get(id: number): NodeName | undefined } {
  let names = namesByRun.get(run);
  if (!names) namesByRun.set(run, (names = lazyNames(run)));
  return names;
}

/** per run: a free-t derive lists the chain terms of every step, each naming the nodes on its paths */
const namesByRun = new Memo<Run, { get(id: number): NodeName | undefined }>();

function lazyNames(run: Run): { get(id: number): NodeName | undefined } {
  const where = new Map<number, { name: string; t: number | null }>();
  const put = (n: TNode | undefined, name: string, t: number | null) => {
    if (n) where.set(n.id, { name, t });
  };
  for (const q of run.quantityNodes()) put(q.node, q.name, q.t);
  for (const [name, d] of run.model.decls) {
    if (d.perStep) for (let t = 1; t <= run.model.T; t++) put(run.node(name, t), name, t);
    else put(run.node(name, null), name, null);
  }
  const written = new Map<number, NodeName>();
  return {
    get(id) {
      let out = written.get(id);
      if (out) return out;
      const w = where.get(id);
      if (!w) return undefined;
      out = new WrittenName(w.name, w.t);
      written.set(id, out);
      return out;
    },
  };
}

/**
 * one node's names, its graph id and LaTeX written when first read: a check's term matcher names the nodes
 * of a path in text only, and writing their LaTeX too was a twentieth of a failing chain-rule check
 */
class WrittenName implements NodeName {
  readonly text: string;
  private idText: string | null = null;
  private latexText: string | null = null;
  constructor(
    private readonly name: string,
    readonly t: number | null,
  ) {
    this.text = refText(name, t === null ? null : { v: null, k: t });
  }
  get id(): string {
    return (this.idText ??= nodeKey({ name: nameOfKey(this.name), step: this.t }));
  }
  get latex(): string {
    return (this.latexText ??= nameLatex(this.name, this.t === null ? null : { v: null, k: this.t }));
  }
}
