// The panel's reports of a solution (solution/panelReports.ts): the network at the cursor is the one drawn, and its
// .rnn text (networkText) is what the panel's gradient check and slider analyse — the second network's text when the
// cursor is in its equations, never the Markdown itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import { analyzeSolution } from '../../../src/solution';
import { EventEmitter, fake, resetFake, Uri } from '../fake/vscode';

vi.mock('vscode', async () => (await import('../fake/vscode')).vscodeModule);

const { CombinedPanelReports } = await import('../../../src/extension/solution/panelReports');

const MD = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'solutions', '004-binary-addition-and-lstm.md'), 'utf8');
const SOL = analyzeSolution(MD, 'markdown', { sidecar: null });

const doc = { uri: Uri.parse('file:///w/sol.md'), languageId: 'markdown', version: 1, getText: () => MD };

function combined() {
  const reports = { get: () => analyze(''), onDidUpdate: new EventEmitter().event };
  const solutions = {
    kind: () => 'markdown',
    getNow: () => SOL,
    peek: () => SOL,
    analysing: () => false,
    sidecarOf: () => null,
    onDidUpdate: new EventEmitter().event,
  };
  return new CombinedPanelReports(reports as never, solutions as never);
}

const at = (line: number) => {
  fake.activeTextEditor = { document: doc, selection: { active: { line: line - 1, character: 0 } } };
};

beforeEach(() => resetFake());

describe('a solution’s network in the panel', () => {
  test('its .rnn text is the network at the cursor’s', () => {
    expect(SOL.networks).toHaveLength(2);
    const panel = combined();
    for (const [line, index] of [
      [SOL.networks[0]!.range!.line + 2, 0],
      [SOL.equations[SOL.equations.length - 1]!.range.line, 1],
    ] as const) {
      at(line);
      const text = panel.networkText(doc as never)!;
      const shown = panel.get(doc as never);
      expect(shown).toBe(SOL.networks[index]!.report);
      // the same network: its parameters and loss as the report drawn has them
      const own = analyze(text);
      expect(own.params).toEqual(shown.params);
      expect(own.loss?.value).toBe(shown.loss?.value);
      expect(text).not.toContain('$$');
    }
  });
});
