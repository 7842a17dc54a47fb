// The horizon T: `T = 3` on its own line, else the length of the sequences, else 3 with a warning.

import type { Statement } from '../ast';
import { diag } from '../diagnostics';
import { LIMITS } from '../limits';
import type { Scope } from './scope';
import { occurrence } from './text';
import { constValue } from './values';

/** reads every `T = …` line; returns the other statements. T is null when no line set it. */
export function readHorizon(statements: Statement[], scope: Scope): { rest: Statement[]; T: number | null } {
  let T: number | null = null;
  const rest: Statement[] = [];
  for (const st of statements) {
    if (!(st.k === 'def' && st.lhs.raw === 'T' && !st.lhs.sub && !st.lhs.sup)) {
      rest.push(st);
      continue;
    }
    const v = constValue(st.rhs);
    scope.symbols.push(occurrence(st.lhs.nameRange, 'T', 'T', 'definition'));
    if (T !== null) {
      scope.error(`the horizon T is set twice`, st.range, 'horizon');
      continue;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > LIMITS.maxT) {
      scope.error(
        `the horizon T must be an integer from 1 to ${LIMITS.maxT.toLocaleString('en')} (limit), not ${typeof v === 'number' ? v : st.rhs.k === 'name' ? `${st.rhs.raw} (a name: T is a number, as T = 3)` : 'this'}`,
        st.rhs.range,
        typeof v === 'number' && v > LIMITS.maxT ? 'limit' : 'horizon',
      );
      scope.fatal = true;
      T = 0;
      continue;
    }
    T = v;
  }
  return { rest, T };
}

/** with no `T = …`: the common length of the sequences' literals, else 3 with a warning */
export function defaultHorizon(statements: Statement[], declStatements: (Statement & { k: 'decl' })[], scope: Scope): number {
  const lens = declStatements
    .filter((d) => d.kind !== 'param' || /_t$/.test(d.name.raw))
    .map((d) => (d.value && d.value.k === 'list' ? (d.value.packed?.shape[0] ?? d.value.items.length) : null))
    .filter((x): x is number => x !== null);
  if (lens.length && lens.every((l) => l === lens[0]) && lens[0]! >= 1 && lens[0]! <= LIMITS.maxT) return lens[0]!;
  // a file with no statement yet (a new file, comments only) has nothing the horizon is missing for
  if (!statements.length) return 3;
  const first = statements[0]?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  scope.diagnostics.push(
    diag(
      'warning',
      'no horizon given: using T = 3 (write `T = …` on its own line)',
      { ...first, endLine: first.line, endColumn: first.column },
      'horizon',
    ),
  );
  return 3;
}
