// A barred name after ∂: ∂L/∂\bar{c}_t (Unicode ∂, LaTeX bar) reads the file's name c̄_t, as the \frac spelling does
// (it was "expected a name after ∂, found '\bar'", probe 41); with no barred name in the file, h̄_t is the adjoint
// ∂loss/∂h_t and no variable, said so (it was "the adjoint … belongs in derive and check lines", in a check line).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { errors } from './helpers';

const NET = `T = 2
input x = [1, 2]
param w = 0.5
h_0 = 0
`;

describe('a barred name after ∂', () => {
  it('is the file’s barred name, in both spellings', () => {
    const r = analyze(
      NET +
        '\\bar{c}_t = tanh(w x_t + w h_{t-1})\nh_t = 0.5 \\bar{c}_t + 0.5 h_{t-1}\nloss L = Σ_t h_t\n' +
        'check \\frac{\\partial L}{\\partial \\bar{c}_t} = 0.5 \\frac{\\partial L}{\\partial h_t}\ncheck ∂L/∂\\bar{c}_t = 0.5 ∂L/∂h_t\n',
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
  it('with no barred name in the file, is said to be an adjoint, in both spellings', () => {
    for (const line of ['check ∂L/∂\\bar{h}_t = 1', 'check \\frac{\\partial L}{\\partial \\bar{h}_t} = 1']) {
      const r = analyze(NET + 'h_t = tanh(w x_t + w h_{t-1})\nloss L = Σ_t h_t\n' + line + '\ncheck ∂L/∂h_2 = 1\n');
      expect(errors(r).map((d) => d.message)).toEqual([
        '∂…/∂h̄_t: h̄_t is the adjoint ∂loss/∂h_t, no variable to differentiate by — write ∂…/∂h_t',
      ]);
      expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    }
  });
});
