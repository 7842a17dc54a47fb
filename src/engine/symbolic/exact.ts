// Exact evaluation of a form in rationals, when every declared value is a decimal and every
// operation on the way is polynomial (or piecewise linear away from its kink). Quantities are
// recomputed exactly from their equations rather than read back as floats.

import { Memo } from '../memo';
import type { Expr, Model } from '../../language/model';
import { asMat, size, type Node } from './ir';
import { NotExact, Rat } from './rational';
import type { Unrolled } from './graph';

type RT = { shape: number[]; data: Rat[] };

const NON_POLYNOMIAL = new Set(['sigma', 'tanh', 'exp', 'log', 'sqrt', 'softmax', 'dsigma', 'dtanh']);
const polynomialMemo = new Memo<Model, boolean>();

/** Whether no equation of the model calls a transcendental function (σ, tanh, exp, log, √, softmax). */
export function polynomialModel(model: Model): boolean {
  const hit = polynomialMemo.get(model);
  if (hit !== undefined) return hit;
  let ok = true;
  const visit = (e: Expr): void => {
    if (!ok) return;
    if (e.k === 'call' && NON_POLYNOMIAL.has(e.fn)) ok = false;
    for (const v of Object.values(e)) {
      if (v && typeof v === 'object' && 'k' in v) visit(v as Expr);
      else if (Array.isArray(v)) for (const x of v.flat()) if (x && typeof x === 'object' && 'k' in x) visit(x as Expr);
    }
  };
  for (const q of model.quantities.values()) {
    if (q.general) visit(q.general);
    for (const o of q.overrides.values()) visit(o);
  }
  polynomialMemo.set(model, ok);
  return ok;
}

/** `declValue` gives the declarations' numbers (a run's, so a scaled parameter is read as scaled). */
export function exactValue(
  model: Model,
  U: Unrolled,
  root: Node,
  declValue?: (name: string, step: number | null) => { data: Float64Array } | undefined,
): RT | null {
  if (!polynomialModel(model)) return null;
  const memo = new Map<number, RT>();
  const leafMemo = new Map<string, RT>();
  let budget = 200_000;

  const leaf = (name: string, step: number | null, shape: number[]): RT => {
    const key = `${name}@${step}`;
    const hit = leafMemo.get(key);
    if (hit) return hit;
    let r: RT;
    const d = model.decls.get(name);
    if (d) {
      // sample values (no VALUE in the file) have no exact meaning worth showing
      if (!d.values) throw new NotExact('a sampled value');
      const arr = declValue ? declValue(name, step)?.data : d.values ? (d.perStep ? d.values[(step ?? 1) - 1] : d.values[0]) : undefined;
      if (!arr) throw new NotExact('no value');
      r = { shape, data: Array.from(arr, (x) => Rat.fromNumber(x)) };
    } else r = ev(U.equation(name, step));
    leafMemo.set(key, r);
    return r;
  };

  const zip = (a: RT, b: RT, shape: number[], f: (x: Rat, y: Rat) => Rat): RT => {
    const n = size(shape);
    const out: Rat[] = [];
    for (let i = 0; i < n; i++) out.push(f(a.data.length === 1 ? a.data[0] : a.data[i], b.data.length === 1 ? b.data[0] : b.data[i]));
    return { shape, data: out };
  };
  const fill = (shape: number[], v: Rat): RT => ({ shape, data: Array.from({ length: size(shape) }, () => v) });

  function ev(n: Node): RT {
    const hit = memo.get(n.id);
    if (hit) return hit;
    if (--budget < 0) throw new NotExact('too large');
    const a = (): RT[] => n.args.map(ev);
    let r: RT;
    switch (n.op) {
      case 'num':
        r = { shape: [], data: [Rat.fromNumber(n.num!)] };
        break;
      case 'zero':
        r = fill(n.shape, Rat.int(0));
        break;
      case 'ones':
        r = fill(n.shape, Rat.int(1));
        break;
      case 'eye': {
        const k = n.shape[0];
        r = fill(n.shape, Rat.int(0));
        r.data = r.data.map((x, i) => (Math.floor(i / k) === i % k ? Rat.int(1) : x));
        break;
      }
      case 'leaf':
        r = leaf(n.name!, n.step ?? null, n.shape);
        break;
      case 'vec':
      case 'mat':
        r = { shape: n.shape, data: a().map((t) => t.data[0]) };
        break;
      case 'add':
        r = a().reduce((acc, t) => zip(acc, t, n.shape, (x, y) => x.add(y)), fill(n.shape, Rat.int(0)));
        break;
      case 'mul':
      case 'had':
        r = a().reduce((acc, t) => zip(acc, t, n.shape, (x, y) => x.mul(y)), fill(n.shape, Rat.int(1)));
        break;
      case 'matmul': {
        const [A, B] = a();
        const [m, k] = asMat(A.shape);
        const [, p] = asMat(B.shape);
        const out: Rat[] = [];
        for (let i = 0; i < m; i++)
          for (let j = 0; j < p; j++) {
            let s = Rat.int(0);
            for (let q = 0; q < k; q++) s = s.add(A.data[i * k + q].mul(B.data[q * p + j]));
            out.push(s);
          }
        r = { shape: n.shape, data: out };
        break;
      }
      case 'T': {
        const [A] = a();
        const [rr, c] = asMat(A.shape);
        const out: Rat[] = new Array(rr * c);
        for (let i = 0; i < rr; i++) for (let j = 0; j < c; j++) out[j * rr + i] = A.data[i * c + j];
        r = { shape: n.shape, data: out };
        break;
      }
      case 'pow': {
        const [A, E] = a();
        r = zip(A, E, n.shape, (x, e) => {
          if (!e.isInteger()) throw new NotExact('a non-integer power');
          return x.pow(e.toNumber());
        });
        break;
      }
      case 'div': {
        const [A, B] = a();
        r = zip(A, B, n.shape, (x, y) => x.div(y));
        break;
      }
      case 'call': {
        const [A] = a();
        const f = (x: Rat): Rat => {
          switch (n.fn) {
            case 'relu':
              return x.sign() > 0 ? x : Rat.int(0);
            case 'abs':
              return x.sign() < 0 ? x.neg() : x;
            case 'drelu':
              if (x.sign() === 0) throw new NotExact('relu′ at its kink');
              return Rat.int(x.sign() > 0 ? 1 : 0);
            case 'sign':
              return Rat.int(x.sign());
            default:
              throw new NotExact(`${n.fn} is not polynomial`);
          }
        };
        r = { shape: n.shape, data: A.data.map(f) };
        break;
      }
      case 'sumall':
        r = { shape: [], data: [a()[0].data.reduce((s, x) => s.add(x), Rat.int(0))] };
        break;
      case 'mean': {
        const [A] = a();
        r = { shape: [], data: [A.data.reduce((s, x) => s.add(x), Rat.int(0)).div(Rat.int(A.data.length))] };
        break;
      }
      case 'diag': {
        const [A] = a();
        const k = A.data.length;
        r = fill(n.shape, Rat.int(0));
        for (let i = 0; i < k; i++) r.data[i * k + i] = A.data[i];
        break;
      }
      case 'pick':
      case 'basis':
        throw new NotExact('an index the run gives');
      case 'index': {
        const [A] = a();
        const [, c] = asMat(A.shape);
        r = { shape: [], data: [A.data[n.j === null || n.j === undefined ? n.i! - 1 : (n.i! - 1) * c + (n.j - 1)]] };
        break;
      }
      case 'kron': {
        const [A, B] = a();
        const [ra, ca] = asMat(A.shape);
        const [rb, cb] = asMat(B.shape);
        const out: Rat[] = new Array(ra * rb * ca * cb);
        for (let i = 0; i < ra; i++)
          for (let j = 0; j < ca; j++)
            for (let k = 0; k < rb; k++)
              for (let l = 0; l < cb; l++) out[(i * rb + k) * ca * cb + j * cb + l] = A.data[i * ca + j].mul(B.data[k * cb + l]);
        r = { shape: n.shape, data: out };
        break;
      }
      case 'vecop':
        r = { shape: n.shape, data: a()[0].data };
        break;
      case 'sym':
        r = ev(n.def!);
        break;
      case 'softmax':
        throw new NotExact('softmax is not polynomial');
    }
    memo.set(n.id, r);
    return r;
  }

  try {
    return ev(root);
  } catch (e) {
    if (e instanceof NotExact || e instanceof RangeError) return null;
    throw e;
  }
}

/** "3/2", "[1, -1/4]", "[[1, 0], [0, 1]]" */
export function exactText(t: RT, shape: number[]): string {
  const s = t.data.map((x) => x.toString());
  if (shape.length === 0 || s.length === 1) return s[0];
  if (shape.length === 1) return `[${s.join(', ')}]`;
  const c = shape[1];
  const rows: string[] = [];
  for (let i = 0; i < s.length; i += c) rows.push(`[${s.slice(i, i + c).join(', ')}]`);
  return `[${rows.join(', ')}]`;
}
