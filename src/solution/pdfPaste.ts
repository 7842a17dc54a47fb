// An equation copied out of a PDF as plain text: the viewer drops the subscripts' layout, so h_{t−1} arrives as `ht−1`
// or `h t−1`, x_t as `xt`, δ_{t+1} as `δt+1`, o_T as `oT`; and a soft hyphen (U+00AD) the PDF set inside a word stays in
// it (`tan­h`). Such an equation has no LaTeX command and no script at all, so a step can only be written flattened: a
// sequence of the network (or a Greek letter it does not define, δt) followed by t or T, or by a step with no space,
// is that sequence at that step.
import type { Folded } from './display';

/** the text with every soft hyphen taken out (a hyphenation point: it joins the word it splits) */
export function dropSoftHyphens(r: Folded): void {
  if (!r.chars.includes('\u00ad')) return;
  const keep = [...r.chars].map((_, k) => k).filter((k) => r.chars[k] !== '\u00ad');
  r.chars = keep.map((k) => r.chars[k]).join('');
  r.at = keep.map((k) => r.at[k]!);
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * The equation's flattened steps written as steps (`ht−1` → `h_{t-1}`), and what was read so, as written
 * (`ht−1`, `xt`); the text unchanged (and none) where it writes LaTeX or a script, or no such step
 */
export function flattenedSteps(
  text: Folded,
  sequences: readonly string[],
  defined: (name: string) => boolean,
): { text: Folded; read: string[] } {
  const none = { text, read: [] };
  if (/[\\_^]/.test(text.chars) || !sequences.length) return none;
  const bases = [...sequences].sort((a, b) => b.length - a.length).map(escape);
  // the base, then t or T (after a space too: `h t−1`) or a whole number (no space: `h1`), then an offset with no
  // space before it (`t−1`, `t+1`: a minus with spaces around it is a difference, `ot − yt`)
  // (and Σt, the sum over t whose bound letter sat below the Σ)
  const step = new RegExp(
    `(?<![\\p{L}\\p{N}_'’])(${bases.join('|')}|[Σ∑∏](?=[a-zA-Z]))(?:[ \\u00a0]?([tT])((?:[−-]|\\+)\\d+)?|(\\d+))(?![\\p{L}\\p{Nd}_])`,
    'gu',
  );
  let chars = '';
  const at: number[] = [];
  const read: string[] = [];
  let from = 0;
  for (const m of text.chars.matchAll(step)) {
    const [whole, base, letter, offset, number] = m as unknown as [string, string, string?, string?, string?];
    // a name the network has as written (`ht` where it defines ht) keeps its reading; t a name of its own (seed 001's
    // targets t_t) makes `ht` the product the language reads
    const sum = /^[Σ∑∏]$/.test(base);
    if (
      sum
        ? /[ \u00a0]/.test(whole) || number !== undefined || offset !== undefined
        : defined(whole.replace(/\s/g, '')) || (letter && defined(letter))
    )
      continue;
    const k = m.index;
    chars += text.chars.slice(from, k);
    at.push(...text.at.slice(from, k));
    const written = `${base}_{${number ?? letter! + (offset ?? '').replace('−', '-')}}`;
    chars += written;
    for (let n = 0; n < written.length; n++) at.push(text.at[k + Math.min(n, whole.length - 1)]!);
    read.push(whole.replace(/\u00a0/g, ' '));
    from = k + whole.length;
  }
  if (!read.length) return none;
  chars += text.chars.slice(from);
  at.push(...text.at.slice(from));
  return { text: { chars, at }, read };
}
