// A solution's premise, `where h_0 = 0` or `x_1 = 0.5`: a value the network gives, stated as it is given. It is
// true at the file's values and false at every draw (the draws vary it), so judged as a claim it is "holds only
// for these values" — a warning a student gets for writing down the exercise's own data. It is said as what it
// is, and a Markdown/LaTeX solution does not check it (solution/analyze.ts).
//
// The data of a sheet is often a vector or a matrix, written as the sheet writes it: seed 004 restates its
// `b_h = \begin{bmatrix} -0.5 \\ -1.5 \\ -2.5 \end{bmatrix}` and its all-ones W. A literal of numbers, every
// entry the given one, in the given value's shape (a row or a column for a vector, one number for a value
// given as one number that fills its shape), is that premise too.

import { valueText } from '../format';
import type { CheckQuestion, Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { toValue, type Tensor } from '../tensor';
import type { Run } from '../run';

/** a literal's numbers in row-major order, and its shape without sizes of 1; null for anything but numbers */
export function literal(e: Expr): { data: number[]; shape: number[] } | null {
  if (e.k === 'num') return { data: [e.value], shape: [] };
  if (e.k === 'neg') {
    const a = literal(e.a);
    return a && { data: a.data.map((x) => -x), shape: a.shape };
  }
  if (e.k === 'vec') {
    const items = e.items.map(literal);
    if (items.some((i) => !i || i.data.length !== 1)) return null;
    return { data: items.map((i) => i!.data[0]!), shape: squeeze([items.length]) };
  }
  if (e.k === 'mat') {
    const rows = e.rows.map((r) => r.map(literal));
    if (rows.some((r) => r.some((i) => !i || i.data.length !== 1))) return null;
    return { data: rows.flat().map((i) => i!.data[0]!), shape: squeeze([rows.length, rows[0]?.length ?? 0]) };
  }
  return null;
}

const squeeze = (shape: readonly number[]): number[] => shape.filter((n) => n !== 1);

/** the literal is the value as given: entry for entry in its shape (row and column alike), or one number equal to every entry */
function sameValue(lit: { data: number[]; shape: number[] }, v: Tensor): boolean {
  const data = Array.from(v.data);
  if (lit.data.length === 1) return data.every((x) => x === lit.data[0]);
  const shape = squeeze(v.shape);
  return shape.length === lit.shape.length && shape.every((n, i) => n === lit.shape[i]) && data.every((x, i) => x === lit.data[i]);
}

/** `h_0 = 0` as written when one side is a given value at a fixed step (or of a shared parameter) and the other that value */
export function statedGiven(q: CheckQuestion, run: Run): string | null {
  if (q.freeT || q.free.length) return null;
  const given = (e: Expr) => e.k === 'ref' || (e.k === 'index' && e.a.k === 'ref');
  const [side, lit] = given(q.lhs) ? [q.lhs, literal(q.rhs)] : given(q.rhs) ? [q.rhs, literal(q.lhs)] : [null, null];
  if (!side || lit === null) return null;
  // an entry of a given value, at numbered places: v_2 = 2, W[1, 2] = 0.5
  const entry = side.k === 'index' ? [literal(side.i), side.j ? literal(side.j) : null] : null;
  const ref = side.k === 'index' ? side.a : side;
  if (ref.k !== 'ref' || (ref.idx && (ref.idx.v !== null || ref.idx.terms?.length))) return null;
  const step = ref.idx ? ref.idx.k : null;
  if (!givenIn(run, ref.name, step)) return null;
  const v = run.value(ref.name, step);
  if (v && entry) {
    const [i, j] = entry;
    if (!i || i.data.length !== 1 || (side.k === 'index' && side.j && (!j || j.data.length !== 1))) return null;
    const cols = v.shape.length === 2 ? v.shape[1]! : 1;
    const at = (i.data[0]! - 1) * (j ? cols : 1) + (j ? j.data[0]! - 1 : 0);
    const x = Number.isInteger(at) && at >= 0 && at < v.data.length ? v.data[at] : undefined;
    if (x === undefined || lit.data.length !== 1 || x !== lit.data[0]) return null;
    return `${exprText(side)} = ${valueText(x)}`;
  }
  if (!v || !sameValue(lit, v)) return null;
  const shown = lit.data.length === 1 ? lit.data[0]! : toValue(v);
  return `${refText(ref.name, ref.idx)} = ${valueText(shown)}`;
}

/** a declaration's written value, or a state's numeric equation at that step (h_0 = 0, h_0 = [0, 0]) */
function givenIn(run: Run, name: string, step: number | null): boolean {
  const d = run.model.decls.get(name);
  if (d) return d.values !== undefined && d.values !== null && !d.valueRefused;
  const o = step === null ? undefined : run.model.quantities.get(name)?.overrides.get(step);
  return o !== undefined && literal(o) !== null;
}
