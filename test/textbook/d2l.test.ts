// d2l.ai §9.7 (Backpropagation Through Time), pasted as the book prints it: the scalar model of §9.7.1 with a
// concrete f and g, and the matrix model of §9.7.2 with \mathbf, \textrm subscripts, prod(·,·), (W_hhᵀ)^{T−i}
// and o_{T+t−i}. Every right side is compared with autodiff at the file's values and at random draws.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { D2L_MATRIX, D2L_SCALAR, expectClean, expectTag, links, withChecks } from './vanilla';

const d = (a: string, b: string) => String.raw`\frac{\partial ${a}}{\partial ${b}}`;
const W = (s: string) => String.raw`\mathbf{W}_\textrm{${s}}`;
const hb = (s: string) => String.raw`\mathbf{h}_{${s}}`;
const ob = (s: string) => String.raw`\mathbf{o}_{${s}}`;
const prod = (a: string, b: string) => String.raw`\textrm{prod}\left(${a}, ${b}\right)`;

describe('d2l.ai §9.7.2, the matrix model', () => {
  const report = withChecks(
    D2L_MATRIX,
    String.raw`${d('L', ob('t'))} = \frac{\partial l (\mathbf{o}_t, y_t)}{T \cdot \partial \mathbf{o}_t} \tag{9.7.13x}`.replace(
      String.raw`l (\mathbf{o}_t, y_t)`,
      'l_t',
    ),
    String.raw`${d('L', W('qh'))} = \sum_{t=1}^T ${prod(d('L', ob('t')), d(ob('t'), W('qh')))} = \sum_{t=1}^T ${d('L', ob('t'))} \mathbf{h}_t^\top \tag{9.7.14}`,
    String.raw`${d('L', hb('T'))} = ${prod(d('L', ob('T')), d(ob('T'), hb('T')))} = ${W('qh')}^\top ${d('L', ob('T'))} \tag{9.7.15}`,
    String.raw`${d('L', hb('t'))} = ${prod(d('L', hb('t+1')), d(hb('t+1'), hb('t')))} + ${prod(d('L', ob('t')), d(ob('t'), hb('t')))} = ${W('hh')}^\top ${d('L', hb('t+1'))} + ${W('qh')}^\top ${d('L', ob('t'))} \tag{9.7.16}`,
    String.raw`${d('L', hb('t'))}= \sum_{i=t}^T {\left(${W('hh')}^\top\right)}^{T-i} ${W('qh')}^\top ${d('L', ob('T+t-i'))} \tag{9.7.17}`,
    String.raw`${d('L', W('hx'))} = \sum_{t=1}^T ${prod(d('L', hb('t')), d(hb('t'), W('hx')))} = \sum_{t=1}^T ${d('L', hb('t'))} \mathbf{x}_t^\top \tag{9.7.18a}`,
    String.raw`${d('L', W('hh'))} = \sum_{t=1}^T ${prod(d('L', hb('t')), d(hb('t'), W('hh')))} = \sum_{t=1}^T ${d('L', hb('t'))} \mathbf{h}_{t-1}^\top \tag{9.7.18b}`,
    String.raw`${d('L', ob('t'))} = \frac{1}{T} ${d('l_t', ob('t'))} \tag{9.7.13}`,
  );

  it('every line reads', () => expectClean(report));

  it.each(['9.7.13', '9.7.13x', '9.7.14', '9.7.15', '9.7.16', '9.7.17'])('eq. %s holds, every link', (tag) =>
    expectTag(report, tag, 'holds', /random draws/),
  );

  it('9.7.16 holds for t = 1..T−1 and 9.7.17 for every t (the power (W_hhᵀ)^{T−i} and the step T+t−i)', () => {
    expect(links(report, '9.7.16')[0]!.message).toMatch(/^holds for t = 1\.\.3 /);
    expect(links(report, '9.7.17')[0]!.message).toMatch(/^holds for t = 1\.\.4 /);
  });

  it("9.7.18: the final forms hold; prod(∂L/∂h_t, ∂h_t/∂W) holds when ∂h_t/∂W is the step's own (one-step) derivative, as d2l means it", () => {
    for (const tag of ['9.7.18a', '9.7.18b']) {
      const [mid, last] = links(report, tag);
      expect(last!.status, last!.message).toBe('holds');
      expect(mid!.status, mid!.message).toBe('holds-as-one-step');
      expect(mid!.message).toMatch(/with ∂h_t\/∂W_h[xh] read as one-step derivative/);
    }
  });

  it('a power one off is named as written: (W_hhᵀ)^(T − i + 1), bracketed and with T, not W_hhᵀ^(4 − i + 1)', () => {
    const r = withChecks(
      D2L_MATRIX,
      String.raw`${d('L', hb('t'))}= \sum_{i=t}^T {\left(${W('hh')}^\top\right)}^{T-i+1} ${W('qh')}^\top ${d('L', ob('T+t-i'))} \tag{m}`,
    );
    expect(links(r, 'm')[0]!.message).toMatch(/\(W_hhᵀ\)\^\(T − i \+ 1\) should be \(W_hhᵀ\)\^\(T − i\): with that power the check holds/);
  });

  it('prod(A, B) is the product in chain-rule order, and takes exactly two factors', () => {
    const r = withChecks(
      D2L_MATRIX,
      String.raw`${prod(d('L', ob('t')), W('qh'))} = ${W('qh')}^\top ${d('L', ob('t'))}`,
      'prod(W_qh) = W_qh',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([
      expect.stringMatching(/^prod\(A, B\) \(d2l\.ai's notation\) takes two factors/),
    ]);
  });

  it("the gradients are autodiff's, which central differences confirm", () => {
    const r = analyze(D2L_MATRIX, { gradcheck: true });
    expect(r.gradcheck.length).toBe(3);
    for (const g of r.gradcheck) expect(g.relError, g.name).toBeLessThan(1e-6);
  });
});

describe('d2l.ai §9.7.1, the scalar model h_t = f(x_t, h_{t-1}, w_h), o_t = g(h_t, w_o)', () => {
  const f = (i: string) => String.raw`\tanh'(w_h h_{${i}-1} + w_x x_${i})`;
  const report = withChecks(
    D2L_SCALAR,
    // (9.7.3) with l, g and h named by the quantities they compute
    String.raw`${d('L', 'w_h')} = \frac{1}{T}\sum_{t=1}^T ${d('l_t', 'o_t')} ${d('o_t', 'h_t')} ${d('h_t', 'w_h')} \tag{9.7.3}`,
    // (9.7.7) with f written out: ∂f/∂w_h = tanh'(…) h_{i-1}, ∂f/∂h_{j-1} = tanh'(…) w_h
    String.raw`${d('h_t', 'w_h')} = ${f('t')} h_{t-1} + \sum_{i=1}^{t-1} \left(\prod_{j=i+1}^{t} ${f('j')} w_h \right) ${f('i')} h_{i-1} \tag{9.7.7}`,
    // the same with Pascanu's ∂⁺ for ∂f/∂w_h and ∂h_j/∂h_{j-1} for ∂f/∂h_{j-1}
    String.raw`${d('h_t', 'w_h')} = \frac{\partial^+ h_t}{\partial w_h} + \sum_{i=1}^{t-1} \left(\prod_{j=i+1}^{t} ${d('h_j', 'h_{j-1}')} \right) \frac{\partial^+ h_i}{\partial w_h} \tag{9.7.7+}`,
    // (9.7.4) the recursion a_t = b_t + c_t a_{t-1} unrolled
    String.raw`${d('h_t', 'w_h')} = \frac{\partial^+ h_t}{\partial w_h} + ${d('h_t', 'h_{t-1}')} ${d('h_{t-1}', 'w_h')} \tag{9.7.4}`,
  );

  it('every line reads, and each holds at every step', () => {
    expectClean(report);
    for (const tag of ['9.7.3', '9.7.7', '9.7.7+']) expectTag(report, tag, 'holds', /random draws/);
    expect(links(report, '9.7.7')[0]!.message).toMatch(/^holds for t = 1\.\.4 /);
    expect(links(report, '9.7.4')[0]!.message).toMatch(/^holds for t = 1\.\.4 /);
  });

  it("d2l's own f(x_t, h_{t-1}, w_h) is h_t's function: its derivative by w_h is the partial ∂⁺h_t/∂w_h (session 13)", () => {
    const r = withChecks(D2L_SCALAR, String.raw`\frac{\partial^+ h_t}{\partial w_h} = \frac{\partial f(x_t, h_{t-1}, w_h)}{\partial w_h}`);
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('f with arguments no equation takes at one step is named as a function the file does not define, not a bare syntax error', () => {
    const r = withChecks(D2L_SCALAR, String.raw`${d('h_t', 'w_h')} = \frac{\partial f(x_t, h_t, w_h)}{\partial w_h}`);
    const errors = r.diagnostics.filter((x) => x.severity === 'error');
    expect(errors.map((x) => x.message)).toEqual([
      expect.stringMatching(
        /a name applied to arguments, as d2l\.ai writes f\(x_t, h_\{t-1\}, w_h\), is no function the file defines — write the quantity it computes/,
      ),
    ]);
    expect(errors[0]!.line).toBe(12);
  });
});
