// `\frac{∂ℓ}{∂W} = Σ_t δ_t h_{t−1}ᵀ, \quad \text{where } δ_t = \frac{∂ℓ}{∂a_t}`: a name a where clause defines by a
// derivative (the parser reads the clause as the name's definition, parse/checks.ts whereClauses). A later display
// `δ_T = (1 − h_T²) ⊙ Vᵀ(o_T − y_T)` is then a claim about that δ, not a definition of δ by its formula (which made
// the network define δ twice, and the where clause "derivative terms belong in derive and check lines").

import { lex } from '../language/lexer';
import { parse } from '../language/parser';

/** the letters (δ of δ_t) that a where clause of `chars`, a claim's text, defines by a derivative */
export function whereDerivativeNames(chars: string): string[] {
  if (!/where|with/.test(chars) || !/∂|\\partial|∇|\\nabla/.test(chars)) return [];
  const src = 'check ' + chars;
  const { tokens, errors } = lex(src);
  if (errors.length) return [];
  const out: string[] = [];
  for (const st of parse(tokens, src).statements.slice(1)) if (st.k === 'def' && st.lhs.k === 'name') out.push(st.lhs.raw.split('_')[0]!);
  return out;
}
