// A letter with two steps, defined by a derivative: Qiu's 《神经网络与深度学习》 §6.4.1 writes
// `δ_{t,k} = ∂L_t/∂z_k` (the loss at step t by the net input at step k) and then `δ_{t,k} = diag(f'(z_k)) Uᵀ δ_{t,k+1}`,
// `∂L/∂U = Σ_t Σ_k δ_{t,k} h_{k−1}ᵀ`. The language has one step per quantity, so no line of the network can hold such a
// letter; it is a shorthand for the derivative it names, so every later `δ_{p,q}` is read as that derivative at p and q
// (written out in the claim's text, its characters placed on the δ written).
import type { Folded } from './display';

export interface PairLetter {
  /** the letter as written (`\delta`, `δ`) */
  letter: string;
  /** the derivative's numerator and variable without their step (`\mathcal{L}`, `\boldsymbol{z}`) */
  of: string;
  by: string;
  /** how the letter is read, for the information at its definition: `∂L_t/∂z_k` */
  shown: string;
}

const LETTER = String.raw`(\\[A-Za-z]+|\p{L})`;
/** `δ_{t,k} =`: the letter, its two step letters */
const HEAD = new RegExp(String.raw`^\s*${LETTER}\s*_\s*\{\s*([a-z])\s*,\s*([a-z])\s*\}\s*=`, 'u');
const PARTIAL = /^\s*(?:\\partial(?![A-Za-z])|∂)\s*/;

/** the content of the `{…}` group opening at i (after spaces), and where it ends; null when none opens there */
function group(s: string, i: number): { inner: string; end: number } | null {
  while (s[i] === ' ') i++;
  if (s[i] !== '{') return null;
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    if (s[k] === '{') depth++;
    else if (s[k] === '}' && --depth === 0) return { inner: s.slice(i + 1, k), end: k + 1 };
  }
  return null;
}

/** `X_a` (or `X_{a}`) → X, when its step is the letter a alone */
function withoutStep(s: string, a: string): string | null {
  const m = new RegExp(String.raw`^(.*?)\s*_\s*(?:\{\s*${a}\s*\}|${a})\s*$`, 'su').exec(s.trim());
  return m && m[1]!.trim() ? m[1]!.trim() : null;
}

/**
 * The definition `δ_{t,k} = \frac{∂L_t}{∂z_k}` (also `∂L_t/∂z_k`) at the start of a claim's text: the letter and where
 * the derivative ends (the whole text, or the `=` of a chain that goes on); null when the text defines no such letter
 */
export function pairDefinition(chars: string): { pair: PairLetter; end: number; head: number } | null {
  const h = HEAD.exec(chars);
  if (!h) return null;
  const [, letter, a, b] = h as unknown as [string, string, string, string];
  if (a === b) return null;
  let i = h[0].length;
  while (chars[i] === ' ') i++;
  let num: string, den: string, end: number;
  if (chars.startsWith('\\frac', i)) {
    const n = group(chars, i + 5);
    const d = n && group(chars, n.end);
    if (!n || !d || !PARTIAL.test(n.inner) || !PARTIAL.test(d.inner)) return null;
    num = n.inner.replace(PARTIAL, '');
    den = d.inner.replace(PARTIAL, '');
    end = d.end;
  } else {
    const m = /^(?:\\partial(?![A-Za-z])|∂)\s*([^/=]+?)\s*\/\s*(?:\\partial(?![A-Za-z])|∂)\s*([^=]+?)\s*(?==|$)/u.exec(chars.slice(i));
    if (!m) return null;
    num = m[1]!;
    den = m[2]!;
    end = i + m[0].length;
  }
  const rest = chars.slice(end);
  if (rest.trim() && !/^\s*=/.test(rest)) return null;
  const of = withoutStep(num, a);
  const by = withoutStep(den, b);
  if (!of || !by) return null;
  const plain = (s: string) => s.replace(/\\(?:mathcal|boldsymbol|mathbf|bm|mathrm|mathit)\s*\{([^{}]*)\}/g, '$1');
  return { pair: { letter, of, by, shown: `∂${plain(of)}_${a}/∂${plain(by)}_${b}` }, end, head: h[0].length };
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** every `δ_{p,q}` of the letter in a claim's text written out as `\frac{∂L_{p}}{∂z_{q}}`; the text unchanged when none */
export function writePairs(text: Folded, pair: PairLetter, uses: [string, string][] = []): Folded {
  const after = pair.letter.startsWith('\\') ? '(?![A-Za-z])' : '';
  const use = new RegExp(`${escape(pair.letter)}${after}\\s*_\\s*\\{([^{},]+),([^{},]+)\\}`, 'gu');
  let chars = '';
  const at: number[] = [];
  let from = 0;
  for (const m of text.chars.matchAll(use)) {
    const k = m.index;
    uses.push([m[1]!.trim(), m[2]!.trim()]);
    chars += text.chars.slice(from, k);
    at.push(...text.at.slice(from, k));
    const written = String.raw`\frac{\partial ${pair.of}_{${m[1]!.trim()}}}{\partial ${pair.by}_{${m[2]!.trim()}}}`;
    chars += written;
    // its characters all stand on the letter written, so a message about them points there
    for (let n = 0; n < written.length; n++) at.push(text.at[k + Math.min(n, m[0].length - 1)]!);
    from = k + m[0].length;
  }
  if (!from) return text;
  chars += text.chars.slice(from);
  at.push(...text.at.slice(from));
  return { chars, at };
}

/**
 * The steps where a claim's letters with two steps are defined: δ_{t,k} is the loss at t by step k, which no later
 * step reaches, so it names a derivative for k ≤ t only (Qiu writes "当 1 ≤ k < t 时" before δ_{t,k} = diag(f'(z_k))
 * Uᵀ δ_{t,k+1}, in prose). A use `δ_{t,k+1}` with k free (no Σ or ∏ binds it) bounds k by t − 1: the range written
 * after the claim, as `\text{for } k = 1, \dots, t-1` is (where both sides are defined, as a check's default range
 * is). Null when no use bounds a free letter, or two bound it differently.
 */
export function pairRange(chars: string, uses: [string, string][]): string | null {
  if (/\\forall(?![A-Za-z])|∀|\\text\s*\{\s*for\b/.test(chars)) return null;
  const bound = new Set([...chars.matchAll(/\\(?:sum|prod)\s*_\s*\{?\s*(\\?[A-Za-z]+)\s*=/g)].map((m) => m[1]!));
  let range: string | null = null;
  for (const [p, q] of uses) {
    const m = /^([a-z])\s*(?:\+\s*(\d+))?$/.exec(q);
    if (!m || bound.has(m[1]!) || /^\d+$/.test(p) || p.includes(m[1]!)) continue;
    const by = Number(m[2] ?? 0);
    if (!by) continue;
    const top = `${m[1]} = 1, \\dots, ${p.replace(/\s+/g, '')}-${by}`;
    if (range && range !== top) return null;
    range = top;
  }
  return range;
}
