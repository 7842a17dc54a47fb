// CS230's ∂L^{(T)}/∂W |_{(t)} (the "evaluated at step t" bar of the RNN cheat sheet, also CS224n's ∂J/∂W|_{(i)}):
// the derivative by the copy of a shared weight used at step t, each step's term of ∂L/∂W = Σ_t ∂L/∂W|_{(t)}. It is
// Σ_X ∂A/∂X_t ∂⁺X_t/∂W over the quantities X whose own equation uses W: every path from W's step-t use to A, and
// only those. Read as that sum, written in the language, so that every diagnosis applies to it.

import type { Ast, NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { Quantity } from '../model';
import { fail, type ExprContext } from './context';
import { walkRefs } from './walk';

/** the quantities X whose own equation at a step uses the parameter w: the terms of its step copy */
export function stepUsers(quantities: ReadonlyMap<string, Quantity>, w: string): string[] {
  const users: string[] = [];
  for (const [name, q] of quantities) {
    if (!q.timed || !q.general) continue;
    let uses = false;
    walkRefs(q.general, (r) => {
      if (r.name === w) uses = true;
    });
    if (uses) users.push(name);
  }
  return users;
}

/** the sum Σ_X ∂A/∂X^{(at)} ∂⁺X^{(at)}/∂W that `∂A/∂W|_{(at)}` stands for */
export function stepCopyTerms(a: Ast & { k: 'deriv' }, at: Ast, ctx: ExprContext): Ast {
  const scope = ctx.scope;
  const w = a.wrt;
  const decl = w.k === 'name' && !w.sub && !w.sup ? scope.decls.get(w.raw) : undefined;
  if (!decl || decl.kind !== 'param' || decl.perStep)
    return fail(
      ctx,
      `∂A/∂B|_{(…)} is the derivative by the copy of a shared parameter used at that step (CS230, CS224n): B must be a parameter of every step, as W_hh`,
      w.range,
      'syntax',
    );
  const users = stepUsers(scope.quantities, decl.name);
  if (!users.length) return fail(ctx, `no equation of the network uses ${decl.name} at a step, so it has no step copy`, w.range, 'syntax');
  const terms = users.map((name): Ast => {
    const x: NameAst = { k: 'name', raw: name, sub: null, sup: at, range: a.range, nameRange: a.range };
    const toX: Ast = { k: 'deriv', plus: false, of: a.of, wrt: x, range: a.range };
    const local: Ast = { k: 'deriv', plus: true, of: x, wrt: w, range: a.range };
    return { k: 'bin', op: 'juxt', a: toX, b: local, range: a.range };
  });
  if (ctx.record && !ctx.quiet) {
    const step =
      at.k === 'num'
        ? String(at.value)
        : at.k === 'name'
          ? at.raw
          : at.k === 'bin' && at.a.k === 'name' && at.b.k === 'num'
            ? `${at.a.raw}${at.op}${at.b.value}`
            : 't';
    // a step of more than one character in braces, as messages print it (z_{t-1})
    const sub = step.length > 1 ? `{${step}}` : step;
    const written = users.map((u) => `∂A/∂${u}_${sub} ∂⁺${u}_${sub}/∂${decl.name}`).join(' + ');
    scope.diagnostics.push(
      diag(
        'information',
        `|_{(${step})} is read as the derivative by ${decl.name}'s copy at step ${step}: ${written}`,
        a.range,
        'step-copy',
      ),
    );
  }
  return terms.reduce((s, t) => ({ k: 'bin', op: '+', a: s, b: t, range: a.range }));
}
