// Hochreiter & Schmidhuber's names (1997): y^{in}(t), y^{out}(t), y^c(t) — a word written over a letter as part
// of the name (the input gate's activation, the output gate's, the cell's output), where the language reads a
// superscript as a step (h^{(t)}, Greff's z^t) or a power (w^2, h_t^2, x^{t-1}, W^T, σ^{-1}). A file that DEFINES
// such a name — a statement starting with NAME^{word} or NAME^word, the word letters only — makes that spelling
// the name everywhere in the file: this pass glues NAME ^ { word } into one name token, spelled `NAME^{word}` (its
// display; print.ts and display/latex.ts write it as a superscript). Not a word: a number, an expression (t-1),
// T or \top (a transpose), t or τ (a step). A single letter (y^c) is a name only where its definition gives it a
// step after it (y^c_t = …, y^c(t) = …, y^c_{t} = …): Nielsen's a^l_j, z^l = … keep the layer as a step
// (superscriptFirst.ts). Elsewhere — the file defines no y^{in} — a superscript reads as before: y^c with c a name
// of the file stays a power unless the file defines y^c.

import type { Token } from './lexer';

const isOp = (t: Token | undefined, s: string): boolean => t !== undefined && t.kind === 'op' && t.text === s;
const WORD = /^\p{L}+$/u;
/** a superscript that is a step or a transpose, never a name's word */
const NOT_WORDS = new Set(['t', 'T', 'τ']);
/** a step as a subscript writes it: t, T, τ, a number (t-1 and t+1 are braced: their first token is asked) */
const STEP = /^(?:t|T|τ|\d+)$/u;

function spanOf(a: Token, b: Token): Token['range'] {
  return { line: a.range.line, column: a.range.column, endLine: b.range.endLine, endColumn: b.range.endColumn };
}

/** the word written over the name at q (a name, then a tight '^'): the word, where it ends, and a glued subscript */
interface Over {
  word: string;
  /** the index after the superscript */
  end: number;
  /** y^c_t: the lexer glued the subscript to the word ('c_t'): its text after the '_' */
  rest: string | null;
}

function overAt(tokens: Token[], q: number): Over | null {
  const t = tokens[q]!;
  const caret = tokens[q + 1];
  if (t.kind !== 'name' || t.text.includes('^') || !isOp(caret, '^') || !caret!.tight) return null;
  const s = tokens[q + 2];
  if (!s || !s.tight) return null;
  if (isOp(s, '{')) {
    const w = tokens[q + 3];
    if (!w || w.kind !== 'name' || !WORD.test(w.text) || !isOp(tokens[q + 4], '}')) return null;
    return { word: w.text, end: q + 5, rest: null };
  }
  if (s.kind !== 'name') return null;
  const cut = s.text.indexOf('_');
  const word = cut < 0 ? s.text : s.text.slice(0, cut);
  if (!WORD.test(word)) return null;
  return { word, end: q + 3, rest: cut < 0 ? null : s.text.slice(cut + 1) };
}

/** whether a definition's left side goes on with a step after the word: _t, _{t-1}, (t) */
function stepAfter(tokens: Token[], o: Over): boolean {
  if (o.rest !== null) return STEP.test(o.rest);
  const u = tokens[o.end];
  if (isOp(u, '(') && u!.tight) {
    const x = tokens[o.end + 1];
    return x !== undefined && (x.kind === 'num' || (x.kind === 'name' && STEP.test(x.text)));
  }
  if (!isOp(u, '_') || !u!.tight) return false;
  const x = isOp(tokens[o.end + 1], '{') ? tokens[o.end + 2] : tokens[o.end + 1];
  return x !== undefined && (x.kind === 'num' || (x.kind === 'name' && STEP.test(x.text)));
}

/** whether the statement's line has an '=' after index q (the left side of a definition, not a value) */
function equalsAfter(tokens: Token[], q: number): boolean {
  for (let i = q; i < tokens.length; i++) {
    const k = tokens[i]!;
    if (k.kind === 'newline' || k.kind === 'eof') return false;
    if (isOp(k, '=')) return true;
  }
  return false;
}

/** the name NAME^{word} a statement starting at q defines, as `NAME^word`; null when it defines none */
export function definedAt(tokens: Token[], q: number): string | null {
  if (q > 0 && tokens[q - 1]!.kind !== 'newline') return null;
  const o = overAt(tokens, q);
  if (!o || NOT_WORDS.has(o.word)) return null;
  // one letter: a name only with a step after it (Nielsen's z^l = …, a^l_j keep the layer)
  if ([...o.word].length === 1 && !stepAfter(tokens, o)) return null;
  if (!equalsAfter(tokens, o.end)) return null;
  return `${tokens[q]!.text}^${o.word}`;
}

/** the names the file defines with a word over them (`y^in`), each once; empty for most files */
export function superscriptNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    if (t.kind !== 'name' || !isOp(tokens[q + 1], '^')) continue;
    const n = definedAt(tokens, q);
    if (n) names.add(n);
  }
  return names;
}

/** the tokens with every NAME^{word} (NAME^word) of a defined name glued into one name token `NAME^{word}` */
export function glueSuperscriptNames(tokens: Token[], names: Set<string>): Token[] {
  const out: Token[] = [];
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    const o = t.kind === 'name' && isOp(tokens[q + 1], '^') ? overAt(tokens, q) : null;
    if (!o || !names.has(`${t.text}^${o.word}`)) {
      out.push(t);
      continue;
    }
    const last = tokens[o.end - 1]!;
    const text = `${t.text}^{${o.word}}${o.rest !== null ? `_${o.rest}` : ''}`;
    out.push({ ...t, text, end: last.end, range: spanOf(t, last) });
    q = o.end - 1;
  }
  return out;
}
