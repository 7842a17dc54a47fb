// A hand computation that carries a wrong number from an earlier step: `∂𝓛/∂y_1 = −2(t_1 − y_1) ≈ −2(1 − 0.6631) =
// −0.6738`, where 0.6631 is the y_1 an earlier equation got wrong (0.6555). The arithmetic of the last step is right;
// the number put in is not. "rounds to −0.6890, not −0.6738 as written" said where the value is wrong, not why; a grader
// writes "0.6631 should be 0.6555 (y_1): the mistake is carried from there". Asked only where the value is the side
// before it rounded (the student's arithmetic is right) and the left side is not.

import type { Expr, Model } from '../../language/model';
import { makeIdx } from '../../language/idx';
import { exprText, refText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { fmt } from '../format';
import type { Run } from '../run';
import type { Env } from '../run';
import { guard } from './guard';
import { replacing } from './replacing';
import { writtenDecimals } from './roundedEquals';

/** numbers tried as the one carried wrong, and the steps of the search for each one's right value */
const MAX_NUMBERS = 4;
const MAX_STEPS = 8;
/** quantities × steps looked through to name the number's value (a scalar network of a sheet has a few dozen) */
const MAX_LOOKS = 400;

/** the numbers of one or more decimals written in a side, with their decimals, up to MAX_NUMBERS + 1 */
function fractions(e: Expr, out: { node: Expr & { k: 'num' }; decimals: number }[] = []) {
  if (out.length > MAX_NUMBERS) return out;
  if (e.k === 'num') {
    const decimals = e.decimals ?? writtenDecimals(e.value);
    if (decimals !== null && decimals >= 1) out.push({ node: e, decimals });
  } else if (e.k !== 'deriv') forChildren(e, (c) => void fractions(c, out), VALUE_CHILDREN);
  return out;
}

/** the value v of the number that makes `side` equal `target` (a secant search from the written value), or null */
function solveFor(side: Expr, node: Expr & { k: 'num' }, target: number, env: Env, run: Run): number | null {
  const f = (v: number) => {
    const d = guard(() => run.evaluateShared(replacing(side, node, { ...node, value: v }), env).data);
    return d && d.length === 1 && Number.isFinite(d[0]!) ? d[0]! - target : null;
  };
  let [a, b] = [node.value, node.value + 1e-3 * Math.max(1, Math.abs(node.value))];
  let [fa, fb] = [f(a), f(b)];
  for (let k = 0; k < MAX_STEPS && fa !== null && fb !== null; k++) {
    if (Math.abs(fb) <= 1e-10 * Math.max(1, Math.abs(target))) return b;
    if (fb === fa) return null;
    [a, fa, b] = [b, fb, b - (fb * (b - a)) / (fb - fa)];
    fb = f(b);
  }
  return fb !== null && Math.abs(fb) <= 1e-10 * Math.max(1, Math.abs(target)) ? b : null;
}

/** a scalar of the network whose value at the file's values rounds as `v` does to `decimals` ("y_1"), or null */
function valueName(model: Model, v: number, decimals: number, run: Run): string | null {
  const want = v.toFixed(decimals);
  let looks = 0;
  for (const q of model.quantities.values()) {
    if (q.shape.length) continue;
    const steps = q.timed ? Array.from({ length: model.T }, (_, i) => i + 1) : [null];
    for (const t of steps) {
      if (looks++ >= MAX_LOOKS) return null;
      const idx = t === null ? null : makeIdx(null, t);
      const ref: Expr = { k: 'ref', name: q.name, idx, shape: [], range: q.range };
      const d = guard(() => run.evaluateShared(ref, {}).data);
      if (d && d.length === 1 && d[0]!.toFixed(decimals) === want) return refText(q.name, idx);
    }
  }
  return null;
}

/**
 * "The side before it, −2(1 − 0.6631) = −0.6738, is worked out right, but its 0.6631 should be 0.6555 (the value of
 * y_1): with that number it is the left side — the mistake is carried in with that number", or null
 */
export function carriedNumberHint(
  previous: Expr | undefined,
  written: number,
  decimals: number,
  left: number,
  env: Env,
  run: Run,
): string | null {
  if (!previous) return null;
  const p = guard(() => run.evaluateShared(previous, env).data);
  if (!p || p.length !== 1 || !Number.isFinite(p[0]!)) return null;
  const half = 0.5 * 10 ** -decimals * (1 + 1e-9);
  // the student's arithmetic from the side before is right, and that side is not the left side
  if (Math.abs(p[0]! - written) > half || Math.abs(p[0]! - left) <= half) return null;
  const numbers = fractions(previous);
  if (numbers.length > MAX_NUMBERS) return null;
  for (const { node, decimals: d } of numbers) {
    const v = solveFor(previous, node, left, env, run);
    // a number off by its own rounding is no mistake carried (that is roundedEquals.ts's case)
    if (v === null || v.toFixed(d) === node.value.toFixed(d)) continue;
    const name = valueName(run.model, v, d, run);
    if (!name) continue;
    const shown = node.value.toFixed(d);
    return `The side before it, ${exprText(previous)} = ${fmt(p[0]!)}, is worked out right, but its ${shown} should be ${v.toFixed(d)}, the value of ${name}: with that number it is the left side — the mistake is made where ${shown} was worked out, and carried into this value`;
  }
  return null;
}
