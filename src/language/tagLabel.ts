// A \tag's label as the reader sees it printed: `\tag{$\ast$}` prints (∗), so its label is ∗, not `$\ast$` (the
// JSON's `tag` and the messages that cite an equation by its label name it as the page shows it).

const SYMBOLS: Record<string, string> = {
  ast: '∗',
  star: '⋆',
  dagger: '†',
  dag: '†',
  ddagger: '‡',
  ddag: '‡',
  S: '§',
  P: '¶',
  prime: '′',
  bullet: '•',
  circ: '∘',
  diamond: '⋄',
  sharp: '♯',
  flat: '♭',
  natural: '♮',
  clubsuit: '♣',
  heartsuit: '♡',
  spadesuit: '♠',
  diamondsuit: '♢',
};

/** the printed text of a \tag's label: math shifts and \text wrappers dropped, symbol commands as their glyphs */
export function tagLabel(raw: string): string {
  let s = raw.trim();
  // `$\ast$`, `\(\ast\)`: the label's math, in line
  s = s.replace(/\$([^$]*)\$/g, '$1').replace(/\\\((.*?)\\\)/g, '$1');
  // `\text{A}`, `\textrm{A}`, `\mathrm{A}`: their content
  s = s.replace(/\\(?:text(?:rm|bf|it|normal)?|math(?:rm|bf|it))\s*\{([^{}]*)\}/g, '$1');
  // `\ref{x}'`, `\eqref{x}`: LaTeX prints the number of the equation labelled x, which only a LaTeX run knows; the
  // label's name stands for it (`x'`), so a message names the equation as the source does (it printed `\refx'`)
  s = s.replace(/\\(?:eq|auto|c|C|page)?ref\*?\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\\([A-Za-z]+)(?![A-Za-z])\s*/g, (whole: string, cmd: string) => SYMBOLS[cmd] ?? whole);
  // `{}^\ast` and the like: a lone superscript mark around the symbol
  s = s.replace(/^\{\}\^|^\^/, '').replace(/[{}]/g, '');
  return s.trim() || raw.trim();
}
