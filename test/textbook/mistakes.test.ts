// Typical student mistakes in the vanilla RNN's backward pass (Goodfellow §10.2.2, d2l.ai §9.7): each
// fails — never crashes, never is skipped — and the message names what is wrong at the equation.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report';
import { D2L_MATRIX, GOODFELLOW, expectTag, links, withChecks } from './vanilla';

const B = (x: string) => String.raw`\boldsymbol{${x}}`;
const grad = (node: string) => String.raw`\nabla_{${node}} L`;
const h = (step: string) => `${B('h')}^{(${step})}`;
const o = (step: string) => `${B('o')}^{(${step})}`;
const diag = (step: string) => String.raw`\text{diag}\left(1 - \left(${h(step)}\right)^2\right)`;
const d = (a: string, b: string) => String.raw`\frac{\partial ${a}}{\partial ${b}}`;

/** the network with the check, which must fail with every message regex matching (and nothing crash) */
function failsWith(net: string, check: string, ...messages: RegExp[]): Report {
  const r = withChecks(net, `${check} \\tag{m}`);
  expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  expectTag(r, 'm', 'fails', ...messages);
  return r;
}

describe('Goodfellow §10.2.2, mistakes in eq. 10.21 (∇_{h^{(t)}} L)', () => {
  it('the recursive term dropped: names the path through a^{(t+1)} it leaves out, though t = T holds', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(h('t'))} = ${B('V')}^\top (${grad(o('t'))})`,
      /fails at t = 1/,
      /leaves out the path through a_\{t\+1\}: the term ∂L\/∂a_\{t\+1\}·∂⁺a_\{t\+1\}\/∂h_t/,
    );
  });
  it('W for Wᵀ (square, so no shape error): names the missing transpose', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(h('t'))} = ${B('W')} ${diag('t+1')} (${grad(h('t+1'))}) + ${B('V')}^\top (${grad(o('t'))})`,
      /W should be Wᵀ: with that transpose the check holds/,
    );
  });
  it('the Jacobians written left of the gradients without transposes (chain factors in the wrong order)', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(h('t'))} = ${d(h('t+1'), h('t'))} ${grad(h('t+1'))} + ${d(o('t'), h('t'))} ${grad(o('t'))}`,
      /With every Jacobian transposed \(\(∂h_\{t\+1\}\/∂h_t\)ᵀ, \(∂o_t\/∂h_t\)ᵀ\) the check holds: a Jacobian written left of the gradient it multiplies needs its transpose/,
    );
  });
  it('one Jacobian left of its gradient: names it, and the order that needs no transpose', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(h('t'))} = ${d(h('t+1'), h('t'))} ${grad(h('t+1'))} + ${B('V')}^\top ${grad(o('t'))}`,
      /∂h_\{t\+1\}\/∂h_t should be \(∂h_\{t\+1\}\/∂h_t\)ᵀ: with that transpose the check holds \(a Jacobian left of the gradient it multiplies needs its transpose; written after the gradient, ∂L\/∂h_\{t\+1\} ∂h_\{t\+1\}\/∂h_t, it needs none\)/,
    );
  });
  it('diag(1 − (h^{(t)})²) at the wrong step: names h^{(t)} for h^{(t+1)}', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(h('t'))} = ${B('W')}^\top ${diag('t')} (${grad(h('t+1'))}) + ${B('V')}^\top (${grad(o('t'))})`,
      /h_t should be h_\{t\+1\}: with that step the check holds/,
    );
  });
});

describe('Goodfellow §10.2.2, mistakes in the parameter gradients (eqs. 10.22–10.28)', () => {
  it('h^{(t)} for h^{(t-1)} in ∇_W L (the wrong step index)', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t ${diag('t')} (${grad(h('t'))}) ${B('h')}^{(t)\top}`,
      /h_t should be h_\{t-1\}: with that step the check holds/,
    );
  });
  it("the factor diag(1 − h²) left out of ∇_W L and ∇_b L: names ∂L/∂a_t, and tanh'", () => {
    for (const check of [
      String.raw`${grad(B('W'))} = \sum_t (${grad(h('t'))}) ${B('h')}^{(t-1)\top}`,
      String.raw`${grad(B('b'))} = \sum_t ${grad(h('t'))}`,
    ]) {
      failsWith(GOODFELLOW, check, /∂L\/∂h_t should be ∂L\/∂a_t: the factor tanh'\(a_t\) — diag\(1 − h²\) in matrix form — is missing/);
    }
  });
  // named as the Σ's bound the student wrote (pathHint named the path alone until session 31), with the path's value
  it('Σ started at t = 2: names the bound, and the step-1 term it leaves out with its value', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_{t=2}^{T} ${diag('t')} (${grad(h('t'))}) ${B('h')}^{(t-1)\top}`,
      /The Σ over t on the right side \(t = 2\.\.3\) leaves out its first term t = 1: with it the check holds \(it leaves out the path through a_1: the term ∂L\/∂a_1·∂⁺a_1\/∂W = \[\[/,
    );
  });
  it('Σ stopped at T − 1: names the bound and the last step’s term', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_{t=1}^{T-1} ${diag('t')} (${grad(h('t'))}) ${B('h')}^{(t-1)\top}`,
      /The Σ over t on the right side \(t = 1\.\.2\) leaves out its last term t = 3: with it the check holds \(it leaves out the path through a_3/,
    );
  });
  it('the outer product in the wrong order: h (∇_o L)ᵀ is the transpose of ∇_V L', () => {
    failsWith(
      GOODFELLOW,
      String.raw`${grad(B('V'))} = \sum_t ${B('h')}^{(t)} (${grad(o('t'))})^\top`,
      /The right side is the transpose of the left side/,
    );
  });
  it('x^{(t)} with its transpose forgotten: a shape error that says the outer product needs ᵀ', () => {
    const r = withChecks(GOODFELLOW, String.raw`${grad(B('U'))} = \sum_t ${diag('t')} (${grad(h('t'))}) ${B('x')}^{(t)}`);
    expect(r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([
      'shape mismatch: cannot multiply the product (vector of 3) and x_t (vector of 2); their outer product is written with the right one transposed (ᵀ)',
    ]);
  });
  it('y − ŷ for ŷ − y: the sign', () => {
    const r = withChecks(GOODFELLOW, String.raw`(${grad(o('t'))})_i = \mathbf{1}_{i=y^{(t)}} - \hat{y}_i^{(t)} \tag{m}`);
    expectTag(r, 'm', 'fails', /fails at t = 1, i = 1/, /The right side is the left side with the opposite sign/);
  });
  // it failed with both values only until session 29, when a wrong adjoint became a replacement the hints try
  it('∇_{o^{(t)}} L where ∇_{h^{(t)}} L belongs: fails naming the adjoint', () => {
    const r = failsWith(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t ${diag('t')} (${grad(o('t'))}) ${B('h')}^{(t-1)\top}`,
      /^fails: the left side is \[\[/,
      /∂L\/∂o_t should be ∂L\/∂h_t: with that the check holds/,
    );
    expect(links(r, 'm')[0]!.message).not.toMatch(/leaves out|times the left/);
  });
});

describe('d2l.ai §9.7, mistakes', () => {
  const D2L_TANH = D2L_MATRIX.replace(
    String.raw`\mathbf{h}_t = \mathbf{W}_\textrm{hx} \mathbf{x}_t + \mathbf{W}_\textrm{hh} \mathbf{h}_{t-1}`,
    String.raw`\mathbf{h}_t = \tanh(\mathbf{W}_\textrm{hx} \mathbf{x}_t + \mathbf{W}_\textrm{hh} \mathbf{h}_{t-1})`,
  );
  it('the 1/T of L = (1/T) Σ_t l_t forgotten: names the factor', () => {
    failsWith(
      D2L_MATRIX,
      String.raw`${d('L', String.raw`\mathbf{W}_\textrm{qh}`)} = \sum_{t=1}^T ${d('l_t', String.raw`\mathbf{o}_t`)} \mathbf{h}_t^\top`,
      /The right side is T = 4 times the left side: it misses a factor 1\/T/,
    );
    failsWith(
      D2L_MATRIX,
      String.raw`${d('L', String.raw`\mathbf{o}_t`)} = ${d('l_t', String.raw`\mathbf{o}_t`)}`,
      /fails at t = 1/,
      /T = 4 times the left side/,
    );
  });
  it('the recursion ∂L/∂h_t = W_qhᵀ ∂L/∂o_t alone (9.7.16 without its first term)', () => {
    failsWith(
      D2L_MATRIX,
      String.raw`${d('L', String.raw`\mathbf{h}_t`)} = \mathbf{W}_\textrm{qh}^\top ${d('L', String.raw`\mathbf{o}_t`)}`,
      /leaves out the path through h_\{t\+1\}/,
    );
  });
  it("with a tanh recurrence, 9.7.16 as printed for the linear one misses tanh' — named inside h_{t+1}'s equation", () => {
    failsWith(
      D2L_TANH,
      String.raw`${d('L', String.raw`\mathbf{h}_t`)} = \mathbf{W}_\textrm{hh}^\top ${d('L', String.raw`\mathbf{h}_{t+1}`)} + \mathbf{W}_\textrm{qh}^\top ${d('L', String.raw`\mathbf{o}_t`)}`,
      /∂L\/∂h_\{t\+1\} needs the factor tanh'\(W_hx x_\{t\+1\} \+ W_hh h_t\) — diag\(1 − h²\) in matrix form — of h_\{t\+1\}'s own equation: with it the check holds/,
    );
  });
  it('the power (W_hhᵀ)^{T−i} written (W_hhᵀ)^{T−i+1}: fails, not crashes', () => {
    failsWith(
      D2L_MATRIX,
      String.raw`${d('L', String.raw`\mathbf{h}_t`)} = \sum_{i=t}^T {\left(\mathbf{W}_\textrm{hh}^\top\right)}^{T-i+1} \mathbf{W}_\textrm{qh}^\top ${d('L', String.raw`\mathbf{o}_{T+t-i}`)}`,
      /^fails at t = 1: the left side is \[/,
    );
  });
  it('o_{t} for o_{T+t−i} in 9.7.17: the wrong step index is named', () => {
    failsWith(
      D2L_MATRIX,
      String.raw`${d('L', String.raw`\mathbf{h}_t`)} = \sum_{i=t}^T {\left(\mathbf{W}_\textrm{hh}^\top\right)}^{T-i} \mathbf{W}_\textrm{qh}^\top ${d('L', String.raw`\mathbf{o}_{i}`)}`,
      /^fails at t = 1/,
    );
  });
});
