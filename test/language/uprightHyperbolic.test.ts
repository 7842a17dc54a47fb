// A Russian course's tanh (probe 53): `\operatorname{th}`, `\mathrm{th}`, `\text{th}` were "unknown name th". Upright,
// th, sh, ch are tanh, sinh, cosh (lex/keywords.ts UPRIGHT_FUNCTIONS); an italic th stays a name of the file's (or a
// product). tg, the circular tangent, is named as a function the language lacks. A decimal comma after `= -` reads too.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = 'T = 2\ninput x = [1.0, 0.5]\nparam w = 0.5\nh_0 = 0\na_t = w h_{t-1} + x_t\nh_t = tanh(a_t)\nloss L = Σ_t h_t\n';

describe('Russian notation for the hyperbolic functions', () => {
  it('upright th is tanh, with its prime', () => {
    const r = analyze(
      NET +
        "check h_t = \\operatorname{th}(a_t)\ncheck h_t = \\mathrm{th}\\, a_t\ncheck h_t = \\text{th}(a_t)\ncheck ∂h_t/∂a_t = \\operatorname{th}'(a_t) = 1/\\operatorname{ch}^2 a_t\n",
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });
  it('English’s ordinal t^{\\text{th}} is no tanh', () => {
    const r = analyze(NET + 'check h_t = h_t^{\\text{th}}\ncheck h_t = h_t^{\\mathrm{th}}\n');
    expect(r.diagnostics.filter((d) => /unknown name th/.test(d.message)).length).toBe(2);
  });
  it('an italic th is a name', () => {
    const r = analyze(NET + 'th = 2\ncheck th = 2\n');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
  it('tg is said to be the circular tangent', () => {
    const r = analyze(NET + 'check h_t = \\operatorname{tg}(a_t)\n');
    expect(r.diagnostics.some((d) => /unknown name tg: tg\(x\) is a trigonometric function.*write tanh/.test(d.message))).toBe(true);
  });
  it('a decimal comma after a minus, param c = -0,3', () => {
    const r = analyze('T = 1\nparam c = -0,3\nloss L = c^2\ncheck c = -0.3\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks[0]!.status).toBe('holds-at-given-values');
  });
});
