// The Unicode-input adapter with the shared fake editor (test/extension/fake/vscode.ts): the edit it makes,
// its undo stops, and its retries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake, type Range } from '../fake/vscode';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);

const { registerUnicodeInput } = await import('../../../src/extension/unicode/unicodeInput');

class Doc {
  languageId = 'rnn';
  isClosed = false;
  constructor(public lines: string[]) {}
  get lineCount() {
    return this.lines.length;
  }
  lineAt(i: number) {
    return { text: this.lines[i]! };
  }
}

interface Edit {
  range: Range;
  text: string;
  opts: unknown;
}

function editor(doc: Doc, refusals = 0) {
  const edits: Edit[] = [];
  let refuse = refusals;
  const ed = {
    document: doc,
    edits,
    edit: async (cb: (b: { replace(r: Edit['range'], t: string): void }) => void, opts: unknown) => {
      if (refuse-- > 0) return false;
      cb({
        replace: (range, text) => {
          edits.push({ range, text, opts });
          const l = doc.lines[range.start.line]!;
          doc.lines[range.start.line] = l.slice(0, range.start.character) + text + l.slice(range.end.character);
        },
      });
      return true;
    },
  };
  fake.visibleTextEditors = [ed];
  return ed;
}

/** The document after typing `typed` at the end of line 0 (already in doc.lines), as one change. */
function typed(doc: Doc, typedText: string, reason?: number) {
  const line = doc.lines[0]!;
  fake.events.change.fire({
    document: doc,
    reason,
    contentChanges: [{ text: typedText, range: { start: { line: 0, character: line.length - typedText.length } } }],
  });
}

const settle = () => new Promise((r) => setTimeout(r, 50));

const context = { subscriptions: [] as { dispose(): void }[] };

beforeEach(() => {
  resetFake();
  registerUnicodeInput(context as never);
});

afterEach(() => {
  for (const d of context.subscriptions.splice(0)) d.dispose();
});

describe('Unicode input adapter', () => {
  it('replaces \\sigma and its space by σ in one edit with undo stops on both sides', async () => {
    const doc = new Doc(['h_t = \\sigma ']);
    const ed = editor(doc);
    typed(doc, ' ');
    await settle();
    expect(doc.lines[0]).toBe('h_t = σ');
    expect(ed.edits).toEqual([
      {
        range: { start: { line: 0, character: 6 }, end: { line: 0, character: 13 } },
        text: 'σ',
        opts: { undoStopBefore: true, undoStopAfter: true },
      },
    ]);
  });

  it('leaves undo and redo alone, and does nothing when the setting is off', async () => {
    const doc = new Doc(['h_t = \\sigma ']);
    const ed = editor(doc);
    typed(doc, '\\sigma ', 1);
    typed(doc, '\\sigma ', 2);
    fake.config = { 'unicodeInput.enabled': false };
    typed(doc, ' ');
    await settle();
    expect(ed.edits).toEqual([]);
    expect(doc.lines[0]).toBe('h_t = \\sigma ');
  });

  it('retries an edit the editor refused (the user typed on), if the text is still there', async () => {
    const doc = new Doc(['a \\partial ']);
    editor(doc, 2);
    typed(doc, ' ');
    await settle();
    expect(doc.lines[0]).toBe('a ∂');
  });

  it('gives up when the abbreviation is gone by the retry', async () => {
    const doc = new Doc(['a \\partial ']);
    const ed = editor(doc, 1);
    typed(doc, ' ');
    doc.lines[0] = 'a \\par';
    await settle();
    expect(ed.edits).toEqual([]);
  });

  it('ignores other languages', async () => {
    const doc = new Doc(['\\sigma ']);
    doc.languageId = 'markdown';
    const ed = editor(doc);
    typed(doc, ' ');
    await settle();
    expect(ed.edits).toEqual([]);
  });
});
