// A Jupyter notebook's Markdown math written as its code is (probe 51): Julia's broadcast `tanh.(W x_t .+ U h_{t-1})`,
// `1 .- h_t.^2`, `δ .* g` ("expected the argument of \tanh, found '.'"); NumPy's `np.diag(…) @ U` ("unknown name np");
// `(1 .- h.^2) .* U`, a vector broadcast across a matrix's rows ("⊙ needs equal shapes"), read as diag(v) U; and
// NumPy's new axis and np.outer said by name where they are not read (lexer.ts juliaDot, libraryPrefix;
// resolve/expressions.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET =
  'T = 3\ninput x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]\nparam W : 2x2 = [[0.4, -0.3], [0.2, 0.5]]\n' +
  'param U : 2x2 = [[0.5, 0.2], [-0.3, 0.4]]\nh_0 = [0, 0]\nh_t = tanh(W x_t + U h_{t-1})\nloss L = Σ_t sum(h_t)\n';
const check = (line: string) => analyze(NET + 'check ' + line + '\n');

describe('math written as a notebook’s code', () => {
  it('Julia’s broadcasting dots are the elementwise operations', () => {
    expect(check('h_t = tanh.(W x_t .+ U h_{t-1})').checks[0]!.status).toBe('holds');
    expect(check('∂h_t/∂h_{t-1} = diag(1 .- h_t.^2) U').checks[0]!.status).toBe('holds');
    expect(check('∂h_t/∂h_{t-1} = (1 .- h_t.^2) .* U').checks[0]!.status).toBe('holds');
  });
  it('np.diag is diag, and what is not read is named', () => {
    expect(check('∂h_t/∂h_{t-1} = np.diag(1 - h_t**2) @ U').checks[0]!.status).toBe('holds');
    const outer = check('∂L/∂W = Σ_t np.outer(h_t, x_t)');
    expect(outer.diagnostics.some((d) => /np\.outer is a function of NumPy, which is not read/.test(d.message))).toBe(true);
    const axis = check('∂h_t/∂h_{t-1} = (1 - h_t**2)[:, None] * U');
    expect(axis.diagnostics.some((d) => /\(1 − h_t\^2\)\[:, None\] is NumPy's new axis/.test(d.message))).toBe(true);
  });
  it('a dot between operands is still a product, and a number keeps its point', () => {
    expect(
      analyze('T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\nh_t = w.h_{t-1} + x_t\nloss L = Σ_t h_t\ncheck h_2 = 2.5\n').checks[0]!
        .status,
    ).toBe('holds-at-given-values');
  });
});
