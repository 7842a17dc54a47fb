// A check's value written after ≈ (`∂L/∂W_hh ≈ 0.0421`, `… = −2(y_3 − o_3) ≈ −0.193`): a number a solution
// rounded to the digits it shows. It is judged at the file's values (the number is about them: a random draw
// changes the left side, never the written value) to half a unit of its last written digit, never skipped.

import type { CheckQuestion, Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { mapChildren } from '../../language/resolve';
import type { CheckStatus, CheckStep } from '../../report';
import { fmt } from '../format';
import type { Run } from '../run';
import { RunError } from '../run';
import { toValue } from '../tensor';
import { checkPoints, evaluateSides, stepRangeText, type Sides } from './points';
import { carriedNumberHint } from './carriedNumber';
import { writtenDecimals } from './roundedEquals';

/** the verdict, for answerCheck's report() */
export interface RoundedVerdict {
  status: CheckStatus;
  message: string;
  steps: CheckStep[];
  failingStep: number | null;
}

/** x rounded to the place of the half unit `tol` (0.00005 → 4 decimals), as text */
function roundedText(x: number, tol: number): string {
  const decimals = Math.round(-Math.log10(2 * tol));
  if (decimals >= 0 && decimals <= 20) return x.toFixed(decimals);
  const unit = 2 * tol;
  return fmt(Math.round(x / unit) * unit);
}

/** the first entry of a point whose left side is farther from the written value than its tolerance */
function firstMiss(s: Sides, tol: number[]): { i: number; l: number; r: number; tol: number } | null {
  const n = Math.max(s.l.data.length, s.r.data.length);
  for (let i = 0; i < n; i++) {
    const l = s.l.data[s.l.data.length === 1 ? 0 : i]!;
    const r = s.r.data[s.r.data.length === 1 ? 0 : i]!;
    const t = tol[tol.length === 1 ? 0 : i] ?? tol[0]!;
    // never stricter than an equation's own tolerance; a hair over the half unit for a value exactly halfway
    const allowed = Math.max(t * (1 + 1e-9), 1e-6 * Math.max(1, Math.abs(l), Math.abs(r)));
    // an infinite side is no rounded value (|∞ − r| ≤ 1e-6·∞ would hold)
    if (!(Math.abs(l - r) <= allowed) || !Number.isFinite(l)) return { i, l, r, tol: t };
  }
  return null;
}

/** the expression with each spectral norm ‖M‖ of a matrix written as its Frobenius norm sqrt(sum(M ⊙ M)) */
function frobenius(e: Expr, found: string[]): Expr {
  if (e.k === 'call' && e.fn === 'opnorm') {
    const x = frobenius(e.arg, found);
    found.push(exprText(e.arg));
    const squares: Expr = {
      k: 'call',
      fn: 'sum',
      arg: { k: 'hadamard', a: x, b: x, shape: x.shape, range: e.range },
      shape: [],
      range: e.range,
    };
    return { k: 'call', fn: 'sqrt', arg: squares, shape: [], range: e.range };
  }
  return mapChildren(e, (c) => frobenius(c, found));
}

/**
 * I2DL's clipping threshold on ‖g‖, g = ∂L/∂W: the norm of a gradient's entries, which for a matrix is its Frobenius
 * norm, while ‖M‖ of a matrix reads as the spectral norm (LANGUAGE.md §4). Where a rounded value misses with the
 * spectral norms and every point holds with the Frobenius ones, the sentence that says so; else ''
 */
function frobeniusMeant(q: CheckQuestion, points: ReturnType<typeof checkPoints>, run: Run): string {
  const found: string[] = [];
  const lhs = frobenius(q.lhs, found);
  if (!found.length) return '';
  try {
    if (evaluateSides(points, lhs, q.rhs, run).some((s) => firstMiss(s, q.approx!) !== null)) return '';
  } catch (e) {
    if (e instanceof RunError) return '';
    throw e;
  }
  const names = [...new Set(found)];
  return `. With the Frobenius norm (of the entries) ${names.map((x) => `‖${x}‖_F`).join(', ')} for ${names.map((x) => `‖${x}‖`).join(', ')} it holds: ‖·‖ of a matrix is read as its spectral norm, the largest singular value`;
}

/** judge a link whose right side is a rounded value (q.approx set) */
export function judgeRounded(q: CheckQuestion & { approx: number[] }, run: Run): RoundedVerdict {
  const points = checkPoints(q);
  let sides: Sides[];
  try {
    sides = evaluateSides(points, q.lhs, q.rhs, run);
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    return { status: 'fails', message: `cannot evaluate: ${e.message}`, steps: [], failingStep: null };
  }
  const misses = sides.map((s) => firstMiss(s, q.approx));
  const steps: CheckStep[] = sides.map((s, k) => ({ t: s.t, lhs: toValue(s.l), rhs: toValue(s.r), ok: !misses[k] }));
  const sized = (s: Sides) => s.l.data.length > 1 || s.r.data.length > 1;
  for (const [k, s] of sides.entries()) {
    const m = misses[k];
    if (!m) continue;
    const which = sized(s) ? `entry ${m.i + 1} of the left side` : 'the left side';
    // a number carried wrong from an earlier step into the side before the value (the arithmetic itself right)
    const num = q.rhs.k === 'neg' ? q.rhs.a : q.rhs;
    const written = sized(s) || num.k !== 'num' ? null : (num.decimals ?? writtenDecimals(num.value));
    const carried = written === null ? null : carriedNumberHint(q.previous, m.r, written, m.l, s.env, run);
    return {
      status: 'fails',
      message: Number.isFinite(m.l)
        ? `fails${s.label}: ${which} is ${fmt(m.l)}, which rounds to ${roundedText(m.l, m.tol)}, not ${roundedText(m.r, m.tol)} as written${carried ? `. ${carried}` : frobeniusMeant(q, points, run)}`
        : `fails${s.label}: ${which} is ${fmt(m.l)}, not a finite number (NaN or ∞), not ${roundedText(m.r, m.tol)} as written`,
      steps,
      failingStep: s.t,
    };
  }
  const range = stepRangeText(q);
  const first = sides[0];
  const shown =
    first && !sized(first)
      ? `: the left side is ${fmt(first.l.data[0]!)}${first.label}, which rounds to ${roundedText(first.l.data[0]!, q.approx[0]!)}`
      : '';
  return {
    status: 'holds',
    message: `holds to the digits written${range} at the file's values${shown} (a rounded value is judged at the file's values only, not at random draws)`,
    steps,
    failingStep: null,
  };
}
