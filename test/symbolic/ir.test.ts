// The IR, the simplifier and the printers on hand-built expressions.

import { describe, expect, it } from 'vitest';
import { Builder } from '../../src/engine/symbolic/ir';
import { Evaluator } from '../../src/engine/symbolic/evaluate';
import { Printer } from '../../src/engine/symbolic/print';
import { Rules, factorCommon } from '../../src/engine/symbolic/rules';
import { Rat } from '../../src/engine/symbolic/rational';
import { typesets } from './helpers';

const text = (n: Parameters<Printer['str']>[0], anchor?: number): string => new Printer({ latex: false, anchor }).str(n);
const latex = (n: Parameters<Printer['str']>[0], anchor?: number): string => new Printer({ latex: true, anchor }).str(n);

describe('hash-consing', () => {
  it('builds one node for one expression', () => {
    const b = new Builder();
    const x = b.leaf('x', 1, []);
    const e1 = b.add(b.mul(b.leaf('W', null, []), x), b.leaf('b', null, []));
    const e2 = b.add(b.mul(b.leaf('W', null, []), b.leaf('x', 1, [])), b.leaf('b', null, []));
    expect(e1).toBe(e2);
    expect(b.add(x, b.leaf('x', 2, []))).not.toBe(e1);
  });
});

describe('simplifier', () => {
  const b = new Builder();
  const x = b.leaf('x', 1, []);
  const y = b.leaf('y', 1, []);
  it('folds constants and drops 0 and 1', () => {
    expect(text(b.add(b.num(2), b.num(3)))).toBe('5');
    expect(b.mul(b.num(1), x)).toBe(x);
    expect(b.add(b.num(0), x)).toBe(x);
    expect(text(b.mul(b.num(0), x))).toBe('0');
    expect(text(b.mul(b.num(2), b.num(3), x))).toBe('6 x₁');
    expect(b.pow(x, b.num(1))).toBe(x);
  });
  it('pulls −1 out and merges like terms', () => {
    expect(text(b.sub(x, y))).toBe('x₁ − y₁');
    expect(text(b.mul(b.num(2), b.sub(y, x), b.num(-1)))).toBe('−2(y₁ − x₁)');
    expect(text(b.add(x, b.mul(b.num(2), x), y))).toBe('3 x₁ + y₁');
    expect(text(b.sub(x, x))).toBe('0');
    expect(text(b.neg(b.neg(x)))).toBe('x₁');
  });
  it('factors a common leading factor of scalar products', () => {
    const d = b.leaf('δ', 2, []);
    expect(text(factorCommon(b, [b.mul(d, x), b.neg(b.mul(d, y))]))).toBe('δ₂ (x₁ − y₁)');
  });
  it('keeps matrix algebra honest: identities vanish, transposes cancel, coefficients leave', () => {
    const W = b.leaf('W', null, [3, 3]);
    const h = b.leaf('h', 1, [3]);
    expect(b.matmul(b.eye(3), h)).toBe(h);
    expect(b.T(b.T(W))).toBe(W);
    expect(text(b.matmul(b.T(W), b.mul(b.num(-1), h)))).toBe('−Wᵀ h₁');
    expect(b.matmul(W, h).shape).toEqual([3]);
    expect(b.matmul(b.T(h), h).shape).toEqual([]);
    expect(b.matmul(h, b.T(h)).shape).toEqual([3, 3]);
  });
});

describe('printers', () => {
  const b = new Builder();
  const z = b.sym(
    { kind: 'pre', q: 'h', step: 2, n: 0 },
    b.add(b.mul(b.leaf('W_xh', null, []), b.leaf('x', 2, [])), b.mul(b.leaf('W_hh', null, []), b.leaf('h', 1, []))),
  );
  const J = b.mul(b.call('dsigma', z), b.leaf('W_hh', null, []));
  it('prints steps concretely or relative to an anchor', () => {
    expect(text(J)).toBe('σ′(h̃₂) W_hh');
    expect(text(J, 2)).toBe('σ′(h̃_t) W_hh');
    expect(new Printer({ latex: false, anchor: 2, inline: { pre: true } }).str(J)).toBe('σ′(W_xh x_t + W_hh h_{t-1}) W_hh');
    expect(latex(J, 2)).toBe("\\sigma'\\left(\\tilde{h}_{t}\\right) W_{hh}");
  });
  it('prints derivative symbols as fractions', () => {
    const s = b.sym({ kind: 'jac', of: { name: 'h', step: 2 }, wrt: { name: 'W_xh', step: null }, plus: true }, J);
    const t = b.sym({ kind: 'jac', of: { name: 'L#', step: null }, wrt: { name: 'h', step: 2 }, plus: false }, J);
    expect(text(b.mul(t, s))).toBe('∂L/∂h₂·∂⁺h₂/∂W_xh');
    expect(latex(b.mul(t, s))).toBe('\\frac{\\partial L}{\\partial h_{2}} \\cdot \\frac{\\partial^{+} h_{2}}{\\partial W_{xh}}');
    typesets(latex(b.mul(t, s)));
  });
  it('prints vector forms with ⊙, ᵀ and diag, and LaTeX that typesets', () => {
    const d = b.sym({ kind: 'adj', q: 'h', step: 3, letter: 'delta' }, b.leaf('g', 3, [3]));
    const h = b.sym({ kind: 'pre', q: 'h', step: 3, n: 0 }, b.leaf('a', 3, [3]));
    const e = b.matmul(b.had(d, b.call('dtanh', h)), b.T(b.leaf('h', 2, [3])));
    expect(text(e, 3)).toBe('(δ_t ⊙ tanh′(h̃_t)) h_{t-1}ᵀ');
    typesets(latex(e, 3));
    const D = b.matmul(b.diag(b.call('dsigma', h)), b.leaf('W_hh', null, [3, 3]));
    expect(text(D)).toBe('diag(σ′(h̃₃)) W_hh');
    typesets(latex(D));
    const bar = b.sym({ kind: 'adj', q: 'c', step: 4, letter: 'bar' }, b.leaf('g', 4, []));
    expect(text(bar)).toBe('c̄₄');
    expect(latex(bar)).toBe('\\bar{c}_{4}');
    expect(text(b.pow(b.leaf('x', 1, []), b.num(2)))).toBe('x₁²');
    typesets(latex(b.div(b.leaf('α', null, []), b.pow(b.leaf('x', 1, []), b.num(2)))));
  });
});

describe('rules', () => {
  const b = new Builder();
  const r = new Rules(b);
  const x = b.leaf('x', 1, []);
  const W = b.leaf('W', null, [2, 2]);
  const h = b.leaf('h', 1, [2]);
  const vals = new Map<string, Float64Array>([
    ['x@1', Float64Array.of(0.3)],
    ['W@null', Float64Array.of(0.5, -0.2, 0.1, 0.4)],
    ['h@1', Float64Array.of(0.7, -0.6)],
  ]);
  const ev = new Evaluator((name, step) => {
    const v = vals.get(`${name}@${step}`);
    return v && { shape: [], data: v };
  });
  it('differentiates σ, tanh, log, exp, powers and products, σ′ kept as σ′', () => {
    expect(text(r.jacobian(b.call('sigma', b.mul(b.num(2), x)), x)!)).toBe('2 σ′(2 x₁)');
    expect(text(r.jacobian(b.call('tanh', x), x)!)).toBe('tanh′(x₁)');
    expect(text(r.jacobian(b.call('log', x), x)!)).toBe('1/x₁');
    expect(text(r.jacobian(b.pow(x, b.num(3)), x)!)).toBe('3 x₁²');
    expect(r.jacobian(b.call('exp', x), b.leaf('y', 1, []))).toBeNull();
  });
  it('gives Jacobians and pullbacks that agree numerically (vector case)', () => {
    const e = b.call('tanh', b.matmul(W, h));
    const J = r.jacobian(e, h)!;
    const a = b.ones([2]);
    const g = r.pullback(e, h, a)!;
    expect(text(J)).toBe('diag(tanh′(W h₁)) W');
    expect(text(g)).toBe('Wᵀ tanh′(W h₁)');
    const Jv = ev.value(J).data;
    const gv = ev.value(g).data;
    // 𝟏ᵀ J = pullback of 𝟏
    expect(gv[0]).toBeCloseTo(Jv[0] + Jv[2], 12);
    expect(gv[1]).toBeCloseTo(Jv[1] + Jv[3], 12);
    // the weight gradient as an outer product
    expect(text(r.pullback(e, W, a)!)).toBe('tanh′(W h₁) h₁ᵀ');
  });
});

describe('rationals', () => {
  it('read decimals exactly and do arithmetic', () => {
    expect(Rat.fromNumber(0.1).toString()).toBe('1/10');
    expect(Rat.fromNumber(-2.5).toString()).toBe('-5/2');
    expect(Rat.fromNumber(1e-7).toString()).toBe('1/10000000');
    expect(Rat.fromNumber(0.1).add(Rat.fromNumber(0.2)).toString()).toBe('3/10');
    expect(Rat.fromNumber(1.5).pow(2).toString()).toBe('9/4');
    expect(Rat.int(3).div(Rat.int(-6)).toString()).toBe('-1/2');
  });
});
