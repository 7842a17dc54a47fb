// A backward formula whose bars were left off: seed 004's h̄ line, written
//   h^{(t)} = 1 + i^{(t+1)} ∂i^{(t+1)}/∂h^{(t+1)} + f^{(t+1)} ∂f^{(t+1)}/∂h^{(t+1)} + …
// where h̄^{(t)} = ∂L/∂h^{(t)} is meant (the right side is a chain rule through derivatives by h, or through
// adjoints). The left side is read as the adjoint, and the other slips such a line makes are tried with it —
// a gate written for its adjoint beside its own derivative (i^{(t+1)} ∂i^{(t+1)}/∂… for ī^{(t+1)} ∂i^{(t+1)}/∂…),
// a derivative by a step its numerator does not read (∂i^{(t+1)}/∂h^{(t+1)} for ∂i^{(t+1)}/∂h^{(t)}), σ^{-1}
// for σ', a name one step off throughout, a constant where the loss's own part ∂⁺L/∂h^{(t)} belongs. Every
// reading named is one the check needed; "the check holds" is said only when it was evaluated to hold.

import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { forChildren } from '../../language/resolve';
import type { Run } from '../run';
import { guard } from './guard';
import type { Claim } from './hints';
import { factorsOf, termsOf } from './localFactor';
import { close } from './points';
import { replaceWhere } from './replacing';
import { renamedCalls } from './renamed';

type Ref = Expr & { k: 'ref' };
type Deriv = Expr & { k: 'deriv' };

/** e with the nodes in `to` replaced by their replacements (by identity) */
const replaceNodes = (e: Expr, to: Map<Expr, Expr>): Expr => replaceWhere(e, (x) => to.get(x));

function each(e: Expr, f: (x: Expr) => void): void {
  f(e);
  forChildren(e, (c) => each(c, f));
}

/** X̄ as a reader writes it: the bar on the name's first letter (h̄_t) */
const barText = (written: string) => written.replace(/^(.)/u, '$1\u0304');

const sameRef = (a: Expr, b: Ref) => a.k === 'ref' && a.name === b.name && JSON.stringify(a.idx) === JSON.stringify(b.idx);

/**
 * The side `side` (a timed quantity X at a step, as such) of a check whose other side is a backward formula
 * for X — derivatives by X, or adjoints — read as X̄, with the slips above.
 */
export function adjointHint(c: Claim, run: Run): string | null {
  const loss = run.model.loss;
  if (!loss) return null;
  for (const [side, other, which] of [
    [c.lhs, c.rhs, 'left'],
    [c.rhs, c.lhs, 'right'],
  ] as const) {
    if (side.k !== 'ref' || !side.idx || !run.model.quantities.get(side.name)?.timed) continue;
    // a lone derivative is no formula for X̄: ∂L/∂s_t = p_t (softmax's gradient without its − y_t) is a value
    // of p against the adjoint of s, and "p̄_t looks meant" named a reading the check had no sign of
    if (other.k === 'deriv') continue;
    const X = side;
    const lossRef: Expr = { k: 'ref', name: loss, idx: null, shape: [], range: X.range };
    const derivs: Deriv[] = [];
    each(other, (x) => {
      if (x.k === 'deriv') derivs.push(x);
    });
    // ∂L/∂X itself is no formula for X̄: read as X̄, `∂L/∂h_3 = h_3` would hold by its own definition
    const isBar = (d: Deriv) =>
      d.of.k === 'ref' && d.of.name === loss && d.total && sameRef({ k: 'ref', name: d.wrt.name, idx: d.wrt.idx } as Expr, X);
    const backward = derivs.some((d) => !isBar(d) && (d.wrt.name === X.name || (d.of.k === 'ref' && d.of.name === loss)));
    if (!backward) continue;
    const bar = (r: Ref): Deriv => ({
      k: 'deriv',
      total: true,
      of: lossRef,
      wrt: { name: r.name, idx: r.idx, range: r.range },
      shape: r.shape,
      range: r.range,
    });
    const hint = guard(() => read(c, X, bar(X), other, which, derivs, bar, run));
    if (hint) return hint;
  }
  return null;
}

function read(
  c: Claim,
  X: Ref,
  Xbar: Deriv,
  other: Expr,
  which: 'left' | 'right',
  derivs: Deriv[],
  bar: (r: Ref) => Deriv,
  run: Run,
): string | null {
  const env0 = c.points[0]!.env;
  const holds = (rhs: Expr) =>
    guard(() => c.points.every((p) => close(run.evaluateShared(Xbar, p.env).data, run.evaluateShared(rhs, p.env).data))) === true;
  const said: string[] = [];
  const swap = new Map<Expr, Expr>();
  // a gate written beside its own derivative stands for its adjoint: i^{(t+1)} ∂i^{(t+1)}/∂h → ī^{(t+1)} ∂i^{(t+1)}/∂h
  const barred: string[] = [];
  for (const term of termsOf(other)) {
    const fs = factorsOf(term.e);
    for (const f of fs)
      if (
        f.k === 'ref' &&
        f.idx &&
        run.model.quantities.get(f.name)?.timed &&
        fs.some((g) => g.k === 'deriv' && g.total && !g.oneStep && sameRef(g.of, f))
      ) {
        swap.set(f, bar(f));
        barred.push(refText(f.name, f.idx));
      }
  }
  if (barred.length)
    said.push(
      `${barred.map(barText).join(', ')} for ${barred.join(', ')} (each beside its own derivative: the chain rule pairs a node's adjoint with it)`,
    );
  // a derivative by X at a step its numerator does not read, where it reads X at the left side's step
  const moved: string[] = [];
  for (const d of derivs) {
    if (d.wrt.name !== X.name || JSON.stringify(d.wrt.idx) === JSON.stringify(X.idx)) continue;
    const now = run.derivativeAt(d.of, d.wrt, env0, d.total, d.oneStep);
    if (now.reached) continue;
    const meant: Deriv = { ...d, wrt: { ...d.wrt, idx: X.idx } };
    if (!run.derivativeAt(meant.of, meant.wrt, env0, meant.total, meant.oneStep).reached) continue;
    swap.set(d, meant);
    moved.push(`${exprText(meant)} for ${exprText(d)}`);
  }
  if (moved.length)
    said.push(
      moved.length > 2
        ? `${moved[0]} (and likewise for ${moved.length - 1} more: ${refText(X.name, X.idx)} is what they read, not the step written)`
        : `${moved.join(', ')} (${refText(X.name, X.idx)} is what they read, not the step written)`,
    );
  let rhs = replaceNodes(other, swap);
  const primed = renamedCalls(rhs, { logit: 'dsigma', artanh: 'dtanh' });
  if (primed) {
    rhs = primed;
    const s = JSON.stringify(other);
    said.push(
      [s.includes('"logit"') ? "σ' for σ^{-1}" : '', s.includes('"artanh"') ? "tanh' for tanh^{-1}" : ''].filter((x) => x).join(' and ') +
        ' (the inverse functions, where the derivatives are meant)',
    );
  }
  // a constant term where the loss's own part belongs: ∂⁺L/∂h_t (1 only for a loss that adds h_t itself)
  const direct: Deriv = { ...Xbar, total: false };
  const constants = termsOf(rhs).filter((t) => t.e.k === 'num');
  const withDirect = (e: Expr): { e: Expr; text: string } | null => {
    const k = constants[0];
    if (!k || constants.length !== 1) return null;
    return {
      e: replaceNodes(e, new Map([[k.e, k.sign < 0 ? { k: 'neg', a: direct, shape: direct.shape, range: direct.range } : direct]])),
      text: `${exprText(direct)}, the loss's own dependence on ${refText(X.name, X.idx)}, for the constant ${exprText(k.e)}`,
    };
  };
  // one name a step or two off throughout (h^{(t+1)} inside the gates of step t+1, which read h^{(t)})
  const shifts: { e: Expr; text: string }[] = [];
  const seen = new Set<string>();
  const outside: Ref[] = [];
  const collect = (x: Expr): void => {
    if (x.k === 'deriv') return;
    if (x.k === 'ref' && x.idx && x.idx.v !== null && run.model.quantities.get(x.name)?.timed) outside.push(x);
    forChildren(x, collect);
  };
  collect(rhs);
  for (const r of outside) {
    const key = `${r.name}|${JSON.stringify(r.idx)}`;
    if (seen.has(key) || seen.size >= 8) continue;
    seen.add(key);
    for (const delta of [-1, 1, -2, 2]) {
      const to: Ref = { ...r, idx: { ...r.idx!, k: r.idx!.k + delta } };
      const all = new Map<Expr, Expr>();
      for (const o of outside) if (sameRef(o, r)) all.set(o, { ...o, idx: to.idx });
      shifts.push({ e: replaceNodes(rhs, all), text: `${exprText(to)} for ${exprText(r)} throughout` });
    }
  }
  const tries: { e: Expr; extra: string[] }[] = [{ e: rhs, extra: [] }];
  const dr = withDirect(rhs);
  if (dr) tries.push({ e: dr.e, extra: [dr.text] });
  for (const s of shifts) {
    tries.push({ e: s.e, extra: [s.text] });
    const both = withDirect(s.e);
    if (both) tries.push({ e: both.e, extra: [s.text, both.text] });
  }
  const ok = tries.find((t) => holds(t.e));
  const xText = refText(X.name, X.idx);
  const head = `The ${which} side ${xText} is ${X.name}'s value, but the ${which === 'left' ? 'right' : 'left'} side is a backward formula for it: ${barText(xText)} = ${exprText(Xbar)} ${ok ? 'is' : 'looks'} meant`;
  const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('; ')}; and ${xs[xs.length - 1]}`);
  if (ok) {
    const all = [...said, ...ok.extra];
    return `${head}${all.length ? `; read so, with ${list(all)}, the check holds` : ', and read so the check holds'}`;
  }
  return `${head}${said.length ? `; read so, even with ${list(said)}, the check still fails` : '; read so, the check still fails'}`;
}
