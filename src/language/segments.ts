// A name's '_' segments, found by character code: every name read asks (issue 11). `s.split('_')[0]` made an
// array of every segment, and String.prototype.lastIndexOf is a call into V8's C++ runtime (several times the
// cost of a loop over a short name).

/** the name before its first '_' (W_hh → W, h → h): what s.split('_')[0] gives */
export function firstSegment(s: string): string {
  const i = s.indexOf('_');
  return i < 0 ? s : s.slice(0, i);
}

/** the index of the last '_' in s, -1 when there is none: what s.lastIndexOf('_') gives */
export function lastUnderscore(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) !== 95) i--;
  return i;
}

/** whether s holds the UTF-16 unit `code` (a mark such as U+20D7 on a name), by code as the above */
export function hasUnit(s: string, code: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) return true;
  return false;
}
