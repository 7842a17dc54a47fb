// Saitoh's (5.9) as notes copy it (probe 53), `h_t = tanh(h_{t-1}W_h + x_tW_x + b)`: LaTeX gives an unbraced subscript
// one character, so x_tW_x prints x_t W_x; it was "unknown name x_tW_x" (resolve/latexSubscriptRun.ts). A name the file
// defines, or whose base before its last `_` it defines (W_xh_2, W_xh at step 2), keeps the language's reading.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = 'T = 2\ninput x = [1.0, 0.5]\nparam W_x = 0.5\nparam W_h = 0.8\nh_0 = 0\nh_t = tanh(h_{t-1} W_h + x_t W_x)\nloss L = Σ_t h_t\n';

describe('a one-character subscript run into the next name', () => {
  it('x_tW_x is x_t W_x, said in an information', () => {
    const r = analyze(NET + 'check h_t = tanh(h_{t-1}W_h + x_tW_x)\n');
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.diagnostics.some((d) => /x_tW_x is read as x_t W_x: an unbraced subscript is one character/.test(d.message))).toBe(true);
  });
  it('a piece the file does not have leaves the unknown name', () => {
    const r = analyze(NET + 'check h_t = tanh(h_{t-1}W_h + x_tV_x)\n');
    expect(r.checks).toEqual([]);
    expect(r.diagnostics.some((d) => /unknown name x_tV_x/.test(d.message))).toBe(true);
  });
  it('a lower-case letter after the subscript is no name of its own: W_xh stays one unknown name', () => {
    const r = analyze(NET + 'h = 2\ncheck h_t = tanh(h_{t-1}W_h + W_xh)\n');
    expect(r.diagnostics.some((d) => /unknown name W_xh/.test(d.message))).toBe(true);
  });
  it('a per-step parameter written W_xh_2 stays W_xh at step 2', () => {
    const r = analyze(
      'T = 2\ninput x = [1.0, 0.5]\nparam W_x = 0.5\nparam W_xh_t = [0.3, 0.4]\nh_0 = 0\nh_t = tanh(W_xh_t h_{t-1} + W_x x_t)\nloss L = Σ_t h_t\ncheck W_xh_2 = 0.4\n',
    );
    // (its value at step 2, which the draws vary)
    expect(r.checks[0]!.status).toBe('holds-at-given-values');
    expect(r.diagnostics.some((d) => /is read as W_x/.test(d.message))).toBe(false);
  });
});
