// A solution's own LaTeX macros (`\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}`), expanded where a display
// uses them, so `\pd{L}{h_t}` reads as the derivative it prints (session 14: it was "unknown LaTeX command \pd").
// Only what a solution's preamble writes: \newcommand / \renewcommand / \providecommand (with a parameter count),
// \def without parameters, and \DeclareMathOperator. Each expanded character keeps a file offset: an argument's
// its own, the macro's body the offset of the macro's name.

export interface Macro {
  params: number;
  body: string;
}

/** the macros a text defines, by name (without the backslash); the last definition wins */
export function readMacros(text: string): Map<string, Macro> {
  const out = new Map<string, Macro>();
  if (!text.includes('command') && !text.includes('\\def') && !text.includes('DeclareMathOperator')) return out;
  const re = /\\(?:(?:re|provide)?newcommand\*?|DeclareMathOperator\*?|def)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = (m[1] ?? m[2])!;
    let j = m.index + m[0].length;
    const count = /^\s*\[(\d)\]/.exec(text.slice(j, j + 8));
    if (count) j += count[0].length;
    // a default for the first argument (`[2][x]`) is not supported: such a macro is left unknown
    if (/^\s*\[/.test(text.slice(j, j + 4))) continue;
    const body = group(text, j);
    if (!body) continue;
    const inner = text.slice(body.start + 1, body.end - 1);
    const operator = m[0].startsWith('\\DeclareMathOperator');
    out.set(name, { params: count ? Number(count[1]) : 0, body: operator ? `\\operatorname{${inner}}` : inner });
  }
  return out;
}

/**
 * A macro definition written at i (`\newcommand{\pd}[2]{…}`, `\def\L{…}`, `\DeclareMathOperator{\tr}{tr}`): its name
 * and where it ends, or null. A Markdown solution has no preamble, so it defines its macros in a display, alone or
 * before an equation (MathJax and KaTeX read them there): that text is no part of the equation.
 */
export function definitionAt(text: string, i: number, end: number): { name: string; end: number } | null {
  const m = /^\\(?:(?:re|provide)?newcommand\*?|DeclareMathOperator\*?|def)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))/.exec(
    text.slice(i, Math.min(end, i + 80)),
  );
  if (!m) return null;
  let j = i + m[0].length;
  // a parameter count and a default `[2][x]`, or \def's parameter text `#1#2`
  const extra = /^\s*(?:\[\d\]\s*(?:\[[^\]\n]*\])?|(?:#\d)+)/.exec(text.slice(j, Math.min(end, j + 60)));
  if (extra) j += extra[0].length;
  const body = group(text, j, end);
  return body ? { name: (m[1] ?? m[2])!, end: body.end } : null;
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
): { chars: string[]; at: number[]; end: number } | null {
  try {
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
): { chars: string[]; at: number[]; end: number } | null {
  const macro = macros.get(name)!;
  const args: { start: number; end: number }[] = [];
  let j = from;
  for (let k = 0; k < macro.params; k++) {
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
    if (a) emit(text.slice(a.start, a.end), (k) => a.start + k, depth);
    else emit(p, () => at, depth);
  }
  return { chars, at: offsets, end: j };
}
