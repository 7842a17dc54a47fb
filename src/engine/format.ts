// Numbers and values as people read them: in text (hovers, terminal, messages) and in LaTeX.
import type { Value } from '../report';

export function fmt(x: number, digits = 6): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(+x.toPrecision(digits));
  return x.toExponential(Math.max(0, digits - 3)).replace('e', 'e');
}

const isTensor3 = (v: Value): v is number[][][] => Array.isArray(v) && v.length > 0 && Array.isArray(v[0]) && Array.isArray((v[0] as unknown[])[0]);

export function valueText(v: Value, digits = 6): string {
  if (typeof v === 'number') return fmt(v, digits);
  if (isTensor3(v)) return `[${v.map((m) => valueText(m, digits)).join(', ')}]`;
  if (v.length && Array.isArray(v[0])) return `[${(v as number[][]).map((r) => `[${r.map((x) => fmt(x, digits)).join(', ')}]`).join(', ')}]`;
  return `[${(v as number[]).map((x) => fmt(x, digits)).join(', ')}]`;
}

function latexNum(x: number, digits: number): string {
  const s = fmt(x, digits);
  if (s === '∞') return '\\infty';
  if (s === '−∞') return '-\\infty';
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
  return m ? `${m[1]} \\times 10^{${Number(m[2])}}` : s;
}

export function valueLatex(v: Value, digits = 6): string {
  if (typeof v === 'number') return latexNum(v, digits);
  if (isTensor3(v)) return `\\left(${v.map((m) => valueLatex(m, digits)).join(',\\; ')}\\right)`;
  if (v.length && Array.isArray(v[0])) return `\\begin{bmatrix}${(v as number[][]).map((r) => r.map((x) => latexNum(x, digits)).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
  return `\\begin{bmatrix}${(v as number[]).map((x) => latexNum(x, digits)).join(' \\\\ ')}\\end{bmatrix}`;
}

export function isFiniteValue(v: Value): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return (v as Value[]).every(isFiniteValue);
}
