// The leaky reservoir's ∂x(n)/∂x(n−1) = a diag(1 − tanh²(…)) W with its leak (1 − a)I left out (probe 50): x(n−1)
// appears twice in x(n)'s equation, so the part left out is no path — the path hints name whole edges — but one term of
// the edge. Where A's equation is a sum of a few terms and the other side is ∂A/∂B less the derivative of exactly one of
// them (at every point and at a draw), that term is named. Asked last: a derivative per term.

import type { Expr, Idx } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { mapChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { derivAs } from './derivAs';
import { guard } from './guard';
import type { Claim } from './hints';
import { close } from './points';
import { signedTerms } from './termScreen';

/** at most this many terms of A's equation are tried */
const MAX_TERMS = 6;

/** the general equation's term at A's step: each step t + k read as A's step + k */
function atStep(e: Expr, step: Idx): Expr {
  if (e.k === 'ref' && e.idx?.v === 't' && !e.idx.terms?.length) return { ...e, idx: { ...step, k: step.k + e.idx.k } };
  return mapChildren(e, (x) => atStep(x, step));
}

export function edgeTermHint(c: Claim, run: Run, other: OtherValues): string | null {
  for (const [d, side] of [
    [c.lhs, c.rhs],
    [c.rhs, c.lhs],
  ] as const) {
    if (d.k !== 'deriv' || !d.total || d.oneStep || d.of.k !== 'ref' || !d.of.idx || d.of.idx.terms?.length) continue;
    const q = run.model.quantities.get(d.of.name);
    if (!q?.timed || !q.general) continue;
    const all: [Expr, number][] = [];
    signedTerms(q.general, 1, all);
    if (all.length < 2 || all.length > MAX_TERMS) continue;
    const step = d.of.idx;
    for (const [term, sign] of all) {
      const at = atStep(term, step);
      const part = derivAs(d, false, true, at, d.shape);
      const mended: Expr = { k: sign > 0 ? 'add' : 'sub', a: side, b: part, shape: side.shape, range: side.range };
      const holds = guard(() =>
        c.points.every((p) => {
          const want = run.evaluateShared(d, p.env).data;
          const got = run.evaluateShared(mended, p.env).data;
          // the term must matter: a part that is 0 everywhere names nothing
          const zero = run.evaluateShared(part, p.env).data.every((x) => Math.abs(x) < 1e-12);
          return !zero && close(want, got);
        }),
      );
      if (holds !== true || !confirmed(other, d, mended, c.points)) continue;
      const wrt = refText(d.wrt.name, d.wrt.idx);
      return `The other side leaves out the term ∂(${exprText(at)})/∂${wrt}, ${wrt}'s appearance in the term ${exprText(at)} of ${exprText(d.of)}'s equation: with it the check holds`;
    }
  }
  return null;
}
