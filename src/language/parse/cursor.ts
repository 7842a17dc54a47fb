// Moving over the tokens: peek, take, expect an operator, stop the statement with a diagnostic; and the depth of the
// tree being built, counted so that a statement nested past the limit is refused instead of overflowing the stack.

import type { Range } from '../../report';
import type { Ast, Spelling } from '../ast';
import type { Token } from '../lexer';
import { UPRIGHT_D } from '../lexer';
import { LIMITS } from '../limits';
import { Stop, type ParseState } from './state';

export const REL = new Set(['≤', '≥', '<', '>']);

/** how a ∂ token is written: d (dL/dW) or ∂ */
export const spelling = (ps: ParseState, d: Token): Spelling => (d.value === UPRIGHT_D ? upright(ps) : '∂');

export const upright = (ps: ParseState): 'd' => {
  ps.uprightD = true;
  return 'd';
};

export const peek = (ps: ParseState, o = 0) => ps.tokens[Math.min(ps.p + o, ps.tokens.length - 1)]!;

export const next = (ps: ParseState) => ps.tokens[ps.p++]!;

export const isOp = (t: Token, s: string) => t.kind === 'op' && t.text === s;

export const fail = (ps: ParseState, message: string, range: Range = peek(ps).range): never => {
  throw new Stop({ message, range });
};

export const describe = (ps: ParseState, t: Token) => {
  if (t.kind === 'newline' || t.kind === 'eof') return 'the end of the line';
  const text = ps.src.slice(t.start, Math.min(t.end, t.start + 41));
  return `'${t.end - t.start > 40 ? text.slice(0, 37) + '…' : text}'`;
};

/**
 * the operator s next, taken; else undefined. `closer(s) ?? expectOp(s, message)`: the message (a template with
 * the opening's place, its range made for it) is made only when s is missing, not for every bracket read
 */
export const closer = (ps: ParseState, s: string): Token | undefined => (isOp(peek(ps), s) ? next(ps) : undefined);

export const expectOp = (ps: ParseState, s: string, what?: string) => {
  const t = peek(ps);
  if (!isOp(t, s)) {
    if (t.kind === 'error') throw new Stop(null);
    if (t.kind === 'op' && REL.has(t.text)) fail(ps, `'${t.text}' is read only in the bounds of Σ and ∏ (Σ_{1≤t≤T})`);
    fail(ps, `expected '${s}'${what ? ' ' + what : ''}, found ${describe(ps, t)}`);
  }
  return next(ps);
};

/** node, one level above its children a and b (the tree's depth is checked against its limit) */
export function deep<A extends Ast>(ps: ParseState, node: A, a: Ast, b?: Ast): A {
  if (!ps.trackDepth) return node;
  let d = ps.depthOf.get(a) ?? 1;
  if (b !== undefined) d = Math.max(d, ps.depthOf.get(b) ?? 1);
  return setDepth(ps, node, d);
}

export function deepAll<A extends Ast>(ps: ParseState, node: A, kids: Ast[]): A {
  if (!ps.trackDepth) return node;
  let d = 0;
  for (let q = 0; q < kids.length; q++) {
    const x = ps.depthOf.get(kids[q]!) ?? 1;
    if (x > d) d = x;
  }
  return setDepth(ps, node, d);
}

/** records node's depth, one more than its deepest child's (d) */
export function setDepth<A extends Ast>(ps: ParseState, node: A, d: number): A {
  if (d + 1 > LIMITS.maxTreeDepth)
    fail(ps, `expression too long: more than ${LIMITS.maxTreeDepth} operations in a chain (limit)`, node.range);
  ps.depthOf.set(node, d + 1);
  return node;
}

/** one level deeper, at token t (its range is made only for the message) */
export function enter(ps: ParseState, t: Token) {
  if (++ps.depth > LIMITS.maxNesting) fail(ps, `expression nested more than ${LIMITS.maxNesting} levels deep (limit)`, t.range);
}
