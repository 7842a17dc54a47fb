// Which Markdown/LaTeX documents are solutions — decided cheaply, before any parsing, so an ordinary
// README never pays for Unroll: a substring test for an ```rnn fence, else a sidecar NAME.rnn beside
// NAME.md / NAME.tex (LANGUAGE.md §8). Pure (no 'vscode').

import { kindByContent, RNN_FENCE_OPENING, solutionKindOf } from '../../solution/fenceInfo';
import { looksLikeNotebook } from '../../solution/notebook';
import type { SolutionKind } from './core';

/** The opening of a network block: ```rnn, ~~~rnn, ````rnn, ```{rnn} (any Markdown text holding a network matches). */
const RNN_FENCE = RNN_FENCE_OPENING;

/** the language ids of Markdown documents: VS Code's, the Quarto extension's, the R extension's (R Markdown) */
export const MARKDOWN_LANGUAGES = ['markdown', 'quarto', 'rmd'];

/**
 * The kind of a document by its language id (VS Code's, LaTeX Workshop's) or, failing that, its file name; a plain-text
 * document (a `.txt` hand-in, as the seeds are saved) by what it holds, as the CLI reads a `.txt`: it is then a solution
 * only with an ```rnn block or a NAME.rnn beside it, tested next as for any Markdown file. A notebook saved as `.txt`
 * is not one: its JSON is no Markdown (the ```rnn inside a cell's string would be read with the quotes and commas around
 * it), and its places are a cell's, which a text editor does not show. The CLI reads it as a notebook; here it is left
 * alone, as a notebook opened as JSON text is.
 */
export function documentKind(languageId: string, path: string, text?: () => string): SolutionKind | null {
  if (MARKDOWN_LANGUAGES.includes(languageId)) return 'markdown';
  if (languageId === 'latex' || languageId === 'tex') return 'latex';
  const byName = solutionKindOf(path);
  if (byName || languageId !== PLAIN_TEXT || !text) return byName;
  const held = text();
  return looksLikeNotebook(held) ? null : kindByContent(held);
}

/** VS Code's language id of `.txt` files and untitled documents */
export const PLAIN_TEXT = 'plaintext';

/** Whether the text itself may hold a network: a Markdown text with an ```rnn fence (LaTeX has none). */
export function mayHoldNetwork(text: string, kind: SolutionKind): boolean {
  // the plain substring test first: most Markdown files never mention rnn at all
  return kind === 'markdown' && /rnn/i.test(text) && RNN_FENCE.test(text);
}

/** The sidecar's path for a document path: sheet7.md → sheet7.rnn; null for a path with no extension. */
export function sidecarPath(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return null;
  return `${path.slice(0, dot)}.rnn`;
}
