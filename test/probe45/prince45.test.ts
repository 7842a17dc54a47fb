// Probe 45 (session 56): Prince, Understanding Deep Learning (2023) ch. 7 — f_k, h_k = a[f_{k−1}], Ω, β, the loss ℓ_i
// of example i with its target y_i, and the book's denominator layout (∂f_k/∂h_k = Ωᵀ, the chain
// ∂h_k/∂f_{k−1} ∂f_k/∂h_k ∂ℓ_i/∂f_k) — on a ReLU network whose pre-activation recurs in time. It needed: y_i beside
// ℓ_i read as the one target (it was y at a step i, and three equations failed or were misjudged); a[…] said to be the
// book's activation; the chain in the other layout named as its order (it was one factor's transpose), with the gradient
// named as written (∂ℓ_i/∂f_k, not ∂L/∂f_k); an outer product's wrong order named with its own factors; the per-layer
// Ω_k of a shared matrix read as its copy at layer k (it was refused), a shared vector's β_k said to be its entry k.
import { describe, expect, it } from 'vitest';
import { read45 } from './read45';

describe('Prince ch. 7 on a ReLU RNN', () => {
  const { r, v, e } = read45('prince-relu-rnn.md');
  it('reads every equation; the forward pass, the ReLU backward step and the weight gradients hold', () => {
    expect(r.checked).toBe(21);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '7', '8', '11', '12', '13']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /y_i: i is the example's index, as in the loss ℓ_i's name, not a step/.test(d.message))).toBe(true);
    // h_k = a[f_{k−1}]: the book's a[•] is no function of the network, said so; the link with ReLU[…] holds
    expect(e['1']!.linksNotChecked?.[0]?.message).toMatch(/unknown name a: if a\[…\] is an activation \(Prince's a\[•\]\)/);
    // Σ_k ∂f_k/∂β ∂ℓ_i/∂f_k: the book's ∂f_k/∂β is the layer's own derivative
    expect(v['10']!.status).toBe('holds-as-one-step');
  });
  it('the book’s denominator layout fails under LANGUAGE.md §4, naming the layout', () => {
    expect(v['5']!.status).toBe('fails');
    expect(v['5']!.message).toMatch(
      /The chain ∂h_k\/∂f_\{k-1\} ∂f_k\/∂h_k ∂ℓ_i\/∂f_k is written in the denominator layout's order.*∂ℓ_i\/∂f_k ∂f_k\/∂h_k ∂h_k\/∂f_\{k-1\}, the check holds/,
    );
    expect(v['6']!.status).toBe('fails');
    expect(v['6']!.message).toMatch(/The right side is \(∂f_k\/∂h_k\)ᵀ: the denominator layout/);
    expect(v['9']!.status).toBe('fails');
    expect(v['9']!.message).toMatch(
      /The chain ∂h_2\/∂f_1 ∂f_2\/∂h_2 ∂h_3\/∂f_2 ∂f_3\/∂h_3 ∂ℓ_i\/∂f_3 is written in the denominator layout's order/,
    );
  });
  it('the per-layer forms: the shared matrix’s Ω_k is its copy at layer k; the shared vector’s β_k is its entry k', () => {
    expect(r.diagnostics.some((d) => /Ω_k is read as Ω's copy used at step k alone/.test(d.message))).toBe(true);
    expect(v['14']!.status).toBe('fails');
    expect(v['14']!.message).toMatch(
      /the shapes differ\. β_k is read as entry k of the vector β .*the copy of β used at step k is written β\^\{\(k\)\}/,
    );
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/Ω should be Ωᵀ: with that transpose the check holds/);
    expect(v['m2']!.message).toMatch(/f_k should be f_\{k-1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/leaves out the factor relu′\(f_\{k-1\}\)/);
    expect(v['m4']!.message).toMatch(/in the wrong order \(the gradient comes first: ∂ℓ_i\/∂f_k h_kᵀ for h_k \(∂ℓ_i\/∂f_k\)ᵀ\)/);
    expect(v['m5']!.message).toMatch(/\(k = 2\.\.3\) leaves out its first term k = 1/);
    expect(v['m6']!.message).toMatch(/leaves out the paths through f_1 and f_2/);
    expect(v['m7']!.message).toMatch(/a sign is wrong/);
  });
});
