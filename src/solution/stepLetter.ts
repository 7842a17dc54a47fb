/**
 * A definition written at a general step named by another letter than t: Arjovsky, Shah & Bengio's
 * `D_k = diag(σ'(z_k))` (Pascanu's `diag(σ'(x_k))` too), whose letter the equations after it bind in a ∏_{k=t}^{T−1}.
 * The network's lines define at t (LANGUAGE.md §2), so the definition is read with its letter renamed t — the same
 * length, so every offset still points into the student's text. Only where the letter stands nowhere but as the step
 * of the defined name and of the network's sequences (z_k, h_{k-1}): Mitchell's unit index δ_k = o_k(1 − o_k)… of
 * a vector o is no step, and is left as written.
 */
const HEAD = /^(?:\\[A-Za-z]+|\p{L})_\{?([a-su-zA-SU-Z])\}?$/u;

/** `chars` with its step letter renamed t, or null when `head` (spaces and fonts off) is not such a name */
export function renamedStep(chars: string, head: string, timed: (name: string) => boolean): string | null {
  const letter = HEAD.exec(head)?.[1];
  // t already written (a sum over k of h_t): renaming would merge two letters
  if (!letter || /(?<![A-Za-z\\])t(?![A-Za-z])/.test(chars)) return null;
  const at: number[] = [];
  const lone = new RegExp(`(?<![A-Za-z\\\\])${letter}(?![A-Za-z])`, 'g');
  let first = true;
  for (const m of chars.matchAll(lone)) {
    const before = chars.slice(0, m.index);
    // the step of a name: z_k, h_{k-1}, z^{(k)}; a bracket closes it or a ± offset follows
    const name = /(\\?[A-Za-z]+)\}?\s*(?:_\s*\{?|\^\s*\{\s*\()\s*$/.exec(before)?.[1];
    const after = chars.slice(m.index + 1);
    if (!name || (!/^\s*(?:[}\s)]|[+-]\s*\d)/.test(after) && after.length > 0)) return null;
    // the defined name itself comes first; every other must be a sequence of the network
    if (!first && !timed(name.replace(/^\\/, ''))) return null;
    first = false;
    at.push(m.index);
  }
  if (at.length < 2) return null;
  let out = chars;
  for (const k of at) out = out.slice(0, k) + 't' + out.slice(k + 1);
  return out;
}
