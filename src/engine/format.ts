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
