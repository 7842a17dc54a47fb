// LANGUAGE.md §1, §4: the adjoint X̄, ∇_B A, σ^{-1}/tanh^{-1}, the indicator 1_{a=b}, onehot(k, n), φ = tanh.
import { describe, expect, it } from 'vitest';
import type { Ast, NameAst, Statement } from '../../src/language/ast';
import type { Expr } from '../../src/language/model';
import { checks, derives, errorsOf, mapQuestions, NET, resolveEdited } from './resolve.helpers';

const nameStartingWith = (x: Ast, prefix: string): NameAst | null => (x.k === 'name' && x.raw.startsWith(prefix) ? x : null);

/** BAR_h_2 → the adjoint h̄_2 (as the parser gives \bar{h}_2); MARK_h_2 → the name h̄_2 with the combining macron */
const adjoints = (sts: Statement[]) =>
  mapQuestions(sts, (x) => {
    const bar = nameStartingWith(x, 'BAR_');
    if (bar) return { k: 'adjoint', a: { ...bar, raw: bar.raw.slice(4) }, range: bar.range };
    const mark = nameStartingWith(x, 'MARK_');
    if (mark) return { ...mark, raw: mark.raw.slice(5).replace(/^(\w)/, '$1\u0304') };
    return null;
  });

describe('the adjoint X̄ = ∂loss/∂X', () => {
  it('\\bar{h}_2 and h̄_2 are the total derivative of the loss by h at step 2', () => {
    const r = resolveEdited(NET + 'check BAR_h_2 = ∂L/∂h_2\ncheck MARK_h_t = ∂L/∂h_t\ncheck BAR_h^{(t)} = 0\n', adjoints);
    expect(errorsOf(r)).toEqual([]);
    const [a, b, c] = checks(r);
    for (const q of [a!, b!, c!]) {
      const d = q.lhs as Expr & { k: 'deriv' };
      expect(d.k).toBe('deriv');
      expect(d.total).toBe(true);
      // the model key of the untimed L beside the sequence L_t
      expect(d.of).toMatchObject({ k: 'ref', name: 'L#', idx: null });
      expect(d.wrt.name).toBe('h');
    }
    expect((a!.lhs as Expr & { k: 'deriv' }).wrt.idx).toEqual({ v: null, k: 2 });
    expect((b!.lhs as Expr & { k: 'deriv' }).wrt.idx).toEqual({ v: 't', k: 0 });
    expect(b!.freeT).toBe(true);
    expect(c!.steps).toEqual([1, 2, 3]);
  });

  it('with no loss, a diagnostic at the adjoint', () => {
    const text = NET.replace('loss L = Σ_t L_t\n', 'L = [1, 2]\n') + 'check BAR_h_2 = 0\n';
    const r = resolveEdited(text, adjoints);
    const e = errorsOf(r);
    expect(e.map((d) => d.message)).toEqual([
      'the adjoint h̄_2 = ∂loss/∂h_2 needs a loss, and this file has none: mark the objective with `loss L = …`',
    ]);
    expect([e[0]!.line, e[0]!.column]).toEqual([14, 7]);
    // T written in the loss's place: a vector is no loss either
    const r2 = resolveEdited(NET.replace('loss L = Σ_t L_t\n', 'loss L = [Σ_t L_t, 1]\n') + 'check BAR_h_2 = 0\n', adjoints);
    // the loss's error is at its definition; the adjoint says once, as a warning, that the loss is not a scalar (check15)
    expect(errorsOf(r2).map((d) => d.line)).not.toContain(14);
    expect(r2.diagnostics.filter((d) => d.line === 14).map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'the adjoint h̄_2 = ∂loss/∂h_2 needs the gradient of a scalar loss, but the loss L is not a scalar (line 13: a vector of 2)',
      ],
    ]);
  });

  it('a name the file defines with the mark is itself', () => {
    const r = resolveEdited(NET + 'hbar_t = 2 h_t\ncheck MARK_h_t = 2 h_t\n', (sts) =>
      adjoints(sts.map((st) => (st.k === 'def' && st.lhs.raw === 'hbar_t' ? { ...st, lhs: { ...st.lhs, raw: 'h\u0304_t' } } : st))),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(checks(r)[0]!.lhs).toMatchObject({ k: 'ref', name: 'h\u0304' });
  });

  it('in an equation, it names a derivative (derived.ts): no diagnostic until the network itself uses it', () => {
    const r = resolveEdited(NET + 'g_t = BAR_h_t\n', (sts) =>
      sts.map((st) =>
        st.k === 'def' && st.lhs.raw === 'g_t'
          ? { ...st, rhs: { k: 'adjoint', a: { ...(st.rhs as NameAst), raw: 'h_t' }, range: st.rhs.range } }
          : st,
      ),
    );
    expect(errorsOf(r).map((d) => d.message)).toEqual([]);
  });
});

describe('∇_B A', () => {
  const nabla = (sts: Statement[]) => mapQuestions(sts, (x) => (x.k === 'deriv' ? { ...x, nabla: true } : null));

  it('is the total derivative of a scalar', () => {
    const r = resolveEdited(NET + 'derive ∂L/∂W_hh\n', nabla);
    expect(errorsOf(r)).toEqual([]);
    expect(derives(r)[0]!.expr).toMatchObject({ k: 'deriv', total: true, wrt: { name: 'W_hh' }, shape: [] });
  });

  it('of a vector: a diagnostic naming its shape', () => {
    const r = resolveEdited('T = 2\ninput x : 2 = 1\nparam W : 2x2 = 0.5\nh_t = W x_t\nderive ∂h_1/∂W\n', nabla);
    expect(errorsOf(r).map((d) => d.message)).toEqual([
      '∇_B A is the gradient of a scalar A, but this A is a vector of 2: write ∂A/∂B for its Jacobian',
    ]);
  });
});

describe('σ^{-1} and tanh^{-1}', () => {
  const inverse = (sts: Statement[]) =>
    mapQuestions(sts, (x) =>
      x.k === 'call' && (x.fn === 'exp' || x.fn === 'log') ? { ...x, fn: x.fn === 'exp' ? 'logit' : 'artanh', arg: x.arg } : null,
    );

  it('are the inverse functions, with a hint that the derivative is written with a prime', () => {
    const r = resolveEdited(NET + 'check exp(o_1) = W_hy h_1 + b_y\ncheck log(h_1) = 0\n', inverse);
    expect(errorsOf(r)).toEqual([]);
    const [a, b] = checks(r);
    expect(a!.lhs).toMatchObject({ k: 'call', fn: 'logit', shape: [] });
    expect(b!.lhs).toMatchObject({ k: 'call', fn: 'artanh' });
    const hints = r.diagnostics.filter((d) => d.severity === 'hint');
    expect(hints.map((d) => [d.message, d.line, d.column])).toEqual([
      ["σ^{-1} is the inverse function (logit); the derivative σ'(z) is written σ'", 14, 7],
      ["tanh^{-1} is the inverse function (artanh); the derivative tanh'(z) is written tanh'", 15, 7],
    ]);
  });
});

describe('the indicator and onehot', () => {
  /** sqrt(a - b) stands for 1_{a=b}; mean(k, n) for onehot(k, n) */
  const notation = (sts: Statement[]) =>
    mapQuestions(sts, (x) => {
      if (x.k === 'call' && x.fn === 'sqrt' && x.arg.k === 'bin') return { k: 'indicator', a: x.arg.a, b: x.arg.b, range: x.range };
      if (x.k === 'call' && x.fn === 'mean') return { ...x, fn: 'onehot' };
      return null;
    });

  it('1_{a=b} is an indicator of two scalars', () => {
    const r = resolveEdited(NET + 'check sqrt(y_2 - 1) = 1 - y_2\n', notation);
    expect(errorsOf(r)).toEqual([]);
    const lhs = checks(r)[0]!.lhs as Expr & { k: 'indicator' };
    expect(lhs).toMatchObject({ k: 'indicator', shape: [], a: { k: 'ref', name: 'y' }, b: { k: 'num', value: 1 } });
  });

  it('1_{a=b} of a vector is refused', () => {
    const r = resolveEdited('T = 2\ninput x : 2 = 1\ncheck sqrt(x_1 - 1) = 0\n', notation);
    expect(errorsOf(r).map((d) => d.message)).toEqual(['the indicator 1_{a=b} compares two numbers, not a vector of 2']);
  });

  it('onehot(k, n) is the vector of n indicators k = 1..n', () => {
    const r = resolveEdited(NET + 'check mean([y_2 + 1, 3]) = [0, 1, 0]\n', notation);
    expect(errorsOf(r)).toEqual([]);
    const v = checks(r)[0]!.lhs as Expr & { k: 'vec' };
    expect(v.k).toBe('vec');
    expect(v.shape).toEqual([3]);
    expect(v.items.map((i) => (i as Expr & { k: 'indicator' }).b)).toMatchObject([{ value: 1 }, { value: 2 }, { value: 3 }]);
    expect(v.items.every((i) => i.k === 'indicator' && i.a.k === 'add')).toBe(true);
  });

  it('onehot with a size that is not a whole number is refused at the size', () => {
    const r = resolveEdited(NET + 'check mean([y_2, 2.5]) = 0\n', notation);
    const e = errorsOf(r);
    expect(e.map((d) => [d.message, d.column])).toEqual([['the size n of onehot(k, n) must be a whole number from 1 to 100,000', 18]]);
  });
});

describe('φ = tanh', () => {
  const alias =
    (fnName: string, line: number) =>
    (sts: Statement[]): Statement[] =>
      sts.map((st) => {
        if (st.k === 'def' && st.range.line === line)
          return { k: 'alias', name: st.lhs, fn: fnName, range: st.range } as unknown as Statement;
        return st;
      });

  it('records the name as a definition', () => {
    const r = resolveEdited(NET + 'φ = 1\n', alias('tanh', 14));
    expect(errorsOf(r)).toEqual([]);
    expect(r.symbols.filter((s) => s.name === 'φ').map((s) => s.role)).toEqual(['definition']);
  });

  it('refuses a second meaning', () => {
    const r = resolveEdited(NET + 'φ = 1\nφ = 2\nh = 3\n', (sts) => alias('relu', 16)(alias('tanh', 15)(alias('tanh', 14)(sts))));
    expect(errorsOf(r).map((d) => [d.message, d.line])).toEqual([
      ['φ already means the function tanh on line 14: a name stands for one thing in a file', 15],
      ['h already means something else (defined on line 10): a name stands for one thing in a file', 16],
    ]);
  });
});
