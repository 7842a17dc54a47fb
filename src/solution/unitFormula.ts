// Pearlmutter's `e_i(t) = y_i(t) − d_i(t)`: a letter of the solution's own defined per unit, names on both sides
// carrying the same unit letter i (and the letter nowhere else). The network has no per-unit names, so it was "e_i(t) is not a name of the network"
// (a display) or prose (inline), and every equation reading e_i(t) "unknown name e_i". Unit by unit it is the vector
// definition `e(t) = y(t) − d(t)`, whose entries e_i(t), e_j(t+1) the equations after it read as any vector's.
import type { Folded } from './display';
import { dropChars } from './dropChars';

/** the left side: one letter (or a command), the unit letter under it (not t or T), then its step */
const HEAD = /^\s*(\\[A-Za-z]+|[A-Za-z])_(?:\{([a-su-zA-SU-Z])\}|([a-su-zA-SU-Z]))(?=\s*\(|\s*\^)/;

/**
 * the claim's text in the vector form (a copy: chars and offsets) when it is such a per-unit definition — every
 * occurrence of the unit letter is a subscript `_i` or `_{i}` — else null
 */
export function vectorForm(text: Folded): Folded | null {
  const m = HEAD.exec(text.chars);
  // a comma is a function's arguments or a list (Mikolov's d_h(e_o(t)^T V, t)), no unit's formula
  if (!m || text.chars.includes(',')) return null;
  const unit = m[2] ?? m[3]!;
  // a Σ or ∏ over the letter (Σ_i y_i(t)): the letter is bound there, no unit's
  if (new RegExp(`(?:\\\\sum|\\\\prod|Σ|∏|∑)_\\{?${unit}(?![A-Za-z])`).test(text.chars)) return null;
  const drop = new Set<number>();
  const sub = new RegExp(`_(?:\\{${unit}\\}|${unit}(?![A-Za-z0-9]))`, 'g');
  const eq = text.chars.indexOf('=');
  let right = false;
  for (const s of text.chars.matchAll(sub)) {
    // each a unit's value at a step: y_i(t), y_{i}(t-1), y_i^{(t)}
    if (!/^\s*(?:\(|\^\{?\()/.test(text.chars.slice(s.index + s[0].length))) return null;
    for (let i = s.index; i < s.index + s[0].length; i++) drop.add(i);
    right ||= eq >= 0 && s.index > eq;
  }
  // the right side's names carry the letter too: Mikolov's e_o(t) = d(t) − y(t) names the output's error, no unit o
  if (!right) return null;
  // the letter elsewhere (Σ_i, a factor i): not a unit's subscript alone, no vector form
  const rest = text.chars.replace(sub, '');
  if (new RegExp(`(?<![\\\\A-Za-z])${unit}(?![A-Za-z])`).test(rest)) return null;
  const copy: Folded = { ...text, chars: text.chars, at: [...text.at] };
  dropChars(copy, drop);
  return copy;
}
