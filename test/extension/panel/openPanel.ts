// The panel opened as a test of its host needs it (fake VS Code, fake timers): the command run with `active` the
// active editor's document, the page written (a task after the panel's creation), and its script's 'ready' said.
import { vi } from 'vitest';
import type { ToWebview } from '../../../src/protocol';
import { fake, type FakePanel } from '../fake/vscode';

export async function openPanelOn(active: unknown, documents: unknown[] = [active]): Promise<FakePanel> {
  fake.documents = documents;
  fake.activeTextEditor = { document: active, selection: { active: { line: 0, character: 0 } }, viewColumn: 1 };
  fake.visibleTextEditors = [fake.activeTextEditor];
  await fake.commands.get('unroll.openPanel')!();
  const panel = fake.panels[fake.panels.length - 1] as FakePanel;
  for (let i = 0; i < 20 && !panel.webview.html; i++) {
    vi.advanceTimersByTime(0);
    await Promise.resolve();
  }
  panel.webview.receive.fire({ type: 'ready' });
  return panel;
}

/** the last message of a type the page was sent */
export const lastOf = <T extends ToWebview['type']>(panel: FakePanel, type: T) =>
  panel.webview.posted.filter((m) => m.type === type).pop() as Extract<ToWebview, { type: T }> | undefined;
