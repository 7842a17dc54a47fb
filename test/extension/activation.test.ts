// Activation wires every feature and stays fast. 'vscode' is a recording fake: any API is a no-op that
// returns a disposable; registrations are recorded by name so the test can check what was wired.
import { describe, expect, it, vi } from 'vitest';

const rec = vi.hoisted(() => ({ calls: [] as string[], commands: [] as string[] }));

vi.mock('vscode', () => {
  const make = (path: string): unknown =>
    new Proxy(function () {}, {
      get(_t, prop) {
        if (prop === 'then') return undefined; // not a promise
        if (prop === Symbol.toPrimitive) return () => path;
        if (prop === 'dispose') return () => undefined;
        if (prop === 'event') return () => ({ dispose: () => undefined });
        return make(`${path}.${String(prop)}`);
      },
      apply(_t, _this, args: unknown[]) {
        rec.calls.push(path);
        if (path === 'vscode.commands.registerCommand') rec.commands.push(args[0] as string);
        if (path.endsWith('.getConfiguration')) return { get: (_k: string, d: unknown) => d };
        if (path.endsWith('textDocuments') || path.endsWith('visibleTextEditors')) return [];
        return make(`${path}()`);
      },
      set() {
        return true; // item.text = …, md.isTrusted = …
      },
      construct(_t, _args) {
        return make(`new ${path}`) as object;
      },
    });
  const vscode = make('vscode') as Record<string | symbol, unknown>;
  const workspace = new Proxy({}, {
    get: (_t, prop) => (prop === 'textDocuments' ? [] : (vscode.workspace as Record<string | symbol, unknown>)[prop]),
  });
  // the module namespace: every export is the recording fake, except workspace's document list
  return new Proxy({}, {
    get: (_t, prop) => (prop === 'workspace' ? workspace : prop === 'then' || prop === 'default' || prop === '__esModule' ? undefined : vscode[prop]),
    has: () => true,
  });
});

const { activate } = await import('../../src/extension/extension');
// load (and let vitest transform) the lazily imported modules first: a bundle has them ready
await import('../../src/extension/activate');

describe('activate', () => {
  it('registers every provider and command, and is fast', async () => {
    const context = { subscriptions: [] as unknown[], extensionUri: {}, extensionPath: '/ext', globalState: { get: () => undefined, update: () => Promise.resolve() }, workspaceState: { get: () => undefined, update: () => Promise.resolve() } };
    const api = await activate(context as never);
    expect(rec.commands).toEqual(expect.arrayContaining(['unroll.copyLatex', 'unroll.insertTemplate', 'unroll.openPanel']));
    for (const p of ['registerHoverProvider', 'registerCodeLensProvider', 'registerInlayHintsProvider', 'registerDocumentSemanticTokensProvider', 'registerCompletionItemProvider', 'registerCodeActionsProvider', 'createDiagnosticCollection', 'registerDefinitionProvider', 'registerReferenceProvider', 'registerDocumentHighlightProvider', 'registerDocumentSymbolProvider']) {
      expect(rec.calls).toContain(`vscode.languages.${p}`);
    }
    expect(rec.calls).toContain('vscode.window.createStatusBarItem');
    expect(context.subscriptions.length).toBeGreaterThan(10);
    // well under the 100 ms budget (the first import of the modules is included)
    expect(api.activationMs).toBeLessThan(100);
    console.log(`activation: ${api.activationMs.toFixed(1)} ms`);
  });
});
