// The `physics` package's commands, as an Overleaf solution writes them (probe 47: every display with `\pdv` was
// "unknown LaTeX command \pdv" and skipped): each use is read as the LaTeX it prints — `\pdv{L}{h_t}` as
// `\frac{\partial L}{\partial h_t}`, `\dv` with an upright d, `\qty(…)` as its brackets, `\vb{h}` as `\mathbf{h}`,
// `\mqty(…)` as a pmatrix. A use is a set of rewrites at file offsets, so the arguments are folded as any other text
// (a `\vb` or `\qty` inside a `\pdv` reads too). A solution's own macro of the same name wins (display.ts asks first).
// A second or mixed derivative is read as it prints too (∂²L/∂b²), which the parser names as no part of the language.

import { matchBrace } from './macros';

/** at a file offset: the characters that stand there, how many of the file's characters they replace, a matrix opened (1) or closed (-1) */
export interface Rewrite {
  text: string;
  skip: number;
  matrix?: 1 | -1;
}

export type PhysicsUse = { rewrites: [number, Rewrite][] };

const PHYSICS = new Set(['pdv', 'dv', 'qty', 'pqty', 'bqty', 'vb', 'mqty', 'pmqty', 'bmqty']);

/** `{…}` at j after spaces, braces included */
function groupAt(text: string, j: number, end: number): { start: number; end: number } | null {
  while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
  return matchBrace(text, j, end);
}

/** the bracket closing the one at j (`(` or `[`), the same kind counted, braces skipped; -1 when it is not closed */
function closing(text: string, j: number, end: number): number {
  const open = text[j]!;
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let k = j; k < end; k++) {
    if (text[k] === '\\') {
      k++;
      continue;
    }
    if (text[k] === '{') {
      const g = matchBrace(text, k, end);
      if (!g) return -1;
      k = g.end - 1;
    } else if (text[k] === open) depth++;
    else if (text[k] === close && --depth === 0) return k;
  }
  return -1;
}

/**
 * The physics command `word` written at i (its backslash), its name (and a `*`) ending at nameEnd: the rewrites that
 * read it, or why it is not read; null when it is no physics command or its arguments are not there.
 */
export function physicsUse(text: string, word: string, i: number, nameEnd: number, end: number, starred: boolean): PhysicsUse | null {
  if (!PHYSICS.has(word)) return null;
  const name: Rewrite = { text: ' ', skip: nameEnd - i };
  if (word === 'vb') return { rewrites: [[i, { text: starred ? '\\boldsymbol' : '\\mathbf', skip: nameEnd - i }]] };
  if (word === 'pdv' || word === 'dv') {
    const d = word === 'pdv' ? '\\partial ' : '\\mathrm{d} ';
    // `\pdv[2]{L}{h}`: the order
    const order = /^\s*\[\s*([^\]\n]{0,8})\s*\]/.exec(text.slice(nameEnd, Math.min(end, nameEnd + 12)));
    let j = nameEnd + (order ? order[0].length : 0);
    const args: { start: number; end: number }[] = [];
    for (let g = groupAt(text, j, end); g && args.length < 3; g = groupAt(text, j, end)) {
      args.push(g);
      j = g.end;
    }
    if (!args.length) return null;
    // `\pdv[2]{L}{b}` prints ∂²L/∂b², `\pdv{f}{x}{y}` ∂²f/∂x∂y: read as printed, so that the row (not the whole display) is
    // the parser's "second and higher derivatives" — the other rows of an align still read
    const n = order && order[1]!.trim() !== '1' ? order[1]!.trim() : args.length === 3 ? '2' : null;
    if (n !== null && args.length >= 2) {
      const [a0, a1, a2] = args as [
        { start: number; end: number },
        { start: number; end: number },
        { start: number; end: number } | undefined,
      ];
      const out: [number, Rewrite][] = [
        [i, { text: '\\frac', skip: a0.start - i }],
        [a0.start + 1, { text: `${d.trim()}^{${n}} `, skip: 0 }],
        [a1.start + 1, { text: d, skip: 0 }],
      ];
      if (a2) out.push([a1.end - 1, { text: ` ${d}`, skip: a2.start + 1 - (a1.end - 1) }]);
      else out.push([a1.end - 1, { text: `^{${n}}`, skip: 0 }]);
      return { rewrites: out };
    }
    // `\pdv{h_t}` alone is the operator ∂/∂h_t, applied to what follows; the groups' braces are folded as written
    const head = args.length === 1 ? `\\frac{${d.trim()}}` : '\\frac';
    const out: [number, Rewrite][] = [[i, { text: head, skip: args[0]!.start - i }]];
    for (const g of args) out.push([g.start + 1, { text: d, skip: 0 }]);
    return { rewrites: out };
  }
  // `\qty(…)`, `\qty[…]`, `\qty|…|`: sized brackets, the brackets themselves; `\qty{…}` prints braces, a grouping
  let j = nameEnd;
  while (j < end && text[j] === ' ') j++;
  if (word === 'qty') {
    if (text[j] === '(' || text[j] === '[' || text[j] === '|') return { rewrites: [[i, name]] };
    const g = matchBrace(text, j, end);
    return g
      ? {
          rewrites: [
            [i, name],
            [g.start, { text: '(', skip: 1 }],
            [g.end - 1, { text: ')', skip: 1 }],
          ],
        }
      : null;
  }
  if (word === 'pqty' || word === 'bqty') {
    const g = matchBrace(text, j, end);
    const [o, c] = word === 'pqty' ? ['(', ')'] : ['[', ']'];
    return g
      ? {
          rewrites: [
            [i, name],
            [g.start, { text: o, skip: 1 }],
            [g.end - 1, { text: c, skip: 1 }],
          ],
        }
      : null;
  }
  // `\mqty(…)` a pmatrix, `\mqty[…]` a bmatrix, `\pmqty{…}`, `\bmqty{…}`
  let env: string;
  let close: number;
  if (word === 'mqty' && (text[j] === '(' || text[j] === '[')) {
    env = text[j] === '(' ? 'pmatrix' : 'bmatrix';
    close = closing(text, j, end);
  } else {
    const g = word === 'mqty' ? null : matchBrace(text, j, end);
    if (!g) return null;
    env = word === 'pmqty' ? 'pmatrix' : 'bmatrix';
    close = g.end - 1;
  }
  if (close < 0) return null;
  return {
    rewrites: [
      [i, { text: `\\begin{${env}}`, skip: j + 1 - i, matrix: 1 }],
      [close, { text: `\\end{${env}}`, skip: 1, matrix: -1 }],
    ],
  };
}
