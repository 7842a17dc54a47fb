// A vector target declared with no values gets sample values in [0, 1] that are not one-hot, so a formula that
// needs one-hot targets — Goodfellow et al.'s ∇_{o^{(t)}} L = ŷ^{(t)} − y^{(t)} for a softmax with cross-entropy —
// fails at them. When the check holds with one-hot targets in their place, the failure says so and how to
// declare them (the verdict stays: the file's targets are what it is judged at).
import type { Model } from '../../language/model';
import type { QuestionContext } from '../questions';
import { rng } from '../random';
import { RunError } from '../run';
import type { Claim } from './hints';
import { anyOff } from './points';

/** trials with the targets one-hot at seeded places; all must hold */
const TRIALS = 3;

/** the vector targets of the model given no values */
function unvaluedVectorTargets(model: Model): { name: string; n: number; perStep: boolean }[] {
  const out: { name: string; n: number; perStep: boolean }[] = [];
  for (const d of model.decls.values())
    if (d.kind === 'target' && !d.values && d.shape.length === 1 && d.shape[0]! > 1)
      out.push({ name: d.name, n: d.shape[0]!, perStep: d.perStep });
  return out;
}

export function oneHotTargetHint(claim: Claim, ctx: QuestionContext): string | null {
  const targets = unvaluedVectorTargets(ctx.model);
  if (!targets.length) return null;
  for (let trial = 1; trial <= TRIALS; trial++) {
    const r = rng(0x5eed + trial);
    const values = new Map<string, Float64Array[]>();
    for (const t of targets) {
      const steps = t.perStep ? ctx.model.T : 1;
      values.set(
        t.name,
        Array.from({ length: steps }, () => {
          const v = new Float64Array(t.n);
          v[Math.min(t.n - 1, Math.floor(r() * t.n))] = 1;
          return v;
        }),
      );
    }
    try {
      if (anyOff(claim.points, claim.lhs, claim.rhs, ctx.draws.runWith(values))) return null;
    } catch (e) {
      if (e instanceof RunError) return null;
      throw e;
    }
  }
  const names = targets.map((t) => t.name);
  const [first] = targets;
  const example = `target ${first!.name} : ${first!.n} = [[1${', 0'.repeat(first!.n - 1)}], …]`;
  return `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} no given values, and the sample values are not one-hot: with one-hot ${names.join(', ')} the check holds — give the targets' values (${example}) and the draws keep them one-hot`;
}
