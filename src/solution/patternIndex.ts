// The training pattern's index p of Rumelhart, Hinton & Williams (1986), Bodén (2002) and Guo (2013): δ_{pj},
// y_{pj}(t), net_{pj}(t), d_{pk} are unit j's (k's) values for pattern p, and E = ½ Σ_p Σ_k (d_{pk} − y_{pk})² sums
// over the patterns. A network block is one sequence — one pattern — so p picks nothing: δ_{pj} is δ_j and Σ_p is
// its one term. Without this every such equation was "unknown name d_pk — did you mean δ_pk?" or "does not read as
// a check". Only where the network has no name p, only a p before one unit letter in braces, never on a matrix the
// network declares (W_{pj} is its entry), and Σ_p only with no bounds in a claim whose every p is such a pattern.
import type { Folded } from './display';
import { dropChars } from './dropChars';

/** `_{pj}`: the base before it (a LaTeX command or a word) and the unit letter (not t or T: a step) */
const PAIR = /(\\?[A-Za-z\u0370-\u03ff]+)_\{p([A-Za-su-z])\}/g;
/** `\Delta_p`, `Δ_{p}` */
const DELTA_P = /(\\Delta|Δ)_(?:\{p\}|p(?![A-Za-z0-9]))/g;
/** `d_p`, `o_{p}`: a name of the network with the pattern alone under it */
const ALONE = /(?<![\\A-Za-z])([A-Za-z]+)_(?:\{p\}|p(?![A-Za-z0-9]))/g;
/**
 * `\sum_p`, `\sum_{p}`, `Σ_p` with no upper bound after it, or one letter for the patterns' count (Bodén's Σ_p^n),
 * and the space that follows
 */
const SUM_P = /(?:\\sum|Σ|∑)_(?:\{p\}|p(?![A-Za-z0-9]))(?:\^(?:\{[A-Za-z]\}|[A-Za-z](?![A-Za-z0-9])))?(?!\s*\^)\s*/g;

export interface PatternReading {
  /** the file offset of the claim's first p read so */
  at: number;
  /** a name it was read on, for the information: δ_{pj} */
  example: string;
}

/**
 * Rewrites the claim's text in place (chars and their file offsets together), dropping each pattern p; null when
 * it writes none. `matrix(name)` says whether the network declares that name as a matrix.
 */
export function dropPatternIndex(text: Folded, rank: (name: string) => number | null): PatternReading | null {
  const matrix = (name: string) => rank(name) === 2;
  const { chars } = text;
  const drop = new Set<number>();
  let first = -1;
  let example = '';
  for (const m of chars.matchAll(PAIR)) {
    const base = m[1]!.replace(/^\\/, '');
    if (matrix(base)) continue;
    // the p, after `base_{`
    const p = m.index + m[1]!.length + 2;
    drop.add(p);
    if (first < 0) {
      first = p;
      example = `${m[1]!.startsWith('\\') ? greek(base) : base}_{p${m[2]!}}`;
    }
  }
  if (first < 0) return null;
  const firstAt = text.at[first]!;
  // in a claim that writes the pattern so, a scalar's pattern alone: the exam's d_p, o_p(T) of one output unit
  // Rumelhart's Δ_p w_ji, the change pattern p asks for: Δ's own message (a descent step, no equation) reads it
  for (const m of chars.matchAll(DELTA_P)) for (let i = m[1]!.length; i < m[0].length; i++) drop.add(m.index + i);
  for (const m of chars.matchAll(ALONE))
    if (rank(m[1]!) === 0) for (let i = 0; i < m[0].length - m[1]!.length; i++) drop.add(m.index + m[1]!.length + i);
  // Σ_p over the one pattern, where every other p of the claim is such a pattern's (no Σ_p over a step p)
  const sums = [...chars.matchAll(SUM_P)];
  const others = chars
    .replace(PAIR, '')
    .replace(SUM_P, '')
    .replace(DELTA_P, '$1')
    .replace(ALONE, (all: string, base: string) => (rank(base) === 0 ? '' : all));
  if (!/(?:_\{?p(?![A-Za-z])|\(p\)|\bp\b)/.test(others))
    for (const s of sums) for (let i = s.index; i < s.index + s[0].length; i++) drop.add(i);
  dropChars(text, drop);
  return { at: firstAt, example };
}

/** the Greek letters a LaTeX base may spell, as the message prints them */
function greek(name: string): string {
  const letters: Record<string, string> = { delta: 'δ', Delta: 'Δ', theta: 'θ', sigma: 'σ', eta: 'η', varepsilon: 'ε', epsilon: 'ε' };
  return letters[name] ?? name;
}
