// Which fenced blocks of a Markdown solution hold its network (LANGUAGE.md §8: "blocks marked ```rnn"), and which
// file names are solutions. One test for the reader, the CLI, the editor's detection and the preview, so that they
// never disagree on a block or a file. No dependencies: the web extension bundles it.

/**
 * the opening of a network block anywhere in a text: a fence of three or more backticks or tildes (CommonMark; a
 * student writes ````rnn to show ``` inside), then `rnn` in any case, bare or as a Quarto / R Markdown chunk `{rnn}`
 */
export const RNN_FENCE_OPENING = /^\uFEFF?[ \t>]*(?:`{3,}|~{3,})[ \t]*\{?[ \t]*rnn(?![A-Za-z0-9_])/im;

/** a fence's info string names the network's language: `rnn`, `RNN`, `{rnn}`, `{rnn, echo=FALSE}`, `rnn title="…"` */
export function isRnnInfo(info: string): boolean {
  return /^\{?[ \t]*rnn(?![A-Za-z0-9_])/i.test(info.trim());
}

/**
 * a fence's info string marks display math: ```math (GitHub and GitLab render it as a display equation, so a
 * solution written for them holds its equations there), ```latex-math, MyST's ```{math}
 */
export function isMathInfo(info: string): boolean {
  return /^\{?[ \t]*(?:math|latex-math)(?![A-Za-z0-9_-])/i.test(info.trim());
}

/** a solution's kind by its file name: Markdown (.md, .markdown; Quarto's .qmd and R Markdown's .Rmd, whose network
 * chunk is ```{rnn}) or LaTeX (.tex); null for any other name */
export function solutionKindOf(fileName: string): 'markdown' | 'latex' | null {
  const lower = fileName.toLowerCase();
  if (/\.(?:md|markdown|qmd|rmd)$/.test(lower)) return 'markdown';
  if (lower.endsWith('.tex')) return 'latex';
  return null;
}

/**
 * the kind of a text whose name says nothing (`.txt`, as the seeds are saved): a LaTeX document by its
 * \\begin{document} (its preamble's macros and comments are LaTeX's), anything else Markdown — a solution only with an
 * ```rnn block or a NAME.rnn beside it, as for a `.md`
 */
export function kindByContent(text: string): 'markdown' | 'latex' {
  return text.includes('\\begin{document}') ? 'latex' : 'markdown';
}
