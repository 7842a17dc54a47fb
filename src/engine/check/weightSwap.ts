// Two of the network's weights exchanged in a formula (Grosse's h̄^{(t)} = z̄^{(t+1)} w + r̄^{(t)} v written with v and w
// in each other's place): each term matches no path of the network, no single edit mends the side, and it failed with
// its values only. A grader circles the pair. Tried only where nothing else named the mistake: each pair of distinct
// parameters of one shape that the formula side writes, exchanged everywhere in it; said where that makes the check hold
// at the file's values and at the draws.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { formulaOnRight } from './formulaSide';
import type { Claim } from './hints';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';

/** pairs tried at most: each costs one evaluation at every point */
const MAX_PAIRS = 10;

/** the parameters the side writes whole (no step, no entry), each once, in the order written */
function parameters(e: Expr, run: Run, out: Map<string, Expr> = new Map()): Map<string, Expr> {
  if (e.k === 'ref' && !e.idx && run.model.decls.get(e.name)?.kind === 'param') {
    if (!out.has(e.name)) out.set(e.name, e);
  } else if (e.k !== 'deriv') forChildren(e, (x) => void parameters(x, run, out), VALUE_CHILDREN);
  return out;
}

const sameShape = (a: Expr, b: Expr) => a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]);

export function weightSwapHint(c: Claim, run: Run, other: OtherValues): string | null {
  const right = formulaOnRight(c);
  const side = right ? c.rhs : c.lhs;
  const mix = complementSwap(c, side, right, run, other);
  if (mix) return mix;
  const ps = [...parameters(side, run).values()];
  if (ps.length < 2) return null;
  let tried = 0;
  for (let i = 0; i < ps.length; i++)
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i]!;
      const b = ps[j]!;
      if (a.k !== 'ref' || b.k !== 'ref' || !sameShape(a, b)) continue;
      if (tried++ >= MAX_PAIRS) return null;
      const swapped = replaceWhere(
        side,
        (x) =>
          x.k === 'ref' && !x.idx && x.name === a.name
            ? { ...b, range: x.range }
            : x.k === 'ref' && !x.idx && x.name === b.name
              ? { ...a, range: x.range }
              : null,
        VALUES,
      );
      const [l, r] = right ? [c.lhs, swapped] : [swapped, c.rhs];
      if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
      return `${exprText(a)} and ${exprText(b)} are exchanged: with each in the other's place the check holds`;
    }
  return null;
}

/** 1 − q written as such, q no number: its q, else null */
const complementOf = (x: Expr): Expr | null => (x.k === 'sub' && x.a.k === 'num' && x.a.value === 1 && x.b.k !== 'num' ? x.b : null);

/**
 * The two weights of a mix exchanged: a leaky integrator's x(n) = α x(n−1) + (1 − α) x̃(n) for (1 − α) x(n−1) + α x̃(n)
 * (Lukoševičius's leaking rate), a gate and its complement in a GRU's interpolation. The side writes some q and 1 − q
 * both; each put in the other's place. It failed with its values only (no single edit mends two places).
 */
function complementSwap(c: Claim, side: Expr, right: boolean, run: Run, other: OtherValues): string | null {
  const seen = new Map<string, Expr>();
  const walk = (x: Expr): void => {
    const q = complementOf(x);
    if (q) seen.set(exprText(q), q);
    forChildren(x, walk, VALUE_CHILDREN);
  };
  walk(side);
  let tried = 0;
  for (const [text, q] of seen) {
    if (tried++ >= MAX_PAIRS) return null;
    let bare = false;
    const swapped = replaceWhere(
      side,
      (x) => {
        const inner = complementOf(x);
        if (inner && exprText(inner) === text) return { ...q, range: x.range };
        if (exprText(x) !== text) return null;
        bare = true;
        return { k: 'sub', a: { k: 'num', value: 1, shape: [], range: x.range }, b: x, shape: x.shape, range: x.range };
      },
      VALUES,
    );
    if (!bare) continue;
    const [l, r] = right ? [c.lhs, swapped] : [swapped, c.rhs];
    if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
    const complement = text.includes(' ') ? `1 − (${text})` : `1 − ${text}`;
    return `${text} and ${complement} are exchanged: with each in the other's place the check holds`;
  }
  return null;
}
