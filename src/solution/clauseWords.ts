// The words of a check's range and clauses as a German, French, Spanish, Portuguese, Russian, Japanese, Korean or
// Chinese solution writes them in `\text{…}`: `h_t = … \quad \text{für } t = 1, \dots, T` (a German Übung), `\text{pour
// tout } t`, `\text{wobei } …`, `\text{при } t = 1, \ldots, T`, `\text{ここで } …`. The display reader and the lexer read the
// English `for`, `for all`, `where` (or `with`, which reads as where), `to`; each word here becomes that word, padded to
// the length of the group's text, so every offset of the file stays where it was (the reader's positions are the
// file's). A word whose every English reading is longer than the group's text is left as written (the lexer reads it,
// lex/latexText.ts): a longer text moved every offset after it, and a `\tag` after `\text{où}` no longer read.

/** the word, and its English readings (the first that fits the group's text is taken) */
const WORDS: [RegExp, string[]][] = [
  [/^f(?:ü|ue)r(?:\s+(?:alle|jedes))?$/, ['for']],
  [/^pour(?:\s+tout)?$/, ['for']],
  [/^para(?:\s+tod[oa]s?)?$/, ['for']],
  [/^(?:для\s+(?:всех|каждого|любого)|при)$/, ['for']],
  [/^(?:wobei|où|donde|onde|где|ここで|ただし|여기서|其中)$/, ['where', 'with']],
  [/^bis$/, ['to']],
];

const TEXT_GROUP = /\\(?:text|textrm|textnormal|mbox)\s*\{([^{}]*)\}/g;

/** the file's text with each such word in a `\text{…}` group written in English, same length; the text itself when none */
export function clauseWords(text: string): string {
  if (!/f(?:ü|ue)r|pour|para|wobei|où|d?onde|bis|для|при|где|ここで|ただし|여기서|其中/.test(text)) return text;
  return text.replace(TEXT_GROUP, (whole: string, inner: string) => {
    // a leading comma and the spaces around the word are kept where they are, unless the English needs them
    const m = /^(\s*,?\s*)(.*?)(\s*)$/su.exec(inner)!;
    const hit = WORDS.find(([w]) => w.test(m[2]!));
    if (!hit) return whole;
    const readings = hit[1][0] === 'for' && /\s/.test(m[2]!) ? ['for all', 'for'] : hit[1];
    const open = whole.length - inner.length - 1;
    const word = readings.find((e) => e.length <= m[2]!.length);
    if (word) return whole.slice(0, open) + m[1]! + word.padEnd(m[2]!.length, ' ') + m[3]! + '}';
    // (the spaces after the word hold the rest: `\text{где }` is `\text{with}`)
    const spaced = readings.find((e) => e.length <= m[2]!.length + m[3]!.length);
    if (spaced) return whole.slice(0, open) + m[1]! + spaced.padEnd(m[2]!.length + m[3]!.length, ' ') + '}';
    return whole;
  });
}
