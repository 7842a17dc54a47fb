// The extension's entry (package.json `main` and `browser`). It also re-exports analyze(), so that
// `require('unroll').analyze(text)` works in plain Node: the VS Code side is loaded lazily, on activation.

import type * as vscode from 'vscode';
import type { UnrollApi } from './activate';

export { analyze } from '../analysis';

export async function activate(context: vscode.ExtensionContext): Promise<UnrollApi> {
  const { activateUnroll } = await import('./activate');
  return activateUnroll(context);
}

export function deactivate(): void {
  // everything registered is in context.subscriptions, which VS Code disposes
}
