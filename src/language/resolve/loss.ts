// The objective: the `loss` declaration, else the last untimed scalar that depends on something.

import type { Quantity } from '../model';
import { diag } from '../diagnostics';
import { displayName } from '../print';
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
    scope.error(
      `the loss ${displayName(q.name)} is a ${shapeText(q.shape)}, but a loss is one number: add its entries with \`loss ${displayName(q.name)} = sum(…)\``,
      def ? def.st.rhs.range : q.range,
      'shape-mismatch',
    );
    scope.refusedLoss = { name: q.name, shape: q.shape };
    scope.markBroken(q.name, def ? def.st.range.line : q.line);
  }
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
