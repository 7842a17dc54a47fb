// A parameter count short of count(params) by the entries of one parameter (or two): the output layer's bias of an
// LSTM's count, 4(N_h N_i + N_h² + N_h) + N_o N_h for … + N_o, or a gate's weights. count(params) is read as its
// number, so the side is a number like the other, and such a check failed with its two numbers alone. The
// parameters the other side names (count(W_ph), W_ph), and their kin (a gate's W_gx stands for the four gates'
// input weights in 4(count(W_gx) + …)), are not among those it can have left out.

import { entries } from '../../language/shapes';
import { orList } from '../../language/print';
import { andList } from '../format';
import type { Run } from '../run';
import type { Claim } from './hints';

/** the sides of a check's text at its first `=` (a chain's first link) */
function sidesOf(text: string): [string, string] | null {
  const i = text.indexOf('=');
  return i < 0 ? null : [text.slice(0, i), text.slice(i + 1)];
}

const COUNT_PARAMS = /\bcount\s*\(\s*params\s*\)/;

/** the name written in text as a word of its own (W_ph, not W_phx) */
function writes(text: string, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_])${esc}(?![A-Za-z0-9_])`).test(text);
}

/** parameters of one kind: the same letters before the subscript and the same shape (W_gx, W_ix, W_fx, W_ox) */
const kinOf = (name: string, shape: readonly number[]) => `${name.split('_')[0]}:${shape.join('x')}`;

const plural = (n: number) => `${n} parameter${n === 1 ? '' : 's'}`;

export function countLeftOutHint(c: Claim, run: Run): string | null {
  const sides = c.text ? sidesOf(c.text) : null;
  if (!sides || c.points.length !== 1) return null;
  const [l, r] = sides;
  const onLeft = COUNT_PARAMS.test(l);
  if (onLeft === COUNT_PARAMS.test(r)) return null;
  const [whole, other] = onLeft ? [c.lhs, c.rhs] : [c.rhs, c.lhs];
  if (whole.shape.length || other.shape.length) return null;
  const env = c.points[0]!.env;
  const n = run.evaluateShared(whole, env).data[0]!;
  const m = run.evaluateShared(other, env).data[0]!;
  const short = n - m;
  if (!Number.isInteger(n) || !Number.isInteger(m) || short <= 0) return null;
  const otherText = onLeft ? r : l;
  const { T } = run.model;
  const params: { name: string; count: number; kin: string }[] = [];
  for (const [name, d] of run.model.decls)
    if (d.kind === 'param') params.push({ name, count: entries(d.shape) * (d.perStep ? T : 1), kin: kinOf(name, d.shape) });
  // a parameter the side names is counted, and so are its kin: 4(count(W_gx) + …) counts the four gates' W_·x
  const counted = new Set(params.filter((p) => writes(otherText, p.name)).map((p) => p.kin));
  const left = params.filter((p) => !counted.has(p.kin));
  const side = onLeft ? 'right' : 'left';
  const named = (names: string[]) =>
    `The ${side} side leaves out ${andList(names)} (${plural(short)}): with ${names.length === 1 ? 'it' : 'them'} the count is the network's ${n}`;
  const singles = left.filter((p) => p.count === short);
  if (singles.length === 1) return named([singles[0]!.name]);
  // a whole kin left out: the gates' biases b_g, b_i, b_f, b_o
  const kins = new Map<string, string[]>();
  for (const p of left) kins.set(p.kin, [...(kins.get(p.kin) ?? []), p.name]);
  const kinsLeft = [...kins.values()].filter((ns) => ns.length > 1 && ns.length * left.find((p) => p.name === ns[0])!.count === short);
  if (kinsLeft.length === 1) return named(kinsLeft[0]!);
  if (singles.length > 1)
    return `The ${side} side counts ${m} of the network's ${n} parameters: ${short} are left out, as many as ${orList(singles.map((p) => p.name))} has`;
  const pairs: [string, string][] = [];
  for (let i = 0; i < left.length; i++)
    for (let j = i + 1; j < left.length; j++) if (left[i]!.count + left[j]!.count === short) pairs.push([left[i]!.name, left[j]!.name]);
  if (pairs.length === 1) return named(pairs[0]!);
  return null;
}
