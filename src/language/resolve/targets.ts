// A vector target given no values, used as a cross-entropy target (−Σ y ⊙ log ŷ): its sample values and its
// draws are one-hot, as a classification target is (LANGUAGE.md §5 keeps a given target's kind in the draws;
// with none given, the loss says which kind it is). So `∂L/∂p_T = softmax(p_T) − y_T` holds for a network
// declared `target y : 3` with no values, as a teacher reads it.

import type { Expr } from '../model';
import type { Scope } from './scope';
import { forChildren } from './walk';

const PRODUCTS = new Set<Expr['k']>(['mul', 'hadamard', 'matmul', 'contract']);

/** the target a factor is, through a transpose or an entry: y_t, y_tᵀ, y_t[i] */
function targetOf(e: Expr, scope: Scope): string | null {
  const x = e.k === 'transpose' || e.k === 'index' ? e.a : e;
  if (x.k !== 'ref') return null;
  const d = scope.decls.get(x.name);
  return d && d.kind === 'target' ? d.name : null;
}

function hasLog(e: Expr): boolean {
  if (e.k === 'call' && e.fn === 'log') return true;
  let found = false;
  forChildren(e, (c) => {
    found ||= hasLog(c);
  });
  return found;
}

/** targets multiplied by a log somewhere in an equation: y_t ⊙ log(ŷ_t), y_tᵀ log(ŷ_t), y_i log ŷ_i */
function crossEntropyTargets(e: Expr, scope: Scope, out: Set<string>): void {
  if (PRODUCTS.has(e.k) && 'b' in e) {
    const ta = targetOf(e.a, scope);
    const tb = targetOf(e.b, scope);
    if (ta && hasLog(e.b)) out.add(ta);
    if (tb && hasLog(e.a)) out.add(tb);
  }
  forChildren(e, (c) => crossEntropyTargets(c, scope, out));
}

/** scalar targets indexing a vector (ŷ_{t,y_t}, ŷ_t[y_t]): the fewest entries each indexes */
function classLabels(e: Expr, scope: Scope, out: Map<string, number>): void {
  if (e.k === 'index' && !e.j && e.a.shape.length === 1 && e.i.k === 'ref') {
    const d = scope.decls.get(e.i.name);
    const n = e.a.shape[0]!;
    if (d && d.kind === 'target' && d.shape.length === 0) out.set(d.name, Math.min(n, out.get(d.name) ?? n));
  }
  forChildren(e, (c) => classLabels(c, scope, out));
}

/** mark every scalar target used as a vector's entry index as a class label of that many classes */
export function markClassLabels(scope: Scope): void {
  const found = new Map<string, number>();
  for (const q of scope.quantities.values()) {
    if (q.general) classLabels(q.general, scope, found);
    for (const e of q.overrides.values()) classLabels(e, scope, found);
  }
  for (const [name, n] of found) scope.decls.get(name)!.classes = n;
}

/** mark every value-less vector target of a cross-entropy as sampled and drawn one-hot */
export function markOneHotTargets(scope: Scope): void {
  const found = new Set<string>();
  for (const q of scope.quantities.values()) {
    if (q.general) crossEntropyTargets(q.general, scope, found);
    for (const e of q.overrides.values()) crossEntropyTargets(e, scope, found);
  }
  for (const name of found) {
    const d = scope.decls.get(name)!;
    if (!d.values && d.shape.length === 1 && d.shape[0]! > 1) d.sample = 'onehot';
  }
}
