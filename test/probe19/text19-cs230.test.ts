// Session 19 (text19): Stanford CS230's RNN cheat sheet as printed — a^{<t>} = g_1(W_{aa} a^{<t-1>} + W_{ax} x^{<t>}
// + b_a), ŷ^{<t>} = g_2(W_{ya} a^{<t>} + b_y), and backpropagation through time written with the bar
// ∂L^{(T)}/∂W = Σ_{t=1}^{T} ∂L^{(T)}/∂W |_{(t)} ("evaluated at step t": the derivative by W's copy at step t).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { rng } from '../../src/engine/random';

const FAST = { draws: 2, graph: false };
const run = (text: string) => analyze(text, FAST);
const errors = (text: string) =>
  run(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

/** the cheat sheet's many-to-many RNN, its activations named once as the sheet names them */
const CS230 = [
  'T = 3',
  'input x : 2',
  'param W_aa : 3x3',
  'param W_ax : 3x2',
  'param b_a : 3',
  'param W_ya : 2x3',
  'param b_y : 2',
  'target y : 2 = [[1,0],[0,1],[1,0]]',
  'g_1 = tanh',
  'g_2 = softmax',
  'a_0 = [0, 0, 0]',
  'a^{<t>} = g_1(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a)',
  'ŷ^{<t>} = g_2(W_{ya} a^{<t>} + b_y)',
  'L^{<t>} = -sum(y^{<t>} ⊙ log(ŷ^{<t>}))',
  'loss L = Σ_{t=1}^{T} L^{<t>}',
  '',
].join('\n');

describe('CS230: forward equations and the step-copy bar |_{(t)}', () => {
  it('the forward equations hold as printed, with g_1 and g_2 named once', () => {
    const a = run(CS230 + 'check a^{<t>} = g_1(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a)\ncheck ŷ^{<t>} = g_2(W_{ya} a^{<t>} + b_y)\n');
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it("∂L^{(T)}/∂W = Σ_t ∂L^{(T)}/∂W|_{(t)} holds, and each term is ∂L^{(T)}/∂a_t ∂⁺a_t/∂W (was: unexpected '|')", () => {
    const a = run(
      CS230 +
        [
          'check ∂L^{(T)}/∂W_aa = Σ_{t=1}^{T} ∂L^{(T)}/∂W_aa |_{(t)}',
          'check ∂L^{(T)}/∂W_{aa} = \\sum_{t=1}^{T} \\left.\\frac{\\partial L^{(T)}}{\\partial W_{aa}}\\right|_{(t)}',
          'check ∂L/∂W_ya |_{(t)} = ∂L/∂ŷ^{<t>} ∂⁺ŷ^{<t>}/∂W_ya',
          'check ∂L/∂W_ax |_{(2)} = ∂L/∂a_2 ∂⁺a_2/∂W_ax',
          'check ∂L/∂W_aa = Σ_t ∂L/∂W_aa |_{(t)}',
        ].join('\n') +
        '\n',
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
    expect(
      a.diagnostics.some((d) => d.message.startsWith("|_{(t)} is read as the derivative by W_aa's copy at step t: ∂A/∂a_t ∂⁺a_t/∂W_aa")),
    ).toBe(true);
  });

  it('one step copy is not the whole gradient: ∂L/∂W_aa = ∂L/∂W_aa|_{(T)} fails', () => {
    expect(run(CS230 + 'check ∂L/∂W_aa = ∂L/∂W_aa |_{(T)}\n').checks[0]!.status).toBe('fails');
  });

  it('the copy term is the gradient by a per-step weight at that step (the same values), on random weights', () => {
    // W's copy at step k is U_k of a network whose weight is one per step, every U_t equal to W
    const rnd = rng(19);
    for (let trial = 0; trial < 3; trial++) {
      const W = [0, 1, 2].map(() => [0, 1, 2].map(() => Math.round((rnd() - 0.5) * 1000) / 1000));
      const shared = CS230.replace('param W_aa : 3x3', `param W_aa : 3x3 = ${JSON.stringify(W)}`);
      const perStep = shared
        .replace(`param W_aa : 3x3 = ${JSON.stringify(W)}`, `param U_t : 3x3 = ${JSON.stringify([W, W, W])}`)
        .replace('W_{aa} a^{<t-1>}', 'U^{<t>} a^{<t-1>}');
      for (const k of [1, 2, 3]) {
        const got = run(shared + `derive ∂L/∂W_aa |_{(${k})}\n`).derives[0]!.results[0]!.value as number[][];
        const want = run(perStep + `derive ∂L/∂U_${k}\n`).derives[0]!.results[0]!.value as number[][];
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(got[i]![j]!).toBeCloseTo(want[i]![j]!, 10);
      }
    }
  });

  it('the mistake: the chain through a^{<t>} left out of a term fails naming what is missing', () => {
    const a = run(CS230 + 'check ∂L/∂W_aa = Σ_{t=1}^{T} ∂L^{<t>}/∂a^{<t>} ∂⁺a^{<t>}/∂W_aa\n');
    expect(a.checks[0]!.status).toBe('fails');
    expect(a.checks[0]!.message).toContain('No term covers the path W_aa → a_2 → a_3');
  });

  it('g_1 not named, a bar on a per-step parameter and T_y say what to write', () => {
    const unnamed = CS230.replace('g_1 = tanh\n', '');
    expect(errors(unnamed)[0]).toContain('unknown name g_1: if g_1(…) is an activation');
    expect(errors(unnamed)[0]).toContain('(g_1 = tanh)');
    const perStep = 'T = 2\nparam w_t = [0.5, 0.2]\nh_0 = 1\nh_t = tanh(w_t h_{t-1})\nloss L = h_T\ncheck ∂L/∂w |_{(1)} = 0\n';
    expect(errors(perStep)[0]).toContain('must be a parameter of every step');
    expect(errors(CS230.replace('Σ_{t=1}^{T} L', 'Σ_{t=1}^{T_y} L'))[0]).toContain("T_y, the output's length, is not read as a step");
  });
});

describe('CS230 as a Markdown solution', () => {
  it('the forward equations and the bar hold as displayed (the bar was skipped as "not read")', () => {
    const text = [
      '```rnn',
      CS230,
      '```',
      '',
      '$$a^{<t>} = g_1(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a)$$',
      '',
      '$$\\hat{y}^{<t>} = g_2(W_{ya} a^{<t>} + b_y)$$',
      '',
      '$$\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial W} \\text{ with } W = W_{aa}: \\quad \\frac{\\partial L^{(T)}}{\\partial W_{aa}} = \\sum_{t=1}^{T} \\left. \\frac{\\partial L^{(T)}}{\\partial W_{aa}} \\right|_{(t)}$$',
      '',
      '$$\\frac{\\partial L^{(T)}}{\\partial W_{aa}} = \\sum_{t=1}^{T} \\left. \\frac{\\partial L^{(T)}}{\\partial W_{aa}} \\right|_{(t)}$$',
      '',
      '$$\\frac{\\partial L^{(T)}}{\\partial W_{aa}} = \\left. \\frac{\\partial L^{(T)}}{\\partial W_{aa}} \\right|_{(T)}$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(text, 'markdown', { analyze: FAST });
    const st = sol.equations.map((e) => e.status);
    expect(st[0]).toBe('holds');
    expect(st[1]).toBe('holds');
    expect(st[3]).toBe('holds');
    expect(st[4]).toBe('fails');
  });
});
