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
      // pushed, not map()ped: map() makes its array with one elements kind in optimized code and another in the
      // builtin, and the test after it met the other one once its caller was optimized (a deoptimization, then the
      // caller, readDeclaredValues, compiled again)
      const xs = a.items;
      const items: Nested[] = [];
      for (let i = 0; i < xs.length; i++) {
        const v = constValue(xs[i]!, T);
        if (v === null) return null;
        items.push(v);
      }
      return items;
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
  // a list of plain numbers (every row of a written-out matrix): no shape per entry (issue 11: 12,000 numbers)
  if (v.every((x) => typeof x === 'number')) return [v.length];
  const first = valueShape(v[0]!);
  if (first === false) return false;
  for (let i = 1; i < v.length; i++) {
    const s = valueShape(v[i]!);
    if (s === false || !same(s, first)) return false;
  }
  return [v.length, ...first];
}

/** the entries of a nested literal in row-major order, pushed onto one array (no array per level) */
export function flatten(v: Nested, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else for (const x of v) flatten(x, out);
  return out;
}

export function fill(shape: Shape, v: number): Float64Array {
  return new Float64Array(entries(shape)).fill(v);
}
