// Diagnostic helpers: one place that builds them, and the "did you mean" suggestion.
import type { Diagnostic, Range, Severity } from '../report';

export function diag(severity: Severity, message: string, range: Range, code?: string): Diagnostic {
  return { severity, message, ...range, ...(code ? { code } : {}) };
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

/** the nearest known name, if it is near enough to be a likely typo (a one-letter name: only another case) */
export function suggest(name: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const k of known) {
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
