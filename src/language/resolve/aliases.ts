// `φ = tanh`: a name that stands for a function in the whole file. The parser already reads later uses
// (φ(z), φ'(z)) as the function; the resolver records the name and refuses a second meaning for it.

import type { NameAst, Statement } from '../ast';
import type { Scope } from './scope';
import { occurrence } from './text';

interface AliasStatement {
  k: 'alias';
  name: NameAst;
  fn: string;
  range: Statement['range'];
}

/** typed loosely so that this reads before and after the parser's Statement gains the alias form */
const asAlias = (st: Statement): AliasStatement | null => ((st as { k: string }).k === 'alias' ? (st as unknown as AliasStatement) : null);

export function recordAliases(statements: Statement[], scope: Scope): void {
  for (const written of statements) {
    const st = asAlias(written);
    if (!st) continue;
    const name = st.name.raw;
    const before = scope.aliases.get(name);
    const decl = scope.decls.get(name);
    const q = scope.quantities.get(name);
    const already = before
      ? `the function ${before.fn} on line ${before.line}`
      : decl
        ? `declared on line ${decl.line}`
        : q
          ? `defined on line ${q.line}`
          : null;
    if (already) {
      scope.error(
        `${name} already means ${already.startsWith('the') ? already : `something else (${already})`}: a name stands for one thing in a file`,
        st.name.range,
        'duplicate',
      );
      continue;
    }
    scope.aliases.set(name, { fn: st.fn, line: st.range.line });
    scope.symbols.push(occurrence(st.name.nameRange, name, name, 'definition'));
  }
}
