// Gers, Schmidhuber & Cummins (2000) name each gate's squashing function by the gate's word under it: y^{in}(t) =
// f_{in}(net_{in}(t)), f'_{in}. An activation named so on a line of its own (`f_{in} = σ`) was "expected the argument
// of σ": an alias is one name token then '=', and f_{in} is five tokens. Where a line so names one, every f_{in} of the
// file (f_{in}(…), f_{in}'(…), f'_{in}(…)) is glued into the one name f_in, which the aliases then read (probe 38).
import { span } from './ast';
import type { Token } from './lexer';

function op(t: Token | undefined, s: string, tight = true): boolean {
  return t !== undefined && t.kind === 'op' && t.text === s && (!tight || t.tight);
}

/** at q, `name _ { word }` written tight, the word of two letters or more: the glued name and its last token */
function wordSubscriptAt(tokens: readonly Token[], q: number): { name: string; last: number } | null {
  const t = tokens[q]!;
  const w = tokens[q + 3];
  if (t.kind !== 'name' || !op(tokens[q + 1], '_') || !op(tokens[q + 2], '{') || w?.kind !== 'name' || !op(tokens[q + 4], '}')) return null;
  if (!/^[A-Za-z]{2,}$/.test(w.text)) return null;
  return { name: `${t.text}_${w.text}`, last: q + 4 };
}

/** one name token from `first` to `last`, as the parser glues σ_h (its range a getter of the lexer's token: given) */
function glued(first: Token, text: string, last: Token): Token {
  return { ...first, kind: 'name', text, end: last.end, range: span(first.range, last.range) };
}

/** the tokens with every word-subscripted name of an alias line glued into one name; the same array if none */
export function glueWordAliases(tokens: Token[], isFunction: (t: Token) => boolean): Token[] {
  const names = new Set<string>();
  for (let q = 0; q < tokens.length; q++) {
    if (q > 0 && tokens[q - 1]!.kind !== 'newline') continue;
    const w = wordSubscriptAt(tokens, q);
    if (!w || !op(tokens[w.last + 1], '=', false)) continue;
    const f = tokens[w.last + 2];
    const end = tokens[w.last + 3];
    if (f && isFunction(f) && (end === undefined || end.kind === 'newline' || end.kind === 'eof')) names.add(w.name);
  }
  if (!names.size) return tokens;
  const out: Token[] = [];
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    // f'_{in}: the prime before the word, moved after it (f_in')
    const primed = op(tokens[q + 1], "'") ? wordSubscriptAt([t, ...tokens.slice(q + 2, q + 6)], 0) : null;
    if (primed && names.has(primed.name)) {
      const last = tokens[q + 5]!;
      out.push(glued(t, primed.name, last), tokens[q + 1]!);
      q += 5;
      continue;
    }
    const w = wordSubscriptAt(tokens, q);
    if (w && names.has(w.name)) {
      const last = tokens[w.last]!;
      out.push(glued(t, w.name, last));
      q = w.last;
      continue;
    }
    out.push(t);
  }
  return out;
}
