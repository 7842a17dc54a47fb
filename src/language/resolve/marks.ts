// The adjoint's mark on a name's letter (X̄ as x̄), shared by the reader of adjoints and the scope.

/** whether raw holds a combining macron U+0304 or overline U+0305 (X̄ written with the mark on the letter), by code: every name read asks */
export function hasAdjointMark(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x304 || c === 0x305) return true;
  }
  return false;
}
