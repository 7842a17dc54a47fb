// The objective: the `loss` declaration, else the last untimed scalar that depends on something.

import type { Expr, Quantity } from '../model';
import { diag } from '../diagnostics';
import { displayName, exprText } from '../print';
import { shapeText } from '../shapes';
import type { Scope } from './scope';
import { refsAny } from './walk';

/**
 * a `loss` that is not one number is an error at its definition, and the name is then unavailable (LANGUAGE.md §6:
 * "reported once, at that definition"): run before spreadBroken, so that every use says so instead of going on
 * with a vector loss (a derivative ∂L/∂W of 3-tensors, a check comparing vectors)
 */
export function refuseVectorLoss(scope: Scope): void {
  for (const q of scope.quantities.values()) {
    if (!q.isLoss || !q.shape.length || scope.broken.has(q.name)) continue;
    const def = scope.definitions.find((d) => d.key === q.name && d.st.isLoss);
    // the product in the loss's own equation, else in a per-step loss it adds up (said, but written on another line)
    const own = q.general ? entrywiseProduct(q.general, scope, null) : null;
    const product = own ?? (q.general ? entrywiseProduct(q.general, scope, new Set([q.name])) : null);
    const dot = product ? dotProduct(product) : null;
    scope.error(
      `the loss ${displayName(q.name)} is a ${shapeText(q.shape)}, but a loss is one number: add its entries with \`loss ${displayName(q.name)} = sum(…)\`${dot ? dot.text : ''}`,
      def ? def.st.rhs.range : q.range,
      'shape-mismatch',
      // the quick fix transposes the left vector where the product is written in the loss's own equation
      own && dot && dot.row.k === 'ref' ? { transpose: 'add', name: exprText(dot.row) } : undefined,
    );
    scope.refusedLoss = { name: q.name, shape: q.shape };
    scope.markBroken(q.name, def ? def.st.range.line : q.line);
  }
}

/**
 * The product of two vectors entry by entry that makes a loss a vector, where its terms add up: under a minus, a Σ, a
 * scalar factor, or in a per-step loss it adds (L_t of Σ_t L_t). A cross-entropy written as textbooks print it,
 * −Σ_t y_t log ŷ_t, multiplies y_t and log ŷ_t entry by entry (LANGUAGE.md §4) where the dot product is meant: the
 * error then names the product and its dot-product spelling, so the student sees why the loss is a vector.
 */
function entrywiseProduct(e: Expr, scope: Scope, seen: Set<string> | null): (Expr & { k: 'hadamard' }) | null {
  const vector = (x: Expr) => x.shape.length === 1 && x.shape[0]! > 1;
  switch (e.k) {
    case 'hadamard':
      return vector(e.a) && vector(e.b) ? e : null;
    case 'neg':
      return entrywiseProduct(e.a, scope, seen);
    case 'add':
    case 'sub':
      return entrywiseProduct(e.a, scope, seen) ?? entrywiseProduct(e.b, scope, seen);
    case 'sum':
      return entrywiseProduct(e.body, scope, seen);
    case 'mul':
    case 'div':
      // a scalar factor or divisor (½, 1/T) of the vector term
      if (e.b.shape.length === 0) return entrywiseProduct(e.a, scope, seen);
      return e.k === 'mul' && e.a.shape.length === 0 ? entrywiseProduct(e.b, scope, seen) : null;
    case 'ref': {
      // seen: the quantities followed so far, null when only the loss's own equation is searched
      const q = scope.quantities.get(e.name);
      if (!seen || !q?.general || seen.has(e.name)) return null;
      seen.add(e.name);
      return entrywiseProduct(q.general, scope, seen);
    }
    default:
      return null;
  }
}

/** how the dot product of the two vectors of `p` is written (y_tᵀ log(ŷ_t)), said after the error; `row` its left vector */
function dotProduct(p: Expr & { k: 'hadamard' }): { text: string; row: Expr } {
  // −y_t log ŷ_t reads as (−y_t) ⊙ log ŷ_t: the minus is the loss's, said outside the product
  const bare = (x: Expr) => (x.k === 'neg' ? x.a : x);
  const [a, b] = [bare(p.a), bare(p.b)];
  const product: Expr = { ...p, a, b };
  const row: Expr = { k: 'transpose', a, shape: [1, a.shape[0]!], range: a.range };
  const dot: Expr = { k: 'matmul', a: row, b, shape: [], range: p.range };
  return { text: `; ${exprText(product)} multiplies two vectors entry by entry: for their dot product write ${exprText(dot)}`, row: a };
}

export function chooseLoss(scope: Scope, live: Map<string, Quantity>): string | null {
  // a refused loss is still the file's objective: no other quantity stands in for it
  if (scope.refusedLoss) return null;
  let loss: string | null = null;
  for (const q of live.values()) if (q.isLoss) loss = q.name;
  // without `loss`, the last untimed scalar that depends on something (a constant such as n_h = 3 is no objective)
  if (!loss) for (const q of live.values()) if (!q.timed && q.shape.length === 0 && q.general && refsAny(q.general)) loss = q.name;
  warnSecondLoss(scope);
  for (const d of scope.definitions) {
    if (d.st.isLoss && d.step !== null && d.step !== undefined)
      scope.error('the loss is one number: declare it without a time index (loss L = Σ_t L_t)', d.st.lhs.range);
  }
  return loss;
}

/** two `loss` lines: the last is the objective (as before), said at each earlier one rather than silently */
function warnSecondLoss(scope: Scope): void {
  const marked = scope.definitions.filter((d) => d.st.isLoss && (d.step === null || d.step === undefined));
  const last = marked[marked.length - 1];
  if (!last || last.key === marked[0]!.key) return;
  for (const d of marked.slice(0, -1))
    if (d.key !== last.key)
      scope.diagnostics.push(
        diag(
          'warning',
          `\`loss\` is marked again on line ${last.st.range.line}: ${displayName(last.key)} is the objective, not ${displayName(d.key)} (mark one loss)`,
          d.st.lhs.range,
          'loss',
        ),
      );
}
