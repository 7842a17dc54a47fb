// A solution that defines δ in a chain first, `δ_t = ∂L/∂z_t = (1 − h_t²) ⊙ ∂L/∂h_t` (a slide's own line), and later
// writes a one-link `δ_t = h_t ⊙ (1 − h_t) ⊙ ∂L/∂h_t` (a mistake shown as one): the one-link line was taken as δ's
// definition (it is asked first, analyze.ts generate), and every line using δ judged against the mistake. The chain
// written first labels δ by its derivative; the later line is a claim about it.

import { chainLabel } from './label';
import type { Claim } from './claim';

/** whether a claim before claim i labels the letter of `name` by a derivative (δ of δ_t) */
export function derivativeLabelsBefore(claims: Claim[], known: (name: string) => boolean): (name: string, i: number) => boolean {
  // the first claim's index that labels each letter by its derivative, asked of each claim once
  const first = new Map<string, number>();
  claims.forEach((c, j) => {
    if (c.skip || c.inline) return;
    const label = chainLabel(c.text.chars, known);
    if (!label || label.by !== 'derivative') return;
    const letter = label.name.split('_')[0]!;
    if (!first.has(letter)) first.set(letter, j);
  });
  return (name, i) => {
    const j = first.get(name.split('_')[0]!);
    return j !== undefined && j < i;
  };
}
