// The context an expression is read in, and the one way a reading is abandoned.

import type { Range } from '../../report';
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
}

/** thrown to abandon an expression once its diagnostic is reported (or when it must stay quiet) */
export class Abandoned extends Error {}

export function fail(ctx: ExprContext, message: string, range: Range, code?: string): never {
  if (!ctx.quiet) ctx.scope.error(message, range, code);
  throw new Abandoned();
}

export function withVars(ctx: ExprContext, ...vars: string[]): ExprContext {
  return { ...ctx, vars: new Set([...ctx.vars, ...vars]) };
}
