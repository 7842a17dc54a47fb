// CS231n's and Georgia Tech CS 7643's h_t = f_W(h_{t−1}, x_t) (probe 48): the recurrence's function with its parameters
// W written below. It was "f_W is no name of the network"; where the file names neither f_W nor W, it is read as bare
// f(…) is (the quantity whose equation takes these arguments), said. A letter below that is a step or an entry (f_t,
// f_i) or a name of the file is not read so.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = (extra = '') => `T = 3
input x = [0.5, -1.0, 0.8]
param W_hh = 0.9
param W_xh = 0.6
${extra}
h_0 = 0.1
h_t = tanh(W_hh h_{t-1} + W_xh x_t)
loss L = sum(h_T)
`;

describe('a function with its parameters below', () => {
  it('f_W(h_{t-1}, x_t) and f_θ(…) are h_t, said', () => {
    for (const f of ['f_W', 'f_θ']) {
      const r = analyze(`${NET()}check h_t = ${f}(h_{t-1}, x_t)`);
      expect(
        r.checks.map((c) => c.status),
        f,
      ).toEqual(['holds']);
      expect(
        r.diagnostics.some((d) =>
          /is read as h_t, the quantity whose equation takes these arguments \([Wθ] below names the parameters it uses\)/.test(d.message),
        ),
      ).toBe(true);
    }
  });
  it('a file that names W keeps the refusal', () => {
    const r = analyze(`${NET('param W = 0.2')}check h_t = f_W(h_{t-1}, x_t)`);
    expect(r.checks).toEqual([]);
    expect(r.diagnostics.some((d) => /f_W is no name of the network/.test(d.message))).toBe(true);
  });
});
