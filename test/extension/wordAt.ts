// The word the editor sees at a position, by the language configuration's own wordPattern,
// so that tests hover the way VS Code does (it passes that word to the hover provider).
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync('language-configuration.json', 'utf8')) as { wordPattern: string };

/** The word containing 1-based `column` of `lineText`, with its 1-based start column. */
export function wordAt(lineText: string, column: number): { word: string; wordColumn: number } | undefined {
  const re = new RegExp(config.wordPattern, 'g');
  for (const m of lineText.matchAll(re)) {
    const start = m.index! + 1;
    if (column >= start && column < start + m[0].length) return { word: m[0], wordColumn: start };
  }
  return undefined;
}
