// A long-range derivative written as a chain through one node, ∂A/∂B = ∂A/∂C · ∂C/∂B (an LSTM's
// ∂c_3/∂c_1 = ∂c_3/∂c_2 · ∂c_2/∂c_1): with total derivatives the product is exactly the paths through C, so
// when it fails, B reaches A by paths that bypass C — named by where they leave B (c_1 → h_1).

import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { RunError, stepOf, type Run } from '../run';
import { LimitError } from '../tape';
import { chainProduct, type Claim } from './hints';
import { close } from './points';

type Deriv = Expr & { k: 'deriv' };

const isTotal = (e: Expr): e is Deriv => e.k === 'deriv' && e.total && !e.oneStep && e.of.k === 'ref';

export function bypassHint(c: Claim, run: Run): string | null {
  try {
    for (const [d, other] of [
      [c.lhs, c.rhs],
      [c.rhs, c.lhs],
    ] as const) {
      if (!isTotal(d) || (other.k !== 'mul' && other.k !== 'matmul' && other.k !== 'contract')) continue;
      const [ac, cb] = [other.a, other.b];
      if (!isTotal(ac) || !isTotal(cb) || d.of.k !== 'ref' || ac.of.k !== 'ref' || cb.of.k !== 'ref') continue;
      const p = c.points.find((q) => !close(run.evaluateShared(d, q.env).data, run.evaluateShared(other, q.env).data));
      if (!p) continue;
      const env = p.env;
      const same = (x: { name: string; idx: Deriv['wrt']['idx'] }, y: { name: string; idx: Deriv['wrt']['idx'] }) =>
        x.name === y.name && stepOf(x.idx, env) === stepOf(y.idx, env);
      // the chain A ← C ← B as written
      if (!same(ac.of, d.of) || !same(cb.wrt, d.wrt) || !same(ac.wrt, cb.of)) continue;
      const B = run.node(d.wrt.name, stepOf(d.wrt.idx, env));
      const C = run.node(ac.wrt.name, stepOf(ac.wrt.idx, env));
      if (!B || !C) continue;
      const nA = run.evaluateAt(d.of, env).data.length;
      const aC = run.derivativeAt(d.of, ac.wrt, env, true).tensor.data;
      // the nodes that read B directly and carry paths to A that do not pass C
      const leave: string[] = [];
      for (const q of run.quantityNodes()) {
        if (q.node === C || q.node.id <= B.id || !run.immediate(q.node).has(B.id)) continue;
        const qRef = { name: q.name, idx: q.t === null ? null : { v: null, k: q.t } };
        const aQ = run.derivativeAt(d.of, qRef, env, true);
        if (!aQ.reached) continue;
        const cQ = run.derivativeAt({ k: 'ref', name: ac.wrt.name, idx: ac.wrt.idx, shape: [], range: d.range }, qRef, env, true).tensor
          .data;
        const through = chainProduct(aC, cQ, q.node.data.length, nA * q.node.data.length);
        if (!close(aQ.tensor.data, through))
          leave.push(
            refText(q.name, q.t === null ? null : c.freeT && env.t !== undefined ? { v: 't', k: q.t - env.t } : { v: null, k: q.t }),
          );
      }
      const refOf = (w: Deriv['wrt']) => exprText({ k: 'ref', name: w.name, idx: w.idx, shape: [], range: d.range });
      const cText = refOf(ac.wrt);
      const via = leave.length ? `: they leave ${refOf(cb.wrt)} through ${leave.join(' and ')}` : '';
      return `The product ${exprText(other)} counts only the paths through ${cText}; ${exprText(d)} also has paths that bypass ${cText}${via}`;
    }
  } catch (e) {
    if (e instanceof RunError || e instanceof LimitError) return null;
    throw e;
  }
  return null;
}
