// Accents (\tilde{h}, \hat{y}, \bar{h}, \overline{c^{(t)}}): the name with its mark, over scripts too; and the d of
// a derivative (\frac{dA}{dB}, d/dx) as ∂.

import { isLetterCode, isMarkCode, startsNameAt } from './characters';
import { ACCENTS, GREEK, LATEX_FONTS, afterEmptyScripts, thinSpaces } from './commands';
import { error, push } from './emit';
import { Brace, commandEnd, skipGroup } from './groups';
import type { LexState } from './state';
import { lexWord } from './words';

/**
 * \tilde{h}, \hat y, \tilde{\delta}: a name with a combining mark (h̃, ŷ, δ̃). The indices after the
 * accent are the name's as usual: \tilde{h}_t is h̃_t.
 */
export function accent(ls: LexState, cmd: string, mark: string, s: number) {
  const r = accentBase(ls, ls.i);
  if (!r) {
    const scripted = accentOverScripts(ls, cmd);
    if (scripted === null) {
      error(ls, ls.src.slice(s, ls.i), s, ls.i, `\\${cmd} over something that is not a letter: write \\${cmd}{h}`);
      return;
    }
    if (typeof scripted === 'string') {
      const e = skipGroup(ls, ls.i, 200);
      error(ls, ls.src.slice(s, e), s, e, scripted);
      ls.i = e;
      return;
    }
    // \hat{y_3} is \hat{y}_3: the name with its mark, then the scripts as if written after the brace, which closes
    // as a font's does (transparent), so that what follows stays tight: \hat{y_3}^2 is ŷ_3²
    const [w, e] = scripted;
    ls.depth++;
    ls.braces.push(Brace.Transparent);
    ls.i = e;
    lexWord(ls, w + mark, s, e);
    return;
  }
  ls.i = r[1];
  lexWord(ls, r[0] + mark, s, ls.i);
}

/**
 * d\bar{c}_t: code's gradient of a barred name (Kouridi's dc_bar), one name dc̄ as dc is, where a lone d stands tight
 * before the bar over one letter (a d of a derivative is a 'partial' token, not a name). The other accents make a name
 * in the lexer already, which the parser joins to the d before it (d\tilde{c}_t, session 41)
 */
export function codeD(ls: LexState, s: number): boolean {
  const prev = ls.tokens[ls.tokens.length - 1];
  if (!prev || prev.kind !== 'name' || prev.text !== 'd' || prev.end !== s) return false;
  const r = accentBase(ls, ls.i);
  if (!r || [...r[0]].length !== 1) return false;
  ls.tokens.pop();
  // the d's own place: tight to what it was tight to, with the \tag written before it
  ls.lastEnd = prev.tight ? prev.start : -1;
  ls.pendingTag = prev.tag;
  ls.i = r[1];
  lexWord(ls, 'd' + r[0] + '\u0304', prev.start, ls.i);
  return true;
}

/**
 * \hat{y_3}, \tilde{c_t}, \hat{y^{(t)}}, \widehat{h_1^{(t)}}: an accent over a letter written with its scripts inside
 * the braces (students write it so; \bar{s_3} reads so in the parser). The letters and where they end, when the rest
 * of the group is scripts only: subscripts of any content, superscripts that are a step in brackets (^{(t)}, ^{[l]},
 * ^{⟨t⟩}) or a transpose. A power (\hat{y^2}) is a message: the accent over y² names nothing. Null when it is neither.
 */
export function accentOverScripts(ls: LexState, cmd: string): [string, number] | string | null {
  let j = ls.i;
  while (ls.src.charCodeAt(j) === 32) j++;
  if (ls.src.charCodeAt(j) !== 123) return null;
  const end = skipGroup(ls, j, 200);
  if (ls.src.charCodeAt(end - 1) !== 125) return null;
  let w = '';
  let q = j + 1;
  for (;;) {
    while (ls.src.charCodeAt(q) === 32) q++;
    const c = ls.src.charCodeAt(q);
    if (c === 95 || c === 94 || q >= end - 1) break;
    const r = accentBase(ls, q, 1);
    if (!r || r[1] > end - 1) return null;
    w += r[0];
    q = r[1];
  }
  if (!w || q >= end - 1) return null;
  const base = q;
  while (q < end - 1) {
    const c = ls.src.charCodeAt(q);
    if (c === 32) {
      q++;
      continue;
    }
    if (c !== 95 && c !== 94) return null;
    let a = q + 1;
    while (ls.src.charCodeAt(a) === 32) a++;
    const d = ls.src.charCodeAt(a);
    const after = d === 123 ? skipGroup(ls, a, 200) : d === 92 ? commandEnd(ls, a) : a + 1;
    if (after > end - 1 || (d === 123 && ls.src.charCodeAt(after - 1) !== 125)) return null;
    if (c === 94) {
      const sup = (d === 123 ? ls.src.slice(a + 1, after - 1) : ls.src.slice(a, after)).trim();
      if (!/^(?:[([<⟨]|\\langle\b|\\top$|\\intercal$|\\mathsf\{T\}$|T$|⊤$)/.test(sup))
        return `\\${cmd} over a power (${ls.src.slice(j + 1, end - 1).trim()}) is not read: write \\${cmd}{${ls.src.slice(j + 1, base).trim()}}^{…} for the power of the accented name, or a step in brackets (^{(t)})`;
    }
    q = after;
  }
  return [w, base];
}

/** the letters an accent stands over (braced or one letter/command), with fonts and Greek read */
export function accentBase(ls: LexState, j: number, level = 0): [string, number] | null {
  if (level > 8) return null;
  while (ls.src.charCodeAt(j) === 32) j++;
  const c = ls.src.charCodeAt(j);
  if (c === 123) {
    const e = skipGroup(ls, j, 200);
    if (ls.src.charCodeAt(e - 1) !== 125) return null;
    let w = '';
    let q = j + 1;
    while (q < e - 1) {
      const d = ls.src.charCodeAt(q);
      if (d === 32) {
        q++;
        continue;
      }
      const r = accentBase(ls, q, level + 1);
      if (!r) return null;
      w += r[0];
      q = r[1];
    }
    return w ? [w, e] : null;
  }
  if (c === 92) {
    const e = commandEnd(ls, j);
    const cmd = ls.src.slice(j + 1, e);
    if (GREEK[cmd]) return [GREEK[cmd]!, e];
    // \hat{\sigma}: an accent makes a new name (σ̂, an estimate), so under one σ is the letter, not the function
    if (cmd === 'sigma') return ['σ', e];
    if (LATEX_FONTS.has(cmd)) return accentBase(ls, e, level + 1);
    const m = ACCENTS[cmd];
    if (m) {
      const r = accentBase(ls, e, level + 1);
      return r ? [r[0] + m, r[1]] : null;
    }
    return null;
  }
  if (isLetterCode(c)) {
    // one letter and the marks written on it
    let q = j + 1;
    while (q < ls.n && isMarkCode(ls.src.charCodeAt(q))) q++;
    return [ls.src.slice(j, q), q];
  }
  return null;
}

/**
 * Whether the d at j opens the numerator of \frac{dA}{dB}: it follows \frac{ and the numerator's group is
 * followed by a denominator that starts with d and a letter (whose d is then read as ∂ too: fracD)
 */
export function fracDerivative(ls: LexState, j: number): boolean {
  const open = ls.tokens[ls.tokens.length - 1];
  const frac = ls.tokens[ls.tokens.length - 2];
  if (!open || !frac || frac.kind !== 'frac' || open.kind !== 'op' || open.text !== '{' || open.end !== j) return false;
  const e = skipGroup(ls, open.start);
  if (ls.src.charCodeAt(e - 1) !== 125) return false;
  let k = e;
  while (ls.src.charCodeAt(k) === 32) k++;
  if (ls.src.charCodeAt(k) !== 123) return false;
  k++;
  while (ls.src.charCodeAt(k) === 32) k++;
  if (ls.src.charCodeAt(k) !== 100 || !startsNameAt(ls.src, thinSpaces(ls.src, afterEmptyScripts(ls.src, k + 1)))) return false;
  ls.fracD = k;
  return true;
}

export function pushPartial(ls: LexState, s: number) {
  // ∂⁺, ∂^+, ∂^{+}
  let e = ls.i;
  if (ls.src.charCodeAt(e) === 0x207a) e += 1;
  else if (ls.src.charCodeAt(e) === 94 && ls.src.charCodeAt(e + 1) === 43) e += 2;
  else if (ls.src.startsWith('^{+}', e)) e += 4;
  const plus = e > ls.i;
  ls.i = e;
  push(ls, 'partial', '∂', s, ls.i, 0, plus);
}
