// LaTeX of the Greek letters a name may contain: one table for the model printer (src/language/print.ts),
// the symbolic printer (src/engine/symbolic/print.ts) and the hovers' text → LaTeX (src/extension/shared/format.ts).
// Imports only boundedCache.ts, which imports nothing, so every layer and the webview bundle can use it.

import { BoundedCache } from './boundedCache';

/** Greek letter → its LaTeX command name (without the backslash). */
export const GREEK_COMMANDS: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

/**
 * LaTeX command name → the Greek letter it writes: GREEK_COMMANDS read backwards, and the var- forms. One
 * table for what reads LaTeX: the lexer (src/language/lexer.ts) and Unicode input (\alpha → α as you type).
 */
export const GREEK_LETTERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(GREEK_COMMANDS).map(([letter, command]) => [command, letter])),
  varepsilon: 'ε',
  vartheta: 'θ',
  varrho: 'ρ',
  varphi: 'φ',
};

/** combining marks → the accent command that puts them on the letter before (names are NFD: ŷ is y + U+0302) */
const ACCENT_COMMANDS: Readonly<Record<string, string>> = {
  '\u0302': 'hat',
  '\u0303': 'tilde',
  '\u0304': 'bar',
  '\u0305': 'overline',
  '\u030C': 'check',
  '\u0307': 'dot',
  '\u0301': 'acute',
  '\u0306': 'breve',
  '\u0300': 'grave',
  '\u0308': 'ddot',
};

/** Name characters as LaTeX: Greek letters as commands, Latin letters and digits as they are, accents as commands, anything else as \text. */
export function nameCharsLatex(s: string): string {
  return written.get(s) ?? written.set(s, writeNameChars(s));
}

// the same few names are written at every step of every printed form: each is written once
const written = new BoundedCache<string>(4096);

function writeNameChars(s: string): string {
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    // y^{in}: a word over the name, part of it (src/language/superscriptNames.ts)
    const close = ch === '^' && chars[i + 1] === '{' ? chars.indexOf('}', i) : -1;
    if (close > 0) {
      out += `^{${writeNameChars(chars.slice(i + 2, close).join(''))}}`;
      i = close;
      continue;
    }
    const g = GREEK_COMMANDS[ch];
    // brackets only in a layer's tag over the name, h^{(1)}, a^{[1]}
    let one = g ? `\\${g}` : /[A-Za-z0-9()[\]]/.test(ch) ? ch : `\\text{${ch}}`;
    while (i + 1 < chars.length && ACCENT_COMMANDS[chars[i + 1]!]) one = `\\${ACCENT_COMMANDS[chars[++i]!]}{${one}}`;
    out += g && one === `\\${g}` ? `${one} ` : one;
  }
  return out.trim();
}
