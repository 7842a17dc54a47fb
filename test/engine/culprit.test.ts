// A hand-written chain rule with one wrong term: the check names the term and says where it is written
// (CheckReport.culprit), so the editor underlines that term and a solution puts the error on the display
// that holds it — seed 001 eq. (32), whose last factor should be ∂h_1/∂W_xh.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const slice = (text: string, r: { line: number; column: number; endLine: number; endColumn: number }) => {
  const lines = text.split('\n');
  if (r.line !== r.endLine) return lines.slice(r.line - 1, r.endLine).join('\n');
  return lines[r.line - 1]!.slice(r.column - 1, r.endColumn - 1);
};

describe('the wrong term of a chain rule is located', () => {
  it('in a .rnn check: the culprit range spans exactly the wrong term', () => {
    const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
    const r = analyze(text);
    const bad = r.checks.find((c) => c.status === 'fails' && /the last factor should be/.test(c.message))!;
    expect(bad).toBeDefined();
    // the factors written for this term alone (the common prefix ∂𝓛_3/∂y_3 · ∂y_3/∂h_3 is shared by the bracket)
    expect(slice(text, bad.culprit!)).toBe(
      '\\frac{\\partial h_3}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial h_1} \\cdot \\frac{\\partial h_2}{\\partial W_{xh}}',
    );
  });

  it('in a solution: the error is on eq. (32), the display that holds the wrong term', () => {
    const file = 'examples/solutions/001-rnn-three-steps.md';
    const text = readFileSync(file, 'utf8');
    const sol = analyzeSolution(text, 'markdown', { analyze: { draws: 2 } });
    const eq32 = sol.equations.find((e) => e.tag === '32')!;
    const err = sol.diagnostics.find((d) => d.severity === 'error' && /last factor should be ∂h_1\/∂W_xh/.test(d.message))!;
    expect(err).toBeDefined();
    expect(err.line).toBe(eq32.range.line);
    expect(slice(text, err)).toContain('\\frac{\\partial h_2}{\\partial W_{xh}}');
  });
});
