// \text{…} and its kin: a word written in text inside math (a name, a remark, prose), where a \tag goes, and the
// arrays that state equalities.

import { tagLabel } from '../tagLabel';
import { error, push } from './emit';
import { groupAt } from './groups';
import { FUNCTIONS, UPRIGHT_FUNCTIONS } from './keywords';
import { inSubscript } from './latex';
import type { LexState } from './state';
import { lexWord } from './words';

/** a name of code written in \text{…}: a word with an escaped underscore, dnext\_c */
export const CODE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:\\_[A-Za-z0-9]+)+$/;

/**
 * CS231n's gradients written upright, \text{dx}, \text{dWx}, \text{dtanh}: d before a capital, one or two letters or an
 * activation's name is a name of code, not a word of prose (which \text{…} otherwise is, dropped)
 */
export const CODE_GRADIENT = /^d(?:[A-Z][A-Za-z0-9]*|(?!o$)[a-z]{1,2}|tanh|sigma|relu)$/;

/** a word that may be a name of code written upright (\text{pred}, \text{hidden}): letters, then letters or digits */
export const PROSE_NAME = /^[A-Za-z][A-Za-z0-9]+$/;

/** a name of code written in \texttt{…}: one word, its underscores escaped or not */
export const CODE_WORD = /^[A-Za-z][A-Za-z0-9]*(?:\\?_[A-Za-z0-9]+)*$/;

/**
 * `for` in the languages solutions are written in: für (alle, jedes), pour (tout), para (todo), 对于, and Russian's для
 * всех (каждого), при
 */
const FOR_WORDS = /^(?:f(?:ü|ue)r(?:_(?:alle|jedes))?|pour(?:_tout)?|para(?:_tod[oa]s?)?|对于|对|для_(?:всех|каждого|любого)|при)$/;
/** `where` so: wobei, mit, où, donde, onde (Portuguese), где, 其中, ここで and ただし, 여기서 */
const WHERE_WORDS = /^(?:wobei|mit|où|donde|onde|где|其中|ここで|ただし|여기서)$/;

/**
 * \text{…}: part of a name inside a subscript (N_{\text{hidden}} is N_hidden), a name of code anywhere (\text{dnext\_c},
 * \texttt{dWx}), a few words of a check's own (for, to, where), ignored elsewhere
 */

export function text(ls: LexState, s: number, typewriter = false) {
  const g = groupAt(ls, ls.i);
  if (!g) return;
  ls.i = g[1];
  const inSub = inSubscript(ls);
  // \text{dnext\_c}, \texttt{dprev\_h}: a name of code (CS231n's), never prose — one word with an escaped _ in it,
  // or any one word in typewriter type (\texttt{dWx})
  const code = g[0].trim();
  if (!inSub && ((typewriter ? CODE_WORD : CODE_NAME).test(code) || CODE_GRADIENT.test(code))) {
    push(ls, 'name', code.replace(/\\_/g, '_'), s, ls.i);
    return;
  }
  const w = g[0].trim().replace(/\s+/g, '_');
  // \text{diag}(…), \text{softmax}: a function written upright (Goodfellow et al. eq. 10.22)
  if (FUNCTIONS[w]) {
    lexWord(ls, w, s, ls.i);
    return;
  }
  // \text{th}(a_t): Russian's tanh (keywords.ts UPRIGHT_FUNCTIONS); not English's ordinal, t^{\text{th}}
  if (UPRIGHT_FUNCTIONS[w] !== undefined && !inSubscript(ls) && !inSuperscript(ls)) {
    lexWord(ls, UPRIGHT_FUNCTIONS[w], s, ls.i);
    return;
  }
  // "\text{for } t < T", "\text{for all } t", "\text{if } t > 1": the range of a check, as a sheet words it
  // (`for every`, `for each`, `for any` too: dropped as prose, they left t a factor of the last side)
  // (`for any real z`: the reals said in words, as `z ∈ ℝ` is; dropped as prose, z was a factor of the side)
  // (and as a German, French, Spanish or Chinese sheet words it: `\text{für } t = 1, \dots, T`, `\text{pour tout } t`)
  if (w === 'for' || w === 'if' || /^for_(?:all|every|each|any)(?:_real)?$/.test(w) || FOR_WORDS.test(w)) {
    push(ls, 'kw', 'for', s, ls.i);
    return;
  }
  // "for t = 1 \text{ to } T", "t = T-1 \text{ down to } 1" (pseudo-code's loop): the range's '..' (dropped as prose,
  // the two ends were multiplied into one step)
  if (w === 'to' || w === 'down_to' || w === 'up_to' || w === 'until' || w === 'bis') {
    push(ls, 'op', '..', s, ls.i);
    return;
  }
  // "\text{where } c = 2", "\text{, where } z_t = …": the check's own clauses (the parser's where)
  // (`\text{其中：}`, `\text{where:}`: a colon after the word, as a slide writes it)
  const clause = w.replace(/^[,;]_?/, '').replace(/_?[:：]$/, '');
  if (clause === 'where' || clause === 'with' || WHERE_WORDS.test(clause)) {
    push(ls, 'kw', 'where', s, ls.i);
    return;
  }
  // \text{pred}_t, \text{decoder}^\top, \cdot \text{recurrent}: a word of code (Trask's names) written upright with a
  // script on it or in a product is a name, as \mathrm{pred}_t is — prose carries no subscript and is no factor of ·
  if (!inSub && PROSE_NAME.test(code) && (scriptFollows(ls, ls.i) || productAround(ls, ls.i) || operandPlace(ls, s)))
    push(ls, 'name', code, s, ls.i);
  // \text{d}L/\text{d}W, \frac{\text{d}L}{\text{d}W}: an upright d, as \mathrm{d} gives
  else if (!inSub && w === 'd') push(ls, 'name', 'd', s, ls.i);
  else if (inSub && /^[\p{L}\p{N}_]+$/u.test(w)) push(ls, 'name', w, s, ls.i);
  // y^{\text{in}}: a word over a name, as y^{in} (a name where the file defines it so: superscriptNames.ts)
  else if (inSuperscript(ls) && /^\p{L}+$/u.test(w)) push(ls, 'name', w, s, ls.i);
}

/**
 * right after ∂, or an operator that wants an operand (`= \text{decoder}\, \delta_t`, `\partial \text{decoder}`), at
 * the \text at s: where a remark in words never stands (it follows a comma or \quad)
 */
export function operandPlace(ls: LexState, s: number): boolean {
  return /(?:\\partial|[∂=+\-−(])\s*$/.test(ls.src.slice(Math.max(0, s - 10), s));
}

/** a script right after the group that ends at j (`\text{pred}_t`, `\text{decoder}^\top`) */
export function scriptFollows(ls: LexState, j: number): boolean {
  const c = ls.src.charCodeAt(j);
  return c === 95 || c === 94;
}

/** a product's dot right before the group (the last token) or right after it, at j (`\cdot \text{recurrent}`) */
export function productAround(ls: LexState, j: number): boolean {
  const prev = ls.tokens[ls.tokens.length - 1];
  if (prev && prev.kind === 'op' && prev.text === '*') return true;
  return /^\s*(?:\\cdot(?![A-Za-z])|[·⋅])/.test(ls.src.slice(j, j + 12));
}

/** right after `_{` (the start of a subscript's braces) */
export function inSubscriptStart(ls: LexState): boolean {
  const prev = ls.tokens[ls.tokens.length - 1];
  const before = ls.tokens[ls.tokens.length - 2];
  return !!prev && prev.kind === 'op' && prev.text === '{' && !!before && before.kind === 'op' && before.text === '_';
}

/** whether the token before (`back` tokens further back) is a superscript's '^', or the '{' right after one */
export function inSuperscript(ls: LexState, back = 0): boolean {
  const prev = ls.tokens[ls.tokens.length - 1 - back];
  const before = ls.tokens[ls.tokens.length - 2 - back];
  return (
    !!prev && prev.kind === 'op' && (prev.text === '^' || (prev.text === '{' && !!before && before.kind === 'op' && before.text === '^'))
  );
}

/** \tag{…}: the equation's label, given to the next token (the parser passes it to the check) */
export function tag(ls: LexState, s: number) {
  const g = groupAt(ls, ls.i);
  if (!g) {
    error(ls, ls.src.slice(s, ls.i), s, ls.i, '\\tag needs its label in braces: \\tag{1}');
    return;
  }
  ls.i = g[1];
  ls.pendingTag = tagLabel(g[0]);
}

/** after `\begin{array}` at i: its column spec is skipped, and whether its content up to `\end{array}` has an `=` */
export function arrayStatesEquality(ls: LexState): boolean {
  const spec = groupAt(ls, ls.i);
  if (!spec) return false;
  const close = ls.src.indexOf('\\end{array}', spec[1]);
  if (close < 0 || !ls.src.slice(spec[1], close).includes('=')) return false;
  ls.i = spec[1];
  return true;
}

/**
 * after `\begin{array}` at i (from s): whether a bracket [ or ( opens it just before (\left[ or [), no equality
 * inside; its column spec is then skipped
 */
export function arrayInBrackets(ls: LexState, s: number): boolean {
  const open = ls.tokens[ls.tokens.length - 1];
  if (!open || open.kind !== 'op' || (open.text !== '[' && open.text !== '(') || ls.src.slice(open.end, s).trim() !== '') return false;
  const spec = groupAt(ls, ls.i);
  if (!spec) return false;
  ls.i = spec[1];
  return true;
}
