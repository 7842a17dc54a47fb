// A vector target given no values, used as a cross-entropy target (−Σ y ⊙ log ŷ): its sample values and its
// draws are one-hot, as a classification target is (LANGUAGE.md §5 keeps a given target's kind in the draws;
// with none given, the loss says which kind it is). So `∂L/∂p_T = softmax(p_T) − y_T` holds for a network
// declared `target y : 3` with no values, as a teacher reads it.

import type { Decl, Expr } from '../model';
import type { Scope } from './scope';
import { commonChild, commonChildCount, forChildren } from './walk';

const PRODUCTS = new Set<Expr['k']>(['mul', 'hadamard', 'matmul', 'contract']);

/** the target a factor is, through a sign, a transpose or an entry: y_t, y_tᵀ, y_t[i], −yᵀ (−yᵀ log(p) reads so) */
function targetOf(e: Expr, scope: Scope): string | null {
  const y = e.k === 'neg' ? e.a : e;
  const x = y.k === 'transpose' || y.k === 'index' ? y.a : y;
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
  if (e.k === 'ref' || e.k === 'num' || e.k === 'var') return;
  const n = commonChildCount(e);
  if (n < 0) forChildren(e, (c) => crossEntropyTargets(c, scope, out));
  else for (let i = 0; i < n; i++) crossEntropyTargets(commonChild(e, i), scope, out);
}

/** scalar targets indexing a vector (ŷ_{t,y_t}, ŷ_t[y_t]): the fewest entries each indexes */
function classLabels(e: Expr, scope: Scope, out: Map<string, number>): void {
  if (e.k === 'index' && !e.j && e.a.shape.length === 1 && e.i.k === 'ref') {
    const d = scope.decls.get(e.i.name);
    const n = e.a.shape[0]!;
    if (d && d.kind === 'target' && d.shape.length === 0) out.set(d.name, Math.min(n, out.get(d.name) ?? n));
  }
  // the common kinds recursed on here, with no closure per node (walk.ts, BINARY_KINDS)
  if (e.k === 'ref' || e.k === 'num' || e.k === 'var') return;
  const n = commonChildCount(e);
  if (n < 0) forChildren(e, (c) => classLabels(c, scope, out));
  else for (let i = 0; i < n; i++) classLabels(commonChild(e, i), scope, out);
}

/** whether some target declaration passes the test: a walk of the equations for targets of no such kind marks nothing */
function someTarget(scope: Scope, test: (d: Decl) => boolean): boolean {
  for (const d of scope.decls.values()) if (d.kind === 'target' && test(d)) return true;
  return false;
}

/** mark every scalar target used as a vector's entry index as a class label of that many classes */
export function markClassLabels(scope: Scope): void {
  if (!someTarget(scope, (d) => d.shape.length === 0)) return;
  const found = new Map<string, number>();
  for (const q of scope.quantities.values()) {
    if (q.general) classLabels(q.general, scope, found);
    for (const e of q.overrides.values()) classLabels(e, scope, found);
  }
  for (const [name, n] of found) scope.decls.get(name)!.classes = n;
}

/** mark every value-less vector target of a cross-entropy as sampled and drawn one-hot */
export function markOneHotTargets(scope: Scope): void {
  if (!someTarget(scope, drawnOneHot)) return;
  const found = new Set<string>();
  for (const q of scope.quantities.values()) {
    if (q.general) crossEntropyTargets(q.general, scope, found);
    for (const e of q.overrides.values()) crossEntropyTargets(e, scope, found);
  }
  for (const name of found) {
    const d = scope.decls.get(name)!;
    if (drawnOneHot(d)) d.sample = 'onehot';
  }
}

/** a target of a cross-entropy that is drawn one-hot: a vector of several entries given no values */
const drawnOneHot = (d: Decl): boolean => !d.values && d.shape.length === 1 && d.shape[0]! > 1;
