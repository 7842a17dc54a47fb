// A many-to-one network's one target (a sequence classifier: p = softmax(V h_T), loss L = −yᵀ log(p)): declared as
// every target is, a sequence, and written without a step. Where the network never writes it with one, a use without
// a step outside a step's equation is its last step's, y_T (names.ts lastStepTarget, basis.ts e_y, ŷ_y).
import { someAst, type Ast } from '../ast';
import { diag } from '../diagnostics';
import type { Range } from '../../report';
import type { ExprContext } from './context';
import type { Scope } from './scope';

/**
 * the letter the loss's own name is subscripted by, ℓ_i (Prince's loss of example i), E_n (Bishop's of example n): the
 * training example's index, which is no step and no entry — so y_i beside ℓ_i is the example's target, no y at step i
 */
export function exampleLetter(loss: string | null): string | null {
  const m = /_(\p{Ll})$/u.exec(loss ?? '');
  return m && m[1] !== 't' ? m[1]! : null;
}

/**
 * whether a check's sides write the loss's example letter only on the loss and on targets read at the last step alone
 * (Prince's ℓ_i, y_i): then it is no free index; a letter that also steps another sequence (x_n beside a loss E_n) is
 * the free step it was
 */
export function exampleOnly(letter: string, sides: Ast[], scope: Scope): boolean {
  return !sides.some((side) =>
    someAst(side, (x) => {
      if (x.k !== 'name') return false;
      const sub = x.sub?.k === 'name' && !x.sub.sub && !x.sub.sup && x.sub.raw === letter;
      if (!sub && !x.raw.endsWith(`_${letter}`)) return false;
      const base = sub ? x.raw : x.raw.slice(0, -letter.length - 1);
      return x.raw !== scope.loss && !lastStepOnly(base, scope);
    }),
  );
}

/** a target the network's equations never write with a step other than T (a many-to-one network's one target) */
function lastStepOnly(raw: string, scope: Scope): boolean {
  return scope.decls.get(raw)?.kind === 'target' && !scope.definitions.some((d) => writesIndexed(d.st.rhs, raw));
}

/**
 * whether a target written without a step at `range` is read at the last step (lastStepTarget), said once; `example`,
 * the loss's example letter it was written with (y_i beside ℓ_i), is said as such
 */
export function manyToOneTarget(raw: string, range: Range, ctx: ExprContext, example: string | null = null): boolean {
  const scope = ctx.scope;
  if (scope.decls.get(raw)?.kind !== 'target') return false;
  // in a step's equation (e_t = o_t − y) it is y_t written without its step
  if (ctx.of !== null && scope.isTimed(ctx.of)) return false;
  if (!lastStepOnly(raw, scope)) return false;
  if (ctx.record && !ctx.quiet && !scope.lastStepTargets.has(raw)) {
    scope.lastStepTargets.add(raw);
    scope.diagnostics.push(
      diag(
        'information',
        example !== null
          ? `${raw}_${example}: ${example} is the example's index, as in the loss ${ctx.scope.loss}'s name, not a step: read as ${raw}_T, the last step's target (a many-to-one network has one target for the whole sequence)`
          : `${raw} is written without a step, outside a step's equation: read as ${raw}_T, the last step's target (a many-to-one network has one target for the whole sequence)`,
        range,
        'last-step-target',
      ),
    );
  }
  return true;
}

/**
 * whether an expression writes NAME with a subscript or a superscript (a step or an entry), or a name that begins so —
 * other than at the last step: a network that reads its target at y_T alone (Nielsen's C = ½‖y − a^L‖², layers as
 * steps) has one target, as a many-to-one network does
 */
function writesIndexed(a: Ast, name: string): boolean {
  // y_t reaches here whole, as one name (the lexer's), y_{t-1} and y^{(t)} with their sub- or superscript
  // (and as a segment of another's: ŷ_{y_1} reaches here as the one name ŷ_y_1)
  return someAst(
    a,
    (x) =>
      x.k === 'name' &&
      x.raw !== `${name}_T` &&
      ((x.raw === name && Boolean(x.sub || x.sup) && !lastStep(x.sub ?? x.sup)) || `_${x.raw}`.includes(`_${name}_`)),
  );
}

/** T, {T} or (T): the last step written under or over a name */
function lastStep(a: Ast | null): boolean {
  const one = a?.k === 'list' && a.items.length === 1 ? a.items[0]! : a;
  return one?.k === 'name' && one.raw === 'T' && !one.sub && !one.sup;
}
