// Inline math of prose, `$ … $` and `\( … \)`, is never a claim (LANGUAGE.md §8: not checked). A student often
// defines a name there, though — "Let $\delta_t = \frac{\partial L}{\partial h_t}$. Then …" — and writes the
// displays after it with that name; the reader hands such equations to analyze.ts, which reads the ones that
// define a name by a derivative as it reads a display that does (and nothing else of them).
import type { Display } from './display';
import type { ReadResult } from './read';

/** inline equations read for definitions per file; past it they are left as prose, and said so once */
export const MAX_INLINE_EQUATIONS = 200;

/**
 * The inline math spans with an `=` in prose text (offsets into text, which starts at file offset `offset`): `$ … $`
 * as Pandoc and KaTeX's auto-render pair them (no space inside either `$`, the closing one not followed by a digit:
 * `costs $5 and $10` is no math) and `\( … \)`. A `$$` is no inline delimiter. Code spans are blanked by the caller.
 */
export function inlineEquations(text: string, offset: number): Display[] {
  const out: Display[] = [];
  if (!hasEquals(text)) return out;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '(') {
        const close = text.indexOf('\\)', i + 2);
        if (close < 0) return out;
        push(out, text, offset, i, i + 2, close, close + 2);
        i = close + 1;
      } else i++;
      continue;
    }
    if (c !== '$') continue;
    if (text[i + 1] === '$') {
      i++;
      continue;
    }
    if (/\s/.test(text[i + 1] ?? ' ')) continue;
    let close = -1;
    for (let k = i + 1; k < text.length; k++) {
      if (text[k] === '\\') k++;
      else if (text[k] === '$') {
        if (text[k + 1] === '$') break;
        if (!/\s/.test(text[k - 1]!) && !/\d/.test(text[k + 1] ?? '')) close = k;
        break;
      }
    }
    if (close < 0) continue;
    push(out, text, offset, i, i + 1, close, close + 1);
    i = close;
  }
  return out;
}

/** a cheap screen: an `=` or a relation a definition is written with (:=, \coloneqq, \equiv, \triangleq, ≔), which the fold reads as = */
export const hasEquals = (math: string): boolean => /[=≔≡≜]|\\(?:coloneqq|equiv|triangleq|defeq)(?![A-Za-z])/.test(math);

/** d kept among the file's inline equations, up to MAX_INLINE_EQUATIONS; the first past it is said (cap.said) */
export function keepInline(result: ReadResult, d: Display, cap: { said: boolean }): void {
  if (result.inline.length < MAX_INLINE_EQUATIONS) {
    result.inline.push(d);
    return;
  }
  if (!cap.said)
    result.problems.push({
      start: d.start,
      end: d.end,
      severity: 'information',
      message: `more than ${MAX_INLINE_EQUATIONS} equations in inline math: the ones from here on are not read for the names they define (limit)`,
    });
  cap.said = true;
}

function push(out: Display[], text: string, offset: number, start: number, contentStart: number, close: number, end: number): void {
  if (!hasEquals(text.slice(contentStart, close))) return;
  out.push({ start: offset + start, end: offset + end, contentStart: offset + contentStart, contentEnd: offset + close, outerTag: null });
}
