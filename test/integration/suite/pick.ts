// Which example a test is about, picked by content (not by file name, which the examples may rename).

/** The sheet-7 vanilla RNN: declares the parameter W_hh and derives ∂L/∂W_hh. */
export function isSheet7(text: string): boolean {
  return /^\s*param\s+W_hh\b/m.test(text) && /^\s*derive\s+∂L\/∂W_hh\s*$/m.test(text);
}

/** 1-based number of the first line matching `re` (throws if none). */
export function lineOf(text: string, re: RegExp): number {
  const i = text.split(/\r?\n/).findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matches ${re}`);
  return i + 1;
}
