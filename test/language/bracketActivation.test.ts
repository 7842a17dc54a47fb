// Prince (Understanding Deep Learning) writes functions with square brackets and the activation as a[•]:
// h_k = a[f_{k−1}]. An a the network does not define was "unknown name a"; like CS230's g(…) it now says it may be an
// activation and how to write it. Named once (a = relu), a[…] reads as the call; brackets with an entry number stay
// an entry.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = (extra: string) => `T = 2
input x = [0.5, -1.0]
param w = 0.6
f_0 = 0.3
${extra}h_t = relu(f_{t-1})
f_t = w h_t + x_t
loss L = f_T^2
`;

describe('an activation written with square brackets', () => {
  it('is said to be one where the file does not define it', () => {
    const r = analyze(`${NET('')}check h_t = a[f_{t-1}]\n`);
    const d = r.diagnostics.find((x) => x.line === 8 && x.severity === 'error');
    expect(d?.message).toBe(
      "unknown name a: if a[…] is an activation (Prince's a[•]), write the function itself (ReLU[…], tanh[…]) or name it once on a line of its own (a = relu)",
    );
  });
  it('reads once named', () => {
    const r = analyze(`${NET('a = relu\n')}check h_t = a[f_{t-1}]\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
