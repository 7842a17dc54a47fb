// Model expressions printed back as Unicode text (hovers, terminal) and as LaTeX (KaTeX).

import { nameCharsLatex } from '../display/latex';
import { nameOfKey, stepLabel } from '../ids';
import { idxString } from './idx';
import type { Expr, Idx } from './model';

const PREC: Record<string, number> = {
  add: 1,
  sub: 1,
  neg: 2,
  mul: 3,
  hadamard: 3,
  matmul: 3,
  div: 3,
  sum: 2,
  prod: 2,
  pow: 5,
  transpose: 6,
  index: 6,
};
const prec = (e: Expr) => PREC[e.k] ?? 9;

const FN_TEXT: Record<string, string> = { sigma: 'σ', dsigma: 'σ′', tanh: 'tanh', dtanh: 'tanh′', relu: 'relu', drelu: 'relu′' };
/** a function's name as messages print it (sigma → σ) */
export function fnText(fn: string): string {
  return FN_TEXT[fn] ?? fn;
}

const FN_LATEX: Record<string, string> = {
  sigma: '\\sigma',
  dsigma: "\\sigma'",
  tanh: '\\tanh',
  dtanh: "\\tanh'",
  relu: '\\operatorname{relu}',
  drelu: "\\operatorname{relu}'",
  exp: '\\exp',
  log: '\\log',
  sqrt: '\\sqrt',
  abs: '\\operatorname{abs}',
  softmax: '\\operatorname{softmax}',
  sum: '\\operatorname{sum}',
  mean: '\\operatorname{mean}',
  diag: '\\operatorname{diag}',
};

export { idxString };

/** the name a user wrote, from a model key (src/ids.ts: untimed twins L = Σ_t L_t carry a "#") */
export const displayName = nameOfKey;

/** h_t, h_{t-1}, W_hh; s_c^t, a_ω^{t+1} for a name with a subscript of its own (ids.ts stepLabel) */
export function refText(key: string, idx: Idx | null): string {
  const name = displayName(key);
  if (!idx) return name;
  return stepLabel(name, idxString(idx, '-'));
}

/** LaTeX of a name: W_hh → W_{hh}; h with index t-1 → h_{t-1}; Greek letters as commands */
export function nameLatex(key: string, idx: Idx | null = null): string {
  const parts = displayName(key).split('_');
  let base = nameCharsLatex(parts[0]!);
  if (base.length > 1 && !base.startsWith('\\') && !base.includes('^')) base = `\\mathit{${base}}`;
  // pushed, not map()ped: map()'s array has another elements kind once optimized, and the push and join after it
  // deoptimized this (the analysis's rounds 40 on)
  const subs: string[] = [];
  for (let i = 1; i < parts.length; i++) subs.push(nameCharsLatex(parts[i]!));
  if (idx) subs.push(idxString(idx, '-'));
  return subs.length ? `${base}_{${subs.join(',')}}` : base;
}

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(6));
}

/** a literal as its writer gave it: its decimals where the parser kept more than its value shows (0.9510), else num's */
const writtenNum = (e: Expr & { k: 'num' }): string => (e.decimals === undefined ? num(e.value) : e.value.toFixed(e.decimals));

/**
 * Whether exprText prints a total derivative written with an upright d (dA/dB, \frac{dA}{dB}, \mathrm{d}) with its
 * d. Off by default (LANGUAGE.md §1: d and ∂ are one token, printed ∂); on while the check layer writes the message
 * of a check that writes both spellings, where d is the total derivative and ∂ the one-step one, so that its hints
 * name each derivative as the student wrote it (session 33)
 */
export const spellings = { kept: false };

export function exprText(e: Expr): string {
  const wrap = (x: Expr, p: number) => (prec(x) < p ? `(${exprText(x)})` : exprText(x));
  // what a postfix (ᵀ, ^, [i]) stands on: a derivative in parentheses, (∂L/∂h_t)ᵀ, or it would read as ∂L/∂(h_tᵀ)
  // a name with a superscript of its own (y^{in}_t, h^{(1)}_3) is bracketed under a power: (h^{(1)}_3)^2, not h^{(1)}_3^2;
  // so is a transpose, (W_hhᵀ)^(T − i) as d2l.ai writes it, not W_hhᵀ^(T − i)
  const base = (x: Expr) =>
    x.k === 'deriv' || x.k === 'transpose' || (x.k === 'ref' && x.name.includes('^')) ? `(${exprText(x)})` : wrap(x, 6);
  switch (e.k) {
    case 'num': {
      const n = writtenNum(e);
      return e.value < 0 ? `(${n})` : n;
    }
    case 'vec':
      return `[${e.items.map(exprText).join(', ')}]`;
    case 'mat':
      return `[${e.rows.map((r) => `[${r.map(exprText).join(', ')}]`).join(', ')}]`;
    case 'ref':
      return refText(e.name, e.idx);
    case 'var':
      return idxString(e.idx);
    case 'neg':
      return `−${wrap(e.a, 3)}`;
    case 'add':
      return `${exprText(e.a)} + ${wrap(e.b, 2)}`;
    case 'sub':
      return `${exprText(e.a)} − ${wrap(e.b, 2)}`;
    case 'mul':
    case 'matmul': {
      const l = wrap(e.a, 3);
      const r = wrap(e.b, 4);
      // 3·2, w·3: a number on the right is set apart by a dot (3 2 reads as one number)
      return e.a.k === 'num' && e.b.k !== 'num' ? `${l}${r.startsWith('(') ? '' : ' '}${r}` : /^[\d.]/.test(r) ? `${l}·${r}` : `${l} ${r}`;
    }
    case 'contract':
      return `${wrap(e.a, 3)} ${wrap(e.b, 4)}`;
    case 'matpow':
      return `${base(e.a)}^(${exprText(e.n)})`;
    case 'indicator':
      return `1[${exprText(e.a)} = ${exprText(e.b)}]`;
    case 'hadamard':
      return `${wrap(e.a, 3)} ⊙ ${wrap(e.b, 4)}`;
    case 'div':
      return `${wrap(e.a, 3)}/${wrap(e.b, 4)}`;
    case 'pow':
      return `${base(e.a)}^${e.b.k === 'num' && e.b.value >= 0 ? num(e.b.value) : `(${exprText(e.b)})`}`;
    case 'call':
      // diag of n ones is the identity, as it was written (I_3, or a bare I sized by its neighbour)
      if (e.fn === 'diag' && e.arg.k === 'vec' && e.arg.items.every((x) => x.k === 'num' && x.value === 1))
        return `I_${e.arg.items.length}`;
      if (e.fn === 'opnorm') return `‖${exprText(e.arg)}‖`;
      return `${fnText(e.fn)}(${exprText(e.arg)})`;
    case 'transpose':
      return `${base(e.a)}ᵀ`;
    case 'index':
      return `${base(e.a)}[${exprText(e.i)}${e.j ? ', ' + exprText(e.j) : ''}]`;
    case 'sum':
    case 'prod':
      return e.desc
        ? `∏_{${idxString(e.to)}≥${e.v}≥${idxString(e.from)}} ${wrap(e.body, 3)}`
        : `${e.k === 'sum' ? 'Σ' : '∏'}_{${e.v}=${idxString(e.from)}}^{${idxString(e.to)}} ${wrap(e.body, 3)}`;
    case 'deriv': {
      const of = e.of.k === 'ref' ? exprText(e.of) : `(${exprText(e.of)})`;
      const d = spellings.kept && e.spelled === 'd' && e.total && !e.oneStep ? 'd' : '∂';
      return `${d}${e.total || e.oneStep ? '' : '⁺'}${of}/${d}${refText(e.wrt.name, e.wrt.idx)}`;
    }
  }
}

export function exprLatex(e: Expr): string {
  const wrap = (x: Expr, p: number) => (prec(x) < p ? `\\left(${exprLatex(x)}\\right)` : exprLatex(x));
  switch (e.k) {
    case 'num': {
      const n = writtenNum(e);
      return e.value < 0 ? `(${n})` : n;
    }
    case 'vec':
      return `\\begin{bmatrix}${e.items.map(exprLatex).join(' \\\\ ')}\\end{bmatrix}`;
    case 'mat':
      return `\\begin{bmatrix}${e.rows.map((r) => r.map(exprLatex).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
    case 'ref':
      return nameLatex(e.name, e.idx);
    case 'var':
      return idxString(e.idx, '-');
    case 'neg':
      return `-${wrap(e.a, 3)}`;
    case 'add':
      return `${exprLatex(e.a)} + ${wrap(e.b, 2)}`;
    case 'sub':
      return `${exprLatex(e.a)} - ${wrap(e.b, 2)}`;
    case 'mul':
    case 'matmul':
      return `${wrap(e.a, 3)} \\, ${wrap(e.b, 4)}`;
    case 'contract':
      return `${wrap(e.a, 3)} \\, ${wrap(e.b, 4)}`;
    case 'matpow':
      return `{${wrap(e.a, 6)}}^{${exprLatex(e.n)}}`;
    case 'indicator':
      return `\\mathbb{1}_{${exprLatex(e.a)} = ${exprLatex(e.b)}}`;
    case 'hadamard':
      return `${wrap(e.a, 3)} \\odot ${wrap(e.b, 4)}`;
    case 'div':
      return `\\frac{${exprLatex(e.a)}}{${exprLatex(e.b)}}`;
    case 'pow':
      return `{${wrap(e.a, 6)}}^{${exprLatex(e.b)}}`;
    case 'call':
      if (e.fn === 'opnorm') return `\\left\\lVert ${exprLatex(e.arg)} \\right\\rVert`;
      return e.fn === 'sqrt' ? `\\sqrt{${exprLatex(e.arg)}}` : `${FN_LATEX[e.fn] ?? e.fn}\\left(${exprLatex(e.arg)}\\right)`;
    case 'transpose':
      return `{${wrap(e.a, 6)}}^{\\top}`;
    case 'index':
      return `\\left[${exprLatex(e.a)}\\right]_{${exprLatex(e.i)}${e.j ? ',' + exprLatex(e.j) : ''}}`;
    case 'sum':
    case 'prod':
      // a descending product is written with its bounds as a sheet writes it: ∏_{to ≥ v ≥ from}
      if (e.desc) return `\\prod_{${idxString(e.to, '-')} \\geq ${e.v} \\geq ${idxString(e.from, '-')}} ${wrap(e.body, 3)}`;
      return `${e.k === 'sum' ? '\\sum' : '\\prod'}_{${e.v}=${idxString(e.from, '-')}}^{${idxString(e.to, '-')}} ${wrap(e.body, 3)}`;
    case 'deriv':
      return `\\frac{\\partial${e.total || e.oneStep ? '' : '^{+}'} ${e.of.k === 'ref' ? exprLatex(e.of) : `\\left(${exprLatex(e.of)}\\right)`}}{\\partial ${nameLatex(e.wrt.name, e.wrt.idx)}}`;
  }
}

/** "a", "a or b", "a, b or c": the choices a message offers, in order */
export const orList = (xs: readonly string[]): string =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
