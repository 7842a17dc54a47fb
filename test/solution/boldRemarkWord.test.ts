// One word in a text font closing an equation's line is a remark (session 33): `… \qquad \textbf{correct}` and
// `… \quad \textit{wrong}` were "unknown name correct" and the equation was skipped. A name in a font stays a name:
// one or two letters (\textbf{W}), a word that opens its line, or a word with something after it on the line.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { lex } from '../../src/language/lexer';
import { analyzeSolution } from '../../src/solution/index';
import { tanhNetLines } from './helpers';

const FAST = { draws: 2, graph: false, symbolic: false };
const verdicts = (math: string[]) => {
  const text = `${tanhNetLines([1, 2, 3], 0).join('\n')}\n${math.map((m) => `$$ ${m} $$`).join('\n\n')}\n`;
  return analyzeSolution(text, 'markdown', { analyze: FAST }).equations.map((e) => [e.status, e.message ?? '']);
};
const RIGHT = String.raw`\frac{\partial h_t}{\partial h_{t-1}} = w (1 - h_t^2)`;
const WRONG = String.raw`\frac{\partial h_t}{\partial h_{t-1}} = w`;

describe('one word in a text font after an equation', () => {
  it('is a remark: the equation is judged', () => {
    const v = verdicts([
      `${RIGHT} \\qquad \\textbf{correct}`,
      `${RIGHT} \\quad \\textit{Correct}.`,
      `${WRONG} \\qquad \\textbf{wrong}`,
      `${RIGHT} \\qquad \\textrm{done}`,
    ]);
    expect(v.map((x) => x[0])).toEqual(['holds', 'holds', 'fails', 'holds']);
    expect(v[2]![1]).toContain('tanh');
  });

  it('in a display of its own lines, the word closing the last line is a remark too', () => {
    const text = `${tanhNetLines([1, 2, 3], 0).join('\n')}\n$$\n${RIGHT} \\qquad \\textbf{correct}\n$$\n`;
    expect(analyzeSolution(text, 'markdown', { analyze: FAST }).equations.map((e) => e.status)).toEqual(['holds']);
  });
});

describe('a name in a text font stays a name', () => {
  const NET =
    'T = 2\nparam W : 2x2 = [[0.5, 0.1], [0.2, 0.3]]\ninput x : 2 = [[1, 2], [3, 4]]\nh_0 = [0, 0]\nh_t = tanh(W h_{t-1} + x_t)\nloss L = Σ_t Σ_i h_t[i]\n';
  it('one letter at the end of a check: \\textbf{W}', () => {
    const r = analyze(`${NET}check W x_1 = \\textbf{W} x_1\ncheck x_1^\\top W = x_1^\\top \\textbf{W}\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('a word that opens its line, or has something after it, is read as a name (an unknown one here)', () => {
    const r = analyze(`${NET}check W x_1 = \\textbf{gain} x_1\ncheck \\textbf{gain} = W\n`, FAST);
    expect(r.diagnostics.filter((d) => d.message.includes('unknown name gain'))).toHaveLength(2);
    const names = (src: string) => lex(src).tokens.filter((t) => t.kind === 'name').length;
    expect(names('\\textbf{gain}\n')).toBe(1);
    expect(names('$$ \\textbf{gain}\n')).toBe(1);
    expect(names('A = B \\qquad \\textbf{gain}\n')).toBe(2);
  });
});
