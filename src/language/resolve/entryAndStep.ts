// Cho et al. (2014) write a unit's values with the step above and the unit below, h_j^{⟨t⟩}, and the gates with the
// unit alone, z_j, the step left unwritten. z_j read as z at step j, beside h_j^{⟨t⟩} where j picks an entry, made one
// letter both an entry index and a step: the check failed "the shapes differ" (probe 38). A free index that picks
// entries and is also a step is refused, naming the name it is the step of.
import type { Expr } from '../model';
import { idxVars } from '../idx';
import { refText } from '../print';
import { walkRefs } from './walk';

/** the first reference of the sides whose step is written with the letter v (z_j): its name, and as written */
export function stepNamedBy(sides: readonly Expr[], v: string): { name: string; text: string } | null {
  let found: { name: string; text: string } | null = null;
  for (const e of sides)
    walkRefs(e, (r) => {
      if (found === null && r.idx && idxVars(r.idx).includes(v)) found = { name: r.name, text: refText(r.name, r.idx) };
    });
  return found;
}
