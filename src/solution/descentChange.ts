// A German Übung's Gewichtsänderung `Δw = −η ∂E/∂w` (Kruse et al., Rumelhart's Δw_ji): the change gradient descent
// makes to a parameter. Δw is no value of the network, so it was "unknown name Δ … no equation to check", and a sign
// dropped (Δw = η ∂E/∂w, an ascent) went unsaid. Where the network names the learning rate (η = 0.1), Δw is that
// change by definition: the claim is read with −η ∂E/∂w for Δw, and its right side judged against it.
import type { Folded } from './display';

/** the learning rates a network may name, as the language spells them, and how LaTeX writes each */
const RATES: [string, string][] = [
  ['η', '\\eta'],
  ['α', '\\alpha'],
];

/** `\Delta w =`, `Δ\mathbf{W} =`, `\Delta W_{hh} =` at the start of a claim: the parameter as written and its name */
const HEAD =
  /^\s*(?:\\Delta(?![A-Za-z])|Δ)\s*((?:\\(?:mathbf|boldsymbol|bm|mathrm)\s*\{[^{}]*\}|[A-Za-z]|\\[a-z]+)(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*=(?!=)/;

/** the parameter's name as the language spells it (`W_{hh}` → W_hh, `\mathbf{W}` → W) */
const plain = (s: string) =>
  s
    .replace(/\\(?:mathbf|boldsymbol|bm|mathrm)\s*\{([^{}]*)\}/g, '$1')
    .replace(/[{}\s]/g, '')
    .trim();

/**
 * The claim with its `Δw` written as `(−η ∂E/∂w)`, and how it was read (for the information), or null: no such head,
 * w no parameter, or no learning rate named by the network
 */
export function descentChange(
  text: Folded,
  params: ReadonlySet<string>,
  names: ReadonlySet<string>,
  loss: string | null,
): { text: Folded; read: string } | null {
  const m = HEAD.exec(text.chars);
  if (!m || !loss) return null;
  const name = plain(m[1]!);
  const rate = RATES.find(([r]) => names.has(r));
  if (!params.has(name) || !rate) return null;
  const end = m[0].lastIndexOf('=');
  const written = String.raw`\left(-${rate[1]} \frac{\partial ${loss}}{\partial ${m[1]!}}\right) `;
  const start = m[0].length - m[0].trimStart().length;
  const chars = text.chars.slice(0, start) + written + text.chars.slice(end);
  const at = [
    ...text.at.slice(0, start),
    ...Array.from({ length: written.length }, (_, k) => text.at[start + Math.min(k, end - start - 1)]!),
    ...text.at.slice(end),
  ];
  return { text: { chars, at }, read: `Δ${name} is read as −${rate[0]} ∂${loss}/∂${name}` };
}
