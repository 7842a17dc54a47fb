// An identity in free variables (resolve/identity.ts: `tanh'(z) = 1 − tanh(z)^2`, z no name of the network): no value
// of the network is read, so there are no file values and no steps; the sides are judged at seeded random values of
// the variables, the same ones every run. It holds when it holds at every value judged, fails at the first value where
// the sides differ, and is not known to hold when no value could be judged (a side no finite number at every one).

import type { CheckQuestion } from '../../language/model';
import type { CheckReport, CheckStatus, CheckStep } from '../../report';
import { andList, fmt, valueText } from '../format';
import type { QuestionContext } from '../questions';
import { hash, rng } from '../random';
import { RunError, type Env } from '../run';
import { toValue, type Tensor } from '../tensor';
import { close } from './points';
import { falseText, satisfies } from './bound';

/** how many values an identity is judged at: whatever the draws setting (an identity has no file values to fall back on) */
export const IDENTITY_VALUES = 8;
/** the values are drawn in [−SPAN, SPAN], where σ and tanh bend and saturate; one that gives no finite number is tried at |v| */
const SPAN = 3;

const finite = (t: Tensor) => t.data.every((x) => Number.isFinite(x));

/** "z = 0.5, a = -1.2" */
const atText = (env: Env, vars: readonly string[]) => vars.map((v) => `${v} = ${fmt(env[v]!)}`).join(', ');

export function answerIdentity(
  q: CheckQuestion & { identity: string[] },
  ctx: QuestionContext,
  report: (status: CheckStatus, message: string, steps: CheckStep[]) => CheckReport,
): CheckReport {
  const vars = q.identity;
  const names = andList(vars);
  const which = vars.length === 1 ? 'a free variable' : 'free variables';
  const why = whyFree(vars, ctx);
  const what = `${names} ${vars.length === 1 ? 'is' : 'are'} ${which} (${why})`;
  const r = rng(hash(vars.join(' ')));
  const steps: CheckStep[] = [];
  let skipped: { env: Env; reason: string } | null = null;
  let skips = 0;
  for (let k = 0; k < IDENTITY_VALUES; k++) {
    const env: Env = {};
    for (const v of vars) env[v] = Math.round((2 * r() - 1) * SPAN * 1e4) / 1e4;
    let sides = evaluate(q, env, ctx);
    // log, sqrt: a negative value outside the domain, tried at its magnitude
    if (typeof sides === 'string' && vars.some((v) => env[v]! < 0)) {
      for (const v of vars) env[v] = Math.abs(env[v]!);
      sides = evaluate(q, env, ctx);
    }
    if (typeof sides === 'string') {
      skips++;
      skipped ??= { env, reason: sides };
      continue;
    }
    const [l, rr] = sides;
    const ok = q.relation ? satisfies(q.relation, l.data[0]!, rr.data[0]!) : close(l.data, rr.data);
    steps.push({ t: null, at: { ...env }, lhs: toValue(l), rhs: toValue(rr), ok });
    if (!ok) {
      const lv = toValue(l);
      const rv = toValue(rr);
      const diff = q.relation
        ? ` (${falseText(q.relation, lv as number, rv as number)})`
        : typeof lv === 'number' && typeof rv === 'number'
          ? ` (difference ${fmt(lv - rv, 4)})`
          : '';
      return report(
        'fails',
        `fails at ${atText(env, vars)}: the left side is ${valueText(lv)}, the right side ${valueText(rv)}${diff}. ${what}: the ${q.relation ? 'bound' : 'identity'} is checked for any ${names}, at random values`,
        steps,
      );
    }
  }
  const skipText = skipped
    ? `${skips} of the ${IDENTITY_VALUES} values could not be judged (${atText(skipped.env, vars)}: ${skipped.reason})`
    : '';
  if (!steps.length)
    return report(
      'holds-at-given-values',
      `not known to hold: ${what}, and at none of ${IDENTITY_VALUES} random values of ${names} could both sides be evaluated (${atText(skipped!.env, vars)}: ${skipped!.reason})`,
      [],
    );
  const judged = steps.length;
  return report(
    'holds',
    `holds: ${q.relation ? 'a bound' : 'an identity'} in ${names}, ${which} (${why}): ${q.relation ? 'it holds' : 'the sides agree'} at ${judged} random values of ${names} in [−${SPAN}, ${SPAN}]${skipText ? `; ${skipText}` : ''}`,
    steps,
  );
}

/**
 * why the letters are variables: no names of the network, or a sequence of it written with no step (`σ'(x)` with
 * an input x), which names none of its values
 */
function whyFree(vars: readonly string[], ctx: QuestionContext): string {
  const seqs = vars.filter((v) => ctx.model.decls.has(v) || ctx.model.quantities.has(v));
  const many = vars.length > 1 ? 's' : '';
  if (!seqs.length) return `no name${many} of the network`;
  const unstepped = `${andList(seqs)} written with no step, no value of the network`;
  return seqs.length === vars.length ? unstepped : `no name${many} of the network, or ${unstepped}`;
}

/** both sides at env, or why not (a run error, not a finite number) */
function evaluate(q: CheckQuestion, env: Env, ctx: QuestionContext): [Tensor, Tensor] | string {
  try {
    const l = ctx.run.evaluateShared(q.lhs, env);
    const r = ctx.run.evaluateShared(q.rhs, env);
    return finite(l) && finite(r) ? [l, r] : 'not a finite number';
  } catch (e) {
    if (e instanceof RunError) return e.message;
    throw e;
  }
}
