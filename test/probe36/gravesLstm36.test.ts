// Probe 36 (session 49): Graves's thesis §4.6, the LSTM's backward pass with peepholes pasted in LaTeX under a block that
// names the three activations once (f = σ, g = tanh, h = tanh, as Graves writes them). The cell output's and the
// state's errors, eqs. 4.12 and 4.14, were "unknown name w": the alias h made tanh of the h in w_{h\iota}, and a letter
// and a Greek command in one subscript (w_{h\iota}, w_{c\omega}) were two tokens, no name the block declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';
import { analyze } from '../../src/analysis';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'graves-lstm.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Graves §4.6 in LaTeX', () => {
  it('every equation reads, and the thesis’s formulas hold (regression: "unknown name w")', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/δ_ω\^\{t\+1\} should be δ_ω\^t: with that step the check holds/);
    expect(v['m2']!.message).toMatch(/b_φ\^t should be b_φ\^\{t\+1\}: with that step the check holds/);
    expect(v['m3']!.message).toMatch(/∂L\/∂b_c\^t should be ∂L\/∂s_c\^t: with that the check holds/);
    expect(v['m4']!.message).toMatch(/s_c\^t should be s_c\^\{t-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/leaves out the paths through a_ι\^\{t\+1\}, a_φ\^\{t\+1\} and a_ω\^t/);
  });
  const NET = [
    'T = 2',
    'input x = [0.5, -1]',
    'param w_hι = 0.4',
    'param w_cω = -0.3',
    'h = tanh',
    'b^0 = 0.2',
    'b^t = h(w_hι x^t + w_cω b^{t-1})',
    'loss L = Σ_t b^t',
  ];
  it('Σ_{c=1}^{C} over the block’s cells, c written only in names the file defines: C = 1 (it was a free step, "fails at C = 2")', () => {
    expect(v['2']!.status).toBe('holds');
    const net = ['T = 2', 'input x = [0.5, -1]', 'param w = 0.4', 's_c^0 = 0.2', 's_c^t = tanh(w x^t + s_c^{t-1})', 'loss L = Σ_t s_c^t'];
    const a = analyze(
      [...net, 'check ∂L/∂w = Σ_t Σ_{c=1}^{C} ∂L/∂s_c^t ∂⁺s_c^t/∂w', 'check ∂L/∂w = Σ_t Σ_{c=1}^{C} ∂L/∂s_c^t x^t'].join('\n'),
    );
    expect(a.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(a.diagnostics.some((d) => /the bound C is read as the number of units c runs over/.test(d.message))).toBe(true);
    // a Σ whose letter is written nowhere stays a free count (C times its term), as before
    expect(analyze([...net, 'check L = Σ_{c=1}^{C} L'].join('\n')).checks[0]!.status).toBe('fails');
  });
  it('a letter and a Greek command in one subscript are one name; an alias letter there is no function', () => {
    const a = analyze([...NET, 'check b^t = h(w_{h\\iota} x^t + w_{c\\omega} b^{t-1})'].join('\n'));
    expect(a.checks.map((c) => c.status)).toEqual(['holds']);
  });
});
