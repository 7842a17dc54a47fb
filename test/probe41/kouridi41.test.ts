// Probe 41 (session 54): a numpy blog's LSTM backward pass (Christina Kouridi's "Vanilla LSTM with numpy") with the
// gradients named as code names them. Three readings were wrong: dc_t beside a candidate c̄ read as c̄_t (readAdjoint
// took the barred name), d\bar{c}_t was "unknown name d", and dc_t = … + f_{t+1} ⊙ ∂L/∂c_{t+1} was taken for a
// definition of a name dc of the solution's own (it is a claim: dc is ∂L/∂c already). A line of code's gradients in
// the network (da_{c,t} = dc̄_t ⊙ …, a solution's δ_t = dh_t ⊙ (1 − h_t²)) is a definition by a derivative, as one with ∂ is.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';
import { read41 } from './read41';

describe('Kouridi’s LSTM backward step', () => {
  const { r, v, e } = read41('kouridi-lstm.md');
  it('the gradients as code names them hold, dc̄ and dc beside the candidate c̄ too', () => {
    for (const tag of ['1', '3', "4'", "4''", '5', '6', '7', '10', '11']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.checked).toBe(14);
    expect(r.diagnostics.some((d) => /dc̄_t is read as ∂L\/∂c̄_t/.test(d.message))).toBe(true);
  });
  it('what cannot be read is said precisely', () => {
    expect(e['2']!.message).toMatch(/dh_next \(as min-char-rnn's dhnext: a gradient carried between steps\) is no name here/);
    expect(e['4']!.message).toMatch(/dc_next .* is no name here/);
    expect(e['8']!.message).toMatch(
      /unknown name da_f: as code writes gradients \(d before a name\) it is ∂loss\/∂a_f, and the network names no a_f/,
    );
    expect(e['9']!.message).toMatch(/dc_prev .* is no name here/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['k1', 'k2', 'k3', 'k4', 'k5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['k1']!.message).toMatch(/tanh\(c_t\) ⊙ \(1 − tanh\(c_t\)\) should be 1 − tanh\(c_t\)\^2 \(that is σ's slope/);
    expect(v['k2']!.message).toMatch(/leaves out the path through c_\{t\+1\}/);
    expect(v['k3']!.message).toMatch(/c_t should be c_\{t-1\}: with that step the check holds/);
    expect(v['k4']!.message).toMatch(/their outer product is written with the right one transposed/);
    expect(v['k5']!.message).toMatch(/f_t should be i_t/);
  });
  it('a line of the network reading code’s gradients defines its name by a derivative', () => {
    const net =
      'T = 2\ninput x = [0.5, -1]\nparam w = 0.7\nparam u = 0.3\nh_0 = 0.1\n\\bar{c}_t = tanh(w h_{t-1} + u x_t)\nh_t = 0.5 \\bar{c}_t\nloss L = Σ_t h_t^2\n';
    const rep = analyze(
      `${net}q_t = d\\bar{c}_t (1 - \\bar{c}_t^2)\ncheck q_t = d\\bar{c}_t tanh'(w h_{t-1} + u x_t)\ncheck dh_t = ∂L/∂h_t\n`,
    );
    expect(rep.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rep.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    // with no c̄ in the file the bar names no gradient dc of c: an unknown name as written
    const none = analyze(`${net.replace(/\\bar\{c\}/g, 'g')}check d\\bar{c}_t = ∂L/∂h_t\n`);
    expect(none.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['unknown name dc̄_t']);
  });
  it('a letter of the solution’s own defined with code’s gradients is read, as one defined with ∂', () => {
    const md =
      '```rnn\nT = 3\ninput x = [0.5, -1.0, 0.8]\nparam w = 0.7\nparam u = 0.3\nh_0 = 0.1\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\n```\n\n' +
      '$$\\delta_t = dh_t \\odot (1 - h_t^2) \\tag{1}$$\n\n$$\\frac{\\partial L}{\\partial w} = \\sum_{t=1}^{T} \\delta_t h_{t-1} \\tag{2}$$\n';
    const r = analyzeSolution(md, 'markdown', { sidecar: null });
    expect(r.equations.map((q) => q.status)).toEqual(['skipped', 'holds']);
    expect(r.equations[0]!.message).toMatch(/it defines δ by the formula after it/);
  });
});
