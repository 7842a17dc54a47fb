// Mitchell's and Rojas's weights by entry with the layer's label written over the letter: W^{ob}_{kh} for entry (k, h)
// of the file's W_ob (LaTeX sets the label above and the units below, as Nielsen's w^l_{jk}). Where the file names the
// matrix with the label under it (`param W_ob`) and no name W^{ob}, the label over it is that name's own subscript:
// `W^{ob}_{kh}` reads as `W_{ob}_{kh}`, entry (k, h) of W_ob (it was "unexpected '_' after the statement"). Only a
// label of two letters or more, followed by the entry's subscript: one letter over a name is a step or a power
// (Nielsen's w^l_{jk}, superscriptFirst.ts), and a word over a name the file defines so is that name
// (superscriptNames.ts, glued before this pass).

import type { Token } from './lexer';

const isOp = (t: Token | undefined, s: string): boolean => t !== undefined && t.kind === 'op' && t.text === s;
const LABEL = /^\p{L}{2,}$/u;
/** the keywords that declare a name */
const DECLARES = new Set(['param', 'input', 'target']);

/** the label NAME^{label}_… at q (a name, then a tight '^'): `NAME_label`, or null when it is no such form */
export function labelOverAt(tokens: Token[], q: number): string | null {
  const t = tokens[q]!;
  if (t.kind !== 'name' || t.text.includes('_') || t.text.includes('^')) return null;
  if (!isOp(tokens[q + 1], '^') || !tokens[q + 1]!.tight || !isOp(tokens[q + 2], '{')) return null;
  const w = tokens[q + 3];
  const u = tokens[q + 5];
  if (!w || w.kind !== 'name' || !LABEL.test(w.text) || !isOp(tokens[q + 4], '}') || !isOp(u, '_') || !u!.tight) return null;
  return `${t.text}_${w.text}`;
}

/** the names statements declare or define written with a subscript (W_ob, W_{ob}), as `W_ob` */
function subscriptedNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    const prev = tokens[q - 1];
    if (t.kind !== 'name' || !(q === 0 || prev!.kind === 'newline' || (prev!.kind === 'kw' && DECLARES.has(prev!.text)))) continue;
    if (t.text.includes('_')) names.add(t.text);
    else if (isOp(tokens[q + 1], '_') && isOp(tokens[q + 2], '{') && tokens[q + 3]?.kind === 'name' && isOp(tokens[q + 4], '}'))
      names.add(`${t.text}_${tokens[q + 3]!.text}`);
  }
  return names;
}

/** the tokens with every NAME^{label}_… of a name NAME_label the file defines written NAME_{label}_…; the same array when none */
export function labelsUnder(tokens: Token[]): Token[] {
  const names = subscriptedNames(tokens);
  let out: Token[] | null = null;
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    const n = t.kind === 'name' && isOp(tokens[q + 1], '^') ? labelOverAt(tokens, q) : null;
    if (n === null || !names.has(n)) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, q);
    const caret = tokens[q + 1]!;
    out.push(t, { ...caret, range: caret.range, text: '_' });
    q++;
  }
  return out ?? tokens;
}
