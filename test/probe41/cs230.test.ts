// Probe 41 (session 54): the Amidis' CS230 recurrent networks cheatsheet — a^{<t>} = g_1(…) with the activation named
// after a comma (`, \qquad g_1 = \tanh`: it was "expected the argument of \tanh"; solution/activationAlias.ts and
// parser.ts applyAliases), ∂ℒ^{(T)}/∂W = Σ_t ∂ℒ^{(T)}/∂W |_{(t)}, and its GRU with ⋆ for the elementwise product
// (`\star` was "unknown LaTeX command \star").
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { read41 } from './read41';

describe('the CS230 cheatsheet', () => {
  const { r, v, e } = read41('cs230-cheatsheet.md');
  it('every equation reads; the forward pass, BPTT by copies and the GRU hold', () => {
    expect(r.skipped).toBe(1);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', 'g1', 'g2', 'g3', 'g4', 'g5']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the row naming the activation joins the network, and is said so', () => {
    expect(e['1']!.status).toBe('holds');
    expect(JSON.stringify(e['1'])).toMatch(/it names the activation g_1, a function of the solution's own/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['c1', 'c2', 'c3', 'k1', 'k2']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['c1']!.message).toMatch(/a_t ⊙ \(1 − a_t\) should be 1 − a_t\^2 \(that is σ's slope/);
    expect(v['c2']!.message).toMatch(/leaves out the paths through a_1 and a_2/);
    expect(v['c3']!.message).toMatch(/leaves out the path through a_\{t\+1\}/);
    expect(v['k1']!.message).toMatch(/and 1 − Γ_u\^t are exchanged: with each in the other's place the check holds/);
    expect(v['k2']!.message).toMatch(/the opposite sign: a sign is wrong/);
  });
  it('⋆ and \\star are ⊙; an activation named after a comma in a .rnn check is the alias', () => {
    const net = 'T = 2\ninput x = [0.5, -1]\nparam w = 0.7\nparam u = 0.3\nh_0 = 0.1\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\n';
    const rep = analyze(
      `${net}check ∂L/∂h_2 = 2 h_2 ⋆ 1\ncheck ∂L/∂h_2 = 2 h_2 \\star 1\ncheck h_t = g(w h_{t-1} + u x_t), \\qquad g = \\tanh\n`,
    );
    expect(rep.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rep.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
  });
});
