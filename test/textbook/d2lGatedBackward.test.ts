// d2l.ai's GRU (§10.2) and LSTM (§10.1) in the book's own row convention — X_t W_xr + H_{t−1} W_hr + b_r, each
// state a 1×3 row (a minibatch of one) — with the backward pass a student derives from them, as Markdown
// solutions read by the CLI's function (fixtures/d2l-gru-rows.md, d2l-lstm-rows.md). gatedGru/gatedLstm cover
// the column convention; here the rows: (H_t − Y_t)^2 and H̃_t^2 of a 1×3 row are entrywise, Σ_t H_{t−1}ᵀ δ is
// the outer product, δ W_hhᵀ the row times the matrix. Each typical slip fails naming its culprit.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { runFile } from '../../src/cliFile';
import type { CheckStatus } from '../../src/report';

interface Equation {
  tag: string | null;
  status: CheckStatus | 'skipped';
  message: string;
}

function solution(file: string) {
  const out = runFile(join(__dirname, 'fixtures', file), 'check', true, false);
  const json = out.json as { equations: Equation[]; checked: number; skipped: number };
  const eq = (tag: string) => {
    const e = json.equations.filter((x) => x.tag === tag);
    expect(e.length, `(${tag})`).toBe(1);
    return e[0]!;
  };
  return { out, json, eq };
}

function expectMistakes(eq: (tag: string) => Equation, cases: [string, RegExp][]): void {
  for (const [tag, re] of cases) {
    expect(eq(tag).status, `(${tag}) ${eq(tag).message}`).toBe('fails');
    expect(eq(tag).message, `(${tag})`).toMatch(re);
  }
}

describe('a row of one example squared is squared entrywise (d2l.ai writes states as rows)', () => {
  it('(H_t − Y_t)^2 of a 1×3 row is its entries squared; a 2×3 matrix has no square, a square matrix keeps its power', () => {
    const net = (shape: string, value: string, start = '[[0.1, 0, -0.2]]', step = 'X_t + H_{t-1} W') => `T = 2
input X : ${shape} = ${value}
param W : 3x3 = [[0.5, 0.1, 0], [0.2, -0.3, 0.1], [0, 0.4, 0.2]]
H_0 = ${start}
H_t = tanh(${step})
loss L = Σ_t sum(H_t^2)
check ∂L/∂H_2 = 2 H_2
check W^2 = W W
`;
    const row = analyze(net('1x3', '[[[1, 2, 3]], [[0.5, -1, 0.2]]]'));
    expect(row.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(row.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    const column = analyze(net('3x1', '[[[1], [2], [3]], [[0.5], [-1], [0.2]]]', '[[0.1], [0], [-0.2]]', 'X_t + W H_{t-1}'));
    expect(column.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(column.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    const wide = analyze(net('2x3', '[[[1, 2, 3], [0, 1, 0]], [[0.5, -1, 0.2], [1, 1, 1]]]', '[[0, 0, 0], [0, 0, 0]]'));
    expect(wide.diagnostics.some((d) => /M\^k is the matrix power of a square matrix, not of a 2×3 matrix/.test(d.message))).toBe(true);
  });
});

describe('a row is the vector it writes in a Jacobian and in diag', () => {
  const NET = `T = 2
input X : 1x2 = [[[1, 0.5]], [[-0.3, 0.2]]]
param W : 2x3 = [[0.1, 0.2, -0.3], [0.3, -0.1, 0.2]]
param U : 3x3 = [[0.5, 0.1, 0], [0.2, -0.3, 0.1], [0, 0.4, 0.2]]
H_0 = [[0.1, 0, -0.2]]
H_t = tanh(X_t W + H_{t-1} U)
loss L = Σ_t sum(H_t)
`;

  it('∂H_t/∂H_{t−1} of 1×3 rows is the 3×3 Jacobian (it had "no reading"), diag(1 − H_t^2) the diagonal of its entries', () => {
    const r = analyze(
      `${NET}check ∂H_t/∂H_{t-1} = diag(1 - H_t^2) Uᵀ\ncheck ∂L/∂H_1 = 𝟏ᵀ + ∂L/∂H_2 ∂H_2/∂H_1\ncheck ∂H_t/∂X_t = diag(1 - H_t^2) Wᵀ\ncheck ∂H_t/∂H_{t-1} = diag(1 - H_t^2) U\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error' && d.line < 11).map((d) => d.message)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.checks[3]!.message).toMatch(/U should be Uᵀ/);
  });
});

describe('Σ_t H_{t−1}ᵀ δ_t, the weight gradient d2l.ai writes', () => {
  const net = (x: string, h0: string) => `T = 2
input X : ${x}
param W : 2x3 = [[0.1, 0.2, -0.3], [0.3, -0.1, 0.2]]
param U : 3x3 = [[0.5, 0.1, 0], [0.2, -0.3, 0.1], [0, 0.4, 0.2]]
H_0 = ${h0}
H_t = tanh(X_t W + H_{t-1} U)
loss L = Σ_t sum(H_t)
check ∂L/∂U = Σ_t H_{t-1}^\\top (∂L/∂H_t ⊙ (1 - H_t^2))
`;
  it('holds of rows (1×3); of vectors it is an inner product, and the message says rows are read so when declared so', () => {
    const rows = analyze(net('1x2 = [[[1, 0.5]], [[-0.3, 0.2]]]', '[[0.1, 0, -0.2]]'));
    expect(rows.checks.map((c) => c.status)).toEqual(['holds']);
    const vectors = analyze(net('2 = [[1, 0.5], [-0.3, 0.2]]', '[0.1, 0, -0.2]'));
    expect(vectors.checks[0]!.status).toBe('fails');
    expect(vectors.checks[0]!.message).toMatch(
      /in a book that writes them as rows, as d2l\.ai's X W, aᵀb is the outer product — declared as rows, 1×n, they are read so/,
    );
  });
});

describe("d2l.ai's GRU backward, rows (fixtures/d2l-gru-rows.md)", () => {
  const { out, json, eq } = solution('d2l-gru-rows.md');

  it('reads every display equation and fails the file (it has deliberate slips)', () => {
    expect(out.error).toBeUndefined();
    expect([json.checked, json.skipped]).toEqual([26, 0]);
    expect(out.bad).toBe(true);
  });

  it('the backward formulas hold: the candidate, the gates, ∂L/∂H_{t−1} through every gate, the weights as Σ H_{t−1}ᵀ δ', () => {
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', 'a', 'b', 'c', 'e', 'i', 'j', 'k1', 'k2', 'k3', 'k4'])
      expect(eq(tag).status, `(${tag}) ${eq(tag).message}`).toBe('holds');
    // ∂L/∂H_{t−1} with ∂L_{t−1}/∂H_{t−1}: from t = 2, where L_{t−1} exists
    expect(eq('4').message).toMatch(/^holds for t = 2\.\.3 /);
  });

  it('each slip fails naming its culprit', () => {
    expectMistakes(eq, [
      ['m1', /Z_t should be 1 − Z_t/],
      ['m2', /it has the wrong sign/],
      ['m3', /W_hh should be W_hhᵀ/],
      ['m4', /∂L\/∂H̃_t needs the factor tanh′/],
      ['m5', /H_t should be H_\{t-1\}/],
      ['m6', /1 − H̃_t should be 1 − H̃_t\^2 \(tanh' is 1 − tanh², the square is missing\)/],
      ['m7', /R_t should be Z_t/],
      // the Jacobian of rows with the gates held constant
      ['k5', /the immediate partial ∂⁺H_t\/∂H_\{t-1\} .* also counts the paths through H̃_t and Z_t/],
    ]);
  });
});

describe("d2l.ai's LSTM backward, rows (fixtures/d2l-lstm-rows.md)", () => {
  const { out, json, eq } = solution('d2l-lstm-rows.md');

  it('reads every display equation (one holds two claims) and fails the file', () => {
    expect(out.error).toBeUndefined();
    // 18 displays, one of them two equations: 19 (counted so since session 48)
    expect([json.checked, json.skipped]).toEqual([19, 0]);
    expect(out.bad).toBe(true);
  });

  it('the cell adjoint forward and backward in t, the gates, ∂L/∂H_{t−1} and the weights hold', () => {
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(eq(tag).status, `(${tag}) ${eq(tag).message}`).toBe('holds');
    // ∂L/∂C_{t−1} = ∂L/∂C_t ⊙ F_t + ∂L/∂H_{t−1} ⊙ O_{t−1} ⊙ tanh′(C_{t−1}) is written for t = 2..T
    expect(eq('3').message).toMatch(/^holds for t = 2\.\.3 /);
  });

  it('each slip fails naming its culprit: the forget gate of the wrong step, a missing gate, a gate swapped, tanh′ as 1 − tanh', () => {
    expectMistakes(eq, [
      ['m1', /F_t should be F_\{t\+1\}/],
      ['m2', /F_\{t-1\} should be F_t/],
      ['m3', /leaves out the factor O_t/],
      ['m4', /F_t should be I_t/],
      ['m5', /W_hf should be W_hfᵀ/],
      ['m6', /1 − tanh\(C_t\) should be 1 − tanh\(C_t\)\^2/],
      ['m7', /1 − C̃_t should be 1 − C̃_t\^2/],
      ['m8', /C_\{t-1\} should be C_t/],
      ['m9', /C̃_t should be C_\{t-1\}/],
    ]);
  });
});
