// Probe 51 (session 59): Qiu Xipeng's 《神经网络与深度学习》 ch. 6 (§6.4 参数学习, §6.4.1 随时间反向传播算法, §6.5), its
// notation as printed — z_k = U h_{k−1} + W x_k + b, h_k = f(z_k), δ_{t,k} = ∂L_t/∂z_k defined in the Chinese prose,
// δ_{t,k} = diag(f'(z_k)) Uᵀ δ_{t,k+1}, ∂L/∂U = Σ_t Σ_k δ_{t,k} h_{k−1}ᵀ — with full-width ，。 after the math. It
// needed the full-width punctuation read as a sentence's end (every equation was "unexpected character '，'"), and
// δ_{t,k}, a letter with two steps, written out as the derivative it names, its later step bounded where δ is
// defined (k < t, the book's condition in prose). Decided: the book's chain ∂h_k/∂z_k ∂z_{k+1}/∂h_k ∂L_t/∂z_{k+1} is
// the denominator layout's order and fails saying so; ∏_τ (…) δ_{t,t} stays skipped (the ∏ reaches to the end of the
// product: the message says to write the gradient first).
import { describe, expect, it } from 'vitest';
import { read51 } from './read51';

describe('Qiu’s BPTT (NNDL §6.4)', () => {
  const { r, v, e } = read51('nndl-bptt.md');
  it('the book’s equations read and hold', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(2);
    for (const tag of ['6.1', '6.2', '6.30', '6.31', '6.37', '6.38', '6.39', '6.40', 'b1']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /δ with two steps is read as ∂L_t\/∂z_k wherever it is written .*\(k ≤ t\)/.test(d.message))).toBe(
      true,
    );
  });
  it('(6.35): the recursion holds for k < t, the denominator-layout chain is named', () => {
    const links = e['6.35']!.checks;
    expect(links.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(links[0]!.message).toMatch(/written in the denominator layout's order/);
    expect(links[1]!.message).toMatch(/k ≤ t-1/);
  });
  it('the unrolled product is skipped, saying to write the gradient first', () => {
    expect(e['6.46']!.status).toBe('skipped');
    expect(e['6.46']!.message).toMatch(/its body runs on to ∂L_t\/∂z_t, which does not change with τ/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/U should be Uᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/σ' should be tanh'/);
    expect(v['m3']!.message).toMatch(/leaves out its last term k = t/);
    expect(v['m4']!.message).toMatch(/h_k should be h_\{k-1\}/);
    expect(v['m5']!.message).toMatch(/taken one-step/);
    expect(v['m6']!.message).toMatch(/opposite sign/);
    expect(e['m7']!.status).toBe('skipped');
  });
});
