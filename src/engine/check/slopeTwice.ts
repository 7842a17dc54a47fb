// An activation's slope counted twice: ∂L/∂z_t = (ŷ_t − y_t) ŷ_t(1 − ŷ_t) for ŷ_t = σ(z_t) with a cross-entropy loss,
// whose ŷ_t − y_t already is past the σ (and softmax's ŷ − y alike). When the formula side is the derivative side
// times the slope of U = act(X) — X the derivative's variable at its step — at every point, the factor is named.

import { exprText, refText } from '../../language/print';
import { idxValue } from '../../language/idx';
import { RunError, type Run } from '../run';
import type { Claim } from './hints';
import { close } from './points';
import { unaryGrad } from '../unaryGrad';
import { derivOf, sided, type Deriv } from './derivSide';
import type { Expr } from '../../language/model';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { replacing } from './replacing';

type Activation = { name: string; fn: 'sigma' | 'tanh' };

/** the quantities U whose equation is σ(X_t) or tanh(X_t), X the derivative's variable: U and its activation */
function activationsOf(x: string, run: Run): Activation[] {
  const out: Activation[] = [];
  for (const q of run.model.quantities.values()) {
    const g = q.timed ? q.general : null;
    if (g?.k !== 'call' || (g.fn !== 'sigma' && g.fn !== 'tanh')) continue;
    if (g.arg.k === 'ref' && g.arg.name === x && g.arg.idx?.v === 't' && g.arg.idx.k === 0 && !g.arg.idx.terms?.length)
      out.push({ name: q.name, fn: g.fn });
  }
  return out;
}

/**
 * the derivative side d, the formula side's name and the activation U = act(X) whose slope s makes the two agree at
 * every point: d ⊙ s = formula (`twice`: the slope counted twice) or d = formula ⊙ s (the slope left out); null if none
 */
function slopeBetween(c: Claim, run: Run, twice: boolean): { d: Deriv; side: string; u: Activation; sign: 1 | -1 } | null {
  // −∂E/∂net_j, Rumelhart's δ_j: the derivative negated (the other side read with the opposite sign), and δ_j one
  // entry of it, at a free index j (the slope read at that entry)
  const [found, other, side] = derivOf(c.lhs)
    ? [derivOf(c.lhs), c.rhs, 'right']
    : derivOf(c.rhs)
      ? [derivOf(c.rhs), c.lhs, 'left']
      : [null, null, ''];
  if (!found) return null;
  const { d, sign, entry } = found;
  const seen = sided(sign, entry);
  if (!d || !other || !d.total || d.of.k !== 'ref' || d.of.idx || !d.wrt.idx) return null;
  const wrt = d.wrt;
  for (const u of activationsOf(wrt.name, run)) {
    try {
      const ok = c.points.every((p) => {
        const step = idxValue(wrt.idx!, p.env as Record<string, number>);
        const node = step === undefined ? undefined : run.node(u.name, step);
        const arg = step === undefined ? undefined : run.node(wrt.name, step);
        if (!node || !arg || arg.data.length !== node.data.length) return false;
        // the engine's own slope (unaryGrad), so that the hint and the sweeps agree bit for bit
        const all = node.data.map((y, i) => unaryGrad(u.fn, arg.data[i]!, y));
        const at = seen.at(run, p.env);
        if (at === null) return false;
        const slope = seen.pick(all, at);
        const dv = run.evaluateShared(entry ?? d, p.env).data;
        const ov = run.evaluateShared(other, p.env).data.map((x) => sign * x);
        if ((twice ? dv : ov).length !== slope.length || close(dv, ov)) return false;
        return twice
          ? close(
              dv.map((x, i) => x * slope[i]!),
              ov,
            )
          : close(
              dv,
              ov.map((x, i) => x * slope[i]!),
            );
      });
      if (ok) return { d, side, u, sign };
    } catch (x) {
      if (x instanceof RunError) continue;
      throw x;
    }
  }
  return null;
}

/** U, X, the activation's symbol and its slope written in U, as the messages print them */
function slopeText(d: Deriv, u: Activation) {
  const U = exprText({ k: 'ref', name: u.name, idx: d.wrt.idx, shape: [], range: d.range });
  const X = exprText({ k: 'ref', name: d.wrt.name, idx: d.wrt.idx, shape: [], range: d.range });
  const fn = u.fn === 'sigma' ? 'σ' : 'tanh';
  return { U, X, fn, value: u.fn === 'sigma' ? `${U}(1 − ${U})` : `1 − ${U}^2` };
}

export function slopeTwiceHint(c: Claim, run: Run): string | null {
  const found = slopeBetween(c, run, true);
  if (!found) return null;
  const { d, side, u, sign } = found;
  const { U, X, fn, value } = slopeText(d, u);
  const m = sign < 0 ? '−' : '';
  return `The ${side} side is ${m}${exprText(d)} times ${fn}'(${X}) = ${value}, the slope of ${U} = ${fn}(${X}): that slope is counted twice (${exprText(d)} is already past ${U}'s ${fn}), and without it the check holds`;
}

/**
 * The mirror: an activation's slope left out. `δ_t = (w_yᵀ h_t − y_t) w_y + W_hhᵀ δ_{t+1}` for δ_t = ∂L/∂a_t, h_t =
 * tanh(a_t): the right side is ∂L/∂h_t, the gradient before the tanh is passed (session 33: it failed with the values
 * only). When the derivative side is the slope of U = act(X) times the formula side at every point, the factor is named.
 */
export function slopeMissingHint(c: Claim, run: Run): string | null {
  const found = slopeBetween(c, run, false);
  if (!found) return null;
  const { d, side, u, sign } = found;
  const { U, X, fn, value } = slopeText(d, u);
  const L = exprText(d.of);
  const m = sign < 0 ? '−' : '';
  const written = d.alias ? `${refText(d.alias.name, d.alias.idx)} = ${exprText(d)}` : exprText(d);
  return `The ${side} side is ${m}∂${L}/∂${U}, the gradient at the output of ${U} = ${fn}(${X}): ${m}${written} is ${m}∂${L}/∂${U} times ${fn}'(${X}) = ${value} — that factor is missing, and with it the check holds`;
}

/** matrix entries written with two different letters tried swapped, at most this many */
const MAX_SWAPS = 4;

/**
 * Both slips of an exam's δ recursion at once: δ_pj(t−1) = Σ_h δ_ph(t) u_jh, the slope f' left out and the weight's
 * indices in the forward order (it failed with its values only). Where one matrix entry of the formula side with its
 * two indices swapped makes the slope the only thing missing, both are named.
 */
export function slopeMissingSwappedHint(c: Claim, run: Run): string | null {
  const right = derivOf(c.lhs) !== null;
  const side = right ? c.rhs : c.lhs;
  const entries: Extract<Expr, { k: 'index' }>[] = [];
  const find = (x: Expr): void => {
    if (x.k === 'index' && x.j && exprText(x.i) !== exprText(x.j)) entries.push(x);
    forChildren(x, find, VALUE_CHILDREN);
  };
  find(side);
  for (const x of entries.slice(0, MAX_SWAPS)) {
    const swapped = replacing(side, x, { ...x, i: x.j!, j: x.i });
    const edited = right ? { ...c, rhs: swapped } : { ...c, lhs: swapped };
    const missing = slopeMissingHint(edited, run);
    if (missing) {
      const said = missing.replace(/, and with it the check holds$/, '');
      return `Two things differ: ${exprText(x)} should be ${exprText({ ...x, i: x.j!, j: x.i })} (its two indices swapped), and ${said[0]!.toLowerCase()}${said.slice(1)}: with both changed the check holds`;
    }
  }
  return null;
}
