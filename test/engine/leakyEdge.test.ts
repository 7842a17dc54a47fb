// The leaky-integrator reservoir x_t = (1 − a) x_{t-1} + a tanh(w u_t + v x_{t-1}) (probe 50, Jaeger's leaky ESN): the
// previous state appears twice in the equation, so a Jacobian that leaves out the leak's term (1 − a) leaves out no
// path — the path hints name whole edges — and failed with its values only; it names the term now (edgeTerm.ts). The
// slope taken at the leaky state, 1 − x_t², is no tanh's: named as the tanh's own slope (slope.ts mixedTanh).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 3',
  'input u = [0.5, -1.0, 0.8]',
  'param w = 0.6',
  'param v = 0.7',
  'param a = 0.4',
  'x_0 = 0.1',
  'x_t = (1 - a) x_{t-1} + a tanh(w u_t + v x_{t-1})',
  'loss E = Σ_t x_t^2',
].join('\n');

const one = (check: string) => analyze(`${NET}\ncheck ${check}\n`).checks[0]!;

describe('a leaky state’s Jacobian', () => {
  it('holds written whole', () => {
    expect(one('∂x_t/∂x_{t-1} = (1 - a) + a (1 - tanh(w u_t + v x_{t-1})^2) v').status).toBe('holds');
  });
  it('the leak’s term left out is named as the term of the edge', () => {
    const c = one('∂x_t/∂x_{t-1} = a (1 - tanh(w u_t + v x_{t-1})^2) v');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/leaves out the term ∂\(\(1 − a\) x_\{t-1\}\)\/∂x_\{t-1\}, x_\{t-1\}'s appearance in the term/);
  });
  it('the slope at the leaky state is named as the tanh’s', () => {
    const c = one('∂x_t/∂x_{t-1} = (1 - a) + a (1 - x_t^2) v');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/1 − x_t\^2 should be 1 − tanh\(w u_t \+ v x_\{t-1\}\)\^2 \(x_t mixes tanh/);
  });
});
