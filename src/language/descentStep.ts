// `w' = w − η ∂L/∂w = 0.5 − 0.1 · 0.7967 = 0.42033`: a homework's step of gradient descent. Its left side is the
// parameter's new value (w', w_{new}, w^{new}, θ^+), which the network does not have (it has one w); read whole, w' was
// wᵀ = w (a prime is a transpose), so the chain "failed" at every link of a right computation. The step's formula
// after it is what the chain computes: a solution reads the new value as the label of that formula (solution/label.ts)
// and checks the chain from it on.

import { lex, type Token } from './lexer';

/** the marks of a new value after the name, as the lexer gives them: w', w^{\prime}, w_{new}, w^{new}, θ^+, θ^{+} */
function newValueMark(ts: Token[], at: number): number {
  const t = (k: number) => ts[at + k];
  const op = (k: number, text: string) => t(k)?.kind === 'op' && t(k)!.text === text;
  if (op(0, "'")) return 1;
  if (op(0, '^') && op(1, '+')) return 2;
  if ((op(0, '_') || op(0, '^')) && op(1, '{')) {
    const inner = t(2);
    const mark = inner?.kind === 'name' ? inner.text === 'new' : inner?.kind === 'op' && (inner.text === "'" || inner.text === '+');
    if (mark && op(3, '}')) return 4;
  }
  return 0;
}

/** the tokens of a name as written (W, _, {, hh, }) up to where `stop` says, and the name they spell (W_hh) */
function nameAt(ts: Token[], at: number): { end: number; name: string } | null {
  if (ts[at]?.kind !== 'name') return null;
  let name = ts[at]!.text;
  let k = at + 1;
  // a subscript of the name itself: W_{hh}, W_hh (lexed whole), not a new value's _{new}
  if (ts[k]?.kind === 'op' && ts[k]!.text === '_' && ts[k + 1]?.text === '{' && ts[k + 2]?.kind === 'name' && ts[k + 2]!.text !== 'new') {
    const close = ts[k + 3];
    if (close?.kind !== 'op' || close.text !== '}') return null;
    name += `_${ts[k + 2]!.text}`;
    k += 4;
  }
  return { end: k, name };
}

/**
 * the parameter whose step of gradient descent the line's first link is (`w' = w − η ∂L/∂w`, `θ^{+} = θ − α ∇_θ L`), or
 * null: the left side is the parameter with a new value's mark, the right side begins with the parameter and a minus,
 * and differentiates (a ∂, a ∇ or a \frac of ∂'s) — a step of gradient descent, and nothing else written so
 */
export function descentStepParam(link: string, isParam: (name: string) => boolean): string | null {
  const { tokens, errors } = lex(link);
  if (errors.length) return null;
  const ts = tokens.filter((t) => t.kind !== 'newline' && t.kind !== 'eof');
  const left = nameAt(ts, 0);
  const name = left?.name.endsWith('_new') ? left.name.slice(0, -4) : left?.name;
  if (!left || !name || !isParam(name)) return null;
  const marked = left.name.endsWith('_new') ? 0 : newValueMark(ts, left.end);
  if (!left.name.endsWith('_new') && marked === 0) return null;
  const eq = left.end + marked;
  if (ts[eq]?.kind !== 'op' || ts[eq]!.text !== '=') return null;
  const right = nameAt(ts, eq + 1);
  if (!right || right.name !== name || ts[right.end]?.kind !== 'op' || ts[right.end]!.text !== '-') return null;
  return ts.slice(right.end + 1).some((t) => t.kind === 'partial' || t.kind === 'nabla' || t.kind === 'grad') ? name : null;
}
