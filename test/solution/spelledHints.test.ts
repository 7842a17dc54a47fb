// A check that writes both d (the total derivative) and ∂ (the one-step one), the BPTT recursion's convention in
// several textbooks: its messages name each derivative as the student spelled it (session 33; session 32 left the
// hints printing every derivative with ∂). A check in one spelling keeps printing ∂ (LANGUAGE.md §1: one token).
// And a step slip in such a check is judged as its spellings say: dh_{t-2}/dw for dh_{t-1}/dw was named as a whole
// term moved to step 0 (where it is 0), then as a term that "should not be there".
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = `~~~rnn
T = 3
input x = [0.5, -0.3, 0.8]
target y = [0.1, 0.2, -0.1]
param w = 0.7
param u = -0.4
h_0 = 0.2
h_t = tanh(w h_{t-1} + u x_t)
loss L = Σ_t (y_t - h_t)^2
~~~
`.replace(/~~~/g, '```');

const messages = (...eqs: string[]) =>
  analyzeSolution(`# BPTT\n\n${NET}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown').equations.map((e) => e.checks[0]!);

describe('the hints of a check that writes d and ∂', () => {
  it('a wrong step of a d-derivative: named with its d, as the spellings read it', () => {
    const [c] = messages(
      String.raw`\frac{dh_t}{dw} = \frac{\partial h_t}{\partial w} + \frac{\partial h_t}{\partial h_{t-1}} \frac{dh_{t-2}}{dw} \quad \text{for } t = 2, \dots, T`,
    );
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/dh_\{t-2\}\/dw should be dh_\{t-1\}\/dw: with that step the check holds/);
    expect(c!.message).not.toMatch(/every step of it|should not be there/);
  });

  it('an adjoint one step off, written with \\mathrm{d}', () => {
    const [c] = messages(
      String.raw`\frac{\mathrm{d}L}{\mathrm{d}h_t} = -2(y_t - h_t) + \frac{\mathrm{d}L}{\mathrm{d}h_{t}} \frac{\partial h_{t+1}}{\partial h_t} \quad \text{for } t < T`,
    );
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/dL\/dh_t should be dL\/dh_\{t\+1\}: with that step the check holds/);
  });

  it('the total the one-step reading leaves out is said with d', () => {
    const [c] = messages(
      String.raw`\frac{dh_t}{dw} = \frac{\partial h_t}{\partial w} + \frac{\partial h_t}{\partial h_{t-1}} \frac{dh_{t-1}}{dw} \quad \text{for } t = 2, \dots, T`,
    );
    expect(c!.status).toBe('holds-as-one-step');
    expect(c!.message).toContain('with ∂h_t/∂w read as one-step derivative');
    expect(c!.message).toContain('(dh_2/dw adds 0.1387)');
  });

  it('a check in one spelling prints ∂, as before', () => {
    const [c] = messages(String.raw`\frac{dL}{dh_t} = -2(y_t - h_t) + \frac{dL}{dh_{t}} w \quad \text{for } t < T`);
    expect(c!.status).toBe('fails');
    expect(c!.message).not.toMatch(/dL\/dh/);
  });
});
