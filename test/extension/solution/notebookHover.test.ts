// A hover in a notebook's Markdown cell (notebookHover.ts): the cell's equations from the notebook's report, in the
// cell's own lines (cellSolution), the networks from the joined cells; the value is the library's, never a literal.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { cellSolution } from '../../../src/extension/solution/notebookContent';
import { networkSources } from '../../../src/extension/solution/networkSource';
import { askHoverQuestion, solutionHoverAnswer, solutionHoverQuestion } from '../../../src/extension/solution/solutionHoverContent';
import { analyzeCells, JoinedCells, type NotebookCell } from '../../../src/solution';
import { formatNumber } from '../../../src/extension/shared/format';

const NET =
  'T = 2\ninput x = [1, 2]\ntarget y = [0, 1]\nparam w = 0.5\nh_0 = 0\nh_t = σ(w h_{t-1} + x_t)\nL_t = (y_t - h_t)^2\nloss L = Σ_t L_t';
const EQ = String.raw`$$\frac{\partial L_2}{\partial h_2} = 2 (h_2 - y_2) \tag{1}$$`;
const cells: NotebookCell[] = [
  { kind: 'markdown', source: `# Net\n\n\`\`\`rnn\n${NET}\n\`\`\`\n` },
  { kind: 'code', source: 'import numpy' },
  { kind: 'markdown', source: `Some prose.\n\n${EQ}\n` },
];

describe('a hover in a notebook’s cell', () => {
  it('finds the derivative at the cell’s own line and answers with the library’s value, its panel link on the cell without a line', async () => {
    const report = analyzeCells(cells);
    const sol = cellSolution(report, 3);
    expect(sol.equations).toHaveLength(1);
    expect(cellSolution(report, 1).equations).toHaveLength(0);
    const networks = networkSources(new JoinedCells(cells).text, 'markdown', null);
    const text = cells[2]!.source;
    const line = text.split('\n').findIndex((l) => l.includes('tag{1}')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('L_2}') + 1;
    const q = solutionHoverQuestion(text, sol, networks, line, column, {});
    expect(q?.found.text).toBe(String.raw`\frac{\partial L_2}{\partial h_2}`);
    const r = await askHoverQuestion(q!, 'k', 1, undefined);
    const h = solutionHoverAnswer(q!, r!, { digits: 6, detail: 'full', uri: 'vscode-notebook-cell:x', panelAtLine: false });
    const expected = analyze(`${NET}\nderive ∂L_2/∂h_2\n`).derives[0]!.results[0]!.value as number;
    expect(h?.markdown).toContain(formatNumber(expected, 6));
    // the panel opens on the cell (it moves to the network's cell, whose lines its Report is in): no line of this cell
    const link = /command:unroll\.openPanel\?([^)]*)\)/.exec(h!.markdown)![1]!;
    expect(JSON.parse(decodeURIComponent(link))).toEqual([{ uri: 'vscode-notebook-cell:x' }]);
    expect(h?.markdown).toContain('command:unroll.copyLatex');
    expect(text.slice(h!.start, h!.end)).toBe(h!.derivative);
  });
});
