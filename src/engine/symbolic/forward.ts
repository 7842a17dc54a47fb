// The forward recursion of a total derivative of a recurrent state, as sheets write ∂h_t/∂W (real-time
// recurrent learning's form): ∂h_t/∂W = ∂⁺h_t/∂W + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂W. It is the chain form with each
// earlier step of the same state named as its own total derivative, so steps 2..T print alike relative to
// their step and a free-t derive gets one general line (LANGUAGE.md §5) instead of a nesting that grows.

import type { Builder, Node, NodeName } from './ir';
import type { GNode } from './graph';
import type { Edge } from './derive';

export interface ChainParts {
  live(n: GNode): Edge[];
  sym(e: Edge): Node;
  mul(A: Node, B: Node): Node;
}

/** a recursion's line for another state at the numerator's step (∂c_t/∂W beside ∂h_t/∂W): its symbol and definition */
export interface Companion {
  sym: Node;
  def: Node;
}

/**
 * The chain form of ∂of/∂wrt with every earlier step of each recurrent state named as its own total derivative;
 * with several states (an LSTM's c and h), the other states at of's own step are named too, each defined by its own
 * line (a companion: ∂c_t/∂W = … + ∂⁺c_t/∂c_{t-1}·∂c_{t-1}/∂W), so that every name a line uses is defined on a line
 * of the same step. Null unless `of` is a step of a recurrent state and some earlier step is on a path.
 */
export function forwardRecursion(
  b: Builder,
  of: GNode,
  wrt: GNode,
  states: ReadonlySet<string>,
  c: ChainParts,
): { top: Node; companions: Companion[] } | null {
  const step = of.step;
  if (of.kind !== 'quantity' || step === null || !states.has(of.name)) return null;
  let earlier = 0;
  const companions: Companion[] = [];
  // the latest earlier step named of each other state (h_{t-1} in ∂c_t/∂W, where h_t is not on c_t's paths)
  const latest = new Map<string, { step: number; line: Companion }>();
  const atStep = new Set<string>();
  const memo = new Map<GNode, Node>();
  const sum = (n: GNode): Node => b.add(...c.live(n).map((e) => (e.dep === wrt ? c.sym(e) : c.mul(c.sym(e), rec(e.dep)))));
  const rec = (n: GNode): Node => {
    const hit = memo.get(n);
    if (hit) return hit;
    let out: Node;
    const after = wrt.step === null || (n.step !== null && n.step > wrt.step);
    if (n.kind === 'quantity' && states.has(n.name) && n.step !== null && after && (n.step < step || (n.step === step && n !== of))) {
      // a denominator at a step (h_0 in ∂h_t/∂h_0) is that step on every line, not one relative to t
      const by: NodeName = wrt.step === null ? { name: wrt.name, step: null } : { expr: b.leaf(wrt.name, wrt.step, wrt.leaf.shape, true) };
      const label = { kind: 'jac', of: { name: n.name, step: n.step }, wrt: by, plus: false, named: true } as const;
      // defined by its own recursion (through the step before it, named in turn): linear in the steps, where
      // the chain form of an earlier step (a GRU's three routes a step) grows as 3^t and is cut off at step 4
      const def = sum(n);
      out = b.sym(label, def);
      if (n.step < step) {
        earlier++;
        const seen = latest.get(n.name);
        if (n.name !== of.name && (!seen || seen.step < n.step)) latest.set(n.name, { step: n.step, line: { sym: out, def } });
      } else {
        companions.push({ sym: out, def });
        atStep.add(n.name);
      }
    } else out = sum(n);
    memo.set(n, out);
    return out;
  };
  const top = sum(of);
  if (!earlier) return null;
  // another state named only at an earlier step gets that step's line, first: every name a line uses is defined
  // (∂h_{t-1}/∂W = … + ∂h_{t-1}/∂c_{t-1}·∂c_{t-1}/∂W beside ∂c_t/∂W = … + ∂f_t/∂h_{t-1}·∂h_{t-1}/∂W)
  const before = [...latest].filter(([name]) => !atStep.has(name)).map(([, x]) => x.line);
  return { top, companions: [...before, ...companions] };
}
