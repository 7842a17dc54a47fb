// Constant values written in declarations: numbers, literals, arithmetic on them and T.

import type { Ast } from '../ast';
import type { Shape } from '../model';
import { entries, same } from '../shapes';

export type Nested = number | Nested[];

/** a constant value: numbers, literals, arithmetic on them and T */
export function constValue(a: Ast, T?: number): Nested | null {
  switch (a.k) {
    case 'num':
      return a.value;
    case 'name':
      return (a.raw === 'T' || a.raw === 'τ') && T !== undefined && !a.sub && !a.sup ? T : null;
    case 'neg': {
      const v = constValue(a.a, T);
      return typeof v === 'number' ? -v : null;
    }
    case 'list': {
      const items = a.items.map((x) => constValue(x, T));
      return items.some((x) => x === null) ? null : (items as Nested[]);
    }
    case 'bin': {
      const x = constValue(a.a, T);
      const y = constValue(a.b, T);
      if (typeof x !== 'number' || typeof y !== 'number') return null;
      switch (a.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
        case 'juxt':
          return x * y;
        case '/':
          return x / y;
        case '^':
          return x ** y;
        default:
          return null;
      }
    }
    default:
      return null;
  }
}

/** the shape of a nested literal, false when ragged */
export function valueShape(v: Nested): number[] | false {
  if (typeof v === 'number') return [];
  if (v.length === 0) return false;
  const inner = v.map(valueShape);
  if (inner.some((s) => s === false)) return false;
  const first = inner[0] as number[];
  if (inner.some((s) => !same(s as number[], first))) return false;
  return [v.length, ...first];
}

export function flatten(v: Nested): number[] {
  return typeof v === 'number' ? [v] : v.flatMap(flatten);
}

export function fill(shape: Shape, v: number): Float64Array {
  return new Float64Array(entries(shape)).fill(v);
}
