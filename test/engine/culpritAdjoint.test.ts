// A backward formula written with the bar left off its left side (seed 004's h̄ line: h^{(t)} = 1 + i^{(t+1)}
// ∂i^{(t+1)}/∂h^{(t+1)} + …) is read as the adjoint h̄^{(t)} = ∂L/∂h^{(t)}, with the slips such a line makes named
// only when the check needed them; "the check holds" only when it was evaluated to hold. Before, the line
// failed with a hint about one of its zero derivatives, which says nothing of the bar.
import { describe, expect, it } from 'vitest';
import { SCALAR_RNN, checkOne } from './culpritNets';

const check = (line: string) => checkOne(SCALAR_RNN(4), line);

describe('the bar left off a backward formula', () => {
  it('with the bar the recursion holds (the control)', () => {
    expect(check('\\bar{h}_t = \\bar{h}_{t+1} ∂h_{t+1}/∂h_t + (h_t - y_t) for t = 1..T-1').status).toBe('holds');
  });

  it('h_t for h̄_t: read as the adjoint, and then it holds', () => {
    const c = check('h_t = \\bar{h}_{t+1} ∂h_{t+1}/∂h_t + (h_t - y_t) for t = 1..T-1');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /The left side h_t is h's value, but the right side is a backward formula for it: h̄_t = ∂L\/∂h_t is meant, and read so the check holds/,
    );
  });

  it('the next step written for the adjoint beside its own derivative, and a derivative by the wrong step', () => {
    const c = check('h_t = a_{t+1} ∂a_{t+1}/∂h_{t+1} + (h_t - y_t) for t = 1..T-1');
    expect(c.message).toMatch(/a\u0304_\{t\+1\} for a_\{t\+1\} \(each beside its own derivative/);
    expect(c.message).toMatch(/∂a_\{t\+1\}\/∂h_t for ∂a_\{t\+1\}\/∂h_\{t\+1\} \(h_t is what they read/);
    expect(c.message).toMatch(/the check holds$/);
  });

  it('a constant where the loss part belongs is named as ∂⁺L/∂h_t', () => {
    const c = check('h_t = \\bar{h}_{t+1} ∂h_{t+1}/∂h_t + 1 for t = 1..T-1');
    expect(c.message).toMatch(/∂⁺L\/∂h_t, the loss's own dependence on h_t, for the constant 1, the check holds/);
  });

  it('when no reading makes it hold, it says so, and says nothing holds', () => {
    const c = check('h_t = \\bar{h}_{t+1} ∂h_{t+1}/∂h_t · 3 + 7 x_t for t = 1..T-1');
    expect(c.message).toMatch(/h̄_t = ∂L\/∂h_t looks meant; read so, the check still fails/);
    expect(c.message).not.toMatch(/the check holds/);
  });

  it('a forward equation (no derivative, no adjoint) gets no such reading', () => {
    const c = check('h_t = tanh(w h_{t-1} + 2 u x_t)');
    expect(c.message).not.toMatch(/backward formula/);
  });
});
