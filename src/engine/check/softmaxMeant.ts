// σ written where softmax is meant: `∂L/∂o_t = σ(o_t) − y_t` for a network whose output is ŷ_t = softmax(o_t) with a
// cross-entropy loss. σ is elementwise (each entry alone), softmax normalises the whole vector; the two agree on no
// vector of two or more entries, so the check fails with its two vectors only. When softmax in the place of a σ of a
// vector makes the check hold (at the file's values and a draw), it is named, with the network's name for it.

import type { Expr } from '../../language/model';
import { refText } from '../../language/print';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { replaceWhere, type Walk } from './replacing';
import { VALUE_CHILDREN } from '../../language/resolve';
import { printerFor } from './writtenT';
import { callsOf } from './kinds';

type Call = Expr & { k: 'call' };

/** the values a side combines, not into an entry v[…] nor a derivative */
const WALK: Walk = { children: VALUE_CHILDREN, stops: (x) => x.k === 'index' || x.k === 'deriv' };

/** at most this many σ calls are tried */
const MAX_TRIED = 4;

function sigmasOfVectors(e: Expr): Call[] {
  const out: Call[] = [];
  replaceWhere(
    e,
    (x) => {
      if (x.k === 'call' && x.fn === 'sigma' && x.arg.shape?.length === 1 && (x.arg.shape[0] ?? 0) > 1) out.push(x);
      return null;
    },
    WALK,
  );
  return out;
}

/** the network's quantity defined as softmax of the same name (ŷ_t = softmax(o_t)), at the argument's step */
function softmaxName(arg: Expr, run: Run): string | null {
  if (arg.k !== 'ref') return null;
  for (const q of run.model.quantities.values()) {
    const g = q.general;
    if (g?.k === 'call' && g.fn === 'softmax' && g.arg.k === 'ref' && g.arg.name === arg.name)
      return q.timed ? refText(q.name, arg.idx) : refText(q.name, null);
  }
  return null;
}

export function softmaxMeantHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  if (!callsOf(c.rhs).includes('sigma')) return null;
  const calls = sigmasOfVectors(c.rhs).slice(0, MAX_TRIED);
  if (!calls.length) return null;
  const show = printerFor(c.text, run.model.T);
  for (const s of calls) {
    const soft: Expr = { ...s, fn: 'softmax' };
    const rhs = replaceWhere(c.rhs, (x) => (x === s ? soft : null), WALK);
    if (!holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) continue;
    const named = softmaxName(s.arg, run);
    return (
      `${show(s)} should be ${show(soft)}${named ? ` (${named} in the network)` : ''}: σ acts on each entry alone, ` +
      `softmax normalises the whole vector ${show(s.arg)}; with softmax the check holds`
    );
  }
  return null;
}
