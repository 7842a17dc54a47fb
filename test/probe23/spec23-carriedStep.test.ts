// LANGUAGE.md §6 asks every message to name the culprit. A mistake copied from an earlier failing check is said
// where it is copied ("It carries over the mistake of the check on line 8 (2 h_3 is its wrong form of ∂L/∂h_3)"),
// but `∂L/∂h_t = 2 h_t` fails at t = 1, 2 only: at t = T it is right (h_T reaches L only directly), so a later
// check writing 2 h_3 copies nothing wrong. Only the steps at which the earlier check failed are its wrong forms.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = [
  'T = 3',
  'param w = 0.5',
  'input x = [1, 2, 3]',
  'h_0 = 0.2',
  'h_t = tanh(w h_{t-1} + x_t)',
  'L_t = h_t^2',
  'loss L = Σ_t L_t',
  'check ∂L/∂h_t = 2 h_t',
];

describe('a form copied from a step where the earlier check holds is no carried mistake', () => {
  it('2 h_3 is right for ∂L/∂h_3: not called the wrong form of line 8', () => {
    const r = analyze([...net, "check ∂L_3/∂w = 2 h_3 tanh'(w h_2 + x_3) h_2", ''].join('\n'));
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails']);
    expect(r.checks[1]!.message).toBe(
      'fails: the left side is 0.00736709, the right side 0.00726709 (difference 0.0001). The other side leaves out the paths through h_1 and h_2: the terms ∂L_3/∂h_1·∂⁺h_1/∂w + ∂L_3/∂h_2·∂⁺h_2/∂w = 0.000100003',
    );
  });

  it('a form copied from a step where it failed is still named', () => {
    const r = analyze([...net, 'check ∂L/∂w = 2 h_2 ∂h_2/∂w + 2 h_3 ∂⁺h_3/∂w + 2 h_1 ∂⁺h_1/∂w', ''].join('\n'));
    expect(r.checks[1]!.status).toBe('fails');
    expect(r.checks[1]!.message).toMatch(/the check on line 8.*2 h_2 is its wrong form of ∂L\/∂h_2/);
  });
});
