// A textbook's δo_t (Graves: ∂L/∂o_t; Greff et al.: the gradient at o_t's pre-activation) pasted where the
// file defines o but no δo: the unknown name says that δ is not read as a derivative and what to write
// instead, rather than "did you mean o?". A δ the file defines (δ_t = …) is that name.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = 'T = 2\ninput x = [1, 2]\nparam w = 0.5\nh_0 = 0\no_t = σ(w x_t + h_{t-1})\nh_t = o_t tanh(x_t)\nloss L = Σ_t h_t\n';

describe('δ before a defined name', () => {
  it('says δ is not a derivative, and how to write the gradient', () => {
    const r = analyze(`${NET}check δo_t = \\bar{h}_t tanh(x_t)\n`);
    const d = r.diagnostics.filter((x) => x.severity === 'error');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe(
      "unknown name δo: δo is not read as a derivative — write the adjoint \\bar{o} (∂loss/∂o), or ∂L/∂z with the pre-activation z named, for the gradient at o's argument",
    );
    expect(d[0]!.column).toBe(7);
    // written as the adjoint, it holds
    expect(analyze(`${NET}check \\bar{o}_t = \\bar{h}_t tanh(x_t)\n`).checks[0]!.status).toBe('holds');
  });

  it('a δ the file defines is that name; an unrelated δ name is an unknown name as before', () => {
    const r = analyze(`${NET}δ_t = 2 h_t\ncheck δ_t = 2 h_t\ncheck δq_t = 1\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual(['unknown name δq — did you mean δ?']);
  });

  it('\\delta o_t and \\delta_{o_t} (the LaTeX spellings) get the same message, at the δ', () => {
    for (const written of ['\\delta o_t', '\\delta_{o_t}']) {
      const r = analyze(`${NET}check ${written} = \\bar{h}_t tanh(x_t)\n`);
      const d = r.diagnostics.filter((x) => x.severity === 'error');
      expect(d.map((x) => x.message)).toEqual([
        expect.stringMatching(/^unknown name δ_?o: δo is not read as a derivative — write the adjoint \\bar\{o\}/),
      ]);
      expect(d[0]!.column).toBe(7);
    }
  });

  it('\\delta o_t where the file defines δ is the product δ·o_t', () => {
    const r = analyze(`${NET}param δ = 2\ncheck \\delta o_t = 2 o_t\n`);
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds-at-given-values');
  });
});
