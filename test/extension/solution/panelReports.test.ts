// The panel's reports of a solution (solution/panelReports.ts): the network at the cursor is the one drawn, and its
// .rnn text (networkText) is what the panel's gradient check and slider analyse — the second network's text when the
// cursor is in its equations, never the Markdown itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { analyze } from '../../../src/analysis';
import type { Report } from '../../../src/report';
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

// A notebook: cell 1 holds network A, cell 3 an equation about A, cell 4 network B, cell 5 an equation about B. The
// panel shows the network of the cell being edited, following the cell of its ```rnn block, in whose lines its Report is.
const NET_A = 'T = 2\nparam w = 0.5\nh_0 = 1\nh_t = w h_{t-1}\nloss L = h_T';
const NET_B = 'T = 3\nparam u = 0.2\ns_0 = 1\ns_t = tanh(u s_{t-1})\nloss J = s_T';
const CELLS = [
  { kind: 'markdown', source: `# A\n\n\`\`\`rnn\n${NET_A}\n\`\`\`\n` },
  { kind: 'code', source: 'import numpy as np' },
  { kind: 'markdown', source: 'So\n\n$$\\frac{\\partial L}{\\partial w} = 2 w h_0$$\n' },
  { kind: 'markdown', source: `# B\n\n\`\`\`rnn\n${NET_B}\n\`\`\`\n` },
  { kind: 'markdown', source: 'And\n\n$$\\frac{\\partial J}{\\partial u} = 0$$\n' },
] as const;

describe('a notebook’s network in the panel', () => {
  test('the cell being edited shows its network, followed in the cell of its ```rnn block', async () => {
    const { analyzeCells, JoinedCells } = await import('../../../src/solution');
    const report = analyzeCells([...CELLS]);
    expect(report.networks.map((n) => n.range?.cell)).toEqual([1, 4]);
    const cellDocs = CELLS.map((c, i) => ({ uri: Uri.parse(`vscode-notebook-cell:/w/nb.ipynb#c${i}`), getText: () => c.source }));
    const notebook = { getCells: () => CELLS.map((c, i) => ({ kind: c.kind === 'markdown' ? 1 : 2, document: cellDocs[i] })) };
    const updated = new EventEmitter<unknown>();
    const notebooks = {
      cellOf: (d: unknown) => {
        const i = cellDocs.indexOf(d as (typeof cellDocs)[number]);
        return i < 0 ? undefined : { notebook, cell: i + 1 };
      },
      report: () => report,
      source: () => ({ text: new JoinedCells([...CELLS]).text, sidecar: null }),
      onDidUpdate: updated.event,
    };
    const reports = { get: () => analyze(''), onDidUpdate: new EventEmitter().event };
    const solutions = { kind: () => null, onDidUpdate: new EventEmitter().event };
    const panel = new CombinedPanelReports(reports as never, solutions as never, notebooks as never);
    // the cursor on cell 5's equation: network B, shown in cell 4
    const eqLine = report.equations.find((e) => e.range.cell === 5)!.range.line;
    fake.activeTextEditor = { document: cellDocs[4], selection: { active: { line: eqLine - 1, character: 0 } } };
    expect(panel.follows(cellDocs[4] as never)).toBe(true);
    expect(panel.shownDocument(cellDocs[4] as never)).toBe(cellDocs[3]);
    expect(panel.get(cellDocs[4] as never)).toBe(report.networks[1]!.report);
    expect(analyze(panel.networkText(cellDocs[4] as never)!).params).toEqual(report.networks[1]!.report.params);
    // cell 3's equation: network A, in cell 1; the network's own cell shows itself
    fake.activeTextEditor = { document: cellDocs[2], selection: { active: { line: 2, character: 0 } } };
    expect(panel.shownDocument(cellDocs[2] as never)).toBe(cellDocs[0]);
    expect(panel.get(cellDocs[0] as never)).toBe(report.networks[0]!.report);
    expect(panel.shownDocument(cellDocs[3] as never)).toBe(cellDocs[3]);
    // the network's Report is in its cell's lines: h_t's row on line 7 of cell 1 (after `# A`, a blank line and the fence)
    expect(report.networks[0]!.report.graph!.rows.find((r) => r.name === 'h')!.line).toBe(7);
    // the notebook analysed again: each Markdown cell is told its network's Report
    const told: [unknown, Report][] = [];
    panel.onDidUpdate((e) => told.push([e.document, e.report]));
    updated.fire(notebook);
    expect(told.map(([d]) => d)).toEqual([cellDocs[0], cellDocs[2], cellDocs[3], cellDocs[4]]);
    expect(told[2]![1]).toBe(report.networks[1]!.report);
  });
});
