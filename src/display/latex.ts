// LaTeX of the Greek letters a name may contain: one table for the model printer (src/language/print.ts),
// the symbolic printer (src/engine/symbolic/print.ts) and the hovers' text → LaTeX (src/extension/shared/format.ts).
// Imports nothing, so every layer and the webview bundle can use it.

/** Greek letter → its LaTeX command name (without the backslash). */
export const GREEK_COMMANDS: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota',
  κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi',
  Π: 'Pi', Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

/** Name characters as LaTeX: Greek letters as commands, Latin letters and digits as they are, anything else as \text. */
export function nameCharsLatex(s: string): string {
  let out = '';
  for (const ch of s) {
    const g = GREEK_COMMANDS[ch];
    out += g ? `\\${g} ` : /[A-Za-z0-9]/.test(ch) ? ch : `\\text{${ch}}`;
  }
  return out.trim();
}
