// renameCalls (language/resolve) with the copy made only when there is a call to rename: it copies every node on
// its way and drops the copy when it renamed nothing, and the hints ask it of every failing check's sides (σ^{-1}
// for σ', σ' for tanh'), which mostly have none of those calls (issue 9).

import type { Expr, Fn } from '../../language/model';
import { renameCalls } from '../../language/resolve';
import { callsOf } from './kinds';

/** renameCalls(e, rename): e with every call of a function in `rename` calling its replacement, or null when there is none */
export function renamedCalls(e: Expr, rename: Partial<Record<Fn, Fn>>): Expr | null {
  return callsAny(e, rename) ? renameCalls(e, rename) : null;
}

/** a call of a function in `rename` anywhere renameCalls walks (every child, into derivatives' operands) */
export function callsAny(e: Expr, rename: Partial<Record<Fn, Fn>>): boolean {
  // the functions the expression calls, read from its summary (one walk per side, whichever hint asks first)
  return callsOf(e).some((f) => rename[f] !== undefined);
}
