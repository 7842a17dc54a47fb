// The order in which a ∏ of Jacobians multiplies. Numerator layout (LANGUAGE.md §4) writes a chain in the order it
// runs: ∂h_4/∂h_1 = ∂h_4/∂h_3 ∂h_3/∂h_2 ∂h_2/∂h_1 for a forward recurrence (the later index on the left), and
// ∂g_1/∂g_4 = ∂g_1/∂g_2 ∂g_2/∂g_3 ∂g_3/∂g_4 for a backward one, g_t = tanh(R g_{t+1} + …) (the earlier index on
// the left). A ∏ written out by hand, ∏_{k=1}^{3} diag(1 − g_k²) R, is the second chain whenever its body reads
// only quantities that run backward: multiplied the other way it is no chain of the network at all.

import type { Expr, Quantity } from '../model';
import { mentionedVars, walkRefs } from './walk';

/** which way a quantity's equation reaches other steps: through earlier ones, later ones, both, or neither */
interface Reach {
  earlier: boolean;
  later: boolean;
}

/**
 * How `name`'s general equation reaches other steps, following the quantities of its own step (a_t = R g_{t+1} + …
 * read by g_t = tanh(a_t)); inputs and parameters reach none.
 */
function reachOf(name: string, quantities: ReadonlyMap<string, Quantity>, seen: Map<string, Reach>): Reach {
  const known = seen.get(name);
  if (known) return known;
  const out: Reach = { earlier: false, later: false };
  // entered before its references are read: a cycle within a step (refused elsewhere) ends here
  seen.set(name, out);
  const q = quantities.get(name);
  if (!q || !q.timed || !q.general) return out;
  walkRefs(q.general, (r) => {
    const i = r.idx;
    if (!i || i.v !== 't' || i.terms?.length || !quantities.get(r.name)?.timed) return;
    if (i.k > 0) out.later = true;
    else if (i.k < 0) out.earlier = true;
    else {
      const via = reachOf(r.name, quantities, seen);
      out.later ||= via.later;
      out.earlier ||= via.earlier;
    }
  });
  return out;
}

/**
 * A ∏ over v whose body is a square matrix reading, at steps of v, only quantities that run backward (and
 * perhaps some that reach no other step): its factors are Jacobians of a backward recurrence, multiplied with the
 * earlier index on the left.
 */
export function backwardChain(v: string, body: Expr, quantities: ReadonlyMap<string, Quantity>): boolean {
  const s = body.shape;
  if (!s || s.length !== 2 || s[0] !== s[1]) return false;
  const seen = new Map<string, Reach>();
  let backward = false;
  let forward = false;
  walkRefs(body, (r) => {
    const i = r.idx;
    if (!i || !(i.v === v || i.terms?.some((t) => t.v === v))) return;
    const reach = reachOf(r.name, quantities, seen);
    if (reach.earlier) forward = true;
    else if (reach.later) backward = true;
  });
  return backward && !forward;
}

/**
 * ∏_{t≥i>k} W diag(σ'(x_{i−1})) ∂E_t/∂x_t: the ∏'s body ran on to a vector that does not change with i (the gradient
 * the ∏ was meant to multiply), so the body is a vector. The square head and that vector, or null.
 */
export function gradientInBody(v: string, body: Expr): { head: Expr; tail: Expr } | null {
  if (body.k !== 'matmul' && body.k !== 'contract' && body.k !== 'mul') return null;
  const { a: head, b: tail } = body;
  const s = head.shape;
  if (!s || s.length !== 2 || s[0] !== s[1] || tail.shape?.length !== 1) return null;
  if (mentionedVars(tail).has(v) || !mentionedVars(head).has(v)) return null;
  return { head, tail };
}
