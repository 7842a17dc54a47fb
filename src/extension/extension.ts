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
 * require('unroll') stays analyze() and the entry points.
 */
function extendMarkdownIt<M extends MarkdownItLike>(md: M): M {
  return unrollMarkdownIt(md, analyzeSolution);
}

/** The extension's exports: the report cache, and how long activation took (for the editor tests and the bench). */
export async function activate(
  context: vscode.ExtensionContext,
): Promise<UnrollApi & { activationMs: number; extendMarkdownIt: typeof extendMarkdownIt }> {
  const t0 = performance.now();
  const { activateUnroll } = await import('./activate');
  const api = activateUnroll(context);
  return { ...api, activationMs: performance.now() - t0, extendMarkdownIt };
}

export function deactivate(): void {
  // everything registered is in context.subscriptions, which VS Code disposes
}
