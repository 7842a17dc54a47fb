// An equation written for the step ahead, as Gang Chen (2016) and Elman write the recurrence: h_{t+1} = f(W_hh h_t +
// W_xh x_{t+1} + b_h), for t = 0..T−1. It is the general equation h_t = f(W_hh h_{t-1} + W_xh x_t + b_h) for t =
// 1..T with every step one back, so it is read so (an information says how), and the network prints it with t.

import type { Expr, Idx } from '../model';
import { mapChildren } from './walk';

/** the left side's index is t + 1: the equation for the step ahead */
export const isStepAhead = (idx: Idx | null): boolean => !!idx && idx.v === 't' && idx.k === 1 && !idx.terms?.length;

/** idx with t read as t − 1: its constant moves back by t's coefficient (t − i's t too) */
function back(idx: Idx): Idx {
  let c = idx.v === 't' ? 1 : 0;
  for (const x of idx.terms ?? []) if (x.v === 't') c += x.sign;
  return c ? { ...idx, k: idx.k - c } : idx;
}

/** e written at step t + 1, read at step t: every index that mentions t moves back by one step */
export function stepBack(e: Expr): Expr {
  const go = (x: Expr): Expr => {
    if (x.k === 'ref') return x.idx ? { ...x, idx: back(x.idx) } : x;
    if (x.k === 'var') return { ...x, idx: back(x.idx) };
    if (x.k === 'sum' || x.k === 'prod') return { ...x, from: back(x.from), to: back(x.to), body: go(x.body) };
    if (x.k === 'deriv')
      return {
        ...x,
        of: go(x.of),
        wrt: { ...x.wrt, idx: x.wrt.idx && back(x.wrt.idx) },
        ...(x.alias ? { alias: { ...x.alias, idx: x.alias.idx && back(x.alias.idx) } } : {}),
      };
    return mapChildren(x, go);
  };
  return go(e);
}
