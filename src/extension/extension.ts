// The extension's entry (package.json `main` and `browser`). It also re-exports analyze(), so that
// `require('unroll').analyze(text)` works in plain Node: the VS Code side is loaded lazily, on activation.

import type * as vscode from 'vscode';
import { analyzeSolution } from '../solution';
import type { UnrollApi } from './activate';
import { unrollMarkdownIt, type MarkdownItLike } from './preview/markdownItPlugin';

export { analyze } from '../analysis';

/**
 * VS Code's Markdown preview calls this on the exports activate() returns (package.json
 * `markdown.markdownItPlugins`): verdict marks and rnn highlighting. Not a module export, so that
 * require('unroll') stays analyze() and the entry points. A text an open solution has takes the
 * editor's report (analysed in a worker); any other is analysed by the preview itself.
 */
type ExtendMarkdownIt = <M extends MarkdownItLike>(md: M) => M;

/** The extension's exports: the report cache, and how long activation took (for the editor tests and the bench). */
export async function activate(
  context: vscode.ExtensionContext,
): Promise<UnrollApi & { activationMs: number; extendMarkdownIt: ExtendMarkdownIt }> {
  const t0 = performance.now();
  const { activateUnroll } = await import('./activate');
  const api = activateUnroll(context);
  const extendMarkdownIt: ExtendMarkdownIt = (md) => unrollMarkdownIt(md, analyzeSolution, (src) => api.solutions.reportOfText(src));
  return { ...api, activationMs: performance.now() - t0, extendMarkdownIt };
}

export function deactivate(): void {
  // everything registered is in context.subscriptions, which VS Code disposes
}
