// The commands' behaviour with the shared fake of the VS Code API (test/extension/fake/vscode.ts): what
// lands on the clipboard, where a template goes. The report comes from the real analyze().
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import { fake, resetFake } from '../fake/vscode';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);

const { registerCommands } = await import('../../../src/extension/commands/commands');

const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
const lines = text.split('\n');
const lineOf = (re: RegExp) => lines.findIndex((l) => re.test(l)) + 1;

function doc(content: string, uri = 'file:///sheet7.rnn') {
  return { uri: { toString: () => uri }, languageId: 'rnn', getText: () => content };
}

/** the snippets inserted into an editor */
const snippets: string[] = [];

function editorAt(d: ReturnType<typeof doc>, line1: number) {
  return {
    document: d,
    selection: { active: { line: line1 - 1, character: 0 } },
    insertSnippet: async (s: { value: string }) => {
      snippets.push(s.value);
      return true;
    },
  };
}

beforeEach(() => {
  resetFake();
  snippets.length = 0;
  const d = doc(text);
  fake.documents = [d];
  fake.activeTextEditor = editorAt(d, 1);
  const report = analyze(text);
  registerCommands({ subscriptions: [] } as never, { get: () => report } as never);
});

const run = (id: string, ...args: unknown[]) => fake.commands.get(id)!(...args) as Promise<unknown>;

describe('unroll.copyLatex', () => {
  it('copies LaTeX handed over by a hover link as it is', async () => {
    await run('unroll.copyLatex', { latex: '\\sigma' });
    expect(fake.clipboard).toEqual(['\\sigma']);
  });
  it('copies the derive of a line (CodeLens)', async () => {
    const line = lineOf(/^derive ∂L\/∂W_hh/);
    const latex = await run('unroll.copyLatex', { uri: 'file:///sheet7.rnn', line });
    expect(fake.clipboard).toEqual([latex]);
    expect(latex).toContain(`% ∂L/∂W_hh (line ${line})`);
    expect(latex).toContain('\\frac{\\partial L}{\\partial W_{hh}}');
  });
  it('from the palette: the derive or check under the cursor, else every derive', async () => {
    // seed 001's (11), pasted as LaTeX: copied back as the check's own text
    const checkLine = lineOf(/^check \\frac\{\\partial \\mathcal\{L\}\}\{\\partial y_2\}/);
    fake.activeTextEditor = editorAt(fake.documents[0] as ReturnType<typeof doc>, checkLine);
    expect(await run('unroll.copyLatex')).toBe(
      `% check (line ${checkLine}): holds\n\\frac{\\partial \\mathcal{L}}{\\partial y_{2}} = 1\\cdot 2(t_{2}-y_{2})(-1)`,
    );
    fake.activeTextEditor = editorAt(fake.documents[0] as ReturnType<typeof doc>, 1);
    const all = (await run('unroll.copyLatex')) as string;
    expect(all).toContain('∂L/∂W_hh');
    expect(all).toContain('∂L/∂W_xh');
  });
  it('says so when there is no .rnn file', async () => {
    fake.activeTextEditor = undefined;
    expect(await run('unroll.copyLatex')).toBeUndefined();
    expect(fake.clipboard).toEqual([]);
    expect(fake.info[0]).toMatch(/open a \.rnn file/);
  });
});

describe('unroll.insertTemplate', () => {
  it('fills an empty .rnn editor with the template, as a snippet', async () => {
    fake.activeTextEditor = editorAt(doc('  \n'), 1);
    const t = (await run('unroll.insertTemplate', 'lstm')) as string;
    expect(t).toContain('c_t = f_t c_{t-1} + i_t g_t');
    expect(snippets).toEqual([t]);
    expect(fake.opened).toEqual([]);
  });
  it('opens a new .rnn document when the editor holds other text, with the loss the setting asks for', async () => {
    fake.config = { defaultLoss: 'crossEntropy' };
    const t = (await run('unroll.insertTemplate', 'vanilla-rnn')) as string;
    expect(fake.opened).toEqual([{ language: 'rnn', content: t }]);
    expect(t).toContain('L_t = -(y_t log(o_t) + (1 - y_t) log(1 - o_t))');
  });
  it('does nothing when the pick is cancelled', async () => {
    expect(await run('unroll.insertTemplate')).toBeUndefined();
    expect(fake.opened).toEqual([]);
  });
});
