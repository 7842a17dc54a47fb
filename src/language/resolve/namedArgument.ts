// "Let $a_t = W h_{t-1} + U x_t$ so that $h_t = \tanh(a_t)$": a solution names the pre-activation of an equation that
// writes it out (the network's h_t = tanh(W h_{t-1} + U x_t)). Read as written, h_t does not read a_t, and the
// derivation's own ∂h_t/∂a_t = diag(1 − h_t²) "fails: ∂h_1/∂a_1 is 0: h_1 does not depend on a_1". A sequence that no
// equation reads, whose general equation is the whole argument of a function in exactly one other sequence's general
// equation, is that argument: the equation reads it by name — the same values, and the graph has the node the
// derivation names. Only a function's whole argument (a pre-activation): a name for any other part of an equation
// (seed 000's A_t = 1 − u_t) stays a name of its own, its derivatives by the graph as written.

import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { displayName, exprText } from '../print';
import type { Scope } from './scope';
import { forChildren, mapChildren, walkRefs } from './walk';

/** the same tree, ranges aside (the two were written in different places) */
function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => k !== 'range' && k !== 'nameRange');
  const kb = Object.keys(b).filter((k) => k !== 'range' && k !== 'nameRange');
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameTree(ra[k], rb[k]));
}

/** the calls of `e` whose argument is `arg`'s tree */
function callsOf(e: Expr, arg: Expr, out: (Expr & { k: 'call' })[] = []): (Expr & { k: 'call' })[] {
  if (e.k === 'call' && sameTree(e.arg, arg)) out.push(e);
  forChildren(e, (c) => void callsOf(c, arg, out));
  return out;
}

/** `e` with the one node `from` replaced by `to` */
function replaced(e: Expr, from: Expr, to: Expr): Expr {
  return e === from ? to : mapChildren(e, (c) => replaced(c, from, to));
}

export function spliceNamedArguments(scope: Scope): void {
  const sequences = [...scope.quantities.values()].filter((q) => q.timed && q.general && !scope.broken.has(q.name));
  if (sequences.length < 2) return;
  const read = new Set<string>();
  for (const q of scope.quantities.values())
    for (const e of [q.general, ...q.overrides.values()]) if (e) walkRefs(e, (r) => void read.add(r.name));
  for (const a of sequences) {
    if (read.has(a.name) || a.overrides.size || a.isLoss || a.general!.k === 'ref') continue;
    let refs = 0;
    walkRefs(a.general!, () => void refs++);
    if (refs === 0) continue;
    const found = sequences.flatMap((b) => (b === a ? [] : callsOf(b.general!, a.general!).map((call) => ({ b, call }))));
    if (found.length !== 1) continue;
    const { b, call } = found[0]!;
    // a's equation reading b at its own step would make a cycle within the step
    let cycle = false;
    walkRefs(a.general!, (r) => {
      if (r.name === b.name && r.idx?.v === 't' && r.idx.k === 0 && !r.idx.terms?.length) cycle = true;
    });
    if (cycle) continue;
    const ref: Expr = { k: 'ref', name: a.name, idx: { v: 't', k: 0 }, shape: a.shape, range: call.arg.range };
    const named: Expr = { ...call, arg: ref };
    b.general = replaced(b.general!, call, named);
    read.add(a.name);
    const [an, bn] = [displayName(a.name), displayName(b.name)];
    scope.diagnostics.push(
      diag(
        'information',
        `${an}_t names the argument written out in ${bn}_t's equation (line ${b.line}): ${bn}_t reads it there, as ${exprText(named)}`,
        a.range,
        'reading',
      ),
    );
  }
}
