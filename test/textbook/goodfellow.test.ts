// Goodfellow, Bengio and Courville, Deep Learning §10.2.2, eqs. 10.17–10.28: the gradients of the vanilla
// RNN, pasted into check lines exactly as the book prints them (\boldsymbol, \nabla_{…} L, \text{diag},
// ^\top, h^{(t-1)\top}, Σ_t). The book's ∇ of a node is the total derivative of L, and diag of a vector
// the diagonal matrix; every right side below is compared with autodiff at the file's values and draws.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { GOODFELLOW, GOODFELLOW_ONEHOT, expectClean, expectTag, links, withChecks } from './vanilla';

const B = (x: string) => String.raw`\boldsymbol{${x}}`;
const grad = (node: string) => String.raw`\nabla_{${node}} L`;
const h = (step: string) => `${B('h')}^{(${step})}`;
const o = (step: string) => `${B('o')}^{(${step})}`;
const diag = (step: string) => String.raw`\text{diag}\left(1 - \left(${h(step)}\right)^2\right)`;

/** eqs. 10.17–10.28 (10.21 as a chain: the Jacobian form, then the book's expansion) */
const EQUATIONS = [
  String.raw`\frac{\partial L}{\partial L^{(t)}} = 1 \tag{10.17}`,
  String.raw`(${grad(o('t'))})_i = \frac{\partial L}{\partial o_i^{(t)}} = \hat{y}_i^{(t)} - \mathbf{1}_{i=y^{(t)}} \tag{10.18}`,
  String.raw`${grad(h('\\tau'))} = ${B('V')}^\top ${grad(o('\\tau'))} \tag{10.19}`,
  String.raw`${grad(h('T'))} = ${B('V')}^\top ${grad(o('T'))} \tag{10.19T}`,
  String.raw`${grad(h('t'))} = \left(\frac{\partial ${h('t+1')}}{\partial ${h('t')}}\right)^\top (${grad(h('t+1'))}) + \left(\frac{\partial ${o('t')}}{\partial ${h('t')}}\right)^\top (${grad(o('t'))}) = ${B('W')}^\top ${diag('t+1')} (${grad(h('t+1'))}) + ${B('V')}^\top (${grad(o('t'))}) \tag{10.21}`,
  String.raw`${grad(B('c'))} = \sum_t \left(\frac{\partial ${o('t')}}{\partial ${B('c')}}\right)^\top ${grad(o('t'))} = \sum_t ${grad(o('t'))} \tag{10.22}`,
  String.raw`${grad(B('b'))} = \sum_t \left(\frac{\partial ${h('t')}}{\partial ${B('b')}^{(t)}}\right)^\top ${grad(h('t'))} = \sum_t ${diag('t')} ${grad(h('t'))} \tag{10.23}`,
  String.raw`${grad(B('V'))} = \sum_t (${grad(o('t'))}) ${B('h')}^{(t)\top} \tag{10.24}`,
  String.raw`${grad(B('W'))} = \sum_t ${diag('t')} (${grad(h('t'))}) ${B('h')}^{(t-1)\top} \tag{10.26}`,
  String.raw`${grad(B('U'))} = \sum_t ${diag('t')} (${grad(h('t'))}) ${B('x')}^{(t)\top} \tag{10.28}`,
];

describe('Goodfellow §10.2.2 as printed', () => {
  const report = withChecks(GOODFELLOW, ...EQUATIONS);

  it('every line reads', () => expectClean(report));

  it.each(['10.17', '10.18', '10.19', '10.19T', '10.21', '10.22', '10.23', '10.24', '10.26', '10.28'])(
    "eq. %s holds at the file's values and every draw",
    (tag) => {
      expectTag(report, tag, 'holds', /random draws/);
    },
  );

  it('each link of a chain is its own result: 10.18 has two, 10.21 two, 10.22 two, 10.23 two', () => {
    expect(links(report, '10.18').map((l) => l.link)).toEqual([1, 2]);
    expect(links(report, '10.23').map((l) => l.link)).toEqual([1, 2]);
    expect(links(report, '10.21').map((l) => l.link)).toEqual([1, 2]);
    expect(links(report, '10.22').map((l) => l.link)).toEqual([1, 2]);
  });

  it('10.18 holds at every step and every entry i (a free entry index); 10.21 at t = 1..T−1 (h^{(T+1)} does not exist)', () => {
    expect(links(report, '10.18')[0]!.message).toMatch(/^holds for t = 1\.\.3 /);
    expect(links(report, '10.21')[0]!.message).toMatch(/^holds for t = 1\.\.2 /);
  });

  it('the checks compare with autodiff, which central differences confirm', () => {
    const r = analyze(GOODFELLOW, { gradcheck: true });
    expect(r.gradcheck.map((g) => g.name).sort()).toEqual(['U', 'V', 'W', 'b', 'c']);
    for (const g of r.gradcheck) expect(g.relError, g.name).toBeLessThan(1e-6);
  });
});

describe('the loss as the book writes it', () => {
  it('ŷ^{(t)}_{y^{(t)}} (step first, then the entry) reads as ŷ_{y^{(t)}}^{(t)}', () => {
    const a = analyze(GOODFELLOW);
    const b = analyze(GOODFELLOW.replace(String.raw`\hat{y}_{y^{(t)}}^{(t)}`, String.raw`\hat{y}^{(t)}_{y^{(t)}}`));
    expect(b.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const loss = (r: typeof a) => r.graph!.nodes.filter((n) => n.name === 'L' && n.t !== null).map((n) => n.value);
    expect(loss(b)).toEqual(loss(a));
    expect(loss(a)).toHaveLength(3);
  });

  it('with one-hot targets, ∇_{o^{(t)}} L = ŷ^{(t)} − y^{(t)} and the gradients hold (draws keep y one-hot)', () => {
    const r = withChecks(
      GOODFELLOW_ONEHOT,
      String.raw`${grad(o('t'))} = \hat{${B('y')}}^{(t)} - ${B('y')}^{(t)} \tag{a}`,
      String.raw`${grad(B('W'))} = \sum_t ${diag('t')} (${grad(h('t'))}) ${B('h')}^{(t-1)\top} \tag{b}`,
      String.raw`${grad(h('t'))} = ${B('W')}^\top ${diag('t+1')} (${grad(h('t+1'))}) + ${B('V')}^\top (${grad(o('t'))}) \tag{c}`,
      // eq. 10.18 as printed: 1_{i=y^{(t)}} of a one-hot target is its entry i (an information says so)
      String.raw`(${grad(o('t'))})_i = \hat{y}_i^{(t)} - \mathbf{1}_{i=y^{(t)}} \tag{d}`,
    );
    expectClean(r);
    for (const tag of ['a', 'b', 'c', 'd']) expectTag(r, tag, 'holds');
    expect(r.diagnostics.filter((x) => x.code === 'indicator-one-hot').map((x) => x.line)).toEqual([19]);
  });
});

describe("θ^{(t)}, the book's copy of a shared parameter used at step t only", () => {
  it('∂h^{(t)}/∂b^{(t)} is the one-step derivative (diag(1 − h²) here); ∂h^{(t)}/∂W^{(t)} contracts with ∇_{h^{(t)}} L', () => {
    const r = withChecks(
      GOODFELLOW,
      String.raw`\frac{\partial ${h('t')}}{\partial ${B('b')}^{(t)}} = \text{diag}(1 - (${h('t')})^2) \tag{f}`,
      String.raw`${grad(B('W'))} = \sum_t ${grad(h('t'))} \frac{\partial ${h('t')}}{\partial ${B('W')}^{(t)}} \tag{w}`,
    );
    expectClean(r);
    expectTag(r, 'f', 'holds');
    expectTag(r, 'w', 'holds');
    // without the copy, ∂h^{(t)}/∂b is the total derivative (every earlier step's use of b too)
    const total = withChecks(
      GOODFELLOW,
      String.raw`\frac{\partial ${h('t')}}{\partial ${B('b')}} = \text{diag}(1 - (${h('t')})^2) \tag{t}`,
    );
    expectTag(total, 't', 'holds-as-one-step');
  });
  // Probe 35: these were refused ("read only in the derivative of a quantity at the same step"); the copy at step t is
  // the derivative by W's use in step t's own equations whatever is differentiated (as CS230's |_{(t)}), so the sum of
  // the copies' gradients is the gradient (it holds) and a copy one step back has a path to h^{(t)} (0 fails)
  it('a copy by another step, or in the derivative of L, is the derivative by that step’s copy', () => {
    const r = withChecks(
      GOODFELLOW,
      String.raw`${grad(B('W'))} = \sum_t \frac{\partial L}{\partial ${B('W')}^{(t)}} \tag{sum}`,
      String.raw`\frac{\partial ${h('t')}}{\partial ${B('b')}^{(t-1)}} = 0 \tag{back}`,
      String.raw`\frac{\partial ${h('t')}}{\partial ${B('b')}^{(t-1)}} = ${diag('t')} ${B('W')}\, ${diag('t-1')} \tag{back2}`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      "W^{(t)} is read as W's copy used at step t alone (the shared W's use in that step's own equations): the derivative by it is ∂A/∂a_t ∂⁺a_t/∂W",
    );
    expectTag(r, 'sum', 'holds');
    expectTag(r, 'back', 'fails');
    expectTag(r, 'back2', 'holds');
  });
});
