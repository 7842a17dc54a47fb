// A backward formula that writes a bare number as a term (seed 004's h̄^(t) = 1 + …) gets substituteHint's constant-
// term edits early in the cascade, before the hints that try their dozens of single edits on it (issue 11: that line
// was a third of scalar LSTM's analysis). The order of what is said is the order substituteHint had at the end:
// a single slip the shift hints name comes first, and a constant term that is right leaves the line to the rest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const LSTM = readFileSync('examples/scalar-lstm-bptt.rnn', 'utf8').split('\nderive')[0]!;
const check = (line: string) => analyze(`${LSTM}\ncheck ${line}\n`).checks[0]!.message.normalize('NFC');

describe('a constant term of a backward formula', () => {
  it('put right together with a name moved everywhere (seed 004)', () => {
    expect(
      check(
        "\\overline{h^{(t)}} = 1 + \\overline{i^{(t+1)}} \\sigma'(w_{ix} x^{(t+1)} + w_{ih} h^{(t+1)}) w_{ih} + \\overline{f^{(t+1)}} \\sigma'(w_{fx} x^{(t+1)} + w_{fh} h^{(t+1)}) w_{fh} + \\overline{o^{(t+1)}} \\sigma'(w_{ox} x^{(t+1)} + w_{oh} h^{(t+1)}) w_{oh} + \\overline{g^{(t+1)}} \\tanh'(w_{gx} x^{(t+1)} + w_{gh} h^{(t+1)}) w_{gh} for t = 1..T-1",
      ),
    ).toMatch(/Two things differ: each h_\{t\+1\} should be h_t, and the term 1 should be ∂L_t\/∂h_t: with both changed the check holds$/);
  });

  it('alone', () => {
    expect(
      check(
        "\\overline{h^{(t)}} = 1 + \\overline{i^{(t+1)}} \\sigma'(w_{ix} x^{(t+1)} + w_{ih} h^{(t)}) w_{ih} + \\overline{f^{(t+1)}} \\sigma'(w_{fx} x^{(t+1)} + w_{fh} h^{(t)}) w_{fh} + \\overline{o^{(t+1)}} \\sigma'(w_{ox} x^{(t+1)} + w_{oh} h^{(t)}) w_{oh} + \\overline{g^{(t+1)}} \\tanh'(w_{gx} x^{(t+1)} + w_{gh} h^{(t)}) w_{gh} for t = 1..T-1",
      ),
    ).toMatch(/The term 1 should be ∂L_t\/∂h_t: with that the check holds$/);
  });

  it('after a single step slip, which is named first', () => {
    // the 0 beside it is right: f_t for f_{t+1} alone explains the line
    expect(
      check("\\overline{c^{(t)}} = 0 + \\overline{h^{(t)}} o^{(t)} \\tanh'(c^{(t)}) + \\overline{c^{(t+1)}} f^{(t)} for t = 1..T-1"),
    ).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds$/);
  });

  it('that is right leaves the line to the other edits', () => {
    // the 0 adds nothing; the wrong value is the tanh of h for c, a single swap
    expect(check('\\overline{o^{(t)}} = 0 + \\overline{h^{(t)}} \\tanh(h^{(t)})')).toMatch(
      /tanh\(h_t\) should be tanh\(c_t\): with that the check holds$/,
    );
  });
});
