// f'(y_j(t−1)) with y = f(net): the slope written at the unit's output, as Bodén (2002) and Guo (2013) print it —
// their f'(y) is the slope at the net input written through the output (the logistic's y(1 − y)). Taken literally
// it is f' at another point, and the check fails, naming y_{t-1} for net_{t-1}; the sentence added says why a
// student copying that notation wrote it, and the two ways to write the slope meant. The verdict stays: read as
// f'(net) it would also pass σ'(h_t) for σ'(a_t), the slip graders circle in every other source.
import type { Expr, Model } from '../../language/model';
import { activation, unprimed } from '../../language/activations';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';

/** the output's form of each activation's slope, with y for the output */
const THROUGH_OUTPUT: Partial<Record<string, (y: string) => string>> = {
  sigma: (y) => `${y}(1 − ${y})`,
  tanh: (y) => `1 − ${y}^2`,
};

/**
 * the sentence for a replacement of `target` by `by` in `side`, where target is the argument of an activation's
 * derivative and is that activation's output whose input `by` is; null otherwise
 */
export function outputSlopeNote(side: Expr, target: Expr, by: Expr, model: Model): string | null {
  if (target.k !== 'ref' || !target.idx) return null;
  let call: Extract<Expr, { k: 'call' }> | null = null;
  const find = (x: Expr): void => {
    if (call) return;
    if (x.k === 'call' && (x.arg === target || (x.arg.k === 'index' && x.arg.a === target)) && unprimed(x.fn)) call = x;
    else forChildren(x, find, VALUE_CHILDREN);
  };
  find(side);
  const found = call as Extract<Expr, { k: 'call' }> | null;
  if (!found) return null;
  const fn = unprimed(found.fn)!;
  const eq = model.quantities.get(target.name)?.general;
  if (!eq || eq.k !== 'call' || eq.fn !== fn || !activation(fn)) return null;
  const y = exprText(target);
  const form = THROUGH_OUTPUT[fn]?.(y);
  return `${activation(fn)!.written}(${y}) is the slope at the unit's output; it is taken at its input, ${exprText(by)} (${y} = ${fn === 'sigma' ? 'σ' : fn}(${exprText(by)})). Bodén and Guo write f'(y) for that slope written through the output${form ? `, ${form} here` : ''}: write that, or ${activation(fn)!.written}(${exprText(by)})`;
}
