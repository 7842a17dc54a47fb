// A failing ∂A/∂B whose other side is the total less the paths through one node N inside the graph — neither an
// input of A's equation (leftOutHint) nor a node that reads B (pathHint) — names N. Gers et al.'s truncated partial
// written with = (∂s_c(t)/∂v_in = ∂s_c(t−1)/∂v_in·y^φ(t) + …) cuts the paths through the step before's output
// y^c(t−1), which enter s_c(t) through three gates: no hint named it, and the check failed with its values alone.
// Every path through N is one path B → N and one N → A, so their part is ∂A/∂N·∂N/∂B (both total).

import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { valueText } from '../format';
import { RunError, stepOf, type Env, type Run } from '../run';
import { LimitError, type TNode } from '../tape';
import { toValue } from '../tensor';
import { atDraws, type OtherValues } from './confirm';
import { chainProduct, offsetText, stepAt, stepLetter, type Claim } from './hints';
import { close } from './points';

type Deriv = Expr & { k: 'deriv' };

/** above it, a graph is too large for a derivative per node of it (the hint is the cascade's last) */
const MAX_TAPE = 20_000;

/** the part of ∂A/∂B through the node of quantity q (null: B does not reach it, or it does not reach A) */
function through(run: Run, d: Deriv, env: Env, q: { name: string; t: number | null }, nB: number, n: number): Float64Array | null {
  const idx = q.t === null ? null : { v: null, k: q.t };
  const aN = run.derivativeShared(d.of, { name: q.name, idx }, env, true);
  if (!aN.reached) return null;
  const ref: Expr = { k: 'ref', name: q.name, idx, shape: [], range: d.range };
  const nBd = run.derivativeShared(ref, d.wrt, env, true);
  if (!nBd.reached || nBd.tensor.data.every((x) => x === 0)) return null;
  return chainProduct(aN.tensor.data, nBd.tensor.data, nB, n);
}

/** where the check fails on `run`, the other side is the total less the part through `q` (its step from the point's) */
function leavesOut(run: Run, c: Claim, d: Deriv, other: Expr, name: string, off: number | null): boolean {
  return c.points.every((p) => {
    const total = run.derivativeShared(d.of, d.wrt, p.env, true).tensor.data;
    const want = run.evaluateShared(other, p.env).data;
    if (close(total, want)) return true;
    const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
    if (!B) return false;
    const at = stepAt(p, d);
    const t = off === null ? null : at === null ? off : at + off;
    const part = through(run, d, p.env, { name, t }, B.data.length, total.length);
    if (!part) return false;
    const rest = total.map((x, i) => x - part[i]!);
    return close(rest, want);
  });
}

export function interiorPathHint(c: Claim, run: Run, values: OtherValues): string | null {
  if (run.tape.size > MAX_TAPE) return null;
  try {
    for (const [d, other] of [
      [c.lhs, c.rhs],
      [c.rhs, c.lhs],
    ] as const) {
      if (d.k !== 'deriv' || !d.total || d.oneStep) continue;
      const p = c.points.find(
        (q) => !close(run.derivativeShared(d.of, d.wrt, q.env, true).tensor.data, run.evaluateShared(other, q.env).data),
      );
      if (!p) continue;
      const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
      const A = d.of.k === 'ref' ? run.node(d.of.name, stepOf(d.of.idx, p.env)) : undefined;
      if (!B) continue;
      const at = stepAt(p, d);
      // the nodes strictly between B and A, in the run's order (the first that explains the difference is named)
      for (const q of run.quantityNodes()) {
        const N: TNode = q.node;
        if (N.id <= B.id || N === A) continue;
        const off = q.t === null ? null : at === null ? q.t : q.t - at;
        if (!leavesOut(run, c, d, other, q.name, off)) continue;
        if (!atDraws(values, (r) => leavesOut(r, c, d, other, q.name, off))) continue;
        const letter = at === null ? null : c.freeT ? 't' : stepLetter(c, d);
        const nText = offsetText(q.name, off, letter);
        const of = d.of.k === 'ref' ? exprText(d.of) : `(${exprText(d.of)})`;
        const wrt = refText(d.wrt.name, d.wrt.idx);
        let value = '';
        if (!letter) {
          const total = run.derivativeShared(d.of, d.wrt, p.env, true).tensor;
          const part = through(run, d, p.env, q, B.data.length, total.data.length)!;
          value = ` = ${valueText(toValue({ shape: total.shape, data: part }))}`;
        }
        return `The other side leaves out the paths through ${nText}: the term ∂${of}/∂${nText}·∂${nText}/∂${wrt}${value}`;
      }
    }
  } catch (e) {
    if (e instanceof RunError || e instanceof LimitError) return null;
    throw e;
  }
  return null;
}
