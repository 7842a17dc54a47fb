// Every display equation of the five seed solutions (students' worked solutions, copied verbatim with
// their line breaks folded), read by the lexer and parser: none throws, the ones that are equations read
// without an error (a block that starts with '=' or '+' continues the one before, so it is read after a
// left side of its own), and the trees are the intended ones at the notations that were new in v2.
import { describe, expect, it } from 'vitest';
import { read, sx } from './notationHelpers';

const SEEDS: Record<string, string[]> = {
  '000': [
    'u_t = \\sigma(w.h_{t-1} + w.x_t) \\quad (1)',
    's_t = w.(h_{t-1} + x_t) \\quad (2)',
    'h_t = u_t.h_{t-1} + (1 - u_t).s_t \\quad (3)',
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\frac{u_t * h_{t-1} + (1 - u_t) * s_t}{\\partial h_{t-1}} \\quad (4)',
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = u_t \\cdot \\frac{\\partial h_{t-1}}{\\partial h_{t-1}} + (1 - u_t) \\cdot \\frac{\\partial s_t}{\\partial h_{t-1}} \\quad (5)',
    '(6)',
    's_t = w.(h_{t-1} + x_t) \\quad (7)',
    '\\frac{\\partial s_t}{\\partial h_{t-1}} = w.\\frac{\\partial h_{t-1}}{\\partial h_{t-1}} + 0 \\quad (8)',
    '= w \\quad (9)',
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = u_t + (1 - u_t).w \\quad (10)',
    'A_t = 1 - u_t \\quad (11)',
    'B_t = u_t \\quad (12)',
    '\\frac{\\partial h_t}{\\partial h_0} = \\frac{\\partial h_t}{\\partial h_{t-1}} \\cdot \\frac{\\partial h_{t-1}}{\\partial h_{t-2}} \\cdot \\frac{\\partial h_{t-2}}{\\partial h_{t-3}} \\cdots \\frac{\\partial h_1}{\\partial h_0} \\quad (13)',
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = (1 - u_t).w + u_t \\quad (14)',
  ],
  '001': [
    'h_t = \\sigma(\\tilde{h}_t) = \\sigma(W_{xh}x_t + W_{hh}h_{t-1} + b_h) \\tag{1}',
    'y_t = \\sigma(\\tilde{y}_t) = \\sigma(W_{hy}h_t + b_y) \\tag{2}',
    '\\mathcal{L}_t(t_t, y_t) = (t_t - y_t)^2 \\tag{3}',
    '\\mathcal{L} = \\sum_{t=1}^{T} \\mathcal{L}_t \\tag{4}',
    '= (\\mathcal{L}_1 + \\mathcal{L}_2 + \\mathcal{L}_3) \\tag{5}',
    '= (t_1 - y_1)^2 + (t_2 - y_2)^2 + (t_3 - y_3)^2',
    '\\frac{\\partial \\mathcal{L}}{\\partial h_1}',
    '\\frac{\\partial \\mathcal{L}}{\\partial y_3} = \\frac{\\partial \\mathcal{L}}{\\partial \\mathcal{L}_3} \\cdot \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\tag{7}',
    '=1\\cdot 2(t_3-y_3)(-1) \\tag{8}',
    '\\frac{\\partial \\mathcal{L}}{\\partial y_2} = \\frac{\\partial \\mathcal{L}}{\\partial \\mathcal{L}_2} \\cdot \\frac{\\partial \\mathcal{L}_2}{\\partial y_2} \\tag{10}',
    '=1\\cdot 2(t_2-y_2)(-1) \\tag{11}',
    '\\frac{\\partial \\mathcal{L}_3}{\\partial h_3} = \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial y_3}{\\partial h_3} \\tag{13}',
    '= \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial \\sigma(W_{hy}h_3 + b_y)}{\\partial h_3} \\tag{14}',
    "= \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\sigma'(W_{hy}h_3 + b_y)W_{hy} \\tag{15}",
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\frac{\\partial \\sigma(W_{xh}x_t + W_{hh}h_{t-1} + b_h)}{\\partial h_{t-1}} \\tag{16}',
    "= \\sigma'(W_{xh}x_t + W_{hh}h_{t-1} + b_h)W_{hh} \\tag{17}",
    '\\frac{\\partial \\mathcal{L}}{\\partial h_2} = \\frac{\\partial (\\mathcal{L}_2 + \\mathcal{L}_3)}{\\partial h_2} \\tag{18}',
    '= \\frac{\\partial \\mathcal{L}_2}{\\partial y_2} \\cdot \\frac{\\partial y_2}{\\partial h_2} + \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial y_3}{\\partial h_2}',
    '= \\frac{\\partial \\mathcal{L}_2}{\\partial y_2} \\cdot \\frac{\\partial y_2}{\\partial h_2} + \\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial y_3}{\\partial h_3} \\cdot \\frac{\\partial h_3}{\\partial h_2}',
    '\\frac{\\partial \\mathcal{L}}{\\partial h_1} = \\frac{\\partial (\\mathcal{L}_1 + \\mathcal{L}_2 + \\mathcal{L}_3)}{\\partial h_1}',
    '= \\frac{\\partial \\mathcal{L}_1}{\\partial y_1} \\cdot \\frac{\\partial y_1}{\\partial h_1}',
    '= \\frac{\\partial \\mathcal{L}_1}{\\partial y_1} \\cdot \\frac{\\partial y_1}{\\partial h_1} \\tag{22}',
    '+\\frac{\\partial \\mathcal{L}_2}{\\partial y_2} \\cdot \\frac{\\partial y_2}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial h_1} \\tag{23}',
    '+\\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial y_3}{\\partial h_3} \\cdot \\frac{\\partial h_3}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial h_1}',
    '\\frac{\\partial \\mathcal{L}}{\\partial W_{rh}}',
    '\\frac{\\partial \\mathcal{L}}{\\partial W_{hh}}',
    '\\frac{\\partial h_t}{\\partial W_{xh}} = \\frac{\\partial \\sigma(W_{xh}x_t + W_{hh}h_{t-1} + b_h)}{\\partial W_{xh}} \\tag{25}',
    "= \\sigma'(W_{xh}x_t + W_{hh}h_{t-1} + b_h)x_t \\tag{26}",
    '\\frac{h_t}{W_{hh}} = \\frac{\\partial \\sigma(W_{xh}x_t + W_{hh}h_{t-1} + b_h)}{\\partial W_{hh}}',
    "= \\sigma'(W_{xh}x_t + W_{hh}h_{t-1} + b_h)h_{t-1}",
    '\\frac{\\partial \\mathcal{L}}{\\partial W_{xh}} = \\frac{\\partial (\\mathcal{L}_1 + \\mathcal{L}_2 + \\mathcal{L}_3)}{\\partial W_{xh}}',
    '= \\frac{\\partial \\mathcal{L}_1}{\\partial y_1} \\cdot \\frac{\\partial y_1}{\\partial h_1} \\cdot \\frac{\\partial h_1}{\\partial W_{xh}}',
    '= \\frac{\\partial \\mathcal{L}_1}{\\partial y_1} \\cdot \\frac{\\partial y_1}{\\partial h_1} \\cdot \\frac{\\partial h_1}{\\partial W_{xh}} \\tag{30}',
    '+\\frac{\\partial \\mathcal{L}_2}{\\partial y_2} \\cdot \\frac{\\partial y_2}{\\partial h_2} \\cdot \\left(\\frac{\\partial h_2}{\\partial W_{xh}} + \\frac{\\partial h_2}{\\partial h_1} \\cdot \\frac{\\partial h_1}{\\partial W_{xh}}\\right) \\tag{31}',
    '+\\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial y_3}{\\partial h_3} \\cdot \\left(\\frac{\\partial h_3}{\\partial W_{xh}} + \\frac{\\partial h_3}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial W_{xh}} + \\frac{\\partial h_3}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial h_1} \\cdot \\frac{\\partial h_2}{\\partial W_{xh}}\\right) \\tag{32}',
    '\\frac{\\partial \\mathcal{L}}{\\partial W_{hh}} = \\frac{\\partial (\\mathcal{L}_2 + \\mathcal{L}_3)}{\\partial W_{hh}} \\tag{33}',
    '= \\frac{\\partial \\mathcal{L}_2}{\\partial y_2} \\cdot \\frac{\\partial y_2}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial W_{hh}}',
    '+\\frac{\\partial \\mathcal{L}_3}{\\partial y_3} \\cdot \\frac{\\partial y_3}{\\partial h_3} \\cdot \\left(\\frac{\\partial h_3}{\\partial W_{hh}} + \\frac{\\partial h_3}{\\partial h_2} \\cdot \\frac{\\partial h_2}{\\partial W_{hh}}\\right) \\tag{35}',
  ],
  '002': [
    '\\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{W}_{ph}} = \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{W}_{ph}}',
    '\\begin{aligned} \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{W}_{hh}} &= \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{h}^{(T)}} \\frac{\\partial \\mathbf{h}^{(T)}}{\\partial \\mathbf{W}_{hh}} = \\sum_{i=0}^T \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{h}^{(T)}} \\frac{\\partial \\mathbf{h}^{(T)}}{\\partial \\mathbf{h}^{(i)}} \\frac{\\partial \\mathbf{h}^{(i)}}{\\partial \\mathbf{W}_{hh}} \\\\ &= \\sum_{i=0}^T \\frac{\\partial \\mathcal{L}^{(T)}}{\\partial \\mathbf{p}^{(T)}} \\frac{\\partial \\mathbf{p}^{(T)}}{\\partial \\mathbf{h}^{(T)}} \\left( \\prod_{j=i+1}^T \\frac{\\partial \\mathbf{h}^{(j)}}{\\partial \\mathbf{h}^{(j-1)}} \\right) \\frac{\\partial \\mathbf{h}^{(i)}}{\\partial \\mathbf{W}_{hh}} \\end{aligned}',
    'N_{\\text{total}} = 4 \\left( \\underbrace{N_{\\text{hidden}} \\cdot N_{\\text{input}} + N_{\\text{hidden}} \\cdot N_{\\text{hidden}} + N_{\\text{hidden}}}_{\\text{gate input weights, recurrent weights and biases}} \\right. \\\\ \\left. + \\underbrace{N_{\\text{output}} \\cdot N_{\\text{hidden}}}_{\\text{output weights}} + \\underbrace{N_{\\text{output}}}_{\\text{output bias}} \\right)',
  ],
  '003': [
    "\\frac{\\partial E}{\\partial p_i} = \\sum_j \\frac{\\partial E}{\\partial y_j} \\cdot \\sigma'(z_j) \\cdot w_{i,j}",
    "\\frac{\\partial E}{\\partial p_i^{(k)}} = \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\cdot \\sigma' \\left( z_j^{(k+1)} \\right) \\cdot w_{i,j}^{(k+1)}",
    "\\begin{split} \\frac{\\partial E}{\\partial p_r^{(k-1)}} &= \\sum_i \\frac{\\partial E}{\\partial p_i^{(k)}} \\cdot \\sigma' \\left( z_i^{(k)} \\right) \\cdot w_{r,i}^{(k)} \\\\ &= \\sum_i \\left( \\sum_j \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\cdot \\sigma' \\left( z_j^{(k+1)} \\right) \\cdot w_{i,j}^{(k+1)} \\right) \\cdot \\sigma' \\left( z_i^{(k)} \\right) \\cdot w_{r,i}^{(k)} \\\\ &= \\sum_{i,j} \\frac{\\partial E}{\\partial p_j^{(k+1)}} \\cdot \\sigma' \\left( z_j^{(k+1)} \\right) \\cdot \\sigma' \\left( z_i^{(k)} \\right) \\cdot w_{i,j}^{(k+1)} \\cdot w_{r,i}^{(k)} \\end{split}",
  ],
  '004': [
    'W = \\begin{bmatrix} 1 & 1 & 1 \\\\ 1 & 1 & 1 \\\\ 1 & 1 & 1 \\end{bmatrix}',
    'b_h = \\begin{bmatrix} -0.5 \\\\ -1.5 \\\\ -2.5 \\end{bmatrix}',
    'v = [1 \\quad -1 \\quad 1]',
    'b_y = -0.5',
    'h^{(t)} = Ux^{(t)} + Wh^{(t-1)} + b_h',
    'y^{(t)} = vh^{(t)} + b_y',
    'h_1^{(t)} = x_1^{(t)} + x_2^{(t)} + h_1^{(t-1)} - 0.5',
    'h_2^{(t)} = x_1^{(t)} + x_2^{(t)} + h_2^{(t-1)} - 1.5',
    'h_3^{(t)} = x_1^{(t)} + x_2^{(t)} + h_3^{(t-1)} - 2.5',
    'y^{(t)} = h_1^{(t)} - h_2^{(t)} + h_3^{(t)} - 0.5',
    'i^{(t)} = \\sigma(w_{ix} x^{(t)} + w_{ih} h^{(t-1)})',
    'f^{(t)} = \\sigma(w_{fx} x^{(t)} + w_{fh} h^{(t-1)})',
    'o^{(t)} = \\sigma(w_{ox} x^{(t)} + w_{oh} h^{(t-1)})',
    'g^{(t)} = \\tanh(w_{gx} x^{(t)} + w_{gh} h^{(t-1)})',
    'c^{(t)} = f^{(t)} c^{(t-1)} + i^{(t)} g^{(t)}',
    'h^{(t)} = o^{(t)} \\tanh(c^{(t)})',
    'h^{(t)} = 1 + i^{(t+1)} \\frac{\\partial i^{(t+1)}}{\\partial h^{(t+1)}} + f^{(t+1)} \\frac{\\partial f^{(t+1)}}{\\partial h^{(t+1)}} + o^{(t+1)} \\frac{\\partial o^{(t+1)}}{\\partial h^{(t+1)}} + g^{(t+1)} \\frac{\\partial g^{(t+1)}}{\\partial h^{(t+1)}}',
    '= 1 + \\overline{i^{(t+1)}} \\sigma^{-1}(w_{ix} x^{(t+1)} + w_{ih} h^{(t+1)}) \\cdot w_{ih} + \\overline{f^{(t+1)}} \\sigma^{-1}(w_{fx} x^{(t+1)} + w_{fh} h^{(t+1)}) \\cdot w_{fh} + \\overline{o^{(t+1)}} \\sigma^{-1}(w_{ox} x^{(t+1)} + w_{oh} h^{(t+1)}) \\cdot w_{oh} + \\overline{g^{(t+1)}} \\tanh^{-1}(w_{gx} x^{(t+1)} + w_{gh} h^{(t+1)}) \\cdot w_{gh}',
    '\\begin{aligned}\\overline{c^{(t)}} &= \\overline{h^{(t)}} \\frac{\\partial h^{(t)}}{\\partial c^{(t)}} + \\overline{c^{(t+1)}} \\frac{\\partial c^{(t+1)}}{\\partial c^{(t)}} \\\\ &= \\overline{h^{(t)}} o^{(t)} \\tanh^{-1}(c^{(t)}) + \\overline{c^{(t+1)}} f^{(t)}\\end{aligned}',
    '\\overline{g^{(t)}} = \\overline{c^{(t)}} \\frac{\\partial c^{(t)}}{\\partial g^{(t)}}',
    '= \\overline{c^{(t)}} i^{(t)}',
    '\\begin{aligned}\\overline{o^{(t)}} &= \\overline{h^{(t)}} \\frac{\\partial h^{(t)}}{\\partial o^{(t)}} \\\\ &= \\overline{h^{(t)}} \\tanh(c^{(t)})\\end{aligned}',
    '\\begin{aligned}\\overline{f^{(t)}} &= \\overline{c^{(t)}} \\frac{\\partial c^{(t)}}{\\partial f^{(t)}} \\\\ &= \\overline{c^{(t)}} c^{(t+1)}\\end{aligned}',
    '\\overline{i^{(t)}} = \\overline{c^{(t)}} g^{(t)}',
  ],
};

/** the equation as a statement: a chain is a check, a bare expression a derive; a continuation gets a left side */
function statementOf(eq: string): string {
  const e = /^[=]/.test(eq) ? `E_0 ${eq}` : eq;
  return e.includes('=') ? `check ${e}` : `derive ${e}`;
}

function sidesOf(eq: string): string[] {
  const r = read(statementOf(eq));
  const errs = [...r.lexErrors, ...r.errors.filter((x) => x.severity !== 'information').map((x) => x.message)];
  if (errs.length) throw new Error(errs.join('\n'));
  const st = r.statements[0]!;
  if (st.k === 'check') return [st.lhs, st.rhs, ...st.more].map(sx);
  if (st.k === 'derive') return [sx(st.expr)];
  throw new Error(st.k);
}

/** equations that are not claims the language reads, with the diagnostic that says why */
const UNREAD: Record<string, RegExp> = {
  // (seed 000 eq. 13's \cdots is read since session 12: the factors' pattern continued, as ∏)
};

describe("the seeds' display equations", () => {
  for (const [seed, eqs] of Object.entries(SEEDS)) {
    it(`seed ${seed}: every equation reads, or is named`, () => {
      for (const eq of eqs) {
        const r = read(statementOf(eq));
        const msgs = [...r.lexErrors, ...r.errors.filter((x) => x.severity !== 'information').map((x) => x.message)];
        const why = UNREAD[eq];
        if (why) {
          expect(msgs.length, eq).toBeGreaterThan(0);
          expect(msgs[0], eq).toMatch(why);
        } else expect(msgs, eq).toEqual([]);
      }
    });
  }

  it('seed 000: dots are products, (n) labels the equation, ∂ only below reads with a note', () => {
    const r = read(statementOf(SEEDS['000']![2]!));
    expect(r.statements[0]).toMatchObject({ k: 'check', tag: '3' });
    expect(sidesOf(SEEDS['000']![2]!)).toEqual(['h_t', '(+ (* u_t h[(- t 1)]) (* (- 1 u_t) s_t))']);
    const eq4 = read(statementOf(SEEDS['000']![3]!));
    expect(eq4.errors.map((e) => e.severity)).toEqual(['information']);
    expect(sidesOf(SEEDS['000']![3]!)[1]).toBe('(d (+ (* u_t h[(- t 1)]) (* (- 1 u_t) s_t)) h[(- t 1)])');
  });

  it('seed 001 eq. 1: \\tilde{h}_t is the name h̃_t, a chain of three sides with its tag', () => {
    const eq = SEEDS['001']![0]!;
    expect(sidesOf(eq)).toEqual(['h_t', 'sigma(h\u0303_t)', 'sigma((+ (+ (· W_xh x_t) (· W_hh h[(- t 1)])) b_h))']);
    expect(read(statementOf(eq)).statements[0]).toMatchObject({ tag: '1' });
  });

  it('seed 001 eq. 16 and 18: ∂ of any expression', () => {
    const eq16 = SEEDS['001']!.find((e) => e.includes('\\tag{16}'))!;
    expect(sidesOf(eq16)[1]).toBe('(d sigma((+ (+ (· W_xh x_t) (· W_hh h[(- t 1)])) b_h)) h[(- t 1)])');
    const eq18 = SEEDS['001']!.find((e) => e.includes('\\tag{18}'))!;
    expect(sidesOf(eq18)).toEqual(['(d L h_2)', '(d (+ L_2 L_3) h_2)']);
  });

  it('seed 002 (b): \\mathbf, \\left( ∏_{j=i+1}^T … \\right), and the rows of aligned as one chain', () => {
    const eq = SEEDS['002']![1]!;
    const s = sidesOf(eq);
    expect(s).toHaveLength(4);
    expect(s[0]).toBe('(d L^(T) W_hh)');
    expect(s[1]).toBe('(· (· (d L^(T) p^(T)) (d p^(T) h^(T))) (d h^(T) W_hh))');
    expect(s[3]).toBe('(sum i 0 T (· (· (· (d L^(T) p^(T)) (d p^(T) h^(T))) (prod j (+ i 1) T (d h^(j) h^((- j 1))))) (d h^(i) W_hh)))');
  });

  it('seed 002: the LSTM count with \\text names and \\underbrace', () => {
    const s = sidesOf(SEEDS['002']![2]!);
    expect(s).toEqual([
      'N_total',
      '(· 4 (+ (+ (+ (+ (* N_hidden N_input) (* N_hidden N_hidden)) N_hidden) (* N_output N_hidden)) N_output))',
    ]);
  });

  it('seed 003: Σ_j and Σ_{i,j} with w_{i,j}^{(k+1)}', () => {
    expect(sidesOf(SEEDS['003']![1]!)[1]).toBe('(sum j _ _ (* (* (d E p_j^((+ k 1))) dsigma(z_j^((+ k 1)))) w[[i, j]]^((+ k 1))))');
    const s = sidesOf(SEEDS['003']![2]!);
    expect(s).toHaveLength(4);
    expect(s[3]).toBe(
      '(sum i _ _ (sum j _ _ (* (* (* (* (d E p_j^((+ k 1))) dsigma(z_j^((+ k 1)))) dsigma(z_i^(k))) w[[i, j]]^((+ k 1))) w[[r, i]]^(k))))',
    );
  });

  it('seed 004: \\overline{c^{(t)}}, bmatrix, [1 \\quad -1 \\quad 1], \\sigma^{-1} and \\tanh^{-1}', () => {
    const find = (needle: string) => SEEDS['004']!.find((e) => e.startsWith(needle))!;
    expect(sidesOf(find('W ='))).toEqual(['W', '[[1, 1, 1], [1, 1, 1], [1, 1, 1]]']);
    expect(sidesOf(find('b_h ='))).toEqual(['b_h', '[-0.5, -1.5, -2.5]']);
    expect(sidesOf(find('v ='))).toEqual(['v', '[[1, -1, 1]]']);
    expect(sidesOf(find('\\begin{aligned}\\overline{c^{(t)}}'))).toEqual([
      '(bar c^(t))',
      '(+ (· (bar h^(t)) (d h^(t) c^(t))) (· (bar c^((+ t 1))) (d c^((+ t 1)) c^(t))))',
      '(+ (· (· (bar h^(t)) o^(t)) artanh{\\tanh^{-1}}(c^(t))) (· (bar c^((+ t 1))) f^(t)))',
    ]);
    const inv = sidesOf(find('= 1 + \\overline{i^{(t+1)}}'))[1]!;
    expect(
      inv.startsWith('(+ (+ (+ (+ 1 (* (· (bar i^((+ t 1))) logit{\\sigma^{-1}}((+ (· w_ix x^((+ t 1))) (· w_ih h^((+ t 1)))))) w_ih))'),
    ).toBe(true);
  });
});
