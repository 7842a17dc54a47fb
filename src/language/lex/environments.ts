// \begin{…} and \end{…}: layout environments (align, cases, array) read as their content, matrices as literals.

import { LAYOUT_ENVS, MATRIX_ENVS } from './commands';
import { error, push } from './emit';
import { groupAt } from './groups';
import { arrayInBrackets, arrayStatesEquality } from './latexText';
import type { LexState } from './state';

/** \begin{env} / \end{env}: layout environments vanish, matrices are literals */
export function environment(ls: LexState, begin: boolean, s: number) {
  const g = groupAt(ls, ls.i);
  if (!g) {
    error(ls, ls.src.slice(s, ls.i), s, ls.i, `\\${begin ? 'begin' : 'end'} needs an environment name in braces`);
    return;
  }
  ls.i = g[1];
  const name = g[0].trim();
  const base = name.endsWith('*') ? name.slice(0, -1) : name;
  if (LAYOUT_ENVS.has(base)) {
    if (begin) {
      ls.envs.push(false);
      // \begin{alignat}{2}: the column count
      if (base.startsWith('alignat')) {
        const c = groupAt(ls, ls.i);
        if (c) ls.i = c[1];
      }
    } else if (ls.envs.length) ls.envs.pop();
    return;
  }
  // \begin{array}{rcl} A & = & B \end{array}: an older way to align a derivation, layout when it states an equality
  // (an array of numbers is a matrix when brackets enclose it, below)
  if (name === 'array' && (begin ? arrayStatesEquality(ls) : ls.envs.length && !ls.envs[ls.envs.length - 1])) {
    if (begin) ls.envs.push(false);
    else ls.envs.pop();
    return;
  }
  // \left[ \begin{array}{cc} 1 & 2 \\ 3 & 4 \end{array} \right]: a matrix written as an array in brackets (older
  // LaTeX; it was an unknown environment): the bracket opens it, as \begin{bmatrix} does, and the \right] closing it
  // goes with \end{array}
  if (name === 'array' && (begin ? arrayInBrackets(ls, s) : ls.envs.length && ls.envs[ls.envs.length - 1])) {
    if (begin) {
      const open = ls.tokens.pop()!;
      ls.envs.push(true);
      push(ls, 'op', 'mat[', open.start, ls.i);
    } else {
      ls.envs.pop();
      ls.depth = Math.max(0, ls.depth - 1);
      const close = /^\s*(?:\\right\s*)?[\])]/.exec(ls.src.slice(ls.i, ls.i + 24));
      if (close) ls.i += close[0].length;
      push(ls, 'op', 'mat]', s, ls.i);
    }
    return;
  }
  if (MATRIX_ENVS.has(name)) {
    if (begin) {
      ls.envs.push(true);
      ls.depth++;
      push(ls, 'op', 'mat[', s, ls.i);
    } else {
      if (ls.envs.length) ls.envs.pop();
      ls.depth = Math.max(0, ls.depth - 1);
      push(ls, 'op', 'mat]', s, ls.i);
    }
    return;
  }
  // a case distinction is several equations, one per case: said once, at its \begin (its \end would repeat it)
  if (/^[dr]?cases$/.test(base)) {
    if (!begin) return;
    error(
      ls,
      ls.src.slice(s, ls.i),
      s,
      ls.i,
      `a case distinction \\begin{${name}} is not read: write one check per case, with its steps (… for t = 1, … for t = 2..T)`,
    );
    return;
  }
  error(
    ls,
    ls.src.slice(s, ls.i),
    s,
    ls.i,
    `unknown LaTeX environment {${name}}${/matrix$/.test(name) ? ' (matrices are written with bmatrix, pmatrix or matrix)' : ''}`,
  );
}
