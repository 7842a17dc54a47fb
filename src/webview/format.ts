// Number and value formatting for the panel (display only: the numbers come from the Report).

import type { Value } from '../report';

/** A number in at most `digits` significant digits, with a real minus sign; exponents for tiny/huge ones. */
export function fmt(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  let s: string;
  if (a >= 1e-3 && a < 1e5) {
    s = String(Number(x.toPrecision(digits)));
  } else {
    const [m, e] = x.toExponential(digits - 1).split('e');
    s = `${String(Number(m))}e${Number(e)}`;
  }
  return s.replace(/^-/, '−').replace(/e-/, 'e−');
}

export function isMatrix(v: Value): v is number[][] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);
}

/** All entries of a value, row-major. */
export function entries(v: Value): number[] {
  if (typeof v === 'number') return [v];
  if (isMatrix(v)) return v.flat();
  return v as number[];
}

/** A value as one line of text: 0.5, [0.1, 0.2], [[1, 0], [0, 1]] — long ones cut with "…". */
export function fmtValue(v: Value | null | undefined, maxEntries = 8, digits = 4): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return fmt(v, digits);
  if (isMatrix(v)) {
    const rows = v.slice(0, maxEntries).map((r) => fmtValue(r, maxEntries, digits));
    return `[${rows.join(', ')}${v.length > maxEntries ? ', …' : ''}]`;
  }
  const xs = (v as number[]).slice(0, maxEntries).map((x) => fmt(x, digits));
  return `[${xs.join(', ')}${v.length > maxEntries ? ', …' : ''}]`;
}

/** Shape as written in a .rnn file: scalar, 3, 3×3. */
export function fmtShape(shape: number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}

/** Largest absolute entry (0 for empty). */
export function maxAbs(v: Value | null | undefined): number {
  if (v === null || v === undefined) return 0;
  let m = 0;
  for (const x of entries(v)) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m;
}
