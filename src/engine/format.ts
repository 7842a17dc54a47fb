// Numbers and values in the engine's messages and results: src/display/number.ts at six significant
// digits (the names the engine has always imported).
import * as display from '../display/number';
import type { Value } from '../report';

export { isFiniteValue } from '../display/number';

/** the engine's precision: six significant digits */
const DIGITS = 6;

export const fmt = (x: number, digits = DIGITS): string => display.formatNumber(x, digits);
export const valueText = (v: Value, digits = DIGITS): string => display.valueText(v, digits);
export const valueLatex = (v: Value, digits = DIGITS): string => display.valueLatex(v, digits);
/** valueText and valueLatex at once, each entry formatted once (a derive's result carries both) */
export const valueTextAndLatex = (v: Value, digits = DIGITS) => display.valueTextAndLatex(v, digits);

/** "a", "a and b", "a, b and c": the items of a message's list, in order */
export const andList = (xs: readonly string[]): string =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/**
 * a hint's sentence continued after a colon: its first word lowered when it is a word of the sentence (The, With,
 * Each, A), never when it is a name (W_hhᵀ should be W_hh, L_t …), which keeps its case
 */
export const midSentence = (s: string): string => s.replace(/^(?:A|[A-Z][a-z]+) /, (w) => w.toLowerCase());

/**
 * a hint's text as the sentence it starts: its first word raised when it is one of the messages' own words (the,
 * each, two, read, …), never when the text opens with an expression — σ(…) is not Σ(…), tanh not Tanh, w_ih not W_ih
 */
export const sentenceStart = (s: string): string =>
  s.replace(/^(?:the|each|every|two|both|no|read|with) /, (w) => w[0]!.toUpperCase() + w.slice(1));
