// Unicode superscripts and subscripts beyond the digits, as a plain-text student types a step: h⁽ᵗ⁾, h⁽ᵗ⁻¹⁾, h₍ₜ₎,
// hₜ₋₁, Σₜ, x⁽ᵀ⁾ (probe 47: "unexpected character '⁽'" on every equation of such a solution). A run of them is read as
// the script it prints: h⁽ᵗ⁻¹⁾ as h^{(t-1)} (the contract's step in parentheses), h₍ₜ₎ and hₜ as h_{t}. The digits
// alone keep their own readings (x² a power, h₂ a step: lexer.ts), and so does ᵀ alone after a value (a transpose).

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵝᵞᵟᵠᵡ';
const SUB = '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢᵣᵤᵥⱼᵦᵧᵨᵩᵪ';
const DIGITS = /^[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$|^[₀₁₂₃₄₅₆₇₈₉]+$/;

/** the superscript and subscript letters (modifier letters, which Unicode counts as letters: no part of a name here) */
const LETTERS = new Set([...SUPER, ...SUB].filter((c) => /\p{L}/u.test(c)).map((c) => c.charCodeAt(0)));

/** a superscript or subscript letter, ᵗ ₜ ʲ ⱼ (ᵀ too: the lexer tests it first, as a transpose) */
export const isScriptLetter = (k: number): boolean => LETTERS.has(k);

/**
 * The run of scripts at j that the lexer reads as LaTeX: its text (`^{(t-1)}`, `_{t}`) and where it ends; null where
 * none starts, or the run is one the lexer reads itself (digits alone, ᵀ alone).
 */
export function scriptRun(src: string, j: number, upperBound = false): { latex: string; end: number } | null {
  const first = src[j];
  if (first === undefined) return null;
  const kind = SUPER.includes(first) ? SUPER : SUB.includes(first) ? SUB : null;
  if (!kind) return null;
  let k = j;
  let depth = 0;
  while (k < src.length && kind.includes(src[k]!)) {
    const c = src[k]!;
    k++;
    if (c === '⁽' || c === '₍') depth++;
    else if ((c === '⁾' || c === '₎') && --depth <= 0) break;
  }
  const run = src.slice(j, k);
  // ᵀ after a Σ's or ∏'s lower bound (Σₜ₌₁ᵀ) is its upper bound T, not a transpose
  if (DIGITS.test(run) || (run === 'ᵀ' && !upperBound)) return null;
  // ⁻ and ₋ normalise to U+2212, which the lexer reads as a minus
  let plain = run.normalize('NFKC');
  if (kind === SUPER) return { latex: `^{${plain}}`, end: k };
  // a subscript's parentheses (h₍ₜ₎) print the step itself
  if (/^\(.*\)$/.test(plain)) plain = plain.slice(1, -1);
  return { latex: `_{${plain}}`, end: k };
}
