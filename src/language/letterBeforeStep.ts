// Jurafsky & Martin (SLP3, ch. 9) name each layer's error by its layer: δ_out, δ_h; with the step, δ_{out,t} and
// δ_{h,t}. A word before the comma is part of the name already (parser.ts subscripts); one letter there is an entry
// index (w_{i,j}, IndRNN's h_{n,t}). But a letter the file defines as a name of its own (h of h_t = …, a declared
// W) picks no entry, and the name before it, where the file does not define that one, is a name of the solution's:
// δ_{h,t} is the name δ_h at step t. This pass glues such a name and its letter into one name token, the step left
// as its subscript; nothing else changes (a name the file defines keeps its entry and step, h_{n,t}).
import type { Token } from './lexer';

const isOp = (t: Token | undefined, s: string): boolean => t !== undefined && t.kind === 'op' && t.text === s;
/** one letter that is no step (t, T, τ) */
const LETTER = /^\p{L}$/u;
const STEPS = new Set(['t', 'T', 'τ']);
/** the keywords before which a name is declared or defined (`param W`, `loss L = …`) */
const DEFINING = new Set(['param', 'input', 'target', 'loss']);

/** at q: NAME _ { X , STEP: the letter's index (q + 3), or -1 */
function letterAt(tokens: readonly Token[], q: number): number {
  const t = tokens[q]!;
  if (t.kind !== 'name' || t.text.includes('_') || !isOp(tokens[q + 1], '_') || !tokens[q + 1]!.tight || !isOp(tokens[q + 2], '{'))
    return -1;
  const x = tokens[q + 3];
  if (!x || x.kind !== 'name' || !LETTER.test(x.text) || STEPS.has(x.text) || !isOp(tokens[q + 4], ',')) return -1;
  // the step after the comma: t, T, τ or a whole number, maybe ± a number (δ_{h,t+1}, δ_{h,T})
  const s = tokens[q + 5];
  const stepped = s !== undefined && ((s.kind === 'name' && STEPS.has(s.text)) || s.kind === 'num');
  return stepped ? q + 3 : -1;
}

/** the base of the name a statement starting at q defines or declares (h of h_t, h_0, h^{(t)}, W), or null */
function definedBase(tokens: readonly Token[], q: number): string | null {
  const t = tokens[q]!;
  if (t.kind !== 'name') return null;
  const prev = q > 0 ? tokens[q - 1]! : null;
  const lead = prev?.kind === 'kw' && (q === 1 || tokens[q - 2]!.kind === 'newline') ? prev.text : null;
  if (prev !== null && prev.kind !== 'newline' && !(lead !== null && DEFINING.has(lead))) return null;
  // δ_{h,t} = … defines the name this pass makes, δ_{out,t} = … the name δ_out (parser.ts subscripts): neither is δ
  if (isOp(tokens[q + 1], '_') && isOp(tokens[q + 2], '{') && tokens[q + 3]?.kind === 'name' && isOp(tokens[q + 4], ',')) return null;
  const cut = t.text.indexOf('_');
  return cut < 0 ? t.text : t.text.slice(0, cut);
}

/** the tokens with every NAME_{X,STEP} whose X the file defines and whose NAME it does not glued as NAME_X _{STEP} */
export function glueLetterNames(tokens: Token[]): Token[] {
  // a loop, not some() with a closure called for every token of the file: only a name can start the pattern
  let any = false;
  for (let q = 0; q < tokens.length && !any; q++) any = tokens[q]!.kind === 'name' && letterAt(tokens, q) >= 0;
  if (!any) return tokens;
  const defined = definedBases(tokens);
  const out: Token[] = [];
  for (let q = 0; q < tokens.length; q++) {
    const t = tokens[q]!;
    const x = letterAt(tokens, q);
    if (x < 0 || defined.has(t.text) || !defined.has(tokens[x]!.text)) {
      out.push(t);
      continue;
    }
    const letter = tokens[x]!;
    const range = { line: t.range.line, column: t.range.column, endLine: letter.range.endLine, endColumn: letter.range.endColumn };
    // δ _ { h , t } → δ_h _ { t }: the comma dropped, the braces kept around the step
    out.push({ ...t, text: `${t.text}_${letter.text}`, end: letter.end, range }, tokens[q + 1]!, tokens[q + 2]!);
    q = x + 1;
  }
  return out;
}

/** the bases of the names the file's statements define or declare (h of h_t = …, W of param W) */
export function definedBases(tokens: readonly Token[]): Set<string> {
  const defined = new Set<string>();
  for (let q = 0; q < tokens.length; q++) {
    const b = definedBase(tokens, q);
    if (b) defined.add(b);
  }
  return defined;
}
