// Probe 30 (session 46): Géron, "Hands-On Machine Learning" (2nd ed.) ch. 15: a recurrent layer for one instance,
// y_(t) = φ(W_xᵀ x_(t) + W_yᵀ y_(t−1) + b) (eq. 15-1), its mini-batch form in rows Y_(t) = φ(X_(t) W_x + Y_(t−1) W_y +
// b) (15-2), the LSTM cell (15-3) with ⊗ for the elementwise product, and a student's BPTT in the book's letters, the
// steps in parentheses. Everything that reads is judged right; nothing to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'geron-handson.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('Géron, Hands-On ML ch. 15', () => {
  it('the correct formulas hold, the steps written y_{(t)}', () => {
    for (const tag of ['15-1', 'GE1', 'GE2', 'GE3', 'GL1']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the mini-batch Y_(t), a name the one-instance network does not define, is not read', () => {
    expect(v['15-2']!.status).toBe('skipped');
    expect(v['15-2']!.message).toMatch(/unknown name Y — did you mean y\?/);
  });
  // session 60 (probe 52) reads the book's ⊗ as it means it, the product entry by entry, where the equation's left
  // side is a vector of the operands' size (it failed on shapes before, saying to write ⊙)
  it('the book’s ⊗ for the elementwise product is read so, saying how', () => {
    expect(v['15-3c']!.status).toBe('holds');
    expect(v['15-3h']!.status).toBe('holds');
    expect(
      r.diagnostics.some((d) => /⊗ is read as the product entry by entry \(⊙\), as Géron's LSTM and GRU write it/.test(d.message)),
    ).toBe(true);
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('GEM1')).toMatch(/W_yᵀ should be W_y: with that transpose the check holds/);
    expect(msg('GEM2')).toMatch(/The first y_t should be y_\{t-1\}: with that step the check holds/);
    expect(msg('GEM4')).toMatch(/∂C\/∂y_\{t\+1\} needs the factor tanh'\(W_xᵀ x_\{t\+1\} \+ W_yᵀ y_t \+ b\)/);
    expect(msg('GLM1')).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
  });
  it('the outer product in the other order stays unjudged: the left side’s shape transposed, a layout could explain it', () => {
    expect(v.GEM3!.status).toBe('skipped');
    expect(v.GEM3!.message).toMatch(/the left side's shape transposed/);
  });
});
