// Activations written without a name the file defines: a textbook's g(…) or f(…), a bracketed activation, the
// Heaviside step; each read or said how to name it.

import type { Ast } from '../ast';
import { diag } from '../diagnostics';
import { firstSegment } from '../segments';
import type { ExprContext } from './context';
import { fail } from './context';

/** a letter an activation is written with: lower case, or a Greek capital (Φ, Ψ; Γ and Σ are read otherwise) */
const ACTIVATION_LETTER = /^(?:\p{Ll}|[\u0391-\u03A9])$/u;

/**
 * CS230's g_1(…), g_2(…), Greff et al.'s g(z̄^t) and h(c^t): a letter the file does not define, right before
 * parentheses, is a textbook's activation; say to name it once (g_1 = tanh), not "unknown name g"
 */
export function unnamedActivation(a: Ast & { k: 'bin' }, ctx: ExprContext): void {
  // Graves's θ'(a_j^t), the derivative of his activation θ: the prime read as a transpose of the name
  // (and Haykin's and Mandic & Chambers' Φ, a Greek capital: an activation as often as a lower-case letter is)
  const primed = a.a.k === 'transpose' && a.a.a.k === 'name' && ACTIVATION_LETTER.test(a.a.a.raw);
  const f = primed ? (a.a as Ast & { k: 'transpose' }).a : a.a;
  // the cheap tests first (a quiet reading records nothing; most products are spaced), the regular expression last
  if (!ctx.record || f.k !== 'name' || f.sub || f.sup || f.args) return;
  // tight against its brackets, or primed: f'(…) is a derivative however it is spaced, and Bishop's h'\left(a_j\right)
  // leaves the width of the dropped \left between the prime and the bracket
  const tight = a.b.range.line === a.a.range.endLine && a.b.range.column === a.a.range.endColumn;
  if (!(tight || (primed && a.b.range.line === a.a.range.endLine)) || !parenthesised(a.b)) return;
  // Heaviside's H(z), the step that is relu's derivative: an upper-case H, not primed
  const step = f.raw === 'H' && !primed;
  if (!step && !/^\p{Ll}(?:_\d+)?$/u.test(f.raw) && !ACTIVATION_LETTER.test(f.raw)) return;
  const scope = ctx.scope;
  const stem = firstSegment(f.raw);
  if (scope.isKnown(f.raw) || scope.isKnown(stem) || ctx.vars.has(f.raw) || scope.derived.has(stem) || scope.aliases.has(f.raw)) return;
  if (scope.unavailable.has(f.raw) || scope.unavailable.has(stem)) return;
  fail(
    ctx,
    step
      ? `unknown name H: if H(…) is Heaviside's step function (relu's derivative, 1 where its argument is positive), write relu'(…) or 1_{… > 0}`
      : primed
        ? `unknown name ${f.raw}: if ${f.raw}'(…) is the derivative of an activation (Graves's θ), name the activation once on a line of its own (${f.raw} = tanh)`
        : `unknown name ${f.raw}: if ${f.raw}(…) is an activation (CS230's g_1 and g_2, Greff et al.'s g and h), name it once on a line of its own (${f.raw} = tanh)`,
    f.range,
    'unknown-name',
  );
}

/**
 * Prince's a[f_{k−1}] (Understanding Deep Learning writes functions with square brackets, a[•] the activation): a
 * lowercase letter the file does not define, tight against brackets that hold no entry number, is named as the
 * activation it is, as g(…) is (unnamedActivation), not "unknown name a"
 */
export function bracketActivation(a: Ast & { k: 'index' }, ctx: ExprContext): void {
  const f = a.a;
  if (!ctx.record || f.k !== 'name' || f.sub || f.sup || f.args || !/^\p{Ll}$/u.test(f.raw) || a.args.length !== 1) return;
  if (a.slice || a.block || a.column || a.args[0]!.k === 'num') return;
  const scope = ctx.scope;
  if (scope.isKnown(f.raw) || ctx.vars.has(f.raw) || scope.derived.has(f.raw) || scope.aliases.has(f.raw) || scope.unavailable.has(f.raw))
    return;
  fail(
    ctx,
    `unknown name ${f.raw}: if ${f.raw}[…] is an activation (Prince's a[•]), write the function itself (ReLU[…], tanh[…]) or name it once on a line of its own (${f.raw} = relu)`,
    f.range,
    'unknown-name',
  );
}

/**
 * Heaviside's H(z), relu's slope, where the file defines no H (Le, Jaitly & Hinton's IRNN and the notes on it write
 * ∂h_t/∂z_t = diag(H(z_t))): read as the step 1[z > 0] the parser makes of 1_{z>0}, with an information. Session 43
 * refused it, H being a name students give their own quantities; a quantity of theirs is defined (and known here),
 * so an H tight against parentheses that names nothing is the step. Not primed, not with a subscript or superscript.
 */
export function heaviside(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const f = a.a;
  if (f.k !== 'name' || f.raw !== 'H' || f.sub || f.sup || f.args) return null;
  if (a.b.range.line !== f.range.endLine || a.b.range.column !== f.range.endColumn || !parenthesised(a.b)) return null;
  const scope = ctx.scope;
  if (scope.isKnown('H') || ctx.vars.has('H') || scope.derived.has('H') || scope.aliases.has('H') || scope.unavailable.has('H'))
    return null;
  if (ctx.record && !ctx.quiet)
    scope.diagnostics.push(
      diag(
        'information',
        "H(…) is read as Heaviside's step function, 1 where its argument is positive and 0 elsewhere: relu's derivative, relu'(…)",
        f.range,
        'reading',
      ),
    );
  return { k: 'call', fn: 'drelu', arg: a.b, range: a.range, fnRange: f.range } as Ast;
}

/** whether a group's range (which covers its parentheses) starts before what it holds: g(z), g(W h + b) */
export function parenthesised(b: Ast): boolean {
  if (b.k === 'neg') return b.a.range.line !== b.range.line || b.a.range.column - 1 > b.range.column;
  const first = b.k === 'name' ? b.nameRange : b.k === 'bin' ? b.a.range : b.k === 'call' ? b.fnRange : null;
  return first !== null && (first.line !== b.range.line || first.column !== b.range.column);
}
