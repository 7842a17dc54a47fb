// The context an expression is read in, and the one way a reading is abandoned.

import type { DiagnosticFix, Range } from '../../report';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import type { Scope } from './scope';

export interface ExprContext {
  scope: Scope;
  /** index variables in scope: 't' (free step) and Σ/∏ variables */
  vars: Set<string>;
  /** report nothing (shape inference reads equations before their final pass) */
  quiet: boolean;
  /** the quantity whose equation this is (for symbols) */
  of: string | null;
  /** derivative terms: only in questions */
  allowDeriv: boolean;
  /** record symbol occurrences (the final pass only) */
  record: boolean;
  /** a question's free-index letters (no Σ/∏ of it binds them): `Σ_{j=1}^{n}` with such an n sums every entry */
  free: ReadonlySet<string> | undefined;
  /** a check's σ'(·): the argument each function (sigma, tanh, relu) is read at, or why it cannot be */
  placeholder: ReadonlyMap<string, Expr | string> | undefined;
  /** this context reading no derivative terms, once withoutDeriv made it (each ∂ of a question asked for it twice) */
  noDeriv: ExprContext | null;
}

/**
 * A context with every field, in this one order: every context is made here, so that they all share one map and the
 * reads of ctx.scope, ctx.vars, ctx.record … in the reader stay monomorphic. Contexts made as literals in two orders
 * and as spreads of each other (each spread a map of its own) made those reads megamorphic, in every name read.
 */
export function exprContext(
  scope: Scope,
  vars: Set<string>,
  quiet: boolean,
  of: string | null,
  allowDeriv: boolean,
  record: boolean,
  free: ReadonlySet<string> | undefined,
  placeholder: ReadonlyMap<string, Expr | string> | undefined,
): ExprContext {
  return { scope, vars, quiet, of, allowDeriv, record, free, placeholder, noDeriv: null };
}

/**
 * ctx reading no derivative terms (∂'s operand and variable): ctx itself when it reads none already, else made once
 * per context (a context's fields are never changed, so the one made first serves every later ∂)
 */
export function withoutDeriv(ctx: ExprContext): ExprContext {
  if (!ctx.allowDeriv) return ctx;
  return (ctx.noDeriv ??= exprContext(ctx.scope, ctx.vars, ctx.quiet, ctx.of, false, ctx.record, ctx.free, ctx.placeholder));
}

/** ctx reporting and recording nothing (a reading tried, or asked for its shape only), reading derivative terms as allowDeriv says */
export function quietly(ctx: ExprContext, allowDeriv = ctx.allowDeriv): ExprContext {
  return exprContext(ctx.scope, ctx.vars, true, ctx.of, allowDeriv, false, ctx.free, ctx.placeholder);
}

/** thrown to abandon an expression once its diagnostic is reported (or when it must stay quiet) */
export class Abandoned extends Error {}

/** abandoned because the expression uses a name that is not available (its own definition has the error) */
export class UsesUnavailable extends Abandoned {
  constructor(readonly unavailable: string) {
    super(unavailable);
  }
}

/** a use of a name whose definition has an error: said once per use as a warning, never "unknown name" */
export function failUnavailable(ctx: ExprContext, name: string, range: Range): never {
  const why = ctx.scope.unavailableMessage(name);
  if (!ctx.quiet && why) ctx.scope.diagnostics.push(diag('warning', why, range, 'unavailable'));
  throw new UsesUnavailable(name);
}

export function fail(ctx: ExprContext, message: string, range: Range, code?: string, fix?: DiagnosticFix): never {
  if (!ctx.quiet) ctx.scope.error(message, range, code, fix);
  throw new Abandoned();
}

export function withVars(ctx: ExprContext, ...vars: string[]): ExprContext {
  // copied and added to, not spread into an array first (every Σ/∏ read)
  const all = new Set(ctx.vars);
  for (const v of vars) all.add(v);
  return exprContext(ctx.scope, all, ctx.quiet, ctx.of, ctx.allowDeriv, ctx.record, ctx.free, ctx.placeholder);
}
