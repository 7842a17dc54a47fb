// The LaTeX reader: display math (`$$ … $$`, `\[ … \]`, the display environments of §8) in the
// document body, with `%` comments and verbatim-like environments blanked out first so that
// nothing in them is ever read. Inline `$ … $` and `\( … \)` are skipped over, not checked.
import { type Display, labelLine } from './display';
import { DISPLAY_ENVS, forwardSearch, matchingEnd, type ReadResult } from './read';
import { hasEquals, keepInline } from './inlineMath';

const VERBATIM = /\\begin\{(verbatim\*?|Verbatim\*?|lstlisting|minted|comment)\}/g;
const OPEN = new RegExp(`\\$\\$|\\\\\\[|\\\\begin\\{(${DISPLAY_ENVS})\\}|\\$|\\\\\\(|\\\\verb(.)`, 'g');

/** the text with comments and verbatim bodies replaced by spaces (same length, newlines kept) */
export function maskLatex(text: string): string {
  const out = text.split('');
  const blank = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // verbatim first: a % inside it is not a comment
  const find = forwardSearch(text);
  let done = 0;
  for (const m of text.matchAll(VERBATIM)) {
    // an opener inside a verbatim body already blanked is text, not a new body
    if (m.index! < done) continue;
    const close = find(`\\end{${m[1]}}`, m.index! + m[0].length);
    done = close < 0 ? text.length : close;
    blank(m.index! + m[0].length, done);
    if (close < 0) break;
  }
  for (let i = 0; i < text.length; i++) {
    if (out[i] === '\\') {
      i++;
      continue;
    }
    if (out[i] === '%') {
      let j = i;
      while (j < text.length && text[j] !== '\n') j++;
      blank(i, j);
      i = j;
    }
  }
  blankIfFalse(out, blank);
  return out.join('');
}

// a conditional's opener (`\ifx`, `\ifnum`, a `\newif`'s `\ifdraft`), counted while skipping as TeX counts them;
// `\ifthenelse` (the ifthen package) is a macro with arguments, no conditional, and has no `\fi`
const CONDITIONAL = /\\(?:if(?!thenelse)[a-zA-Z@]*|fi|else)(?![a-zA-Z@])/g;

/**
 * `\iffalse … \fi` is how an Overleaf document comments out a block (an old attempt, notes to a partner): TeX
 * never reads it, so its displays are no claims (they were checked, and a stale `\[ y_3 = 96 \]` failed). The
 * skipped text runs to the `\fi` (or `\else`) that closes it, nested conditionals paired on the way.
 */
function blankIfFalse(out: string[], blank: (a: number, b: number) => void): void {
  const text = out.join('');
  const opens = /\\iffalse(?![a-zA-Z@])/g;
  for (let m = opens.exec(text); m; m = opens.exec(text)) {
    const from = m.index + m[0].length;
    CONDITIONAL.lastIndex = from;
    let depth = 0;
    let end = text.length;
    for (let c = CONDITIONAL.exec(text); c; c = CONDITIONAL.exec(text)) {
      if (c[0].startsWith('\\if')) depth++;
      else if (depth > 0) depth -= c[0] === '\\fi' ? 1 : 0;
      else {
        end = c.index;
        break;
      }
    }
    blank(from, end);
    opens.lastIndex = end;
  }
}

export function readLatex(text: string): ReadResult {
  const result: ReadResult = { fences: [], displays: [], problems: [], inline: [] };
  const masked = maskLatex(text);
  const inlineCap = { said: false };
  // the preamble defines macros (`$` in \newcommand…); equations live in the body
  const body = masked.indexOf('\\begin{document}');
  // TeX reads nothing after \end{document}: notes kept there are no part of the solution
  const last = masked.indexOf('\\end{document}', body < 0 ? 0 : body);
  const src = last < 0 ? masked : masked.slice(0, last) + masked.slice(last).replace(/[^\r\n]/g, ' ');
  const find = forwardSearch(src);
  OPEN.lastIndex = body < 0 ? 0 : body;
  let m: RegExpExecArray | null;
  while ((m = OPEN.exec(src))) {
    const start = m.index;
    const opener = m[0];
    if (opener.startsWith('\\verb')) {
      const close = find(m[2]!, start + opener.length);
      OPEN.lastIndex = close < 0 ? start + opener.length : close + 1;
      continue;
    }
    if (opener === '$' || opener === '\\(') {
      // inline math: skip to its end (an escaped \$ is not a delimiter)
      const close = findUnescaped(find, src, opener === '$' ? '$' : '\\)', start + opener.length);
      OPEN.lastIndex = close < 0 ? start + 1 : close + (opener === '$' ? 1 : 2);
      // one with an `=` is read for a name it defines (inlineMath.ts), up to the cap
      if (close >= 0 && hasEquals(src.slice(start + opener.length, close)))
        keepInline(
          result,
          { start, end: OPEN.lastIndex, contentStart: start + opener.length, contentEnd: close, outerTag: null },
          inlineCap,
        );
      continue;
    }
    const env = m[1];
    const closer = opener === '$$' ? '$$' : opener === '\\[' ? '\\]' : `\\end{${env}}`;
    const contentStart = start + opener.length;
    // a blank line ends a paragraph, and no display math runs past one (TeX refuses it)
    const blank = find(BLANK_LINE, contentStart);
    const para = blank < 0 ? src.length : blank;
    const close = env ? matchingEnd(find, contentStart, env) : findUnescaped(find, src, closer, contentStart);
    if (close < 0 || close > para) {
      result.problems.push({
        start,
        end: contentStart,
        severity: 'warning',
        message: `${opener} is never closed: this equation is not checked`,
      });
      OPEN.lastIndex = contentStart;
      continue;
    }
    const end = close + closer.length;
    const lineEnd = indexOrEnd(src, '\n', end);
    const rest = src.slice(end, lineEnd);
    let outerTag: Display['outerTag'] = null;
    const same = labelLine(rest);
    if (same) outerTag = { text: same, start: end, end: lineEnd };
    else if (!rest.trim() && lineEnd < src.length) {
      const nextEnd = indexOrEnd(src, '\n', lineEnd + 1);
      const next = labelLine(src.slice(lineEnd + 1, nextEnd));
      if (next) outerTag = { text: next, start: lineEnd + 1, end: nextEnd };
    }
    result.displays.push({ start, end, contentStart, contentEnd: close, outerTag });
    OPEN.lastIndex = end;
  }
  return result;
}

function indexOrEnd(s: string, what: string, from: number): number {
  const i = s.indexOf(what, from);
  return i < 0 ? s.length : i;
}

const BLANK_LINE = /\n[ \t]*\r?\n/;

function findUnescaped(find: (w: string, f: number) => number, s: string, what: string, from: number): number {
  let i = find(what, from);
  while (i > 0 && s[i - 1] === '\\' && what === '$') i = find(what, i + 1);
  return i;
}
