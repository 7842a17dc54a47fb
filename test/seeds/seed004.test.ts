// Seed 004 (assignment 1, bonus). Q1: a binary-addition RNN with hand-set weights (bmatrix literals,
// Ux^{(t)} for U x^{(t)}); its expanded rows h_i^{(t)} = x_1 + x_2 + h_i^{(t-1)} − b keep only h_i of
// W h^{(t-1)}, but W is all ones, so they fail from t = 2 on (they hold at t = 1 only because h^{(0)} = 0),
// and the message names the terms of W h^{(t-1)} each row misses;
// the output row y^{(t)} = h_1 − h_2 + h_3 − 0.5 holds. Q2: an LSTM's backward pass with adjoints
// \overline{X}: the h̄ line is wrong (h^{(t)} for h̄ — read so, with its slips named, it holds —, h^{(t+1)}
// in the gates, σ^{-1} for σ'), c̄'s last term has f^{(t)} for f^{(t+1)} (and tanh^{-1} for tanh'), f̄ has c^{(t+1)} for c^{(t-1)}; ḡ, ō, ī hold.

import { describe, expect, it } from 'vitest';
import { analyzeFixture, analyzeSeedSolution, expectLink, expectNoErrorsBut, expectTag, lineContaining, solution } from './helpers';

describe('seed 004 Q1 (binary addition) pasted into check lines', () => {
  const report = analyzeFixture('seed004.rnn');

  it('reads every pinned equation with no error', () => {
    expectNoErrorsBut(report);
  });

  it('the given weights and the network equations hold, and so does the output row', () => {
    for (const tag of ['W', 'b_h', 'v', 'b_y', 'h', 'y', 'yrow', 'h1-ok']) expectTag(report, tag, 'holds');
  });

  it('the expanded hidden rows fail at the step where h^{(t-1)} first matters', () => {
    expectTag(report, 'h1', 'fails', /fails at t = 2: the left side is 0, the right side 2/);
    expectTag(report, 'h2', 'fails', /fails at t = 2/);
    expectTag(report, 'h3', 'fails', /fails at t = 3/);
  });

  it('each expanded row names the terms of W h^{(t-1)} it keeps out (W is all ones)', () => {
    const expansion = /h_t\[\d\] = x_t\[1\] \+ x_t\[2\] \+ h_\{t-1\}\[1\] \+ h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] − \d\.5/;
    const put = /with that put right the check holds/;
    expectTag(report, 'h1', 'fails', expansion, /misses h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] from W h_\{t-1\} \(row 1 of W is all ones\)/, put);
    expectTag(report, 'h2', 'fails', expansion, /misses h_\{t-1\}\[1\] \+ h_\{t-1\}\[3\] from W h_\{t-1\} \(row 2 of W is all ones\)/, put);
    expectTag(report, 'h3', 'fails', expansion, /misses h_\{t-1\}\[1\] \+ h_\{t-1\}\[2\] from W h_\{t-1\} \(row 3 of W is all ones\)/, put);
  });
});

describe('seed 004 Q2 (LSTM backward pass) pasted into check lines', () => {
  const report = analyzeFixture('seed004-lstm.rnn');

  it("reads every equation; σ^{-1}/tanh^{-1} are the inverse functions with a hint about σ'", () => {
    expectNoErrorsBut(report);
    expect(report.diagnostics.some((d) => d.severity === 'hint' && /σ\^\{-1\} is the inverse function \(logit\)/.test(d.message))).toBe(
      true,
    );
  });

  it('the LSTM equations hold', () => {
    for (const tag of ['i', 'f', 'o', 'g', 'c', 'hdef']) expectTag(report, tag, 'holds');
  });

  it('the h̄ line fails on both sides, read as h̄^{(t)} with the bar left off, and holds with the slips named', () => {
    const hbar = /The left side h_t is h's value, but the right side is a backward formula for it: h̄_t = ∂L\/∂h_t is meant/;
    expectLink(
      report,
      'hbar',
      1,
      'fails',
      hbar,
      /i\u0304_\{t\+1\}, f\u0304_\{t\+1\}, o\u0304_\{t\+1\}, g\u0304_\{t\+1\} for i_\{t\+1\}, f_\{t\+1\}, o_\{t\+1\}, g_\{t\+1\}/u,
      /∂i_\{t\+1\}\/∂h_t for ∂i_\{t\+1\}\/∂h_\{t\+1\} \(and likewise for 3 more/,
      /∂⁺L\/∂h_t, the loss's own dependence on h_t, for the constant 1, the check holds/,
    );
    expectLink(
      report,
      'hbar',
      2,
      'fails',
      hbar,
      /σ' for σ\^\{-1\} and tanh' for tanh\^\{-1\}/,
      /h_t for h_\{t\+1\} throughout/,
      /for the constant 1, the check holds/,
    );
  });

  it("c̄: the chain rule holds as one-step derivatives; the seed's last side fails (tanh^{-1}, f^{(t)})", () => {
    // only ∂c_{t+1}/∂c_t differs read as one step (∂h_t/∂c_t is the same either way), and only it is named
    expectLink(report, 'cbar', 1, 'holds-as-one-step', /with ∂c_\{t\+1\}\/∂c_t read as one-step derivative \(/);
    expectLink(
      report,
      'cbar',
      2,
      'fails',
      /tanh\^\{-1\} is the inverse function/,
      /with the derivative tanh' in its place and f_\{t\+1\} for f_t, the check holds/,
    );
    expectTag(report, "cbar'", 'fails', /f_t should be f_\{t\+1\}: with that step the check holds/);
    expectTag(report, 'cbar-ok', 'holds');
  });

  it('f̄ fails naming c^{(t+1)} for c^{(t-1)}; ḡ, ō, ī hold', () => {
    expectLink(report, 'fbar', 1, 'holds');
    expectLink(report, 'fbar', 2, 'fails', /c_\{t\+1\} should be c_\{t-1\}: with that step the check holds/);
    expectTag(report, 'fbar-ok', 'holds');
    for (const tag of ['gbar', 'obar', 'ibar']) expectTag(report, tag, 'holds');
  });
});

describe('seed 004 as it stands (Markdown solution)', () => {
  const name = '004-binary-addition-and-lstm.md';
  const report = analyzeSeedSolution(name);
  const text = solution(name);
  const at = (needle: string) => {
    const line = lineContaining(text, needle);
    const eq = report.equations.find((e) => e.range.line <= line && line <= e.range.endLine);
    expect(eq, needle).toBeDefined();
    return eq!;
  };

  it('flags the binary-addition rows, h̄, c̄ and f̄ at their own lines; the output row and ḡ, ō, ī hold', () => {
    expect(at('$$h_1^{(t)} = x_1^{(t)}').status).toBe('fails');
    expect(at('$$h_1^{(t)} = x_1^{(t)}').message).toMatch(/misses h_\{t-1\}\[2\] \+ h_\{t-1\}\[3\] from W h_\{t-1\}/);
    expect(at('$$h_2^{(t)} = x_1^{(t)}').status).toBe('fails');
    expect(at('$$h_3^{(t)} = x_1^{(t)}').status).toBe('fails');
    expect(at('$$y^{(t)} = h_1^{(t)}').status).toBe('holds');
    expect(at('$$h^{(t)} = 1 + i^{(t+1)}').status).toBe('fails');
    // the Markdown equation carries the reason too: h^{(t)} where h̄^{(t)} was meant
    expect(at('$$h^{(t)} = 1 + i^{(t+1)}').message).toMatch(/h̄_t = ∂L\/∂h_t is meant; read so, with .* the check holds/);
    expect(at('$$= 1 + \\overline{i^{(t+1)}}').message).toMatch(/h̄_t = ∂L\/∂h_t is meant; read so, with .* the check holds/);
    expect(at('\\overline{c^{(t)}} &=').status).toBe('fails');
    // the message is the one its ✗ stands for: c̄'s second link fails, its first only holds as one step
    const c = at('\\overline{c^{(t)}} &=');
    expect(c.checks.map((x) => x.status)).toEqual(['holds-as-one-step', 'fails']);
    expect(c.message).toBe(c.checks[1]!.message);
    expect(c.message).toMatch(/^fails at t = 1/);
    const f = at('\\overline{f^{(t)}} &=');
    expect(f.status).toBe('fails');
    expect(f.message).toMatch(/c_\{t\+1\} should be c_\{t-1\}/);
    expect(at('$$\\overline{i^{(t)}} = ').status).toBe('holds');
    expect(at('\\overline{o^{(t)}} &=').status).toBe('holds');
  });
});

describe('seed 004: the row v = [1 \\quad -1 \\quad 1]', () => {
  it('is a row (1×3), so y^{(t)} = v h^{(t)} + b_y is a scalar and the equation v = … holds', async () => {
    const { readFileSync } = await import('node:fs');
    const { analyzeSolution } = await import('../../src/solution/index');
    const text = readFileSync('examples/solutions/004-binary-addition-and-lstm.md', 'utf8');
    const sol = analyzeSolution(text, 'markdown', { analyze: { draws: 2 } });
    const line = text.split('\n').findIndex((l) => l.includes('v = [1 \\quad -1 \\quad 1]')) + 1;
    const eq = sol.equations.find((e) => e.range.line === line)!;
    expect(eq.status).toBe('holds');
    expect(sol.skipped).toBe(0);
  });
});
