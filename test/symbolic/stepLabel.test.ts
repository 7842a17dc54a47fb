// A name with a subscript of its own (Graves's s_c) at a step relative to t: the symbolic forms print it as the
// messages do (ids.ts stepLabel), s_c^t and s_c^{t-1}; they printed s_c_t and s_c_{t-1}, which read back as one
// subscript. Session 30.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
param w = 0.8
param u = 0.3
s_c_0 = 0
s_c_t = tanh(w s_c_{t-1} + u x_t)
loss L = Σ_t s_c_t^2
derive ∂L/∂s_c_t
`;

describe('a subscripted name at a step relative to t, in the symbolic forms', () => {
  it('prints its step over it, as messages print it', () => {
    const r = analyze(NET, { forms: true });
    const forms = r.derives[0]!.results[0]!.forms!;
    expect(forms.explicit!.text).toContain('where s̃_c^t = w s_c^{t-1} + u x_t');
    expect(forms.recursive!.text).toContain('δ_t = ∂L/∂s_c^t');
    for (const f of [forms.chain!, forms.explicit!, forms.recursive!]) expect(f.text).not.toMatch(/s_c_t|s_c_\{t/);
  });
});
