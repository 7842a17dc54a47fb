// τ as a step before t (Bengio, Simard & Frasconi 1994, and most texts on vanishing gradients after them:
// ∂a_t/∂a_τ = ∏_{k=τ+1}^{t} ∂a_k/∂a_{k−1}), where the language otherwise reads τ as Goodfellow's last step
// (LANGUAGE.md §3). Read as the last step there, τ = T made every such correct formula fail at t < T
// (∂a_1/∂a_5 = 0 against the empty product 1). Goodfellow never writes τ so: his τ is an upper bound
// (Σ_{t=1}^{τ}) or the later step of a derivative (∂h^{(τ)}/∂h^{(t)}). So a check that writes τ as the lower
// bound of a Σ/∏ running up to t, or as the step of a derivative's variable whose quantity is at t, reads τ as a
// free step index of its own, judged at every pair (t, τ) as k is in ∂h_t/∂h_k. Likewise Bishop's N, the
// sequence's length, written as a sum's upper bound: the last step, not a free index.

import type { Ast, NameAst } from '../ast';
import { lastUnderscore } from '../segments';

const TAU = 'τ';

/** whether the sides write τ as a step before t (a Σ/∏ from τ up to t, or ∂X_t/∂Y_τ) */
export function tauBeforeT(sides: Ast[]): boolean {
  return sides.some(earlier);
}

function earlier(a: Ast): boolean {
  switch (a.k) {
    case 'big':
      if (a.v !== TAU && a.from && a.to && tauAlone(a.from) && mentions(a.to, 't')) return true;
      return (a.from !== null && earlier(a.from)) || (a.to !== null && earlier(a.to)) || earlier(a.body);
    case 'deriv':
      if (a.of.k === 'name' && a.wrt.k === 'name' && stepMentions(a.of, 't') && stepMentions(a.wrt, TAU)) return true;
      return earlier(a.of) || earlier(a.wrt);
    case 'bin':
      return earlier(a.a) || earlier(a.b);
    case 'neg':
    case 'transpose':
      return earlier(a.a);
    case 'call':
      return earlier(a.arg);
    case 'index':
      return earlier(a.a);
    case 'list':
      return a.items.some(earlier);
    default:
      return false;
  }
}

/** whether a name's step (its last segment, a subscript or a superscript) mentions the letter; τ only alone or moved by a number */
function stepMentions(a: NameAst, letter: string): boolean {
  const cut = lastUnderscore(a.raw);
  if (cut >= 0 && a.raw.slice(cut + 1) === letter) return true;
  const reads = (x: Ast) => (letter === TAU ? tauAlone(x) : mentions(x, letter));
  return (a.sub !== null && reads(a.sub)) || (a.sup !== null && reads(a.sup));
}

/**
 * τ, τ + 1, τ − 1: τ a step of its own. Not t − τ: τ after a step variable is truncated BPTT's window (names.ts
 * tauBesideVariable), which stays refused
 */
function tauAlone(a: Ast): boolean {
  if (a.k === 'name') return a.raw === TAU && !a.sub && !a.sup;
  if (a.k === 'list' && a.items.length === 1) return tauAlone(a.items[0]!);
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && tauAlone(a.a);
}

/** whether an index expression (t, τ + 1, (t − 1)) reads the letter */
function mentions(a: Ast, letter: string): boolean {
  if (a.k === 'name') return a.raw === letter && !a.sub && !a.sup;
  if (a.k === 'bin') return mentions(a.a, letter) || mentions(a.b, letter);
  if (a.k === 'neg') return mentions(a.a, letter);
  if (a.k === 'list') return a.items.some((x) => mentions(x, letter));
  return false;
}

/**
 * whether a Σ/∏ of the sides runs up to a bare N (Bishop's Σ_{n=1}^{N} ∂E/∂z_n …: N is the sequence's length, the
 * last step, where the language read it as a free index and the correct sum "cut short" at N = 1, 2). A Σ/∏ whose
 * variable picks a vector's entries (Σ_{i=1}^{N} ∂L/∂z_{t,i} …) runs to their number instead: expressions.ts
 * entryCount, which sees the variable's uses once the body is read
 */
export function sumsToN(sides: Ast[], letter: 'N' | 'n' = 'N'): boolean {
  return someBig(sides, (a) => a.v !== letter && a.to?.k === 'name' && a.to.raw === letter && !a.to.sub && !a.to.sup);
}

/** whether a Σ/∏ of the sides binds τ (Williams & Zipser's Σ_{τ=t_0+1}^{t}): τ is a running step in the file */
export function bindsTau(sides: Ast[]): boolean {
  return someBig(sides, (a) => a.v === TAU);
}

/** whether some Σ/∏ of the sides (at any depth through operators, calls and lists) is one `test` takes */
function someBig(sides: Ast[], test: (a: Extract<Ast, { k: 'big' }>) => boolean): boolean {
  const walk = (a: Ast): boolean => {
    switch (a.k) {
      case 'big':
        return test(a) || walk(a.body);
      case 'bin':
        return walk(a.a) || walk(a.b);
      case 'neg':
      case 'transpose':
        return walk(a.a);
      case 'call':
        return walk(a.arg);
      case 'list':
        return a.items.some(walk);
      default:
        return false;
    }
  };
  return sides.some(walk);
}
