// derive forms as a sheet writes them (session 18, derive18):
// - a boundary step's gradient row uᵀ V diag(v) is the row (Vᵀu ⊙ v)ᵀ, as the general step's δ-recursion
//   writes it (an LSTM's ∂L/∂c₃ = (Vᵀ (ŷ₃ − y₃) ⊙ o₃ ⊙ tanh′(c₃))ᵀ, was (ŷ₃ − y₃)ᵀ V diag(o₃ ⊙ tanh′(c₃)));
// - the preactivation of an accented name (c̃_t, a GRU's h̃_t) is a_{c̃,t}, not c̃̃_t.
// Every form shown is one the analysis evaluated back to the number: on random networks the rewritten form
// must still be shown (so printed form and number agree) and be the row.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
// the engine's seeded generator (mulberry32): the random networks are the same every run
import { rng } from '../../src/engine/random';

const mat = (r: () => number, m: number, n: number): string =>
  `[${Array.from({ length: m }, () => `[${Array.from({ length: n }, () => (2 * r() - 1).toFixed(3)).join(', ')}]`).join(', ')}]`;

/** an LSTM (vector gates, d2l/colah) with a linear read-out V and a squared error */
function lstm(seed: number): string {
  const r = rng(seed);
  const n = 2 + Math.floor(3 * r());
  const d = 1 + Math.floor(3 * r());
  const p = 2 + Math.floor(2 * r());
  const T = 3 + Math.floor(2 * r());
  const gates = ['f', 'i', 'o', 'c'].flatMap((g) => [
    `param W_${g} : ${n}x${d} = ${mat(r, n, d)}`,
    `param U_${g} : ${n}x${n} = ${mat(r, n, n)}`,
  ]);
  return [
    `T = ${T}`,
    `input x : ${d}`,
    `target y : ${p}`,
    ...gates,
    `param V : ${p}x${n} = ${mat(r, p, n)}`,
    'h_0 = 0',
    'c_0 = 0',
    'f_t = σ(W_f x_t + U_f h_{t-1})',
    'i_t = σ(W_i x_t + U_i h_{t-1})',
    'o_t = σ(W_o x_t + U_o h_{t-1})',
    'c̃_t = tanh(W_c x_t + U_c h_{t-1})',
    'c_t = f_t ⊙ c_{t-1} + i_t ⊙ c̃_t',
    'h_t = o_t ⊙ tanh(c_t)',
    'ŷ_t = V h_t',
    'loss L = Σ_t 0.5 sum((ŷ_t - y_t)^2)',
    'derive ∂L/∂c_t',
    'derive ∂L/∂o_t',
    'derive ∂L/∂h_t',
    '',
  ].join('\n');
}

const nfc = (s: string): string => s.normalize('NFC');
const sub = (k: number): string => String(k).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[+c]!);

describe('derive18: forms as sheets print them', () => {
  // the column its general line is (session 58; it printed the row (Vᵀ(ŷ_T − y_T) ⊙ o_T ⊙ tanh′(c_T))ᵀ)
  it("an LSTM's boundary ∂L/∂c_T is the column Vᵀ(ŷ_T − y_T) ⊙ o_T ⊙ tanh′(c_T), on random networks", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const text = lstm(seed);
      const T = Number(/^T = (\d+)/.exec(text)![1]);
      const a = analyze(text, { forms: true });
      const [dc, dout] = a.derives;
      const k = sub(T);
      const last = dc!.general!.find((g) => g.from === T)!;
      // shown, so evaluated back to the number at this network's values
      expect(last.text.normalize('NFC')).toContain(
        nfc(`∂L/∂c${k} = ∂L/∂ŷ${k}·∂ŷ${k}/∂h${k}·∂h${k}/∂c${k} = Vᵀ (ŷ${k} − y${k}) ⊙ o${k} ⊙ tanh′(c${k})`),
      );
      expect(last.latex).not.toContain('\\operatorname{diag}');
      const lastO = dout!.general!.find((g) => g.from === T)!;
      expect(lastO.text.normalize('NFC')).toContain(nfc(`= Vᵀ (ŷ${k} − y${k}) ⊙ tanh(c${k})`));
    }
  });

  it('the preactivation of c̃ is a_{c̃,t}, never c̃̃', () => {
    const a = analyze(lstm(7), { forms: true });
    const h = a.derives[2]!.general!.map((g) => g.text).join('\n');
    expect(h).toContain('tanh′(a_{c̃,t+1})');
    expect(h).toContain('a_{c̃,t+1} = W_c x_{t+1} + U_c h_t');
    expect(h).not.toMatch(/c̃\u0303|c\u0303\u0303/);
    const latex = a.derives[2]!.general!.map((g) => g.latex).join('\n');
    expect(latex).toContain('a_{\\tilde{c},t+1}');
    expect(latex).not.toContain('\\tilde{\\tilde');
  });

  it("a GRU's candidate h̃_t: its preactivation is a_{h̃,t}", () => {
    const text = [
      'T = 3',
      'input x : 2',
      'param W_z : 2x2',
      'param U_z : 2x2',
      'param W : 2x2',
      'param U : 2x2',
      'param v : 2',
      'h_0 = 0',
      'z_t = σ(W_z x_t + U_z h_{t-1})',
      'h̃_t = tanh(W x_t + U h_{t-1})',
      'h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ h̃_t',
      'loss L = vᵀ h_T',
      'derive ∂h_t/∂h_{t-1}',
      '',
    ].join('\n');
    const g = analyze(text, { forms: true })
      .derives[0]!.general!.map((x) => x.text)
      .join('\n');
    expect(g).toContain('tanh′(a_{h̃,t})');
    expect(g).toContain('a_{h̃,t} = W x_t + U h_{t-1}');
    expect(g).not.toMatch(/h̃\u0303|h\u0303\u0303/);
  });
});

/** Goodfellow §10.2.2: a tanh RNN, softmax outputs, one-hot targets, random sizes and values */
function goodfellow(seed: number): string {
  const r = rng(seed);
  const n = 2 + Math.floor(3 * r());
  const d = 1 + Math.floor(3 * r());
  const p = 2 + Math.floor(2 * r());
  return [
    'T = 3',
    `input x : ${d}`,
    `target y : ${p}`,
    `param W : ${n}x${n} = ${mat(r, n, n)}`,
    `param U : ${n}x${d} = ${mat(r, n, d)}`,
    `param V : ${p}x${n} = ${mat(r, p, n)}`,
    `param b : ${n}`,
    `param c : ${p}`,
    'h_0 = 0',
    'a_t = b + W h_{t-1} + U x_t',
    'h_t = tanh(a_t)',
    'o_t = c + V h_t',
    'ŷ_t = softmax(o_t)',
    'L_t = -sum(y_t ⊙ log(ŷ_t))',
    'loss L = Σ_t L_t',
    'derive ∂L/∂W',
    'derive ∂L/∂b',
    '',
  ].join('\n');
}

describe("derive18: Goodfellow's weight gradient, term by term", () => {
  it('the first step of ∂L/∂b is the row (Vᵀ(ŷ₁ − y₁) ⊙ tanh′(a₁))ᵀ (eq. 10.22), on random networks', () => {
    for (let seed = 11; seed <= 16; seed++) {
      const [, db] = analyze(goodfellow(seed), { forms: true }).derives;
      // shown, so evaluated back to the number: the printed form and the number agree
      const b = nfc(db!.results[0]!.forms!.explicit!.text);
      expect(b).toContain(nfc('∂L/∂b = (Vᵀ (ŷ₁ − y₁) ⊙ tanh′(a₁))ᵀ\n'));
    }
  });
});

describe('derive18: an MLP with layers as steps', () => {
  it("the last layer's ∂E/∂W_T is ((p_T − d_T) ⊙ σ′(p̃_T)) p_{T-1}ᵀ, no diag, no ⊗", () => {
    const text = [
      'T = 3',
      'param W_t : 2x2',
      'param b_t : 2',
      'target d : 2',
      'p_0 = [1, -1]',
      'p_t = σ(W_t p_{t-1} + b_t)',
      'loss E = 0.5 sum((p_T - d_T)^2)',
      'derive ∂E/∂W_t',
      'derive ∂E/∂W_2',
      '',
    ].join('\n');
    const [all] = analyze(text, { forms: true }).derives;
    const last = all!.general!.find((g) => g.from === 3)!;
    expect(last.text).toContain('∂E/∂W₃ = ∂E/∂p₃·∂p₃/∂W₃ = ((p₃ − d₃) ⊙ σ′(p̃₃)) p₂ᵀ');
  });
});

describe('derive18: a sum of diagonals is one diagonal', () => {
  it("a GRU's ∂h_t/∂h_{t-1}: diag((h_{t-1} − h̃_t) ⊙ σ′(z̃_t)) U_z, not (diag(h_{t-1}) − diag(h̃_t)) diag(…) U_z", () => {
    for (let seed = 21; seed <= 24; seed++) {
      const r = rng(seed);
      const n = 2 + Math.floor(3 * r());
      const text = [
        'T = 3',
        'input x : 2',
        `param W_z : ${n}x2 = ${mat(r, n, 2)}`,
        `param U_z : ${n}x${n} = ${mat(r, n, n)}`,
        `param W : ${n}x2 = ${mat(r, n, 2)}`,
        `param U : ${n}x${n} = ${mat(r, n, n)}`,
        'h_0 = 0',
        'z_t = σ(W_z x_t + U_z h_{t-1})',
        'h̃_t = tanh(W x_t + U h_{t-1})',
        'h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ h̃_t',
        'loss L = sum(h_T)',
        'derive ∂h_t/∂h_{t-1}',
        '',
      ].join('\n');
      // shown, so evaluated back to the number at every step
      const g = analyze(text, { forms: true })
        .derives[0]!.general!.map((x) => x.text)
        .join('\n');
      expect(nfc(g)).toContain(nfc('diag((h_{t-1} − h̃_t) ⊙ σ′(z̃_t)) U_z'));
      expect(g).not.toContain('diag(h_{t-1}) − diag(');
    }
  });

  it("a GRU's δ-recursion factors δ ⊙ h_t − δ ⊙ h̃_{t+1} as δ_{t+1} ⊙ (h_t − h̃_{t+1})", () => {
    const text = [
      'T = 3',
      'input x : 2',
      'param W_z : 3x2',
      'param U_z : 3x3',
      'param W : 3x2',
      'param U : 3x3',
      'param v : 3',
      'h_0 = 0',
      'z_t = σ(W_z x_t + U_z h_{t-1})',
      'h̃_t = tanh(W x_t + U h_{t-1})',
      'h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ h̃_t',
      'loss L = vᵀ h_T',
      'derive ∂L/∂h_t',
      '',
    ].join('\n');
    const g = analyze(text, { forms: true })
      .derives[0]!.general!.map((x) => x.text)
      .join('\n');
    expect(nfc(g)).toContain(nfc('U_zᵀ (δ_{t+1} ⊙ (h_t − h̃_{t+1}) ⊙ σ′(z̃_{t+1}))'));
  });
});

describe('derive18: a vector by a matrix (d2l §9.7, ∂h_t/∂W_hh)', () => {
  it('has its forms (the 3-tensor number is compared entry by entry), printed as a list of matrices', () => {
    for (let seed = 31; seed <= 34; seed++) {
      const r = rng(seed);
      const n = 2 + Math.floor(2 * r());
      const text = [
        'T = 3',
        'input x : 2',
        `param W_hx : ${n}x2 = ${mat(r, n, 2)}`,
        `param W_hh : ${n}x${n} = ${mat(r, n, n)}`,
        `h_0 = ${mat(r, 1, n).slice(1, -1)}`,
        'h_t = tanh(W_hx x_t + W_hh h_{t-1})',
        'loss L = sum(h_T)',
        'derive ∂h_2/∂W_hh',
        'derive ∂h_t/∂W_hh',
        '',
      ].join('\n');
      const [two, all] = analyze(text, { forms: true }).derives;
      const res = two!.results[0]!;
      // shown, so evaluated back to the number: the printed form and the number agree
      expect(res.forms?.explicit?.text).toContain('∂h₂/∂W_hh = diag(tanh′(h̃₂)) (I');
      // the value as the n×n×n tensor it is: n matrices
      expect(res.text).toMatch(/= \[\[\[/);
      const general = all!.general!.map((g) => g.text).join('\n');
      expect(nfc(general)).toContain(nfc('∂h_t/∂W_hh = ∂⁺h_t/∂W_hh + ∂h_t/∂h_{t-1}·∂h_{t-1}/∂W_hh'));
      expect(nfc(general)).toContain(nfc(`= diag(tanh′(h̃_t)) (I${'₀₁₂₃₄₅₆₇₈₉'[n]} ⊗ h_{t-1}ᵀ) + diag(tanh′(h̃_t)) W_hh·∂h_{t-1}/∂W_hh`));
    }
  });
});
