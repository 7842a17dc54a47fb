// LaTeX of the Greek letters a name may contain: one table for the model printer (src/language/print.ts),
// the symbolic printer (src/engine/symbolic/print.ts) and the hovers' text → LaTeX (src/extension/format.ts).
// Imports nothing, so every layer and the webview bundle can use it.

/** Greek letter → its LaTeX command name (without the backslash). */
export const GREEK_COMMANDS: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota',
  κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi',
  Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

/** combining accent → its LaTeX command: the accented names of LANGUAGE.md §1 (h̃ from \tilde{h}, ŷ, …) */
const ACCENT_COMMANDS: Readonly<Record<string, string>> = {
  '\u0303': 'tilde', '\u0302': 'hat', '\u0304': 'bar', '\u0305': 'overline', '\u030C': 'check', '\u0307': 'dot',
  '\u0301': 'acute', '\u0306': 'breve', '\u0308': 'ddot',
};

/** Name characters as LaTeX: Greek letters as commands, Latin letters and digits as they are, a combining
 *  accent as its command around the letter before it (h̃ → \tilde{h}; KaTeX cannot typeset a lone mark),
 *  anything else as \text. */
export function nameCharsLatex(s: string): string {
  const pieces: string[] = [];
  for (const ch of s) {
    const accent = ACCENT_COMMANDS[ch];
    if (accent && pieces.length) { pieces.push(`\\${accent}{${pieces.pop()!.trim()}}`); continue; }
    const g = GREEK_COMMANDS[ch];
    pieces.push(g ? `\\${g} ` : /[A-Za-z0-9]/.test(ch) ? ch : `\\text{${ch}}`);
  }
  return pieces.join('').trim();
}
