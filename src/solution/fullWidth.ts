// A Chinese, Japanese or Korean slide's math typed with the full-width forms of ASCII: （ ） ［ ］ ＝ ＋ － ： ， and
// full-width letters and digits, as an input method gives them beside the script's own text (`h_t = \tanh（W h_{t-1} +
// U x_t）`). Each is the ASCII character it is a form of, one UTF-16 unit for one, so every offset of the file stays.

/** U+FF01..U+FF5E, the full-width forms of ASCII '!'..'~' */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** the same, for a test (no lastIndex kept between calls) */
const ANY_FULL_WIDTH = /[\uFF01-\uFF5E]/;

/** `text` with every full-width form of an ASCII character written as that character (same length) */
export function fullWidth(text: string): string {
  if (!ANY_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
