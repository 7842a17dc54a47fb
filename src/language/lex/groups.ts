// Braces and brackets: what each open '{' is, where a group or command ends, angle brackets of a step (a^{⟨t⟩})
// and of an inner product (⟨u, v⟩).

import { error, push, updateText } from './emit';
import { inSubscriptStart, inSuperscript } from './latexText';
import type { LexState } from './state';

/** what a '{' opened: a group the parser sees, or braces of a command that leaves no token */
export const enum Brace {
  Real,
  Transparent,
  Underbrace,
  Overbrace,
}

export function closeBrace(ls: LexState, s: number) {
  ls.depth = Math.max(0, ls.depth - 1);
  const b = ls.braces.length ? ls.braces.pop()! : Brace.Real;
  if (b === Brace.Real) {
    push(ls, 'op', '}', s, ls.i);
    return;
  }
  // a transparent brace: \mathbf{h}^{(T)} keeps the ^ tight on h
  if (ls.lastEnd === s) ls.lastEnd = ls.i;
  if (b === Brace.Underbrace || b === Brace.Overbrace) {
    // drop the annotation: \underbrace{A}_{…}, \overbrace{A}^{…}
    let j = ls.i;
    while (ls.src.charCodeAt(j) === 32) j++;
    if (ls.src.charCodeAt(j) === (b === Brace.Underbrace ? 95 : 94)) {
      j++;
      while (ls.src.charCodeAt(j) === 32) j++;
      ls.i = ls.src.charCodeAt(j) === 123 ? skipGroup(ls, j) : ls.src.charCodeAt(j) === 92 ? commandEnd(ls, j) : j + 1;
    }
  }
}

/**
 * The end of a balanced { … } starting at j; unbalanced (no '}' on the line, or none within `limit`
 * characters, so that a line of thousands of unclosed groups stays linear), the end of what was read.
 */
export function skipGroup(ls: LexState, j: number, limit = 2000): number {
  let d = 0;
  const stop = Math.min(ls.n, j + limit);
  for (; j < stop; j++) {
    const c = ls.src.charCodeAt(j);
    if (c === 92) {
      // an escaped character is skipped, but never a line break: the group ends with its line
      const e = ls.src.charCodeAt(j + 1);
      if (e === 10 || e === 13) return j + 1;
      j++;
      continue;
    }
    if (c === 123) d++;
    else if (c === 125 && --d === 0) return j + 1;
    else if (c === 10 || c === 13) return j;
  }
  return j;
}

/** the end of a command \name or \c starting at j (a backslash before a line break or the end is alone) */
export function commandEnd(ls: LexState, j: number): number {
  let q = j + 1;
  const c = ls.src.charCodeAt(q);
  if (c === 10 || c === 13 || q >= ls.n) return q;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    let d = c;
    while ((d >= 65 && d <= 90) || (d >= 97 && d <= 122)) d = ls.src.charCodeAt(++q);
    return q;
  }
  return q < ls.n ? q + 1 : q;
}

/**
 * whether from..to closes an equation's line: something of it comes before on the line, and nothing but spaces and
 * a sentence's marks after (`… \qquad \textbf{correct}`, where `\textbf{loss}` opening a line is a name)
 */
export function closesLine(ls: LexState, from: number, to: number): boolean {
  const nl = ls.src.indexOf('\n', to);
  if (!/^[\s.,;:!?]*$/.test(ls.src.slice(to, nl < 0 ? ls.src.length : nl))) return false;
  const before = ls.src.slice(ls.src.lastIndexOf('\n', from - 1) + 1, from).trim();
  return before !== '' && !/^(?:\$\$?|\\\[|check|derive)$/.test(before);
}

/**
 * `\mathrel{-}=` (an update, said as ← is), `\mathrel{+}=` (+=, which the parser names) and `\mathrel{:}=` (the equals
 * sign): the command at s, its group at j; read (i moved past the =) or false, when the group holds anything else or
 * no = follows
 */
export function relationEquals(ls: LexState, s: number, j: number): boolean {
  const g = groupAt(ls, j);
  const mark = g?.[0].trim();
  if (!g || (mark !== '-' && mark !== '+' && mark !== ':')) return false;
  let e = g[1];
  while (ls.src.charCodeAt(e) === 32) e++;
  if (ls.src.charCodeAt(e) !== 61) return false;
  ls.i = e + 1;
  if (mark === ':') push(ls, 'op', '=', s, ls.i);
  else if (mark === '-') error(ls, ls.src.slice(s, ls.i), s, ls.i, updateText('\\mathrel{-}='));
  else {
    push(ls, 'op', '+', s, e);
    push(ls, 'op', '=', e, ls.i);
  }
  return true;
}

/** the content of the { … } group at j (after spaces), and its end; null when there is none */
export function groupAt(ls: LexState, j: number): [string, number] | null {
  while (ls.src.charCodeAt(j) === 32) j++;
  if (ls.src.charCodeAt(j) !== 123) return null;
  const e = skipGroup(ls, j);
  if (ls.src.charCodeAt(e - 1) !== 125) return null;
  return [ls.src.slice(j + 1, e - 1), e];
}

/**
 * deeplearning.ai writes steps in angle brackets: a^{⟨t⟩}, a^{\langle t-1 \rangle}, and in ASCII a^{<t>}. Right
 * after ^ or ^{ (or a layer's ^{[l]}) an opening angle is the step's '(' (a^{(t)}), and the angle that closes it its ')'; anywhere else
 * (⟨u, v⟩) it stays unread. Whether the bracket at s..i was read so (pushed).
 */
export function stepAngle(ls: LexState, open: boolean, s: number): boolean {
  if (open) {
    // a^{[1]<t>}: after a deep RNN's layer tag too (superscriptNames.ts layerTag), the literal [1] after ^{
    const last = ls.tokens[ls.tokens.length - 1];
    // Cho et al. (2014) write the step under the name too, h_{⟨t−1⟩}, as h_{(t−1)} reads
    if (
      !inSuperscript(ls) &&
      !inSubscriptStart(ls) &&
      !(
        last?.kind === 'lit' &&
        ls.tokens[ls.tokens.length - 2]?.kind === 'op' &&
        ls.tokens[ls.tokens.length - 2]!.text === '{' &&
        inSuperscript(ls, 1)
      )
    )
      return false;
    ls.angleSteps++;
    ls.depth++;
    push(ls, 'op', '(', s, ls.i);
    return true;
  }
  if (ls.angleSteps === 0) return false;
  ls.angleSteps--;
  ls.depth = Math.max(0, ls.depth - 1);
  push(ls, 'op', ')', s, ls.i);
  return true;
}

/**
 * an angle bracket that holds no step: the inner product's, ⟨u, v⟩ (the parser reads the pair and says what else is
 * not read); its closing one where one is open
 */
export function innerAngle(ls: LexState, open: boolean, s: number): void {
  if (open) {
    ls.innerAngles++;
    ls.depth++;
  } else if (ls.innerAngles > 0) {
    ls.innerAngles--;
    ls.depth = Math.max(0, ls.depth - 1);
  }
  push(ls, 'op', open ? '⟨' : '⟩', s, ls.i);
}
