// The words of a check's range and clauses as a German, French or Spanish solution writes them in `\text{…}`:
// `h_t = … \quad \text{für } t = 1, \dots, T` (a German Übung), `\text{pour tout } t`, `\text{wobei } …`. The display
// reader and the lexer read the English `for`, `for all`, `where`, `to`; each word here becomes that word, padded to its
// own length, so every offset of the file stays where it was (the reader's positions are the file's).

/** the word, and its English reading (no longer than the word) */
const WORDS: [RegExp, string][] = [
  [/^f(?:ü|ue)r(?:\s+(?:alle|jedes))?$/, 'for'],
  [/^pour(?:\s+tout)?$/, 'for'],
  [/^para(?:\s+todo)?$/, 'for'],
  [/^(?:wobei|où|donde)$/, 'where'],
  [/^bis$/, 'to'],
];

const TEXT_GROUP = /\\(?:text|textrm|textnormal|mbox)\s*\{([^{}]*)\}/g;

/** the file's text with each such word in a `\text{…}` group written in English, same length; the text itself when none */
export function clauseWords(text: string): string {
  if (!/f(?:ü|ue)r|pour|para|wobei|où|donde|bis/.test(text)) return text;
  return text.replace(TEXT_GROUP, (whole: string, inner: string) => {
    // a leading comma and the spaces around the word are kept where they are
    const m = /^(\s*,?\s*)(.*?)(\s*)$/su.exec(inner)!;
    const hit = WORDS.find(([w]) => w.test(m[2]!));
    if (!hit) return whole;
    const english = hit[1] === 'for' && /\s/.test(m[2]!) ? 'for all' : hit[1];
    const open = whole.length - inner.length - 1;
    return whole.slice(0, open) + m[1]! + english.padEnd(m[2]!.length, ' ') + m[3]! + '}';
  });
}
