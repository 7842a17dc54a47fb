// Cho et al. (2014) write a unit's values with the step above and the unit below, h_j^{⟨t⟩}, and the gates with the
// unit alone, z_j, the step left unwritten. z_j read as z at step j, beside h_j^{⟨t⟩} where j picks an entry, made one
// letter both an entry index and a step: the check failed "the shapes differ" (probe 38). A free index that picks an
// entry of a value at a step (h_t[j]) and is also a step is refused, naming the name it is the step of. (Picking an
// entry of a literal or a weight by the step, [0, 1, 0][k] or V_{hk} beside δ_h, keeps its reading.)
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

/**
 * of the entries the free index v picks (`found`, as entrySizes lists them), the first of a value written at another
 * step (h_t[j]); null if it picks none (an entry at v's own step, w^k_{jk} of layers numbered as steps, is one letter
 * read one way for that value)
 */
export function timedEntry(found: readonly { entry: Expr }[], v: string): Expr | null {
  const at = (u: Expr) => (u.k === 'index' && u.a.k === 'ref' && u.a.idx !== null ? u.a.idx : null);
  return found.find((u) => at(u.entry) !== null && !idxVars(at(u.entry)!).includes(v))?.entry ?? null;
}
