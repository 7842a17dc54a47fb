// σ'(·), 1 − tanh²(·), relu'(\cdot): notes write an activation's slope "at its argument" with a dot for it. In a check
// whose left side differentiates a quantity, ∂h_t/∂h_{t-1} = σ'(·) W_hh, the dot is σ's argument in that quantity's
// own equation, at the step written — what the student means. Anywhere else, or where that equation applies the
// function to no argument or to two, the dot is a diagnostic saying what to write.

import { DERIVABLE } from '../lexer';
import type { Ast } from '../ast';
import type { Expr, Fn, Idx } from '../model';
import { exprText } from '../print';
import { diag } from '../diagnostics';
import { fail, type ExprContext } from './context';
import type { Scope } from './scope';
import { forChildren, mapIndicesOf } from './walk';

const SHOWN: Record<string, string> = { sigma: 'σ', tanh: 'tanh', relu: 'relu' };

/** the function whose argument a placeholder call stands at: σ for σ and σ' */
const baseOf = (fn: string) => (fn.startsWith('d') && DERIVABLE.has(fn.slice(1)) ? fn.slice(1) : fn);

/**
 * For a check whose left side is ∂X_s/∂… (X a quantity of the network): each activation applied in X's equation to
 * one argument, that argument at step s; an activation applied to several, or to none, the reason it cannot be read
 */
export function placeholderArguments(left: Expr, scope: Scope): Map<string, Expr | string> {
  const out = new Map<string, Expr | string>();
  const of = left.k === 'deriv' && left.of.k === 'ref' ? left.of : null;
  const q = of ? scope.quantities.get(of.name) : undefined;
  const what = of ? exprText(of) : 'the left side';
  for (const fn of Object.keys(SHOWN)) {
    out.set(
      fn,
      `it is read as ${SHOWN[fn]}'s argument in the equation of the quantity the left side differentiates, and ${of && q ? `${what}'s equation applies no ${SHOWN[fn]}` : `${what} is no such derivative`}: write the argument`,
    );
  }
  if (!of || !q || !q.general) return out;
  const args = new Map<string, Map<string, Expr>>();
  const walk = (e: Expr): void => {
    if (e.k === 'call' && Object.hasOwn(SHOWN, baseOf(e.fn))) {
      const m = args.get(baseOf(e.fn)) ?? new Map<string, Expr>();
      m.set(exprText(e.arg), e.arg);
      args.set(baseOf(e.fn), m);
    }
    forChildren(e, walk);
  };
  walk(q.general);
  for (const [fn, m] of args) {
    if (m.size > 1) {
      out.set(fn, `${what}'s equation applies ${SHOWN[fn]} to ${[...m.keys()].join(' and to ')}: write the one meant`);
      continue;
    }
    const arg = [...m.values()][0]!;
    const at: Idx | null = q.timed ? of.idx : null;
    // the general equation is written at step t: put the step of the derivative's X in its place
    out.set(
      fn,
      at
        ? mapIndicesOf(arg, 't', (i) =>
            i.v === 't' && !i.terms?.length ? { v: at.v, k: at.k + i.k, ...(at.terms ? { terms: at.terms } : {}) } : i,
          )
        : arg,
    );
  }
  return out;
}

/** a call written σ'(·): the function at the argument the check's left side gives it (placeholderArguments) */
export function readPlaceholder(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  const fn = baseOf(a.fn);
  const got = ctx.placeholder?.get(fn);
  const shown = `${SHOWN[fn] ?? fn}${fn === a.fn ? '' : "'"}`;
  if (got === undefined || typeof got === 'string')
    return fail(
      ctx,
      `${shown}(·) leaves out its argument: ${got ?? (Object.hasOwn(SHOWN, fn) ? "only a check whose left side differentiates a quantity reads it, from that quantity's equation; write the argument" : 'write it')}`,
      a.range,
      'syntax',
    );
  if (ctx.record && !ctx.quiet) {
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${shown}(·) is read as ${shown}(${exprText(got)}), ${SHOWN[fn]}'s argument in the equation the left side differentiates`,
        a.range,
        'placeholder',
      ),
    );
  }
  return { k: 'call', fn: a.fn as Fn, arg: { ...got, range: a.arg.range }, shape: got.shape, range: a.range };
}
