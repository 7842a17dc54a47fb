// CS230's ∂L^{(T)}/∂W |_{(t)} (the "evaluated at step t" bar of the RNN cheat sheet, also CS224n's ∂J/∂W|_{(i)}):
// the derivative by the copy of a shared weight used at step t, each step's term of ∂L/∂W = Σ_t ∂L/∂W|_{(t)}. It is
// Σ_X ∂A/∂X_t ∂⁺X_t/∂W over the quantities X whose own equation uses W: every path from W's step-t use to A, and
// only those. Read as that sum, written in the language, so that every diagnosis applies to it.

import type { Ast, NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { Decl, Quantity } from '../model';
import { lastUnderscore } from '../segments';
import { fail, type ExprContext } from './context';
import { tryTimeIndex } from './timeIndex';
import { walkRefs } from './walk';

/**
 * A shared parameter written with a step where a derivative's variable stands: Goodfellow's W^{(t)} (§10.2.2, any
 * shared parameter), Hinton's w_1, w_2 (lecture 7b, the tied weights of the unrolled net: a scalar parameter, whose
 * subscript can pick no entry) and Prince's Ω_k (a matrix, which one index cannot pick an entry of either), each the
 * copy of the parameter used at that step. The parameter and the step; null
 * for any other name (a name the file defines as written, w_1 itself, is that name).
 */
export function copyWritten(w: Ast, ctx: ExprContext): { decl: Decl; at: Ast; form: 'sup' | 'sub' } | null {
  if (w.k !== 'name' || w.args) return null;
  const scope = ctx.scope;
  // under a subscript, a scalar's, or a matrix's with a letter: one index picks no entry of either (Prince's Ω_k, a
  // shared Ω at layer k); a vector's b_k is its entry k, and a matrix's W_{12} its entry (1, 2)
  const shared = (name: string, sub: Ast | null): Decl | null => {
    const d = scope.decls.get(name);
    if (!d || d.kind !== 'param' || d.perStep) return null;
    return !sub || d.shape.length === 0 || (d.shape.length === 2 && sub.k !== 'num') ? d : null;
  };
  const step = (at: Ast): boolean => tryTimeIndex(at, ctx.vars, scope.T) !== null;
  // (w(k), a step in parentheses, is the weight at time k of adaptive filtering, the parameter itself: names.ts weightAtTime)
  if (w.sup && !w.sub && !w.stepCall) {
    const d = shared(w.raw, null);
    return d && step(w.sup) ? { decl: d, at: w.sup, form: 'sup' } : null;
  }
  if (w.sup) return null;
  if (w.sub) {
    const d = w.sub.k !== 'list' ? shared(w.raw, w.sub) : null;
    return d && step(w.sub) ? { decl: d, at: w.sub, form: 'sub' } : null;
  }
  // w_1, w_t: the step glued to the name by the lexer
  const cut = lastUnderscore(w.raw);
  if (cut < 0 || scope.isKnown(w.raw)) return null;
  const seg = w.raw.slice(cut + 1);
  const at: Ast = /^\d+$/.test(seg)
    ? { k: 'num', value: Number(seg), range: w.range }
    : { k: 'name', raw: seg, sub: null, sup: null, range: w.range, nameRange: w.range };
  const d = shared(w.raw.slice(0, cut), at);
  return d && step(at) ? { decl: d, at, form: 'sub' } : null;
}

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

/**
 * the sum Σ_X ∂A/∂X^{(at)} ∂⁺X^{(at)}/∂W that `∂A/∂W|_{(at)}` stands for; `written` where the copy was written on the
 * parameter, as W^{(t)} or w_1 (copyWritten), for the information's wording
 */
export function stepCopyTerms(a: Ast & { k: 'deriv' }, at: Ast, ctx: ExprContext, written?: 'sup' | 'sub'): Ast {
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
    const terms = users.map((u) => `∂A/∂${u}_${sub} ∂⁺${u}_${sub}/∂${decl.name}`).join(' + ');
    scope.diagnostics.push(
      diag(
        'information',
        written
          ? `${written === 'sup' ? `${decl.name}^{(${step})}` : `${decl.name}_${sub}`} is read as ${decl.name}'s copy used at step ${step} alone (the shared ${decl.name}'s use in that step's own equations): the derivative by it is ${terms}`
          : `|_{(${step})} is read as the derivative by ${decl.name}'s copy at step ${step}: ${terms}`,
        a.range,
        'step-copy',
      ),
    );
  }
  return terms.reduce((s, t) => ({ k: 'bin', op: '+', a: s, b: t, range: a.range }));
}
