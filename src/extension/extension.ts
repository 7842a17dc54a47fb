// The extension's entry (package.json `main` and `browser`). It also re-exports analyze(), so that
// `require('unroll').analyze(text)` works in plain Node: the VS Code side is loaded lazily, on activation.

import type * as vscode from 'vscode';
import type { UnrollApi } from './activate';

export { analyze } from '../analysis';

/** The extension's exports: the report cache, and how long activation took (for the editor tests and the bench). */
export async function activate(context: vscode.ExtensionContext): Promise<UnrollApi & { activationMs: number }> {
  const t0 = performance.now();
  const { activateUnroll } = await import('./activate');
  const api = activateUnroll(context);
  return { ...api, activationMs: performance.now() - t0 };
}

export function deactivate(): void {
  // everything registered is in context.subscriptions, which VS Code disposes
}
