// A solution's premise, `where h_0 = 0` or `x_1 = 0.5`: a value the network gives, stated as it is given. It is
// true at the file's values and false at every draw (the draws vary it), so judged as a claim it is "holds only
// for these values" — a warning a student gets for writing down the exercise's own data. It is said as what it
// is, and a Markdown/LaTeX solution does not check it (solution/analyze.ts).

import type { CheckQuestion, Expr } from '../../language/model';
import { refText } from '../../language/print';
import { fmt } from '../format';
import type { Run } from '../run';

const literal = (e: Expr): number | null => (e.k === 'num' ? e.value : e.k === 'neg' && e.a.k === 'num' ? -e.a.value : null);

/** `h_0 = 0` as written when one side is a given value at a fixed step (or of a shared parameter) and the other that number */
export function statedGiven(q: CheckQuestion, run: Run): string | null {
  if (q.freeT || q.free.length) return null;
  const [ref, num] = q.lhs.k === 'ref' ? [q.lhs, literal(q.rhs)] : q.rhs.k === 'ref' ? [q.rhs, literal(q.lhs)] : [null, null];
  if (!ref || ref.k !== 'ref' || num === null || ref.shape.length > 0 || (ref.idx && (ref.idx.v !== null || ref.idx.terms?.length)))
    return null;
  const step = ref.idx ? ref.idx.k : null;
  if (!givenIn(run, ref.name, step)) return null;
  const v = run.value(ref.name, step)?.data[0];
  return v === num ? `${refText(ref.name, ref.idx)} = ${fmt(num, 6)}` : null;
}

/** a declaration's written value, or a state's numeric equation at that step (h_0 = 0) */
function givenIn(run: Run, name: string, step: number | null): boolean {
  const d = run.model.decls.get(name);
  if (d) return d.values !== undefined && !d.valueRefused;
  const o = step === null ? undefined : run.model.quantities.get(name)?.overrides.get(step);
  return o !== undefined && literal(o) !== null;
}
