// Sutskever's BPTT (thesis, algorithm of ch. 2) is written as a loop: dW_oh ← dW_oh + do_t h_tᵀ adds one step's term to
// a running total, and dh_{t−1} ← W_hhᵀ dv_t starts a gradient that later lines add to. Neither is a descent step (the
// message an update arrow otherwise gets), and neither is an equation of the network: what such a line means is its
// total, which a solution checks written as one (dW_oh = Σ_t do_t h_tᵀ).

/** a gradient's name as code and notes write one: dW, δh, ∇_W, ∂L/∂W */
const GRADIENT = /^(?:d(?:[A-Za-z]|\\[A-Za-z])|δ|\\delta(?![A-Za-z])|∇|\\nabla(?![A-Za-z])|\\frac\s*\{\s*\\partial|∂)/;

/** the text with spaces and TeX's spacing commands left out, to compare two sides as written */
const squeeze = (s: string) => s.replace(/\\[,;:! ]|\\q?quad(?![A-Za-z])|\s+/g, '');

/**
 * why an update arrow's line with a gradient on its left is not checked: an accumulation (X ← X + …) or a gradient's
 * assignment in a backward loop; null for anything else (a descent step w ← w − η ∂L/∂w keeps the lexer's text)
 */
export function accumulationText(s: string, arrow: RegExpExecArray): string | null {
  const left = squeeze(s.slice(0, arrow.index));
  const right = squeeze(s.slice(arrow.index + arrow[0].length));
  if (!left || !GRADIENT.test(left)) return null;
  const shown = s.slice(0, arrow.index).trim();
  if (right.startsWith(left + '+'))
    return (
      `an accumulation (${shown} ← ${shown} + …), a line of an algorithm that adds one step's term to a running ` +
      `total: no equation of the network. Write the total it reaches to check it (${shown} = Σ_t …)`
    );
  if (right.startsWith(left)) return null;
  return (
    `an assignment in an algorithm (${shown} ← …): the value it gives ${shown} at that line of the loop, which ` +
    `later lines may add to, is no equation of the network. Write the whole gradient to check it (${shown} = …)`
  );
}
