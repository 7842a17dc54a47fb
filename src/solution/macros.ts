// A solution's own LaTeX macros (`\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}`), expanded where a display
// uses them, so `\pd{L}{h_t}` reads as the derivative it prints (session 14: it was "unknown LaTeX command \pd").
// Only what a solution's preamble writes: \newcommand / \renewcommand / \providecommand (with a parameter count and a
// default for the first), \def (with `#1#2` parameters), \let, xparse's \NewDocumentCommand with mandatory arguments,
// and \DeclareMathOperator. Each expanded character keeps a file offset: an argument's
// its own, the macro's body the offset of the macro's name.

export interface Macro {
  params: number;
  body: string;
  /** the default of an optional first argument (`\newcommand{\pdd}[3][]{…}`): the use may give it in brackets */
  optional?: string;
}

/** a definition's command and its name: `\newcommand{\pd}`, `\def\L`, `\let\del`, `\NewDocumentCommand{\grad}` */
const DEFINITION =
  /\\(?:(?:re)?newcommand\*?|providecommand\*?|DeclareMathOperator\*?|def|let|(?:New|Renew|Provide|Declare)DocumentCommand)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))/;

/** the macros a text defines, by name (without the backslash); the last definition wins */
export function readMacros(text: string): Map<string, Macro> {
  const out = new Map<string, Macro>();
  if (!/command|\\def|\\let|DeclareMathOperator/i.test(text)) return out;
  const re = new RegExp(DEFINITION.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = (m[1] ?? m[2])!;
    const macro = definition(text, m[0], m.index + m[0].length);
    if (macro) out.set(name, macro.macro);
  }
  return out;
}

/**
 * what follows a definition's name at j: its parameters and its body, and where it ends; null for a form not read
 * (a use of it is then an unknown command, named). `\providecommand` was not read at all (session 30), nor `\def`
 * with parameters, `\let`, an optional argument's default or `\NewDocumentCommand`.
 */
function definition(text: string, command: string, j: number, end = text.length): { macro: Macro; end: number } | null {
  if (command.startsWith('\\let')) {
    // `\let\del\partial`, `\let\del=\partial`: the name stands for the one command
    const target = /^\s*=?\s*(\\[A-Za-z]+|\\.)/.exec(text.slice(j, Math.min(end, j + 60)));
    return target ? { macro: { params: 0, body: target[1]! }, end: j + target[0].length } : null;
  }
  let params = 0;
  let optional: string | undefined;
  if (/DocumentCommand/.test(command)) {
    // xparse's argument spec: mandatory arguments (`m m`) only
    const spec = group(text, j, end);
    if (!spec) return null;
    const kinds = text.slice(spec.start + 1, spec.end - 1).replace(/\s+/g, '');
    if (!/^m*$/.test(kinds)) return null;
    params = kinds.length;
    j = spec.end;
  } else if (command.startsWith('\\def')) {
    // \def's parameter text, `#1#2`
    const hashes = /^(?:#\d)+/.exec(text.slice(j, Math.min(end, j + 20)));
    if (hashes) {
      params = hashes[0].length / 2;
      j += hashes[0].length;
    }
  } else {
    const count = /^\s*\[(\d)\]/.exec(text.slice(j, j + 8));
    if (count) {
      params = Number(count[1]);
      j += count[0].length;
      // a default for the first argument, `[3][]`: the use may give it in brackets, or not
      const dflt = /^\s*\[([^\]\n]*)\]/.exec(text.slice(j, Math.min(end, j + 60)));
      if (dflt) {
        optional = dflt[1]!;
        j += dflt[0].length;
      }
    }
  }
  const body = group(text, j, end);
  if (!body) return null;
  const inner = text.slice(body.start + 1, body.end - 1);
  const operator = command.startsWith('\\DeclareMathOperator');
  return {
    macro: { params, body: operator ? `\\operatorname{${inner}}` : inner, ...(optional !== undefined ? { optional } : {}) },
    end: body.end,
  };
}

/**
 * A macro definition written at i (`\newcommand{\pd}[2]{…}`, `\def\L{…}`, `\DeclareMathOperator{\tr}{tr}`): its name
 * and where it ends, or null. A Markdown solution has no preamble, so it defines its macros in a display, alone or
 * before an equation (MathJax and KaTeX read them there): that text is no part of the equation.
 */
export function definitionAt(text: string, i: number, end: number): { name: string; end: number } | null {
  const m = new RegExp('^' + DEFINITION.source).exec(text.slice(i, Math.min(end, i + 80)));
  if (!m) return null;
  const d = definition(text, m[0], i + m[0].length, end);
  return d ? { name: (m[1] ?? m[2])!, end: d.end } : null;
}

/** `{…}` at j (after spaces), braces included, or null */
export function group(text: string, j: number, end = text.length): { start: number; end: number } | null {
  while (j < end && /\s/.test(text[j]!)) j++;
  return matchBrace(text, j, end);
}

/**
 * The one brace matcher of the solution readers: the `{…}` whose `{` is at j exactly (braces included), or null.
 * Each caller skips what may precede the `{` in its own place (macros.ts any whitespace, display.ts spaces and `*`).
 */
export function matchBrace(text: string, j: number, end = text.length): { start: number; end: number } | null {
  if (text[j] !== '{') return null;
  let depth = 0;
  for (let k = j; k < end; k++) {
    if (text[k] === '\\') {
      k++;
      continue;
    }
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) return { start: j, end: k + 1 };
  }
  return null;
}

/** how deep macros may expand inside each other (a macro defined by itself stops here) */
const MAX_DEPTH = 8;
/**
 * how many characters one use may expand to: `\x{\x{…}}` with `\x` repeating its argument grows exponentially
 * (session 29: a macro defined by itself, `\newcommand{\a}{\a}`, recursed without end and crashed the reader)
 */
const MAX_CHARS = 100_000;

/** a macro's use expanded: the characters it stands for, each one's file offset, and where the use ends */
export type Expansion = { chars: string[]; at: number[]; end: number };

/** a use that expands past MAX_CHARS: it is left unexpanded (an unknown command, named) */
class TooLong extends Error {}

/**
 * The macro `name` used at file offset `at` (its backslash) in text, with its arguments after `from`: the characters
 * it stands for and their offsets, and where its use ends; null when its arguments are not there.
 */
export function expandMacro(
  text: string,
  macros: Map<string, Macro>,
  name: string,
  at: number,
  from: number,
  end: number,
): Expansion | null {
  try {
    // an empty `^{}` an optional argument's default leaves (`\partial^{#1}`) is the lexer's to drop, as one written by hand
    return expand(text, macros, name, at, from, end, 0, { left: MAX_CHARS });
  } catch (e) {
    if (e instanceof TooLong) return null;
    throw e;
  }
}

function expand(
  text: string,
  macros: Map<string, Macro>,
  name: string,
  at: number,
  from: number,
  end: number,
  depth: number,
  budget: { left: number },
): Expansion | null {
  const macro = macros.get(name)!;
  // an argument is the file's own text (start..end), or an optional argument's default (the body's, at the name)
  const args: ({ start: number; end: number } | { text: string })[] = [];
  let j = from;
  let k0 = 0;
  if (macro.optional !== undefined) {
    const given = /^\s*\[([^\]\n]*)\]/.exec(text.slice(j, Math.min(end, j + 80)));
    if (given) {
      const start = j + given[0].indexOf('[') + 1;
      args.push({ start, end: start + given[1]!.length });
      j += given[0].length;
    } else args.push({ text: macro.optional });
    k0 = 1;
  }
  for (let k = k0; k < macro.params; k++) {
    while (j < end && text[j] === ' ') j++;
    const g = group(text, j, end);
    if (g) {
      args.push({ start: g.start + 1, end: g.end - 1 });
      j = g.end;
    } else if (j < end && text[j] !== '}') {
      // a one-token argument: `\pd L h`
      const tok = /^\\[A-Za-z]+|^\\.|^./s.exec(text.slice(j, j + 40))![0];
      args.push({ start: j, end: j + tok.length });
      j += tok.length;
    } else return null;
  }
  const chars: string[] = [];
  const offsets: number[] = [];
  // d: how deep this text is inside macros (a parameterless macro in a body counts too: `\newcommand{\a}{\a}`)
  const emit = (s: string, o: (k: number) => number, d: number) => {
    for (let k = 0; k < s.length; k++) {
      // a macro used inside the body or an argument: expanded in turn
      const inner = d < MAX_DEPTH && s[k] === '\\' ? /^\\([A-Za-z]+)/.exec(s.slice(k, k + 40)) : null;
      if (inner && macros.has(inner[1]!)) {
        const base = o(k);
        // an argument's text is the file's own (offsets count on); the body's is not (one offset for all of it)
        const own = o(k + 1) === base + 1;
        const sub = own ? expand(text, macros, inner[1]!, base, base + inner[0].length, end, d + 1, budget) : null;
        if (sub) {
          chars.push(...sub.chars);
          offsets.push(...sub.at);
          k += sub.end - base - 1;
          continue;
        }
        if (!own) {
          const body = macros.get(inner[1]!)!;
          if (body.params === 0) {
            emit(body.body, () => base, d + 1);
            k += inner[0].length - 1;
            continue;
          }
        }
      }
      if (--budget.left < 0) throw new TooLong();
      chars.push(s[k]!);
      offsets.push(o(k));
    }
  };
  // the body, with #1 … #9 replaced by the arguments' own characters
  const parts = macro.body.split(/(#\d)/);
  for (const p of parts) {
    const arg = /^#(\d)$/.exec(p);
    const a = arg ? args[Number(arg[1]) - 1] : undefined;
    if (a && 'text' in a) emit(a.text, () => at, depth);
    else if (a) emit(text.slice(a.start, a.end), (k) => a.start + k, depth);
    else emit(p, () => at, depth);
  }
  return { chars, at: offsets, end: j };
}
