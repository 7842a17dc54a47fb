// Activation wires every feature and stays fast. 'vscode' is the shared fake (test/extension/fake/vscode.ts):
// every API call is recorded by name (the ones no fake implements are no-ops) so the test can check what was wired.
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, CONTRIBUTED_COMMANDS } from '../../src/extension/commands/ids';
import { fake, Uri } from './fake/vscode';

vi.mock('vscode', async () => (await import('./fake/vscode')).vscodeModule);

const { activate } = await import('../../src/extension/extension');
// load (and let vitest transform) the lazily imported modules first: a bundle has them ready
await import('../../src/extension/activate');

describe('activate', () => {
  it('registers every provider and command, and is fast', async () => {
    const context = {
      subscriptions: [] as unknown[],
      extensionUri: Uri.parse('file:///ext'),
      extensionPath: '/ext',
      globalState: { get: () => undefined, update: () => Promise.resolve() },
      workspaceState: { get: () => undefined, update: () => Promise.resolve() },
    };
    const api = await activate(context as never);
    // every command of the table is registered, the contributed ones and the internal ones
    expect([...fake.commands.keys()].sort()).toEqual(Object.values(COMMANDS).sort());
    expect([...fake.commands.keys()]).toEqual(expect.arrayContaining([...CONTRIBUTED_COMMANDS]));
    for (const p of [
      'registerHoverProvider',
      'registerCodeLensProvider',
      'registerInlayHintsProvider',
      'registerDocumentSemanticTokensProvider',
      'registerCompletionItemProvider',
      'registerCodeActionsProvider',
      'createDiagnosticCollection',
      'registerDefinitionProvider',
      'registerReferenceProvider',
      'registerDocumentHighlightProvider',
      'registerDocumentSymbolProvider',
    ]) {
      expect(fake.calls).toContain(`vscode.languages.${p}`);
    }
    expect(fake.calls).toContain('vscode.window.createStatusBarItem');
    expect(context.subscriptions.length).toBeGreaterThan(10);
    // well under the 100 ms budget (the first import of the modules is included)
    expect(api.activationMs).toBeLessThan(100);
    console.log(`activation: ${api.activationMs.toFixed(1)} ms`);
  });
});
