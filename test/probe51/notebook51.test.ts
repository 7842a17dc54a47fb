// Probe 51 (session 59): a Jupyter notebook's Markdown cells, the math written as the Julia and NumPy code is:
// `tanh.(W x_t .+ U h_{t-1})`, `1 .- h_t.^2`, `.*`, `'` for the transpose, `@`, `.T`, `**`, `np.diag`. It needed Julia's
// dots read as the elementwise operations (tanh.( was "expected the argument of \tanh"), np.diag as diag ("unknown
// name np"), and a vector .* a matrix read as the rows scaled, diag(v) U, as Julia broadcasts it. Decided: np.outer
// and NumPy's [:, None] are not read, and say so by name.
import { describe, expect, it } from 'vitest';
import { read51 } from './read51';

describe('a notebook’s Markdown math', () => {
  const { r, v, e } = read51('notebook-cell.md');
  it('the code-flavoured equations read and hold', () => {
    expect(r.checked).toBe(12);
    expect(r.skipped).toBe(2);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '9']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('what is not read says what it is', () => {
    expect(e['8']!.message).toMatch(/np\.outer is a function of NumPy, which is not read: write it as math \(np\.outer\(a, b\) is a bᵀ\)/);
    expect(e['10']!.message).toMatch(/is NumPy's new axis .* diag\(1 − h_t\^2\) M/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/U should be Uᵀ/);
    expect(v['m2']!.message).toMatch(/h_t should be h_\{t-1\}/);
    expect(v['m3']!.message).toMatch(/σ's slope/);
    expect(v['m4']!.message).toMatch(/needs the factor tanh'/);
  });
});
