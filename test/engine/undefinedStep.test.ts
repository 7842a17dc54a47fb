// A check at no free step that reads a step the network does not have (x_{t-1} in Σ_t reads x_0 at t = 1) was the
// error "x has no value at step 0" and no verdict; it is a wrong equation, so it fails, naming the step that mends it
// where one does (judged at the file's values and a draw), and on the reference itself.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { diagnosticsWithVerdicts } from '../../src/verdictDiagnostics';
import { expectVerdicts } from '../textbook/verdicts';
import { fixture } from '../seeds/helpers';
import { GOODFELLOW } from '../textbook/vanilla';

const SEED001 = fixture('seed001.rnn').split('\n').slice(0, 18).join('\n') + '\n';

describe('a step past the network in a weight gradient fails with the step that mends it', () => {
  it('x_{t-1} for x_t, h_{t-2} for h_{t-1}, x_{t+1} for x_t, and a derivative’s denominator past the end', () => {
    expectVerdicts(SEED001, [
      {
        check: '∂L/∂W_xh = Σ_t ∂L/∂h̃_t x_{t-1}',
        status: 'fails',
        says: [/^fails: x_\{t-1\} is not defined: x has no value at step 0\. x_\{t-1\} should be x_t: with that step the check holds$/],
      },
      {
        check: '∂L/∂W_hh = Σ_t ∂L/∂h̃_t h_{t-2}',
        status: 'fails',
        says: [/h_\{t-2\} should be h_\{t-1\}: with that step the check holds$/],
      },
      { check: '∂L/∂W_xh = Σ_{t=1}^{T} ∂L/∂h̃_t x_{t+1}', status: 'fails', says: [/x_\{t\+1\} should be x_t: with that step/] },
      { check: '∂L/∂W_xh = Σ_t ∂L/∂h̃_{t+1} x_t', status: 'fails', says: [/∂L\/∂h̃_\{t\+1\} should be ∂L\/∂h̃_t: with that step/] },
      // a closed range promises every step in it: the same at its first step (an error of its own until session 31)
      {
        check: "∂h_t/∂h_{t-1} = σ'(h̃_{t-1}) W_hh for t = 1..T",
        status: 'fails',
        says: [
          /^fails: h̃_\{t-1\} at t = 1 is not defined: h̃ has no value at step 0\. h̃_\{t-1\} should be h̃_t: with that step the check holds$/,
        ],
      },
      // written out at concrete steps, every x one step early: moved together
      {
        check: '∂L/∂W_xh = ∂L/∂h̃_1 x_0 + ∂L/∂h̃_2 x_1 + ∂L/∂h̃_3 x_2',
        status: 'fails',
        says: [
          /^fails: x_0 is not defined: x has no value at step 0\. x_0, x_1 and x_2 should be x_1, x_2 and x_3, each one step later: with those steps the check holds$/,
        ],
      },
      // no move of that reference mends it: the undefined step alone, still a failing verdict
      {
        check: '∂L/∂W_xh = Σ_t ∂L/∂h̃_t x_{t-1} + 1',
        status: 'fails',
        says: [/^fails: x_\{t-1\} is not defined: x has no value at step 0$/],
      },
    ]);
  });

  it('a vector network: x^{(t-1)}ᵀ in Goodfellow’s ∇_U L; one error, on the reference', () => {
    const text = GOODFELLOW + 'check ∂L/∂U = Σ_t diag(1 - h_t^2) ∂L/∂h_t x_{t-1}ᵀ\n';
    const report = analyze(text);
    const line = text.split('\n').length - 1;
    expect(report.checks.map((c) => [c.line, c.status])).toEqual([[line, 'fails']]);
    expect(report.checks[0]!.message).toMatch(/x_\{t-1\} should be x_t: with that step the check holds$/);
    const errors = diagnosticsWithVerdicts(report).filter((d) => d.severity === 'error');
    const at = (d: (typeof errors)[number]) => text.split('\n')[d.line - 1]!.slice(d.column - 1, d.endColumn - 1);
    expect(errors.map(at)).toEqual(['x_{t-1}']);
  });
});
