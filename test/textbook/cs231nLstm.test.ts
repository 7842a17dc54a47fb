// CS231n's LSTM (assignment 3) as a student derives its backward pass: the stacked activation a_t = W_x x_t + W_h h_{t−1}
// + b of 4H entries split into the gates i, f, o, g (a_t[1:3], …: the slice is read as entries i to j, 1-based), the
// stacked gradient ∂L/∂a_t as a bmatrix of the four blocks, and the assignment's names dnext_c, dprev_h (\text{dprev\_c},
// \texttt{…}, dprev\_c): a state's gradient by its place in the step. The right formulas hold; each slip fails naming its
// culprit, the gates' blocks exchanged too (fixtures/cs231n-lstm.md, read by the CLI's function).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { runFile } from '../../src/cliFile';
import type { CheckStatus } from '../../src/report';
import { analyzeSolution } from '../../src/solution/index';

interface Equation {
  tag: string | null;
  status: CheckStatus | 'skipped';
  message: string;
}

const FILE = join(__dirname, 'fixtures', 'cs231n-lstm.md');

/** the fixture's network block */
const NETWORK = String.raw`T = 3
input  x : 2 = [[1.0, -0.5], [0.3, 0.8], [-0.7, 0.2]]
target y : 3 = [[0.2, -0.1, 0.3], [0.4, 0.0, -0.2], [0.1, 0.3, -0.3]]
param  W_x : 12x2
param  W_h : 12x3
param  b : 12
h_0 = [0.1, -0.2, 0.3]
c_0 = [0.2, 0.1, -0.1]
a_t = W_x x_t + W_h h_{t-1} + b
i_t = σ(a_t[1:3])
f_t = σ(a_t[4:6])
o_t = σ(a_t[7:9])
g_t = tanh(a_t[10:12])
c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
h_t = o_t ⊙ tanh(c_t)
L_t = \frac{1}{2} sum((h_t - y_t)^2)
loss L = Σ_t L_t
`;

describe("CS231n's LSTM backward (fixtures/cs231n-lstm.md)", () => {
  const out = runFile(FILE, 'check', true, false);
  const json = out.json as { equations: Equation[]; checked: number; skipped: number; diagnostics: { message: string }[] };
  const eq = (tag: string) => {
    const e = json.equations.filter((x) => x.tag === tag);
    expect(e.length, `(${tag})`).toBe(1);
    return e[0]!;
  };

  it('reads every display equation, the slices and the assignment’s names said as read', () => {
    expect(out.error).toBeUndefined();
    // (s5), W_h for W_hᵀ, fails naming the transpose (session 42); (3), (4) and (8) are two, two and three equations
    // each, counted so since session 48 (16 displays, 20 equations)
    expect([json.checked, json.skipped]).toEqual([20, 0]);
    const infos = json.diagnostics.map((d) => d.message);
    expect(infos).toContain('a_t[4:6] is read as entries 4 to 6 of a_t (1-based, both ends included, as v[i] is)');
    expect(infos).toContain(
      "dprev_c is read as ∂L/∂c_{t-1} (CS231n's step functions: prev_c is c_{t-1}, next_c is c_t, d before them the gradient)",
    );
  });

  it('the cell, the gates, the stacked gradient, dprev_c and dprev_h, the weights hold', () => {
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8']) expect(eq(tag).status, `(${tag}) ${eq(tag).message}`).toBe('holds');
  });

  it('each slip fails naming its culprit; W_h for W_hᵀ is a shape the transpose fits', () => {
    const cases: [string, RegExp][] = [
      ['s1', /c_\{t-1\} should be g_t/],
      ['s2', /it leaves out the factor o_t/],
      ['s3', /f_t should be f_\{t\+1\}/],
      ['s4', /1 − g_t should be 1 − g_t\^2 \(tanh' is 1 − tanh², the square is missing\)/],
      [
        's6',
        /The blocks ∂L\/∂f_t ⊙ f_t ⊙ \(1 − f_t\) \(block 1\) and ∂L\/∂i_t ⊙ i_t ⊙ \(1 − i_t\) \(block 2\) of the right side's concatenation are in each other's place: exchanged, the check holds/,
      ],
      ['s7', /h_t should be h_\{t-1\}/],
      ['s8', /tanh'\(c_t\) should be tanh\(c_t\) itself, not its derivative/],
    ];
    for (const [tag, re] of cases) {
      expect(eq(tag).status, `(${tag}) ${eq(tag).message}`).toBe('fails');
      expect(eq(tag).message, `(${tag})`).toMatch(re);
    }
    // a product that only the transpose forms: wrong as written, so it fails (it was "not checked" until session 42)
    expect(eq('s5').status).toBe('fails');
    expect(eq('s5').message).toMatch(/cannot multiply W_h \(12×3 matrix\) and the derivative \(vector of 12\); W_hᵀ \(3×12 matrix\) fits/);
  });
});

describe('the assignment’s names in other spellings', () => {
  const solve = (...eqs: string[]) =>
    analyzeSolution(`\`\`\`rnn\n${NETWORK}\`\`\`\n\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown').equations;

  it('\\texttt, \\mathrm, bare dnext\\_c, and prev_/next_ without d, hold', () => {
    const back = String.raw`\odot f_t + DPREV_H \odot o_{t-1} \odot (1 - \tanh^2(c_{t-1}))`;
    const eqs = solve(
      String.raw`\texttt{dprev\_c} = \texttt{dnext\_c} ${back.replace('DPREV_H', String.raw`\texttt{dprev\_h}`)}`,
      String.raw`dprev\_c = dnext\_c ${back.replace('DPREV_H', String.raw`dprev\_h`)}`,
      String.raw`\mathrm{dprev\_c} = \mathrm{dnext\_c} ${back.replace('DPREV_H', String.raw`\mathrm{dprev\_h}`)}`,
      String.raw`\text{next\_c} = f_t \odot \text{prev\_c} + i_t \odot g_t`,
      String.raw`\text{dnext\_h} = \frac{\partial L}{\partial h_t}`,
    );
    expect(eqs.map((e) => e.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });

  it("the assignment's in-place dnext_c = dnext_c + … fails saying it is code's reassignment, not naming the rest as wrong", () => {
    const [inPlace] = solve(String.raw`\text{dnext\_c} = \text{dnext\_c} + \text{dnext\_h} \odot o_t \odot (1 - \tanh^2(c_t))`);
    expect(inPlace!.status).toBe('fails');
    expect(inPlace!.message).toMatch(
      /∂L\/∂c_t stands on both sides: as an equation it says that the rest of the right side, ∂L\/∂h_t ⊙ o_t ⊙ \(1 − tanh\(c_t\)\^2\), is 0\. Code's reassignment \(CS231n's dnext_c = dnext_c \+ …: the gradient so far plus this step's part\) is no equation — write ∂L\/∂c_t as the sum of its parts/,
    );
    expect(inPlace!.message).not.toMatch(/should not be there/);
  });

  it('a gate with no step is said, as ever; a state the network does not have is an unknown name', () => {
    const [bare, none] = solve(String.raw`\text{dprev\_c} = \text{dnext\_c} \odot f`, String.raw`\text{dprev\_s} = \text{dnext\_s}`);
    expect(bare!.message).toMatch(/f is a sequence: write f_t/);
    expect(none!.status).toBe('skipped');
    expect(none!.message).toMatch(/unknown name dprev_s/);
  });
});

describe("CS231n's block a_i of the stacked activation", () => {
  it('a_{i,t} is said to be no name here, with the two ways to write it; a block named in the network is differentiated', () => {
    const net = NETWORK.replace('i_t = σ(a_t[1:3])', 'ai_t = a_t[1:3]\ni_t = σ(ai_t)');
    const r = analyze(`${net}check ∂L/∂ai_t = ∂L/∂i_t ⊙ i_t ⊙ (1 - i_t)\ncheck ∂L/∂a_{i,t} = ∂L/∂i_t ⊙ i_t ⊙ (1 - i_t)\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      "a_{i,t} reads i as an entry index of a, but i is a sequence of the network: a block of a (CS231n's a_i, the entries i's equation takes) is no name here — name it in the network to differentiate by it (e.g. ai_t = a_t[1:3], i_t = σ(ai_t)), or write its entries as a slice, a_t[1:3]",
    ]);
  });
});

describe('a slice a[i:j] of a vector', () => {
  const net = (gate: string) => `T = 2
input x : 2 = [[1, 0.5], [-0.3, 0.2]]
param W : 4x2 = [[0.1, 0.2], [0.3, -0.1], [-0.2, 0.4], [0.5, 0.1]]
a_t = W x_t
g_t = ${gate}
loss L = Σ_t sum(g_t)
`;

  it('a[i:j], a[i..j], Python’s a[:j] and a[0:j] are entries 1-based, both ends included', () => {
    const r = analyze(
      `${net('tanh(a_t[3:4])')}check g_t = tanh([a_t[3], a_t[4]])\ncheck a_t[1..2] = a_t[:2]\ncheck a_t[0:2] = [a_t[1], a_t[2]]\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "a_t[:2] is read as entries 1 to 2 of a_t (1-based, both ends included, as v[i] is; Python's a[:j] is the first j)",
    );
  });

  it('bounds outside the vector, not whole numbers, or a slice of a matrix are said', () => {
    const errors = (gate: string) =>
      analyze(net(gate))
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.message);
    expect(errors('tanh(a_t[3:5])')).toEqual(['the entries 3 to 5 are not within 1..4']);
    expect(errors('tanh(a_t[1:2.5])')).toEqual(['the bounds of a[i:j] are whole numbers (entries i to j, 1-based, both included)']);
    expect(errors('tanh(W[1:2]) x_t')).toEqual(['a[i:j] takes entries of a vector, and W is a 4×2 matrix']);
  });
});
