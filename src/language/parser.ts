// Recursive-descent parser. One statement per line; a bad statement is reported and skipped to
// its line end, so the rest of the file still parses. The notation of LANGUAGE.md v2 §1/§3/§4 is read
// into the AST of ast.ts (its header lists the conventions) by the reading functions of parse/, one file
// per part of the notation, each taking the parse's state (parse/state.ts) as its first argument.

import type { Statement } from './ast';
import type { Token } from './lexer';
import { LIMITS } from './limits';
import { REL, describe, fail, peek } from './parse/cursor';
import { strayCloser } from './parse/operators';
import { ParseState, Stop, type ParseError, type ParseOptions } from './parse/state';
import { statementTokens } from './parse/statementText';
import { statement } from './parse/statements';

export type { ParseError, ParseOptions } from './parse/state';

/** the statements of a lexed file, and an error for each statement that does not read */
export function parse(
  input: Token[],
  src: string,
  options: ParseOptions = {},
): { statements: Statement[]; errors: ParseError[]; uprightD: boolean } {
  const ps = new ParseState(input, src, options);
  while (peek(ps).kind !== 'eof') {
    if (peek(ps).kind === 'newline') {
      ps.p++;
      continue;
    }
    const start = ps.p;
    // asked first: it finds statementEnd and statementTagged too
    const count = statementTokens(ps, ps.p);
    ps.trackDepth = ps.options.alwaysTrackDepth === true || count * 2 >= LIMITS.maxTreeDepth;
    try {
      const st = statement(ps);
      if (peek(ps).kind !== 'newline' && peek(ps).kind !== 'eof') {
        const t = peek(ps);
        if (t.kind === 'op' && REL.has(t.text))
          fail(ps, `'${t.text}' is read only in the bounds of Σ and ∏ (Σ_{1≤t≤T}), found after the statement`);
        if (t.kind === 'kw' && t.text === 'for' && st.k === 'derive')
          fail(ps, 'a derive answers at every step where it is defined: a range (for t …) is read on check lines');
        if (t.kind !== 'error') fail(ps, `unexpected ${describe(ps, t)} after the statement${strayCloser(ps, t)}`);
        throw new Stop(null);
      }
      ps.statements.push(st);
      // a where clause that is an equation of its own: checked after the statement that states it
      for (const q of ps.queued) ps.statements.push(q);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      if (e.diag) ps.errors.push(e.diag);
      if (ps.brokenDef) ps.statements.push(ps.brokenDef);
      if (ps.p === start) ps.p++;
      while (peek(ps).kind !== 'newline' && peek(ps).kind !== 'eof') ps.p++;
    }
    ps.depth = 0;
    // setting an array's length is a call into the runtime, even to 0 when it is 0 (most statements queue nothing)
    if (ps.queued.length) ps.queued.length = 0;
    ps.brokenDef = null;
    ps.supTransposed = false;
    ps.supPower = null;
    ps.inRange = false;
    ps.dTries = 0;
    ps.placeholders = false;
  }
  return { statements: ps.statements, errors: ps.errors, uprightD: ps.uprightD };
}
