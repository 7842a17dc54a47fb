// A claim's text with some characters left out, each kept character keeping its file offset (the readings that
// drop a letter the network has no place for: patternIndex.ts, unitFormula.ts).
import type { Folded } from './display';

/** rewrites `text` in place without the characters at `drop` (offsets into its chars) */
export function dropChars(text: Folded, drop: ReadonlySet<number>): void {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.chars.length; i++) {
    if (drop.has(i)) continue;
    out += text.chars[i];
    at.push(text.at[i]!);
  }
  text.chars = out;
  text.at = at;
}
