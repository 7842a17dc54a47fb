// A transpose written on the left, `{}^{t}W` (French texts, some German ones): it was "expected a value, found '^'".
// The lexer drops the empty group, the parser reads '^' then t, T or ⊤ before a value as that value's transpose (read31).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
param W : 2x2 = [[1, 2], [3, 4]]
input x : 2 = [[1, 0], [0, 1]]
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + x_t)
loss L = sum(h_T)
`;

describe('a transpose written on the left', () => {
  it.each([
    ['{}^{t}W x_1 = W^T x_1', 'holds'],
    ['{}^\\top \\mathbf{W} x_1 = W^T x_1', 'holds'],
    ['{}^{\\mathsf{T}}W = W^T', 'holds'],
    ['{}^{T}W x_1 = W x_1', 'fails'],
  ])('%s %s', (check, status) => {
    const r = analyze(`${NET}check ${check}`);
    expect(r.diagnostics.filter((d) => d.severity === 'error' && !d.message.startsWith('fails'))).toEqual([]);
    expect(r.checks[0]!.status).toBe(status);
  });

  it('the check is echoed as written, its empty group kept (session 32: `check ^{t}W x_1`)', () => {
    const r = analyze(`${NET}check {}^{t}W x_1 = W^T x_1\ncheck W^T x_1 = {}^{t}W x_1`);
    expect(r.checks.map((c) => c.equation)).toEqual(['{}^{t}W x_1 = W^T x_1', 'W^T x_1 = {}^{t}W x_1']);
    // spaces between the group and its ^ (the text's spaces fold to one)
    expect(analyze(`${NET}check {}  ^{t}W x_1 = W^T x_1`).checks[0]!.equation).toBe('{} ^{t}W x_1 = W^T x_1');
  });

  it('a check opening with a name in a text font is echoed with its command (it printed `W} x_1`)', () => {
    const r = analyze(`${NET}check \\textbf{W} x_1 = W x_1`);
    expect(r.checks[0]!.equation).toBe('\\textbf{W} x_1 = W x_1');
  });

  it('any other superscript with no base says what is read there, on the ^', () => {
    const r = analyze(`${NET}check {}^{2} W = W`);
    expect(r.diagnostics.find((d) => d.severity === 'error')).toMatchObject({
      message: 'a superscript with nothing before it: only a transpose written on the left ({}^{t}W, which is Wᵀ) is read there',
      line: 7,
      column: 9,
    });
  });
});
