// Probe 50 (session 59): an echo state network lecture in Jaeger's notation (GMD reports 148, 159) — x(n+1) =
// tanh(W^in u(n+1) + W x(n)), y(n) = W^out x(n), only W^out trained: ∂E/∂W^out a sum of outer products — and the
// leaky-integrator reservoir x(n) = (1 − a) x(n−1) + a tanh(…). It needed: Jaeger's lower-case entry w^{out}_{ij} of
// W^{out} (a parse error: "expected '}' to close the denominator of \frac"); the leaky Jacobian's leak term (1 − a)I
// left out, and its slope taken at the leaky state, named (both failed with their values only). The ridge regression's closed form over
// the collected states is skipped, saying D is all steps at once; the outer product the wrong way round is a
// transposed shape, left unjudged (a layout could explain it) with its mend named.
import { describe, expect, it } from 'vitest';
import { read50 } from './read50';

describe('an echo state network’s readout', () => {
  const { r, v, e } = read50('jaeger-esn.md');
  it('the reservoir, the readout and its gradient hold, entry by entry too', () => {
    expect(r.checked).toBe(16);
    for (const tag of ['1', '2', '3', '4', '5', '6', '8', '9', '10']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /W\^\{out\}_\{ij\} is read as entry \(i, j\) of W\^\{out\}/.test(d.message))).toBe(true);
  });
  it('what is not checked says why', () => {
    expect(e['7']!.status).toBe('skipped');
    expect(e['7']!.message).toMatch(/unknown name D .*the matrix of every d_t, is not read/);
    expect(e['m1']!.status).toBe('skipped');
    expect(e['m1']!.message).toMatch(/the right side transposed \(ᵀ\), or its outer product in the other order, would match/);
  });
  it('the mistakes fail, the slip named where it can be', () => {
    for (const tag of ['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m2']!.message).toMatch(/the opposite sign/);
    expect(v['m3']!.message).toMatch(/leaves out its last term n = 3/);
    expect(v['m4']!.message).toMatch(/x_\{n-1\} should be x_n/);
    expect(v['m5']!.message).toMatch(/The factor \(1 − y_n\^2\) should not be there/);
    expect(v['m6']!.message).toMatch(/leaves out the term ∂\(\(1 − a\) x_\{n-1\}\)\/∂x_\{n-1\}/);
    expect(v['m7']!.message).toMatch(/a and 1 − a are exchanged/);
    expect(v['m8']!.message).toMatch(/1 − x_n\^2 should be 1 − tanh\(W\^\{in\} u_n \+ W x_\{n-1\}\)\^2 \(x_n mixes/);
  });
});
