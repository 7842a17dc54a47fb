// The objective: the `loss` declaration, else the last untimed scalar that depends on something.

import type { Quantity } from '../model';
import { displayName } from '../print';
import { shapeText } from '../shapes';
import type { Scope } from './scope';
import { refsAny } from './walk';

export function chooseLoss(scope: Scope, live: Map<string, Quantity>): string | null {
  let loss: string | null = null;
  for (const q of live.values()) if (q.isLoss) loss = q.name;
  if (loss && live.get(loss)!.shape.length) {
    const q = live.get(loss)!;
    const def = scope.definitions.find((d) => d.key === loss && d.st.isLoss);
    scope.error(
      `the loss ${displayName(loss)} is a ${shapeText(q.shape)}, but a loss is one number: add its entries with \`loss ${displayName(loss)} = sum(…)\``,
      def ? def.st.rhs.range : q.range,
      'shape-mismatch',
    );
    scope.refusedLoss = { name: loss, shape: q.shape, line: def ? def.st.rhs.range.line : q.line };
    return null;
  }
  // without `loss`, the last untimed scalar that depends on something (a constant such as n_h = 3 is no objective)
  if (!loss) for (const q of live.values()) if (!q.timed && q.shape.length === 0 && q.general && refsAny(q.general)) loss = q.name;
  for (const d of scope.definitions) {
    if (d.st.isLoss && d.step !== null && d.step !== undefined)
      scope.error('the loss is one number: declare it without a time index (loss L = Σ_t L_t)', d.st.lhs.range);
  }
  return loss;
}
