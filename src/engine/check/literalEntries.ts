// A vector or matrix worked out by hand with an entry wrong: `h^{(2)} = … = [0, −1, −2.5]` where the third entry is
// −2. The sides' values were printed whole and nothing said which entry; a grader circles the entry. Asked only where
// the right side is a literal of numbers and some of its entries are right (all of them wrong is another mistake).

import type { Expr } from '../../language/model';
import { fmt } from '../format';
import type { Run } from '../run';
import { guard } from './guard';
import type { Claim } from './hints';
import { closeNumbers } from './points';

/** the numbers of a literal vector or matrix (−0.5 included), row by row; null if an entry is no number */
function literalNumbers(e: Expr): number[] | null {
  const num = (x: Expr): number | null => (x.k === 'num' ? x.value : x.k === 'neg' && x.a.k === 'num' ? -x.a.value : null);
  const items = e.k === 'vec' ? e.items : e.k === 'mat' ? e.rows.flat() : null;
  if (!items || items.length < 2) return null;
  const out = items.map(num);
  return out.every((v): v is number => v !== null) ? out : null;
}

/** "entry 3 is −2.5 as written; the left side's is −2 (the other entries agree)", or null */
export function literalEntryHint(c: Claim, run: Run): string | null {
  const written = literalNumbers(c.rhs);
  if (!written) return null;
  const cols = c.rhs.k === 'mat' ? (c.rhs.rows[0]?.length ?? 0) : 0;
  for (const p of c.points) {
    const l = guard(() => run.evaluateShared(c.lhs, p.env).data);
    if (!l || l.length !== written.length) return null;
    const wrong = written.map((_, i) => i).filter((i) => !closeNumbers(l[i]!, written[i]!));
    if (!wrong.length) continue;
    if (wrong.length === written.length || wrong.length > 2) return null;
    const at = (i: number) => (cols ? `entry (${Math.floor(i / cols) + 1}, ${(i % cols) + 1})` : `entry ${i + 1}`);
    const said = wrong.map((i) => `${at(i)} is ${fmt(written[i]!)} as written, the left side's ${fmt(l[i]!)}`).join('; ');
    return `${said.replace(/^e/, 'E')}${p.label} (the other entries agree)`;
  }
  return null;
}
