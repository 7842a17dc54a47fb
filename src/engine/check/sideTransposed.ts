// A formula side that is the other side transposed (∂J/∂W = Σ_t h_{t-1} δ_tᵀ, the outer product in the denominator
// layout's order): named as such before the term matcher, which reads each term as no path of the network.
import type { Claim } from './hints';
import { close, type Sides } from './points';
import type { Run } from '../run';
import { transposeHint } from './textbook';

/** the failing point's right side equals its left side transposed: a square matrix compared entry by entry, no evaluation */
function transposedAt(s: Sides): boolean {
  const { l, r } = s;
  if (l.shape.length !== 2 || r.shape.length !== 2) return false;
  const n = l.shape[0]!;
  if (n < 2 || l.shape[1] !== n || r.shape[0] !== n || r.shape[1] !== n) return false;
  const flipped = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flipped[i * n + j] = l.data[j * n + i]!;
  return close(flipped, r.data);
}

/** transposeHint, asked only where the sides at the failing point are one another's transpose */
export function sideTransposedHint(claim: Claim, bad: Sides, run: Run): string | null {
  return transposedAt(bad) ? transposeHint(claim, run) : null;
}
