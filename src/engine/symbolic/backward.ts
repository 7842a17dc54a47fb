// The backward recursion of a derivative from a fixed step into the past, as sheets write ∂h_T/∂h_t (the
// vanishing-gradient quantity): ∂h_T/∂h_t = ∂h_T/∂h_{t+1}·∂h_{t+1}/∂h_t. It is the chain form grouped from the
// denominator up, with each later step of the denominator's quantity named as ∂h_T/∂h_s, so steps 1..T−1 print
// alike relative to their step and a free-t derive gets one general line (LANGUAGE.md §5).

import type { Builder, Node, NodeName } from './ir';
import type { GNode } from './graph';
import type { Edge } from './derive';
import type { ChainParts } from './forward';

/**
 * The chain form of ∂of/∂wrt with ∂of/∂(each later step of wrt's quantity) named; null unless `of` is at a step,
 * wrt is a step of the derivation's only recurrent state, and some later step of it is on a path.
 */
export function backwardRecursion(
  b: Builder,
  of: GNode,
  wrt: GNode,
  /** the edges into each node from the nodes that read it (structurally zero ones included: skipped here) */
  consumers: ReadonlyMap<GNode, readonly Edge[]>,
  states: ReadonlySet<string>,
  c: Omit<ChainParts, 'group'>,
  identity: Node,
): Node | null {
  const from = wrt.step;
  if (of.step === null || from === null || wrt.kind !== 'quantity' || states.size !== 1 || !states.has(wrt.name)) return null;
  // ∂n/∂target written top-down (the named symbol's definition), over the nodes that reach target
  const down = (n: GNode, target: GNode, memo: Map<GNode, Node | null>): Node | null => {
    if (n === target) return identity;
    if (memo.has(n)) return memo.get(n)!;
    const terms: Node[] = [];
    for (const e of c.live(n)) {
      const rest = down(e.dep, target, memo);
      if (rest) terms.push(rest === identity ? c.sym(e) : c.mul(c.sym(e), rest));
    }
    const out = terms.length ? b.add(...terms) : null;
    memo.set(n, out);
    return out;
  };
  const ofAt: NodeName = { expr: b.leaf(of.name, of.step, of.leaf.shape, true) };
  let named = 0;
  const memo = new Map<GNode, Node | null>();
  // ∂of/∂n from n up: named at a later step of the state, else the sum over n's consumers
  const up = (n: GNode): Node | null => {
    if (n === of) return identity;
    if (memo.has(n)) return memo.get(n)!;
    let out: Node | null;
    if (n !== wrt && n.kind === 'quantity' && n.name === wrt.name && n.step !== null && n.step > from) {
      const def = down(of, n, new Map());
      named++;
      out = def && b.sym({ kind: 'jac', of: ofAt, wrt: { name: n.name, step: n.step }, plus: false, named: true }, def);
    } else {
      const terms: Node[] = [];
      for (const e of consumers.get(n) ?? []) {
        if (e.J === null) continue;
        const above = up(e.c);
        if (above) terms.push(above === identity ? c.sym(e) : c.mul(above, c.sym(e)));
      }
      out = terms.length ? b.add(...terms) : null;
    }
    memo.set(n, out);
    return out;
  };
  const top = up(wrt);
  return named && top ? top : null;
}
