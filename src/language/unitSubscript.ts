// Rumelhart, Hinton & Williams (1986) write unit j's activation function with the unit's letter under it:
// o_{pj} = f_j(net_{pj}), δ_{pj} = (t_{pj} − o_{pj}) f'_j(net_{pj}). Where the file names the activation once (`f = σ`,
// an alias), the letter under it picks no other function: every unit's is the same, and the argument already names
// the unit (net_j). So `f_j(…)`, `f_{j}(…)`, `f'_j(…)`, `f'_{j}(…)` and `f_j'(…)` are the alias (or its derivative)
// applied there. Only a single letter that is no step (t, T, τ), and only right before the argument's '(': `f_j`
// anywhere else stays the name it is.
import type { Token } from './lexer';

/** the letter of a unit's subscript: one Latin letter, not a step's t or T */
const UNIT = /^[A-Za-su-z]$/;

function op(t: Token | undefined, s: string): boolean {
  return t !== undefined && t.kind === 'op' && t.text === s && t.tight;
}

/**
 * At a name token q of the aliases `fns` (name → function), a unit's subscript before the call: the function, whether
 * a prime makes it the derivative, and the index of the last token it takes (the '(' is left to the call). Null when
 * the name is not so written.
 */
export function unitSubscriptAt(
  tokens: readonly Token[],
  q: number,
  fns: ReadonlyMap<string, string>,
): { fn: string; prime: boolean; end: number } | null {
  const t = tokens[q]!;
  if (t.kind !== 'name') return null;
  // f_j, one word to the lexer, then (, or ' then (
  const glued = /^(.+)_([A-Za-z])$/.exec(t.text);
  if (glued && UNIT.test(glued[2]!) && fns.has(glued[1]!)) {
    const fn = fns.get(glued[1]!)!;
    if (op(tokens[q + 1], '(')) return { fn, prime: false, end: q };
    if (op(tokens[q + 1], "'") && op(tokens[q + 2], '(')) return { fn, prime: true, end: q + 1 };
    return null;
  }
  const fn = fns.get(t.text);
  if (fn === undefined) return null;
  let r = q + 1;
  const prime = op(tokens[r], "'");
  if (prime) r++;
  if (!op(tokens[r], '_')) return null;
  const a = tokens[r + 1];
  let last: number;
  if (a && a.kind === 'name' && a.tight && UNIT.test(a.text)) last = r + 1;
  else if (
    op(a, '{') &&
    tokens[r + 2]?.kind === 'name' &&
    UNIT.test(tokens[r + 2]!.text) &&
    tokens[r + 3]?.kind === 'op' &&
    tokens[r + 3]!.text === '}'
  )
    last = r + 3;
  else return null;
  const close = tokens[last + 1];
  return close !== undefined && close.kind === 'op' && close.text === '(' ? { fn, prime, end: last } : null;
}
