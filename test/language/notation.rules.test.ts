// LANGUAGE.md v2 §1/§3/§4: every notation the reader takes, by the AST it gives (the contract with
// the resolver; the conventions are listed at the top of src/language/ast.ts).
import { describe, expect, it } from 'vitest';
import type { Ast } from '../../src/language/ast';
import { expr, messages, read, sides, sx } from './notationHelpers';

describe('rule 1: a dot between operands is a product', () => {
  it('w.h_{t-1} and seed 000 (3)', () => {
    expect(expr('w.h_{t-1}')).toBe('(* w h[(- t 1)])');
    expect(expr('u_t.h_{t-1} + (1 - u_t).s_t')).toBe('(+ (* u_t h[(- t 1)]) (* (- 1 u_t) s_t))');
    expect(expr('w.(h_{t-1} + x_t)')).toBe('(* w (+ h[(- t 1)] x_t))');
  });
  it('numbers and ranges keep their dots', () => {
    expect(expr('0.5 w + .25')).toBe('(+ (· 0.5 w) 0.25)');
    expect(read('check h_t = h_t for t = 1..3').statements[0]).toMatchObject({ forRange: { v: 't' } });
  });
  it('a final dot ends the sentence', () => {
    expect(expr('w.x_t.')).toBe('(* w x_t)');
  });
});

describe('rule 2: accents make names', () => {
  it('\\tilde, \\hat, \\check, \\dot, \\acute, \\breve, \\vec', () => {
    expect(expr('\\tilde{h}_t')).toBe('h\u0303_t');
    expect(expr('\\tilde h_t')).toBe('h\u0303_t');
    expect(expr('\\hat{y}')).toBe('y\u0302');
    expect(expr('\\check{a} + \\dot{a} + \\acute{a} + \\breve{a} + \\vec{a}')).toBe(
      '(+ (+ (+ (+ a\u030C a\u0307) a\u0301) a\u0306) a\u20D7)',
    );
    expect(expr('\\hat{y}_{t-1}')).toBe('y\u0302[(- t 1)]');
  });
  it('Unicode combining marks are name characters: h̃_t is \\tilde{h}_t', () => {
    expect(expr('h\u0303_t')).toBe(expr('\\tilde{h}_t'));
    expect(expr('y\u0302')).toBe(expr('\\hat{y}'));
  });
  it('rule 16: accented Greek names', () => {
    expect(expr('\\tilde{\\delta}_t')).toBe('δ\u0303_t');
    expect(expr('\\hat{\\tau}')).toBe('τ\u0302');
    expect(expr('δ_t τ')).toBe('(· δ_t τ)');
    expect(expr('\\hat{\\mathbf{y}}')).toBe('y\u0302');
  });
  it('an accent over something that is not a letter is named', () => {
    expect(messages('derive \\tilde{2}')[0]).toMatch(/\\tilde over something that is not a letter/);
  });
});

describe('rule 3: bars are adjoints', () => {
  it('\\bar{X}, \\overline{X}, with indices inside or after the bar', () => {
    expect(expr('\\bar{X}')).toBe('(bar X)');
    expect(expr('\\overline{c^{(t)}}')).toBe('(bar c^(t))');
    expect(expr('\\bar{h}_t')).toBe('(bar h_t)');
    expect(expr('\\overline{h}^{(t)}')).toBe('(bar h^(t))');
    expect(expr('\\bar h_{t+1}')).toBe('(bar h[(+ t 1)])');
    expect(expr('\\overline{h^{(t)}} o^{(t)}')).toBe('(· (bar h^(t)) o^(t))');
  });
  it('the adjoint node keeps the whole indexed name', () => {
    const st = read('derive \\overline{c^{(t+1)}}').statements[0]!;
    expect(st.k === 'derive' && st.expr.k === 'adjoint' && st.expr.a.k === 'name' && st.expr.a.raw === 'c' && st.expr.a.sup !== null).toBe(
      true,
    );
  });
  it('a Unicode X̄ is the name X̄', () => {
    expect(expr('X\u0304 + h\u0305_t')).toBe('(+ X\u0304 h\u0305_t)');
  });
  it('\\bar{x} = … defines the name x̄', () => {
    const st = read('\\bar{x}_t = 2 x_t').statements[0]!;
    expect(st).toMatchObject({ k: 'def', lhs: { raw: 'x\u0304_t' } });
  });
});

describe('rule 4: fonts and layout are transparent', () => {
  it('fonts', () => {
    expect(expr('\\mathbf{W}_{hh}')).toBe('W_hh');
    expect(expr('\\boldsymbol{h}^{(t)} + \\bm{x}_t + \\mathrm{b}_h + \\mathit{c} + \\mathsf{d} + \\mathbb{e}')).toBe(
      '(+ (+ (+ (+ (+ h^(t) x_t) b_h) c) d) e)',
    );
    expect(expr('\\mathcal{L}_t')).toBe('L_t');
    expect(expr('\\mathbf{h}^{(T)}')).toBe('h^(T)');
    expect(expr('\\mathbf{W_{hh}} \\mathbf{h}_{t-1}')).toBe('(· W_hh h[(- t 1)])');
    expect(expr('\\mathbf{W} x')).toBe('(· W x)');
    // d2l.ai writes subscripts in \textrm without braces around the command
    expect(expr('\\mathbf{W}_\\textrm{qh}^\\top + W_\\mathrm{hh}')).toBe('(+ (T W_qh) W_hh)');
  });
  it('\\operatorname, \\mathrm and \\text name functions', () => {
    expect(expr('\\operatorname{diag}(v)')).toBe('diag(v)');
    expect(expr('\\text{diag}\\left(1 - \\left(\\boldsymbol{h}^{(t+1)}\\right)^2\\right)')).toBe('diag((- 1 (^ h^((+ t 1)) 2)))');
    expect(expr('\\mathrm{softmax}(z)')).toBe('softmax(z)');
  });
  it('\\text inside a subscript is part of the name, elsewhere nothing', () => {
    expect(expr('N_{\\text{hidden}} \\cdot N_{\\text{input}}')).toBe('(* N_hidden N_input)');
    expect(expr('a \\text{ and } b')).toBe('(· a b)');
  });
  it('sizing, spacing, alignment and numbering leave nothing', () => {
    expect(expr('\\left( a + b \\right) \\, c \\; d \\! e \\: f \\quad g \\qquad h')).toBe('(· (· (· (· (· (· (+ a b) c) d) e) f) g) h)');
    expect(expr('\\big( a \\big) \\Bigl( b \\Bigr) \\displaystyle c \\nonumber \\notag \\label{eq:1}')).toBe('(· (· a b) c)');
    expect(expr('\\left. a \\right.')).toBe('a');
  });
  it('& and \\\\ are layout: a chain written over rows', () => {
    expect(sides('\\begin{aligned} a &= b \\\\ &= c \\end{aligned}')).toEqual(['a', 'b', 'c']);
    for (const env of ['split', 'align', 'align*', 'gather', 'equation', 'equation*', 'eqnarray']) {
      expect(sides(`\\begin{${env}} a &= b \\end{${env}}`)).toEqual(['a', 'b']);
    }
  });
  it('\\underbrace{A}_{…} and \\overbrace{A}^{…} are A, as printed (no brackets added)', () => {
    expect(expr('4 \\underbrace{a + b}_{\\text{weights}} + c')).toBe('(+ (+ (· 4 a) b) c)');
    expect(expr('4 \\left( \\underbrace{a + b}_{x} \\right)')).toBe('(· 4 (+ a b))');
    expect(expr('\\overbrace{a b}^{n} + c')).toBe('(+ (· a b) c)');
  });
  it('\\tag{…} labels the check and leaves the expression', () => {
    const st = read('check a = b \\tag{12}').statements[0]!;
    expect(st).toMatchObject({ k: 'check', tag: '12' });
    const mid = read('check a \\tag{3b} = b').statements[0]!;
    expect(mid).toMatchObject({ k: 'check', tag: '3b' });
    expect(read('check a = b').statements[0]).not.toHaveProperty('tag');
  });
});

describe('rule 5: matrix literals', () => {
  it('bmatrix, pmatrix, matrix: rows', () => {
    expect(expr('\\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}')).toBe('[[1, 1], [1, 1]]');
    expect(expr('\\begin{pmatrix} 1 & -2 \\\\ x & 4 \\end{pmatrix}')).toBe('[[1, -2], [x, 4]]');
    expect(expr('\\begin{matrix} 1 & 2 & 3 \\end{matrix}')).toBe('[[1, 2, 3]]');
  });
  it('one column is a vector', () => {
    expect(expr('\\begin{bmatrix} -0.5 \\\\ -1.5 \\\\ -2.5 \\end{bmatrix}')).toBe('[-0.5, -1.5, -2.5]');
    expect(expr('\\begin{bmatrix} 1 \\\\ 2 \\\\ \\end{bmatrix}')).toBe('[1, 2]');
  });
  it('a declaration takes a matrix literal over several lines', () => {
    const r = read('param U : 3x2 = \\begin{bmatrix} 1 & 1 \\\\\n 1 & 1 \\\\\n 1 & 1 \\end{bmatrix}\nT = 1');
    expect(r.errors).toEqual([]);
    expect(r.statements[0]).toMatchObject({ k: 'decl', shape: [3, 2] });
    expect(sx((r.statements[0] as { value: Ast }).value)).toBe('[[1, 1], [1, 1], [1, 1]]');
  });
  it('ragged rows and other environments are named', () => {
    expect(messages('derive \\begin{bmatrix} 1 & 2 \\\\ 3 \\end{bmatrix}')[0]).toMatch(/different lengths \(2 and 1\)/);
    // a case distinction is named as such, with what to write instead (spec24b); an unknown one stays unknown
    expect(messages('derive \\begin{cases} 1 \\end{cases}')[0]).toMatch(
      /a case distinction \\begin\{cases\} is not read: write one check per case/,
    );
    expect(messages('derive \\begin{vmatrix} 1 \\end{vmatrix}')[0]).toMatch(/unknown LaTeX environment \{vmatrix\}/);
  });
  it('[1 \\quad -1 \\quad 1] is a row: one list of its entries (a 1×n matrix, as seed 004 writes v)', () => {
    expect(expr('[1 \\quad -1 \\quad 1]')).toBe('[[1, -1, 1]]');
    expect(expr('[a \\qquad b \\; c]')).toBe('[[a, b, c]]');
    // commas keep the vector (a column)
    expect(expr('[1, -1, 1]')).toBe('[1, -1, 1]');
  });
});

describe('rule 6: inverse functions', () => {
  it('σ^{-1}, \\sigma^{-1}, σ⁻¹ are logit; \\tanh^{-1} is artanh; the spelling is kept', () => {
    expect(expr('\\sigma^{-1}(z)')).toBe('logit{\\sigma^{-1}}(z)');
    expect(expr('σ^{-1}(z)')).toBe('logit{σ^{-1}}(z)');
    expect(expr('σ⁻¹(z)')).toBe('logit{σ⁻¹}(z)');
    expect(expr('σ^-1(z)')).toBe('logit{σ^-1}(z)');
    expect(expr('\\tanh^{-1}(c^{(t)})')).toBe('artanh{\\tanh^{-1}}(c^(t))');
  });
  it("a math font's letters, as Word's equations paste them, are the plain letters: 𝜕𝐿/𝜕𝑜_3, 𝜎(𝑊_{ℎℎ} ℎ_𝑡), 𝓛, 𝐖", () => {
    expect(expr('𝜕𝐿/𝜕𝑜_3')).toBe(expr('∂L/∂o_3'));
    expect(expr('𝜎′(𝑊_{ℎℎ} ℎ_{𝑡−1})')).toBe(expr("σ'(W_{hh} h_{t-1})"));
    expect(expr('∂𝓛/∂𝐖 + 𝛁_𝐖 𝓛')).toBe(expr('∂L/∂W + ∇_W L'));
    expect(expr('𝟙')).toBe(expr('\\mathbf{1}'));
  });
  it("σ’ and W’ (a word processor's smart quote) are σ' and W'", () => {
    expect(expr('σ’(z) + \\tanh’(z)')).toBe(expr("σ'(z) + \\tanh'(z)"));
    expect(expr('W’ x')).toBe(expr("W' x"));
  });
  it("σ^{\\prime} is σ'", () => {
    expect(expr("\\sigma^{\\prime}(z) + \\tanh^\\prime(z) + σ'(z)")).toBe('(+ (+ dsigma(z) dtanh(z)) dsigma(z))');
  });
  it('a Greek subscript keeps its letter', () => {
    expect(expr('W_\\alpha + b_{\\beta}')).toBe('(+ W_α b_β)');
  });
  it('a long literal is cut short in a message', () => {
    const m = messages(`derive [${Array(50).fill(1).join(', ')}] ]`)[0]!;
    expect(m.length).toBeLessThan(100);
  });
  it('tanh^2(z) is tanh(z)^2; relu^{-1} is named', () => {
    expect(expr('\\tanh^2(z)')).toBe('(^ tanh(z) 2)');
    expect(messages('derive relu^{-1}(z)')[0]).toMatch(/the inverse of relu is not a function here/);
  });
});

describe('rule 7: ∇', () => {
  it('∇_B A and \\nabla_{\\mathbf W} L', () => {
    expect(expr('∇_W L')).toBe('(∇ L W)');
    expect(expr('\\nabla_{B} A')).toBe('(∇ A B)');
    expect(expr('\\nabla_{\\mathbf W} L')).toBe('(∇ L W)');
    expect(expr('\\nabla_{h^{(t)}} L + 1')).toBe('(+ (∇ L h^(t)) 1)');
    expect(expr('\\nabla_{W_{hh}} L^{(t)} x')).toBe('(· (∇ L^(t) W_hh) x)');
  });
  it('∇ without a subscript is named', () => {
    expect(messages('derive ∇ L')[0]).toMatch(/∇_B A/);
  });
});

describe('rule 8: derivatives as fractions', () => {
  it('the numerator is any expression', () => {
    expect(expr('\\frac{\\partial \\sigma(W_{xh}x_t + W_{hh}h_{t-1} + b_h)}{\\partial W_{xh}}')).toBe(
      '(d sigma((+ (+ (· W_xh x_t) (· W_hh h[(- t 1)])) b_h)) W_xh)',
    );
    expect(expr('\\frac{\\partial (\\mathcal{L}_2 + \\mathcal{L}_3)}{\\partial h_2}')).toBe('(d (+ L_2 L_3) h_2)');
    expect(expr('\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{W}_{hh}}')).toBe('(d L^(T) W_hh)');
    expect(expr('\\frac{\\partial^+ h_2}{\\partial W_xh}')).toBe('(d+ h_2 W_xh)');
  });
  it('the operator form \\frac{∂}{∂B} A', () => {
    expect(expr('\\frac{\\partial}{\\partial h_{t-1}} (u_t h_{t-1})')).toBe('(d (· u_t h[(- t 1)]) h[(- t 1)])');
  });
  it('∂ only below (seed 000 eq. 4): the derivative of the numerator, and a note', () => {
    const r = read('check \\frac{\\partial h_t}{\\partial h_{t-1}} = \\frac{u_t * h_{t-1} + (1 - u_t) * s_t}{\\partial h_{t-1}}');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      severity: 'information',
      message: 'read as ∂(u_t * h_{t-1} + (1 - u_t) * s_t)/∂h_{t-1}: the numerator has no ∂',
    });
    const st = r.statements[0]!;
    expect(st.k === 'check' && sx(st.rhs)).toBe('(d (+ (* u_t h[(- t 1)]) (* (- 1 u_t) s_t)) h[(- t 1)])');
  });
  it('an upright d above and below: \\frac{\\mathrm{d} L}{\\mathrm{d} W}', () => {
    expect(expr('\\frac{\\mathrm{d} L}{\\mathrm{d} W_{hh}}')).toBe('(d L W_hh)');
    expect(expr('\\frac{d L_t}{d h_t}')).toBe('(d L_t h_t)');
    expect(expr('\\frac{d x}{2}')).toBe('(/ (· d x) 2)');
  });
  it('a plain fraction stays a division', () => {
    expect(expr('\\frac{h_t}{W_{hh}}')).toBe('(/ h_t W_hh)');
  });
  it('braces around a whole ∂ argument, as Mathpix and Word export it: \\frac{{\\partial L}}{{\\partial o_3}}', () => {
    expect(expr('\\frac{{\\partial L}}{{\\partial o_3}}')).toBe('(d L o_3)');
    expect(expr('\\frac{{{\\partial L}}}{{\\partial {o_3}}}')).toBe('(d L o_3)');
    expect(expr('\\frac{{\\partial}}{{\\partial o_3}} L')).toBe('(d L o_3)');
    expect(expr('\\frac{{2}}{{4}}')).toBe('(/ 2 4)');
  });
});

describe('rule 9: superscript digits', () => {
  it('x² x³ (a+b)⁴ W⁻¹', () => {
    expect(expr('x² + y³')).toBe('(+ (^ x 2) (^ y 3))');
    expect(expr('(a+b)⁴')).toBe('(^ (+ a b) 4)');
    expect(expr('W⁻¹')).toBe('(^ W (- 1))');
    expect(expr('x¹²')).toBe('(^ x 12)');
  });
});

describe('rule 10: a step superscript with a transpose', () => {
  it('h^{(t-1)\\top} and h^{(t)T}', () => {
    expect(expr('W h^{(t-1)\\top}')).toBe('(· W (T h^((- t 1))))');
    expect(expr('h^{(t)T} x')).toBe('(· (T h^(t)) x)');
    expect(expr('h^{(t)}^\\top + h^{(t)}^{\\top}')).toBe('(+ (T h^(t)) (T h^(t)))');
  });
});

describe('rule 11: bounds of Σ and ∏', () => {
  it('inequalities', () => {
    expect(expr('Σ_{1≤t≤T} L_t')).toBe('(sum t 1 T L_t)');
    expect(expr('\\sum_{1 \\le t \\le T} L_t')).toBe('(sum t 1 T L_t)');
    expect(expr('\\sum_{1 \\leq t \\leq T} L_t')).toBe('(sum t 1 T L_t)');
    expect(expr('∏_{t≥i>k} a_i')).toBe('(prod↓ i (+ k 1) t a_i)');
    expect(expr('\\prod_{t \\ge i > k} a_i')).toBe('(prod↓ i (+ k 1) t a_i)');
    expect(expr('\\prod_{t \\geq i \\geq 1} a_i')).toBe('(prod↓ i 1 t a_i)');
    expect(expr('Σ_{0<i<T} a_i')).toBe('(sum i (+ 0 1) (- T 1) a_i)');
    expect(expr('Σ_{i<t} a_i')).toBe('(sum i _ (- t 1) a_i)');
  });
  it('as today: Σ_t, Σ_{i=k+1}^{t}, \\sum_{i=0}^T', () => {
    expect(expr('Σ_t L_t')).toBe('(sum t _ _ L_t)');
    expect(expr('\\sum_{i=k+1}^{t} a_i')).toBe('(sum i (+ k 1) t a_i)');
    expect(expr('\\sum_{i=0}^T a_i')).toBe('(sum i 0 T a_i)');
  });
  it('Σ_{i,j} is Σ_i Σ_j', () => {
    expect(expr('Σ_{i,j} w_{i,j}')).toBe('(sum i _ _ (sum j _ _ w[[i, j]]))');
    expect(expr('\\sum_{i,j,k} a')).toBe('(sum i _ _ (sum j _ _ (sum k _ _ a)))');
  });
  it('bounds that run both ways, and ≤ outside bounds, are named', () => {
    expect(messages('derive Σ_{1≤t≥T} L_t')[0]).toMatch(/run one way/);
    // session 45: a check line may state a bound (check a ≤ b); elsewhere ≤ is read in Σ/∏ bounds only
    expect(messages('derive a ≤ b')[0]).toMatch(/'≤' is read only in the bounds of Σ and ∏/);
    expect(messages('check a ≤ b ≥ c')[0]).toMatch(/a bound's relations run one way \(a ≤ b < c or a ≥ b > c\), not ≤ and ≥/);
    const st = read('check 0 < a ≤ b').statements[0]!;
    expect(st.k === 'check' && st.relations).toEqual(['<', '≤']);
    // session 46: equalities between a bound's sides are links of its chain (they were "'≤' after the equation … not
    // checked" and "'=' after a bound")
    const mixed = (s: string) => {
      const m = read(s).statements[0]!;
      return m.k === 'check' && m.relations;
    };
    expect(mixed('check a = b ≤ c')).toEqual(['=', '≤']);
    expect(mixed('check a ≤ b = c < d')).toEqual(['≤', '=', '<']);
    expect(mixed('check a = b = c')).toBeUndefined();
    expect(messages('check a = b ≤ c ≈ 1')[0]).toMatch(/'≈' in a bound's chain/);
  });
});

describe('rule 12: subscript lists', () => {
  it('w_{i,j}^{(k+1)}', () => {
    const st = read('derive w_{i,j}^{(k+1)}').statements[0]!;
    expect(st).toMatchObject({
      k: 'derive',
      expr: { k: 'name', raw: 'w', sub: { k: 'list', items: [{ raw: 'i' }, { raw: 'j' }] }, sup: { k: 'bin', op: '+' } },
    });
    expect(expr('p_j^{(k+1)}')).toBe('p_j^((+ k 1))');
    expect(expr('M_{1,2}')).toBe('M[[1, 2]]');
  });
});

describe('rule 13: indicators and onehot', () => {
  it('1_{i=y}, \\mathbb{1}_{…}, \\mathbf{1}_{…}, 𝟙_{…}', () => {
    expect(expr('1_{i=y}')).toBe('(1 i y)');
    expect(expr('\\mathbb{1}_{i=y_t}')).toBe('(1 i y_t)');
    expect(expr('\\mathbf{1}_{i = y}')).toBe('(1 i y)');
    expect(expr('𝟙_{i=y} - p_i')).toBe('(- (1 i y) p_i)');
    expect(expr('1 - x')).toBe('(- 1 x)');
  });
  it('onehot(k, n) takes a list', () => {
    expect(expr('onehot(k, 3)')).toBe('onehot([k, 3])');
  });
});

describe('rule 14: activation aliases', () => {
  const text = "φ = tanh\nh_t = φ(W h_{t-1})\ncheck ∂h_t/∂h_{t-1} = φ'(W h_{t-1}) W\nderive φ^{-1}(h_1)\n";
  it('the alias statement, and the name read as the function everywhere', () => {
    const r = read(text);
    expect(r.errors).toEqual([]);
    expect(r.statements[0]).toMatchObject({ k: 'alias', name: { raw: 'φ' }, fn: 'tanh' });
    const [, def, chk, der] = r.statements;
    expect(def!.k === 'def' && sx(def.rhs)).toBe('tanh((· W h[(- t 1)]))');
    expect(chk!.k === 'check' && sx(chk.rhs)).toBe('(· dtanh((· W h[(- t 1)])) W)');
    expect(der!.k === 'derive' && sx(der.expr)).toBe('artanh{φ^{-1}}(h_1)');
  });
  it('a use before the alias line reads too; other names stay names', () => {
    const r = read('h_t = g(x_t) + gg\ng = \\sigma\n');
    expect(r.errors).toEqual([]);
    expect(r.statements[0]!.k === 'def' && sx((r.statements[0] as { rhs: Ast }).rhs)).toBe('(+ sigma(x_t) gg)');
  });
});

describe('rule 15: chains', () => {
  it('check A = B = C for t = a..b', () => {
    const st = read('check a = b = c = d for t = 2..3').statements[0]!;
    expect(st.k === 'check' && [sx(st.lhs), sx(st.rhs), ...st.more.map(sx)]).toEqual(['a', 'b', 'c', 'd']);
    expect(st).toMatchObject({ forRange: { v: 't' } });
    if (st.k === 'check') expect(st.more.every((m) => m.range.line === 1)).toBe(true);
    expect(read('check a = b').statements[0]).toMatchObject({ more: [] });
  });
  it('each side has its own range', () => {
    const st = read('check a = bb = ccc').statements[0]!;
    if (st.k !== 'check') throw new Error();
    expect([st.lhs.range.column, st.rhs.range.column, st.more[0]!.range.column]).toEqual([7, 11, 16]);
  });
});

describe('Goodfellow et al. §10.2.2, as printed', () => {
  it('(∇_{o^{(t)}} L)_i: an entry of a bracketed value', () => {
    expect(
      sides(
        '(\\nabla_{\\boldsymbol{o}^{(t)}} L)_i = \\frac{\\partial L}{\\partial o_i^{(t)}} = \\hat{y}_i^{(t)} - \\mathbf{1}_{i=y^{(t)}}',
      ),
    ).toEqual(['(at (∇ L o^(t)) i)', '(d L o_i^(t))', '(- y\u0302_i^(t) (1 i y^(t)))']);
    expect(expr('(a + b)_{i,j}')).toBe('(at (+ a b) i j)');
  });
  it('eq. 10.21 and 10.26', () => {
    expect(
      sides(
        '\\nabla_{\\boldsymbol{h}^{(t)}} L = \\left(\\frac{\\partial \\boldsymbol{h}^{(t+1)}}{\\partial \\boldsymbol{h}^{(t)}}\\right)^\\top (\\nabla_{\\boldsymbol{h}^{(t+1)}} L) + \\left(\\frac{\\partial \\boldsymbol{o}^{(t)}}{\\partial \\boldsymbol{h}^{(t)}}\\right)^\\top (\\nabla_{\\boldsymbol{o}^{(t)}} L)',
      ),
    ).toEqual(['(∇ L h^(t))', '(+ (· (T (d h^((+ t 1)) h^(t))) (∇ L h^((+ t 1)))) (· (T (d o^(t) h^(t))) (∇ L o^(t))))']);
    expect(sides('\\nabla_{\\boldsymbol{V}} L = \\sum_t (\\nabla_{\\boldsymbol{o}^{(t)}} L) \\boldsymbol{h}^{(t)\\top}')).toEqual([
      '(∇ L V)',
      '(sum t _ _ (· (∇ L o^(t)) (T h^(t))))',
    ]);
  });
});

describe('rule 17: unknown notation is named, the rest of the file reads', () => {
  it('an unknown command', () => {
    const r = read('derive \\foo{x}\nderive a + b\n');
    expect(r.lexErrors).toEqual(['unknown LaTeX command \\foo']);
    expect(r.statements).toHaveLength(1);
    expect(sx((r.statements[0] as { expr: Ast }).expr)).toBe('(+ a b)');
  });
});

describe('rule 18: an ellipsis is not a product', () => {
  it('\\cdots, \\ldots, … between factors or terms', () => {
    expect(messages('check a = b \\cdot c \\cdots d')[0]).toBe(
      'an ellipsis (…) stands for terms that are not written: write the product with ∏',
    );
    expect(messages('check a = b c … d')[0]).toBe('an ellipsis (…) stands for terms that are not written: write the product with ∏');
    expect(messages('check a = b + \\ldots + d')[0]).toBe('an ellipsis (…) stands for terms that are not written: write the sum with Σ');
    expect(messages('derive [1, \\dots, 3]')[0]).toBe('an ellipsis (…) stands for entries that are not written: write every entry');
  });
  it('… still writes a range after for', () => {
    expect(read('check a = b for t = 1…3').errors).toEqual([]);
  });
});
