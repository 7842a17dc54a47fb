// A term of the formula left out whole: ∂L/∂o_t = ŷ_t for ŷ_t − y_t (a softmax's gradient without its target),
// ∂L/∂s_t = p_t, 2 o_t for 2(o_t − y_t). The sides then differ by a value the network names, read at a step the
// check writes (or untimed), times 1, −1, 2 or −2, at every point — and the check failed with its values alone.
// Asked last: no evaluation but the two sides (already evaluated) and node values, then one at a draw to confirm.

import type { Expr, Idx } from '../../language/model';
import { printerFor } from './writtenT';
import { forChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { close } from './points';
import { formulaOnRight } from './formulaSide';
import { same } from '../../language/shapes';

/** candidate values tried at most (names × the steps the check writes) */
const MAX_CANDIDATES = 64;
const FACTORS = [-1, 1, -2, 2];

/** the steps the check writes (refs and derivatives' denominators), each once */
function writtenSteps(e: Expr, out: Idx[] = []): Idx[] {
  const add = (i: Idx | null) => {
    if (i && !i.terms?.length && !out.some((o) => o.v === i.v && o.k === i.k)) out.push(i);
  };
  if (e.k === 'ref') add(e.idx);
  if (e.k === 'deriv') {
    add(e.wrt.idx);
    writtenSteps(e.of, out);
  } else if (e.k !== 'sum' && e.k !== 'prod') forChildren(e, (c) => writtenSteps(c, out));
  return out;
}

/** "The right side leaves out the term −y_t: with it the check holds" */
export function termLeftOutHint(c: Claim, run: Run, other: OtherValues): string | null {
  const right = formulaOnRight(c);
  const formula = right ? c.rhs : c.lhs;
  const whole = right ? c.lhs : c.rhs;
  // the other side is the derivative asked for, or a value of the network (z_j^{(k)}, an entry of z^{(k)}), the formula a
  // sum or product of values (Σ_i w_{i,j}^{(k)} p_i^{(k-1)} without its b_j^{(k)})
  const entryOf = whole.k === 'index' && whole.a.k === 'ref' ? whole : null;
  if (formula.k === 'deriv' || (whole.k !== 'deriv' && whole.k !== 'ref' && !entryOf)) return null;
  const model = run.model;
  const steps = [...writtenSteps(c.lhs), ...writtenSteps(c.rhs)].filter(
    (s, i, all) => all.findIndex((o) => o.v === s.v && o.k === s.k) === i,
  );
  // a Σ_t over the steps (∇_c L = Σ_t ŷ_t for Σ_t (ŷ_t − y_t)): a term left out of its body, at the bound step
  const sum = formula.k === 'sum' ? formula : null;
  const candidates: { X: Expr; inSum: boolean; basis?: Expr }[] = [];
  // min-char-rnn's class-index targets: the one-hot e_{y_t} of the label, sized by the side (∂L/∂o_t = p_t − e_{y_t})
  const n = formula.shape?.length === 1 ? formula.shape[0]! : 0;
  if (n > 1)
    for (const [name, d] of model.decls)
      if (d.classes)
        for (const idx of steps) {
          if (candidates.length >= MAX_CANDIDATES) break;
          const label: Expr = { k: 'ref', name, idx, shape: [], range: formula.range };
          const items: Expr[] = Array.from({ length: n }, (_, i) => ({
            k: 'indicator',
            a: label,
            b: { k: 'num', value: i + 1, shape: [], range: formula.range },
            shape: [],
            range: formula.range,
          }));
          candidates.push({ X: { k: 'vec', items, shape: [n], range: formula.range }, inSum: false, basis: label });
        }
  const names = [...model.decls.keys(), ...[...model.quantities.keys()].filter((n) => !model.decls.has(n))];
  for (const name of names) {
    const timed = model.quantities.get(name)?.timed || model.decls.get(name)?.perStep;
    const shape = model.decls.get(name)?.shape ?? model.quantities.get(name)?.shape;
    if (!shape) continue;
    // an entry's candidates are the same entry of the values of its shape
    if (entryOf && !same(shape, entryOf.a.shape)) continue;
    const at = (ref: Expr): Expr => (entryOf ? { ...entryOf, a: ref, range: formula.range } : ref);
    for (const idx of timed ? steps : [null])
      if (candidates.length < MAX_CANDIDATES)
        candidates.push({ X: at({ k: 'ref', name, idx, shape, range: formula.range }), inSum: false });
    if (sum && timed && !entryOf && candidates.length < MAX_CANDIDATES)
      candidates.push({ X: { k: 'ref', name, idx: { v: sum.v, k: 0 }, shape, range: formula.range }, inSum: true });
  }
  return guard(() => {
    const diffs = c.points.map((p) => {
      const w = run.evaluateShared(whole, p.env).data;
      const f = run.evaluateShared(formula, p.env).data;
      return w.length === f.length ? w.map((x, i) => x - f[i]!) : null;
    });
    if (diffs.some((d) => !d) || diffs.every((d) => d!.every((x) => x === 0))) return null;
    for (const { X, inSum, basis } of candidates) {
      // a term of the Σ's body is compared summed over the Σ's steps
      const summed: Expr = inSum && sum ? { ...sum, body: X, shape: X.shape } : X;
      const xs = c.points.map((p) => run.evaluateShared(summed, p.env).data);
      if (xs.some((x, i) => x.length !== diffs[i]!.length) || xs.every((x) => x.every((v) => v === 0))) continue;
      const k = FACTORS.find((f) =>
        xs.every((x, i) =>
          close(
            diffs[i]!,
            x.map((v) => f * v),
          ),
        ),
      );
      if (k === undefined) continue;
      const term: Expr =
        Math.abs(k) === 1
          ? X
          : { k: 'mul', a: { k: 'num', value: Math.abs(k), shape: [], range: X.range }, b: X, shape: X.shape, range: X.range };
      const plus = (a: Expr): Expr => ({ k: k > 0 ? 'add' : 'sub', a, b: term, shape: a.shape, range: a.range });
      const edited: Expr = inSum && sum ? { ...sum, body: plus(sum.body) } : plus(formula);
      const [l, r] = right ? [whole, edited] : [edited, whole];
      if (!confirmed(other, l, r, c.points)) continue;
      // as the check writes it: −y_T where its text writes the step T
      const show = printerFor(c.text, run.model.T);
      const written = basis ? `e_{${show(basis)}}` : show(X);
      const text = `${k < 0 ? '−' : ''}${Math.abs(k) === 2 ? '2 ' : ''}${written}`;
      return `The ${right ? 'right' : 'left'} side leaves out the term ${text}${inSum ? ' inside the Σ' : ''}: with it the check holds`;
    }
    return null;
  });
}
