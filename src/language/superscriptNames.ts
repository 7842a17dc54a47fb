// Hochreiter & Schmidhuber's names (1997): y^{in}(t), y^{out}(t), y^c(t) — a word written over a letter as part
// of the name (the input gate's activation, the output gate's, the cell's output), where the language reads a
// superscript as a step (h^{(t)}, Greff's z^t) or a power (w^2, h_t^2, x^{t-1}, W^T, σ^{-1}). A file that DEFINES
// such a name — a statement starting with NAME^{word} or NAME^word, the word letters only, or a declaration of one
// (`param W^{in} : 2x2`, any word of letters but t, T, τ) — makes that spelling
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
  /** Lipton et al.'s W^{yh\top}: the transpose written inside the braces after the word (its token) */
  top?: Token;
}

function overAt(tokens: Token[], q: number): Over | null {
  const t = tokens[q]!;
  const caret = tokens[q + 1];
  if (t.kind !== 'name' || t.text.includes('^') || !isOp(caret, '^') || !caret!.tight) return null;
  const s = tokens[q + 2];
  if (!s || !s.tight) return null;
  if (isOp(s, '{')) {
    const w = tokens[q + 3];
    if (!w || w.kind !== 'name' || !WORD.test(w.text)) return null;
    if (isOp(tokens[q + 4], '}')) return { word: w.text, end: q + 5, rest: null };
    // W^{yh\top}: the name's word, then its transpose, in one superscript
    const x = tokens[q + 4];
    if (isOp(x, 'ᵀ') && isOp(tokens[q + 5], '}')) return { word: w.text, end: q + 6, rest: null, top: x! };
    // W^{yh\,T}, W^{yh T}: a T apart from the word (W^{yhT} is one word)
    if (x?.kind === 'name' && x.text === 'T' && isOp(tokens[q + 5], '}'))
      return { word: w.text, end: q + 6, rest: null, top: made(x, 'op', 'ᵀ') };
    return null;
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

/** the keywords that declare a name (`param W^{in} : 2x2`: no power can stand there, any word is the name's) */
const DECLARES = new Set(['param', 'input', 'target']);

/**
 * the name NAME^{word} a statement starting at q (or after its `param`/`input`/`target`/`loss`) defines, as
 * `NAME^word`; null when it defines none
 */
export function definedAt(tokens: Token[], q: number): string | null {
  const prev = q > 0 ? tokens[q - 1]! : null;
  const lead = prev !== null && prev.kind === 'kw' && (q === 1 || tokens[q - 2]!.kind === 'newline') ? prev.text : null;
  if (prev !== null && prev.kind !== 'newline' && lead !== 'loss' && !(lead !== null && DECLARES.has(lead))) return null;
  const o = overAt(tokens, q);
  // W^{hh\top} = … defines no name: the transpose of one
  if (!o || o.top || NOT_WORDS.has(o.word)) return null;
  const declared = lead !== null && DECLARES.has(lead);
  // one letter: a name only with a step after it (Nielsen's z^l = …, a^l_j keep the layer)
  if (!declared && [...o.word].length === 1 && !stepAfter(tokens, o)) return null;
  if (!declared && !equalsAfter(tokens, o.end)) return null;
  return `${tokens[q]!.text}^${o.word}`;
}

/** the names the file defines with a word over them (`y^in`), each once; empty for most files */
export const superscriptNames = (tokens: Token[]): Set<string> =>
  definedNames(tokens, (q) => (isOp(tokens[q + 1], '^') ? definedAt(tokens, q) : null));

/** the tokens with every NAME^{word} (NAME^word) of a defined name glued into one name token `NAME^{word}` */
export function glueSuperscriptNames(tokens: Token[], names: Set<string>): Token[] {
  return glue(tokens, names, (q) => {
    const t = tokens[q]!;
    const o = isOp(tokens[q + 1], '^') ? overAt(tokens, q) : null;
    if (!o) return null;
    const last = tokens[o.end - 1]!;
    const own = `${t.text}^${o.word}`;
    // Jaeger's w^{out}_{ij}: the entry of the matrix W^{out} the file defines, in the lower case textbooks write a
    // matrix's entries in (the word over the letter says which matrix; a file's own w^{out} keeps its name)
    const upper = t.text.toUpperCase();
    if (!names.has(own) && upper !== t.text && [...t.text].length === 1 && names.has(`${upper}^${o.word}`) && entriesAfter(tokens, o))
      return {
        name: `${upper}^${o.word}`,
        out: [{ ...t, text: `${upper}^{${o.word}}${o.rest !== null ? `_${o.rest}` : ''}`, end: last.end, range: spanOf(t, last) }],
        end: o.end,
      };
    const text = `${t.text}^{${o.word}}${o.rest !== null ? `_${o.rest}` : ''}`;
    // W^{yh\top}: the name, then the transpose after it
    if (o.top)
      return {
        name: `${t.text}^${o.word}`,
        out: [{ ...t, text, end: tokens[o.end - 3]!.end, range: spanOf(t, tokens[o.end - 3]!) }, o.top],
        end: o.end,
      };
    return { name: `${t.text}^${o.word}`, out: [{ ...t, text, end: last.end, range: spanOf(t, last) }], end: o.end };
  });
}

/** whether a subscript of entries follows the word (w^{out}_{ij}, w^{out}_{12}; the lexer may have glued it, w^c_ij) */
function entriesAfter(tokens: Token[], o: Over): boolean {
  if (o.rest !== null) return !STEP.test(o.rest);
  const u = tokens[o.end];
  return isOp(u, '_') && u!.tight;
}

/** a spelling of a name at a token, glued: the name it is, the tokens it becomes, and the index after it */
interface Glued {
  name: string;
  out: Token[];
  end: number;
}

/** the names statements define (definedAt(q) of each name token), each once */
function definedNames(tokens: Token[], definedAt: (q: number) => string | null): Set<string> {
  const names = new Set<string>();
  for (let q = 0; q < tokens.length; q++) {
    if (tokens[q]!.kind !== 'name') continue;
    const n = definedAt(q);
    if (n) names.add(n);
  }
  return names;
}

/** the tokens with every spelling (at each name token) of one of `names` glued as `spelled` reads it */
function glue(tokens: Token[], names: Set<string>, spelled: (q: number) => Glued | null): Token[] {
  const out: Token[] = [];
  for (let q = 0; q < tokens.length; q++) {
    const g = tokens[q]!.kind === 'name' ? spelled(q) : null;
    if (!g || !names.has(g.name)) {
      out.push(tokens[q]!);
      continue;
    }
    out.push(...g.out);
    q = g.end - 1;
  }
  return out;
}

// Layers of a deep (stacked) RNN: d2l writes layer l's state at step t H_t^{(l)} and its weights W_{xh}^{(l)},
// deeplearning.ai a^{[l]<t>}. A layer tag — (n) or [n], n a whole number — over a name is part of the name where
// the file defines that name so: a declaration (`param W_{xh}^{(1)} = …`), or a definition at the general step t
// besides the tag (`h_t^{(1)} = …`, `h^{(2)}_t = …`; then `h_0^{(1)} = 0` is that layer's initial state). Then h^{(1)}
// is one sequence, its step in the subscript (h_{t-1}^{(1)}), and W_{xh}^{(1)} one parameter, named W^{(1)}_xh (the name before its own
// subscript, as W^{(1)}_{xh} prints). Elsewhere (p^{(2)} in a file that defines p^{(t)} = …, an MLP's layers as
// steps) the superscript is the step, as before; a layer tag on a name the file does not so define changes nothing.

/** the index of the '}' that closes the '{' at `open` on its line, or -1 */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const k = tokens[j]!;
    if (k.kind === 'newline' || k.kind === 'eof') return -1;
    if (isOp(k, '{')) depth++;
    else if (isOp(k, '}') && --depth === 0) return j;
  }
  return -1;
}

/** a subscript written after a name: `_x` or `_{…}` (braces matched), from index i (the '_'); null when none */
function subscriptGroup(tokens: Token[], i: number): { from: number; end: number; inner: Token[] } | null {
  const u = tokens[i];
  if (!isOp(u, '_') || !u!.tight) return null;
  if (!isOp(tokens[i + 1], '{'))
    return tokens[i + 1] && tokens[i + 1]!.kind !== 'newline' ? { from: i, end: i + 2, inner: [tokens[i + 1]!] } : null;
  const j = closing(tokens, i + 1);
  return j < 0 ? null : { from: i, end: j + 1, inner: tokens.slice(i + 2, j) };
}

/** a name's own subscript (W_{xh}'s xh): one name token of letters that is not a step */
const ownSubscript = (inner: Token[]): string | null =>
  inner.length === 1 && inner[0]!.kind === 'name' && /^\p{L}+$/u.test(inner[0]!.text) && !STEP.test(inner[0]!.text) ? inner[0]!.text : null;

/** a token the glue writes that the text spells otherwise (the _ of h_t, the braces of a^{[1]<t>}), at `at`'s place */
function made(at: Token, kind: Token['kind'], text: string): Token {
  return { kind, text, value: 0, plus: false, tight: true, range: at.range, start: at.start, end: at.end, tag: null, lit: null };
}

interface Layer {
  /** the name with its tag, as the file's names are keyed: h^{(1)}, W^{(1)}_xh */
  name: string;
  /** the tokens that follow the glued name: a step's subscript (_{t-1}), a step's superscript (^{<t>}) */
  after: Token[];
  /** whether the general step t is written besides the tag (h_t^{(1)}, h_{t-1}^{(1)}, a^{[1]<t>}; not h_0^{(1)}) */
  stepped: boolean;
  /** the index after everything read */
  end: number;
  last: Token;
}

/** the layer tag (n) or [n] in a superscript at i (the '^'): the tag, and a step written after it in the braces (a^{[1]<t>}) */
function layerTag(tokens: Token[], i: number): { tag: string; rest: Token[]; end: number; last: Token } | null {
  const caret = tokens[i];
  if (!isOp(caret, '^') || !caret!.tight) return null;
  const braced = isOp(tokens[i + 1], '{');
  const o = braced ? i + 2 : i + 1;
  const open = tokens[o];
  let tag: string;
  let after: number;
  // [1] is a literal of numbers to the lexer: one whole number in it
  const lit = open?.kind === 'lit' ? open.lit : null;
  if (lit) {
    const one = lit.k === 'list' && lit.packed?.shape.length === 1 && lit.packed.shape[0] === 1 ? lit.packed.data[0]! : NaN;
    if (!Number.isInteger(one) || one < 0) return null;
    tag = `[${one}]`;
    after = o + 1;
  } else {
    const n = tokens[o + 1];
    if (!isOp(open, '(') || !n || n.kind !== 'num' || !Number.isInteger(n.value) || n.value < 0 || !isOp(tokens[o + 2], ')')) return null;
    tag = `(${n.text})`;
    after = o + 3;
  }
  if (!braced) return { tag, rest: [], end: after, last: tokens[after - 1]! };
  // a^{[1]<t>}: what follows the tag inside the braces is a superscript of its own (the step)
  const j = closing(tokens, i + 1);
  return j < 0 ? null : { tag, rest: tokens.slice(after, j), end: j + 1, last: tokens[j]! };
}

/** a name with a layer tag at q: h_t^{(1)}, h_{t-1}^{(1)}, W_{xh}^{(1)}, h^{(2)}_t, a^{[1]<t>}; null when none */
function layerAt(tokens: Token[], q: number): Layer | null {
  const t = tokens[q]!;
  if (t.kind !== 'name' || t.text.includes('^')) return null;
  const cut = t.text.indexOf('_');
  const stem = cut < 0 ? t.text : t.text.slice(0, cut);
  const glued = cut < 0 ? null : t.text.slice(cut + 1);
  const before = glued === null ? subscriptGroup(tokens, q + 1) : null;
  const at = before ? before.end : q + 1;
  const sup = layerTag(tokens, at);
  if (!sup) return null;
  const after = glued === null && !before ? subscriptGroup(tokens, sup.end) : null;
  const group = before ?? after;
  const end = after ? after.end : sup.end;
  const last = after ? tokens[after.end - 1]! : sup.last;
  const own = glued !== null ? (STEP.test(glued) ? null : glued) : group ? ownSubscript(group.inner) : null;
  const name = `${stem}^{${sup.tag}}${own !== null ? `_${own}` : ''}`;
  const out: Token[] = [];
  let stepped = sup.rest.some(isT);
  if (glued !== null && own === null) {
    stepped = GENERAL_STEP.has(glued);
    out.push(made(t, 'op', '_'), made(t, 'name', glued));
  } else if (group && own === null) {
    stepped = group.inner.some(isT);
    out.push(...tokens.slice(group.from, group.end));
  }
  if (sup.rest.length) out.push(made(tokens[at]!, 'op', '^'), made(tokens[at]!, 'op', '{'), ...sup.rest, made(sup.last, 'op', '}'));
  return { name, after: out, stepped, end, last };
}

/** the general step's letter, and a token that is it */
const GENERAL_STEP = new Set(['t', 'τ']);
const isT = (k: Token): boolean => k.kind === 'name' && GENERAL_STEP.has(k.text);

/**
 * the layer-tagged name a statement starting at q declares, or defines at the general step (h_t^{(1)} = …); null when
 * none. A definition at one step alone defines none: CS224n labels its errors δ_1^{(2)} (δ_1 at step 2); h_0^{(1)} = 0
 * is a layer's initial state where the file defines h_t^{(1)} too
 */
export function layerDefinedAt(tokens: Token[], q: number): string | null {
  const prev = tokens[q - 1];
  const declared = prev !== undefined && prev.kind === 'kw' && DECLARES.has(prev.text);
  if (!declared && q > 0 && prev!.kind !== 'newline') return null;
  const l = layerAt(tokens, q);
  if (!l || (!declared && !l.stepped)) return null;
  const next = tokens[l.end];
  if (declared)
    return next === undefined || next.kind === 'newline' || next.kind === 'eof' || isOp(next, '=') || isOp(next, ':') ? l.name : null;
  return equalsAfter(tokens, l.end) ? l.name : null;
}

/** the layer-tagged names the file declares or defines, each once; empty for most files */
export const layerNames = (tokens: Token[]): Set<string> => definedNames(tokens, (q) => layerDefinedAt(tokens, q));

/** the tokens with every use of a layer-tagged name of the file glued into one name token (its step kept after it) */
export function glueLayerNames(tokens: Token[], names: Set<string>): Token[] {
  return glue(tokens, names, (q) => {
    const t = tokens[q]!;
    const l = layerAt(tokens, q);
    if (!l) return null;
    // the glued name spans the whole spelling; a step's tokens after it keep their own ranges
    const stepped = l.after.length > 0;
    const named = { ...t, text: l.name, end: stepped ? t.end : l.last.end, range: stepped ? t.range : spanOf(t, l.last) };
    return { name: l.name, out: [named, ...l.after], end: l.end };
  });
}
