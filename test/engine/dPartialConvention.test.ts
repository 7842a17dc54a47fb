// d for the total derivative, ∂ for the one-step one, in one equation: the convention of several textbooks for the
// BPTT recursion dh_t/dw = ∂h_t/∂w + ∂h_t/∂h_{t-1} · dh_{t-1}/dw. A check that writes both spellings tells them
// apart (check/reread.ts): only its ∂ are re-read as one-step. It failed before (every derivative re-read alike),
// with a hint that the correct term "should not be there". A check in one spelling keeps its reading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution/index';

const FAST = { graph: false, symbolic: false } as const;

/** a scalar tanh RNN with the weights given, T = 3, h_0 ≠ 0 (so no step hides the earlier paths) */
const tanhNet = (w: number, u: number, h0: number) => `T = 3
input x = [0.5, -0.3, 0.8]
target y = [0.1, 0.2, -0.1]
param w = ${w}
param u = ${u}
h_0 = ${h0}
h_t = tanh(w h_{t-1} + u x_t)
loss L = Σ_t (y_t - h_t)^2
`;

/** the gated unit of seed 000 (a gate and a candidate inside the step: one-step ≠ immediate ∂⁺) */
const GRU = `T = 4
input x = [0.5, -0.3, 0.8, 0.1]
target y = [0.2, 0.1, 0.6, 0.3]
param w = 0.7
h_0 = 0.3
u_t = σ(w h_{t-1} + w x_t)
s_t = w (h_{t-1} + x_t)
h_t = u_t h_{t-1} + (1 - u_t) s_t
loss L = Σ_t (y_t - h_t)^2
`;

const RECURSION = {
  frac: String.raw`\frac{dh_t}{dw} = \frac{\partial h_t}{\partial w} + \frac{\partial h_t}{\partial h_{t-1}} \frac{dh_{t-1}}{dw}`,
  mathrm: String.raw`\frac{\mathrm{d} h_t}{\mathrm{d} w} = \frac{\partial h_t}{\partial w} + \frac{\partial h_t}{\partial h_{t-1}} \frac{\mathrm{d} h_{t-1}}{\mathrm{d} w}`,
  ascii: 'dh_t/dw = ∂h_t/∂w + ∂h_t/∂h_{t-1} · dh_{t-1}/dw',
};

const check = (text: string) => analyze(text, FAST).checks[0]!;

describe('d total and ∂ one-step in one check', () => {
  it.each(Object.entries(RECURSION))('the recursion written with %s d holds as one-step, naming the ∂ re-read', (_k, eq) => {
    const c = check(`${tanhNet(0.7, -0.4, 0.2)}check ${eq} for t = 2..3\n`);
    expect(c.status).toBe('holds-as-one-step');
    expect(c.message).toContain('with ∂h_t/∂w read as one-step derivative');
    // the d-spelled derivatives stay total: they are not among the re-read
    expect(c.message).not.toMatch(/∂h_\{?t-1\}?\/∂w read/);
  });

  it('through a gate: the one-step ∂h_t/∂h_{t-1} follows the step’s own paths (u_t and s_t), as the total does', () => {
    const c = check(`${GRU}check ${RECURSION.frac} for t = 2..4\n`);
    expect(c.status).toBe('holds-as-one-step');
  });

  it('for a vector state and a matrix weight: ∂h_t/∂W is the one-step 3-tensor, the Jacobian contracts dh_{t-1}/dW', () => {
    const net = `T = 3
input x : 2 = [[0.5, -0.3], [0.8, 0.1], [-0.2, 0.4]]
param W : 2x2 = [[0.3, -0.2], [0.1, 0.4]]
param U : 2x2 = [[0.5, 0.2], [-0.3, 0.6]]
h_0 = [0.1, -0.2]
h_t = tanh(W h_{t-1} + U x_t)
loss L = Σ_t sum(h_t)
`;
    const eq = String.raw`\frac{dh_t}{dW} = \frac{\partial h_t}{\partial W} + \frac{\partial h_t}{\partial h_{t-1}} \frac{dh_{t-1}}{dW}`;
    const c = check(`${net}check ${eq} for t = 2..3\n`);
    expect(c.status).toBe('holds-as-one-step');
    expect(c.message).toContain('with ∂h_t/∂W read as one-step derivative');
  });

  it('one spelling throughout keeps the reading every derivative alike (all ∂, all d: it fails as before)', () => {
    const allPartial = String.raw`\frac{\partial h_t}{\partial w} = \frac{\partial h_t}{\partial w} + \frac{\partial h_t}{\partial h_{t-1}} \frac{\partial h_{t-1}}{\partial w}`;
    const allD = String.raw`\frac{dh_t}{dw} = \frac{dh_t}{dw} + \frac{dh_t}{dh_{t-1}} \frac{dh_{t-1}}{dw}`;
    for (const eq of [allPartial, allD]) expect(check(`${tanhNet(0.7, -0.4, 0.2)}check ${eq} for t = 2..3\n`).status).toBe('fails');
  });

  it('the mistake in this convention fails: the last factor written ∂ (one-step) where the total belongs', () => {
    const eq = String.raw`\frac{dh_t}{dw} = \frac{\partial h_t}{\partial w} + \frac{\partial h_t}{\partial h_{t-1}} \frac{\partial h_{t-1}}{\partial w}`;
    expect(check(`${tanhNet(0.7, -0.4, 0.2)}check ${eq} for t = 2..3\n`).status).toBe('fails');
  });

  it('a check that holds as written is unchanged (d and ∂ both total there)', () => {
    // ∂L/∂w = Σ_t ∂L/∂h_t · ∂⁺h_t/∂w holds as written; with a d on the left it still does
    const c = check(`${tanhNet(0.7, -0.4, 0.2)}check dL/dw = Σ_t ∂L/∂h_t · ∂⁺h_t/∂w\n`);
    expect(c.status).toBe('holds');
  });

  it('holds as written but not as its spellings say (dh_t/dw = ∂h_t/∂w): the verdict stays holds, the message says why', () => {
    const c = check(`${tanhNet(0.7, -0.4, 0.2)}check \\frac{dh_t}{dw} = \\frac{\\partial h_t}{\\partial w} for t = 2..3\n`);
    expect(c.status).toBe('holds');
    expect(c.message).toMatch(
      /; but read as its spellings say, d the total derivative and ∂h_t\/∂w the one-step one \(as several textbooks write\), it fails at t = 2: .*dh_2\/dw adds/,
    );
    // one spelling: nothing to say; both spellings and the reading holds too: nothing either
    expect(check(`${tanhNet(0.7, -0.4, 0.2)}check \\frac{dh_t}{dw} = \\frac{dh_t}{dw} for t = 2..3\n`).message).not.toContain('spellings');
    const both = check(`${tanhNet(0.7, -0.4, 0.2)}check dL/dw = Σ_t ∂L/∂h_t · ∂⁺h_t/∂w\n`);
    expect(both.message).not.toContain('spellings');
  });

  it('holds as one-step on random networks (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        (w, u, h0) => {
          fc.pre(Math.abs(w) > 0.05 && Math.abs(u) > 0.05);
          const text = `${tanhNet(+w.toFixed(3), +u.toFixed(3), +h0.toFixed(3))}check ${RECURSION.ascii} for t = 2..3\n`;
          expect(check(text).status).toBe('holds-as-one-step');
        },
      ),
      { numRuns: 25, seed: 32 },
    );
  });

  it('in a Markdown solution, as a student writes it', () => {
    const md = [
      '```rnn',
      tanhNet(0.7, -0.4, 0.2).trim(),
      '```',
      '',
      'By the chain rule, for every step:',
      '',
      '$$',
      `${RECURSION.frac} \\tag{1}`,
      '$$',
      '',
    ].join('\n');
    const sol = analyzeSolution(md, 'markdown', { analyze: FAST });
    expect(sol.equations).toHaveLength(1);
    expect(sol.equations[0]).toMatchObject({ tag: '1', status: 'holds-as-one-step' });
  });
});
