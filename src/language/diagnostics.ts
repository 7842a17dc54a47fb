// Diagnostic helpers: one place that builds them, and the "did you mean" suggestion.
import type { Diagnostic, DiagnosticFix, Range, Severity } from '../report';

export function diag(severity: Severity, message: string, range: Range, code?: string, fix?: DiagnosticFix): Diagnostic {
  return { severity, message, ...range, ...(code ? { code } : {}), ...(fix ? { fix } : {}) };
}

function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** the longest name (in UTF-16 units) for which a nearest known name is looked for */
const MAX_SUGGESTED_LENGTH = 64;

/** an accent and the word code spells it with (ŷ and y_hat, h̃ and h_tilde, x̄ and x_bar) */
const ACCENT_WORDS: [mark: string, word: string][] = [
  ['\u0302', 'hat'],
  ['\u0303', 'tilde'],
  ['\u0304', 'bar'],
  ['\u0305', 'bar'],
];

/** the same name with its accent written the other way, ŷ ↔ y_hat (NFD: an accent is a combining mark), or null */
function accentRespelled(name: string): string | null {
  const nfd = name.normalize('NFD');
  for (const [mark, word] of ACCENT_WORDS) {
    if (nfd.length > 1 && nfd[1] === mark) return `${nfd[0]}_${word}${nfd.slice(2)}`;
    if (nfd.startsWith(`_${word}`, 1) && /^(?:_|$)/.test(nfd.slice(2 + word.length)))
      return `${nfd[0]}${mark}${nfd.slice(2 + word.length)}`;
  }
  return null;
}

/** the nearest known name, if it is near enough to be a likely typo (a one-letter name: only another case) */
export function suggest(name: string, known: Iterable<string>): string | null {
  // a typo is of a name one writes by hand: a longer one gets no suggestion, so that an unknown name of
  // 100,000 characters (or thousands of long ones) costs no n·m edit distances (LANGUAGE.md §6: never a hang)
  if (name.length > MAX_SUGGESTED_LENGTH) return null;
  // ŷ where the file names y_hat (or the reverse): the same name, its accent spelled another way
  const respelled = accentRespelled(name);
  if (respelled !== null) for (const k of known) if (k.normalize('NFD') === respelled) return k;
  let best: string | null = null;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const k of known) {
    // the edit distance is at least the difference of the lengths: a name that far off is not computed
    if (Math.abs(k.length - name.length) >= bestD || k.length > 2 * MAX_SUGGESTED_LENGTH) continue;
    const d = k.toLowerCase() === lower ? 0.5 : distance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  // every one-letter name is one edit from every other (seed 000's A_t is no typo of x): only its case counts
  const near = name.length === 1 ? 0.5 : Math.max(1, Math.floor(name.length / 2));
  return best !== null && bestD <= near ? best : null;
}
