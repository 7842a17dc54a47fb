// Williams & Zipser's sensitivity p^k_{ij}(t) = ∂y_k(t)/∂w_{ij}: a name of the solution's own with an index above
// and below it (a unit k, a weight's entry i, j) defined by a derivative. The language defines a name by a derivative
// at a step (δ_t = ∂L/∂a_t), not as a family over free entries, so the equation and every later one that writes
// the name were "unknown name p_ij" — not why. This says why, and what to write instead: the derivative itself.

/** the name written on the left of `=` (its text as written), where it has scripts above and below it and the right
 * side is one derivative: the definition of a family over entries; null otherwise */
export function entryFamilyDefinition(chars: string): { written: string; letter: string; derivative: string } | null {
  const eq = chars.indexOf('=');
  if (eq < 0 || chars.indexOf('=', eq + 1) >= 0) return null;
  const written = chars.slice(0, eq).trim();
  const rhs = chars
    .slice(eq + 1)
    .replace(/\\tag\{[^}]*\}/g, '')
    .trim();
  const letter = /^\\?([A-Za-z]+)/.exec(written)?.[1];
  if (!letter || !/[\^]/.test(written) || !/_/.test(written)) return null;
  // one derivative, nothing else: \frac{\partial …}{\partial …} or ∂…/∂…
  if (
    !/^(?:\\frac\{\s*(?:\\partial|∂)[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\{\s*(?:\\partial|∂)[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|∂\S+\/∂\S+)$/.test(rhs)
  )
    return null;
  return { written, letter, derivative: plainDerivative(rhs) };
}

/** \frac{\partial A}{\partial B} as ∂A/∂B (the message writes the derivative as the tool prints one) */
function plainDerivative(tex: string): string {
  if (!tex.startsWith('\\frac{')) return tex.replace(/\s+/g, ' ');
  let depth = 0;
  let cut = -1;
  for (let i = 5; i < tex.length; i++) {
    if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth === 0) {
      cut = i;
      break;
    }
  }
  const part = (x: string) => x.replace(/^\s*\\partial\s*/, '').trim();
  return cut < 0 ? tex : `∂${part(tex.slice(6, cut))}/∂${part(tex.slice(cut + 2, -1))}`;
}

/** the reason a defining equation is skipped: what it defines, and why the language does not take it as a name */
export function entryFamilyText(def: { written: string; derivative: string }): string {
  return `it defines ${def.written} as ${def.derivative}, one name per free entry (an index above and below the letter), which is not read as a name of the solution's own: a name is defined by a derivative at a step (δ_t = ∂L/∂a_t), not as one per entry of a weight — write the derivative itself where ${def.written} is used, and that equation is checked`;
}

/** the reason a later equation that writes such a name is skipped */
export function entryFamilyUseText(def: { written: string; derivative: string }, line: number): string {
  return `${def.written} is defined on line ${line} as ${def.derivative}, one name per free entry, which is not read as a name: write that derivative in its place, at the step and entries written here, and the equation is checked`;
}
