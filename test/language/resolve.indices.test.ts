// LANGUAGE.md §3, §4: a sequence named t, free indices, entry indices, step arithmetic with several variables,
// Σ over entries, descending products.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import { bindIdxVar, idxString, idxValue } from '../../src/language/idx';
import type { CheckQuestion, DeriveQuestion, Expr } from '../../src/language/model';
import { exprText } from '../../src/language/print';
import { NET } from './resolve.helpers';

const VNET = `T = 3
input x : 2 = [[1, 0], [0, 1], [1, 1]]
param W : 3x2 = 0.1
param U : 3x3 = 0.2
param v : 3 = 0.5
h_0 = [0, 0, 0]
h_t = tanh(W x_t + U h_{t-1})
E = sum(h_3)
`;

function read(text: string) {
  const c = compile(text);
  const errors = c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`);
  return { c, errors, checks: c.model.questions.filter((q): q is CheckQuestion => q.kind === 'check') };
}

describe('a sequence named t (seed 001)', () => {
  it('t_t, t_3 and t_{t-1} index it; a bare t is the step', () => {
    const text =
      NET.replace('target y', 'target t').replace(/y_t/g, 't_t') +
      'p_t = 0.5 t\ncheck ∂L/∂o_3 = -2(t_3 - o_3)\ncheck t_{t} = t_t\ncheck t_{t-1} = 1 for t = 2..3\n';
    const { errors, checks, c } = read(text);
    expect(errors).toEqual([]);
    expect((checks[0]!.rhs as Expr & { k: 'mul' }).b).toMatchObject({ k: 'sub', a: { k: 'ref', name: 't', idx: { v: null, k: 3 } } });
    expect(checks[1]!.lhs).toMatchObject({ k: 'ref', name: 't', idx: { v: 't', k: 0 } });
    expect(checks[2]!.lhs).toMatchObject({ k: 'ref', name: 't', idx: { v: 't', k: -1 } });
    expect(c.model.quantities.get('p')!.general).toMatchObject({ k: 'mul', b: { k: 'var', idx: { v: 't', k: 0 } } });
  });
});

describe('step arithmetic with several variables', () => {
  it('o_{T+t-i} and h_{t-k} keep every variable; idxValue evaluates them', () => {
    const { errors, checks } = read(VNET + 'check Σ_{i=1}^{t} h_{T+t-i} = h_{T}\ncheck Σ_{k=0}^{t-1} h_{t-k} = Σ_{j=1}^{t} h_j\n');
    expect(errors).toEqual([]);
    const body = (checks[0]!.lhs as Expr & { k: 'sum' }).body as Expr & { k: 'ref' };
    expect(body.idx).toEqual({ v: 't', k: 3, terms: [{ v: 'i', sign: -1 }] });
    expect(idxValue(body.idx!, { t: 2, i: 1 })).toBe(4);
    expect(idxValue(body.idx!, { t: 2 })).toBeUndefined();
    expect(bindIdxVar(body.idx!, 't', 2)).toEqual({ v: null, k: 5, terms: [{ v: 'i', sign: -1 }] });
    expect(idxString(bindIdxVar(body.idx!, 't', 2), '-')).toBe('5-i');
    expect(exprText(checks[1]!.lhs)).toBe('Σ_{k=0}^{t−1} h_{t-k}');
    // the steps where every term is defined: t + 3 - i ≤ T only for t = 1
    expect(checks[0]!.steps).toEqual([1]);
  });

  it('a left side with a second variable is refused', () => {
    const { errors } = read('T = 3\ninput x = 1\nh_{t-k} = x_t\n');
    expect(errors).toEqual(["3:4 the left side's index must be t (the general equation) or one step (h_0, h_{T+1}), not this"]);
  });
});

describe('free indices (§3)', () => {
  it('a free step: ∂x_t/∂x_k runs k over the steps, beside t', () => {
    const { errors, checks } = read(VNET + 'check ∂h_t/∂h_k = ∂h_t/∂h_k\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.free).toEqual([{ v: 'k', values: [1, 2, 3] }]);
    expect(checks[0]!.steps).toEqual([1, 2, 3]);
    expect((checks[0]!.lhs as Expr & { k: 'deriv' }).wrt.idx).toEqual({ v: 'k', k: 0 });
  });

  it('a free step only where both sides are defined', () => {
    const { checks } = read(VNET + 'check h_{k+1} = h_{k+1}\n');
    expect(checks[0]!.free).toEqual([{ v: 'k', values: [1, 2] }]);
  });

  it("seed 003: ∂E/∂p_i^{(k)} — k over the steps, i over the entries; the gradient's entry i", () => {
    const { errors, checks } = read(VNET + 'check ∂E/∂h_i^{(k)} = ∂E/∂h_i^{(k)}\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.free).toEqual([
      { v: 'k', values: [1, 2, 3] },
      { v: 'i', values: [1, 2, 3] },
    ]);
    expect(checks[0]!.lhs).toMatchObject({
      k: 'index',
      a: { k: 'deriv', shape: [3], wrt: { name: 'h', idx: { v: 'k', k: 0 } } },
      i: { k: 'var', idx: { v: 'i' } },
    });
  });

  it('a derive reads its one free step index as t (it was "k is not bound" at run time; views13)', () => {
    const c = compile(VNET + 'derive ∂h_3/∂h_k\n');
    const q = c.model.questions[0] as DeriveQuestion;
    expect([q.freeT, q.steps, q.free]).toEqual([true, [1, 2, 3], []]);
  });

  it('a letter outside any index position stays an unknown name', () => {
    const { errors } = read(VNET + 'check E = q\n');
    // no 'did you mean x?': every one-letter name is one edit from every other
    expect(errors).toEqual(['9:11 unknown name q']);
  });

  it('an entry index over entries of different sizes is refused', () => {
    const { errors } = read(VNET + 'check v_i = x_1[i]\n');
    // which entry is which size, so the one written with the wrong index is found (session 43)
    expect(errors).toEqual(['9:1 the free index i picks entries of different sizes (3 and 2): 3 in v[i]; 2 in x_1[i]']);
  });
});

describe('entry indices (§4)', () => {
  it('v[i], v_i, v_2, M_{i,j}, h_1^{(t)} and p_j^{(k+1)} pick entries (1-based)', () => {
    const { errors, checks } = read(
      VNET +
        'check v[i] = v_i\ncheck v_2 = 0.5\ncheck Σ_{i=1}^{3} Σ_{j=1}^{3} U_{i,j} = sum(U)\ncheck h_1^{(t)} = h_t[1]\ncheck Σ_{k=1}^{2} h_j^{(k+1)} = 0\n',
    );
    expect(errors).toEqual([]);
    expect(checks[0]!.rhs).toMatchObject({ k: 'index', a: { k: 'ref', name: 'v', idx: null }, i: { k: 'var' }, j: null });
    expect(checks[1]!.lhs).toMatchObject({ k: 'index', i: { k: 'num', value: 2 } });
    const inner = ((checks[2]!.lhs as Expr & { k: 'sum' }).body as Expr & { k: 'sum' }).body;
    expect(inner).toMatchObject({ k: 'index', a: { name: 'U' }, i: { k: 'var', idx: { v: 'i' } }, j: { k: 'var', idx: { v: 'j' } } });
    expect(checks[3]!.lhs).toMatchObject({ k: 'index', a: { k: 'ref', name: 'h', idx: { v: 't', k: 0 } }, i: { k: 'num', value: 1 } });
    expect((checks[4]!.lhs as Expr & { k: 'sum' }).body).toMatchObject({
      k: 'index',
      a: { name: 'h', idx: { v: 'k', k: 1 } },
      i: { k: 'var', idx: { v: 'j' } },
    });
    expect(checks[4]!.free).toEqual([{ v: 'j', values: [1, 2, 3] }]);
  });

  it('Σ_j and Σ_{i,j} with no bounds run over the entries they pick; Σ_i h_i still over the steps', () => {
    const { errors, checks } = read(VNET + 'check Σ_j v_j = sum(v)\ncheck Σ_i Σ_j U_{i,j} = sum(U)\ncheck Σ_i h_i = 0\n');
    expect(errors).toEqual([]);
    expect(checks[0]!.lhs).toMatchObject({ k: 'sum', v: 'j', from: { v: null, k: 1 }, to: { v: null, k: 3 } });
    expect(exprText(checks[1]!.lhs)).toBe('Σ_{i=1}^{3} (Σ_{j=1}^{3} U[i, j])');
    expect(checks[2]!.lhs).toMatchObject({ k: 'sum', to: { v: null, k: 3 }, body: { k: 'ref', name: 'h', idx: { v: 'i', k: 0 } } });
  });

  it('an entry outside the vector, or a matrix given one index, is refused with the range of the name', () => {
    const { errors } = read(VNET + 'check v_4 = 0\ncheck U_{1} = 0\n');
    expect(errors).toEqual(['9:7 entry 4 is outside 1..3', '10:7 U is a 3×3 matrix: pick an entry with two indices']);
  });

  it('∂(vector)/∂ an entry is the vector of its entries’ derivatives (session 42); of a matrix, refused', () => {
    expect(read(VNET + 'check ∂h_3/∂U_{1,2} = 0\n').errors).toEqual([]);
    const { errors } = read(VNET + 'M_t = h_t h_tᵀ\ncheck ∂M_3/∂v_i = 0\n');
    expect(errors).toEqual(['10:7 ∂A/∂(an entry) needs a scalar A or a vector; this A is a 3×3 matrix']);
  });
});

describe('a product written top-down (∏_{t≥i>k})', () => {
  it('keeps desc in the model; the text reads in the written order', () => {
    const c = compile(VNET + 'check ∏_{3≥i>1} ∂h_i/∂h_{i-1} = ∂h_3/∂h_2 ∂h_2/∂h_1\ncheck ∏_{i=2}^{3} U = U U\n');
    expect(c.diagnostics).toEqual([]);
    const sts = c.model.questions as CheckQuestion[];
    const desc = sts[0]!.lhs as Expr & { k: 'prod' };
    expect(desc).toMatchObject({ k: 'prod', v: 'i', from: { v: null, k: 2 }, to: { v: null, k: 3 }, desc: true });
    expect(exprText(desc)).toBe('∏_{3≥i≥2} ∂h_i/∂h_{i-1}');
    expect((sts[1]!.lhs as Expr & { k: 'prod' }).desc).toBeUndefined();
  });
});

describe("an entry picked by a target's value (ŷ_{y})", () => {
  it('in a per-step equation, ŷ_{y} is entry y_t of ŷ_t, with an information diagnostic', () => {
    const text = `T = 2
input x : 3 = 1
target y = [1, 3]
param W : 3x3 = 0.1
s_t = softmax(W x_t)
L_t = -log(s_{y})
`;
    const c = compile(text);
    expect(c.diagnostics.map((d) => [d.severity, d.message, d.line, d.column])).toEqual([
      ['information', "s_{y} is read as entry y_t of s_t (the entry picked by y's value at the same step)", 6, 11],
    ]);
    expect(c.model.quantities.get('L')!.general).toMatchObject({
      k: 'neg',
      a: {
        k: 'call',
        fn: 'log',
        arg: { k: 'index', a: { k: 'ref', name: 's', idx: { v: 't', k: 0 } }, i: { k: 'ref', name: 'y', idx: { v: 't', k: 0 } } },
      },
    });
  });
});

describe('two digits run together on a matrix that is no sequence (session 29)', () => {
  it('W_{21} is entry (2, 1), with an information; a digit past the shape is named', () => {
    const { errors, checks, c } = read(VNET + 'check W_{21} = W_{2,1}\ncheck W_{13} = 0\n');
    expect(checks[0]!.lhs).toMatchObject({ k: 'index', i: { k: 'num', value: 2 }, j: { k: 'num', value: 1 } });
    expect(c.diagnostics.filter((d) => d.severity === 'information').map((d) => d.message)).toContain(
      'W_{21} is read as entry (2, 1) of W: W_{2,1}',
    );
    expect(errors).toEqual(['10:7 entry 3 is outside 1..2']);
  });
});
