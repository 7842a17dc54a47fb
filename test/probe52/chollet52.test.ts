// Probe 52 (session 60): Chollet, "Deep Learning with Python" ch. 10, the simple RNN as pseudo-code —
// output_t = tanh(dot(W, input_t) + dot(U, state_t) + b), state_t = output_t in the loop — and a student's gradient in
// that notation (dot, * entry by entry, .T, output\_t). It needed `input input : 2` declared (a keyword right after
// a declaration's keyword is the name), and dot(A, B) read as NumPy's product (it was read as d2l.ai's f(x, h, w), the
// quantity whose equation takes these arguments, and every line failed or was skipped). Decided: the loop's
// `state_t = output_t` pasted as an equation between steps is a mistake, named by its step (output_{t-1}).
import { describe, expect, it } from 'vitest';
import { read52 } from './read52';

describe('Chollet’s pseudo-code RNN (DLwP ch. 10)', () => {
  const { r, v } = read52('chollet-pseudo.md');
  it('the pseudo-code reads and holds', () => {
    expect(r.checked).toBe(15);
    expect(r.skipped).toBe(0);
    for (const tag of ['10.1', '10.1b', '10.2', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake fails, naming the culprit', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/output_t should be output_\{t-1\}/);
    expect(v['m2']!.message).toMatch(/should be 1 − output_t\^2 \(that is σ's slope/);
    expect(v['m3']!.message).toMatch(/U should be Uᵀ/);
    expect(v['m4']!.message).toMatch(/leaves out the path through state_\{t\+1\}/);
    expect(v['m5']!.message).toMatch(/The second output_t should be output_\{t-1\}/);
    expect(v['m6']!.message).toMatch(/needs the factor tanh'/);
  });
});
