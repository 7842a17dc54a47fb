// Numbers and literals of numbers: a NumberReader scans a run of numbers at memory speed, and a regular literal
// ([…] of numbers, a matrix) becomes one packed list read lazily.

import type { Ast, PackedNumbers } from '../ast';
import { lazyItems } from '../ast';
import { LIMITS } from '../limits';
import { isDigitCode } from './characters';
import type { LexState } from './state';
import { Tok } from './token';

/** exact powers of ten (10^22 is the last one a double holds exactly) */
export const POW10: number[] = [];

for (let k = 0, v = 1; k <= 22; k++, v *= 10) POW10.push(v);

/** what follows an entry of a literal (NumberReader.separator) */
export const enum Sep {
  Next,
  Close,
  Bad,
}

/** pack()'s entries as they are read: one buffer for the process, grown by doubling, copied out per literal */
export let scratch = new Float64Array(4096);

/**
 * Numbers and literals of numbers, read from character codes: the bytes most files are made of (issue 11).
 * The state lives in the object's fields (line counting inside a literal, the value just read).
 */
export class NumberReader {
  /** the value of the number read last */
  value = 0;
  /** the end of the literal read last */
  end = 0;
  /** the line reached, and its start offset */
  line = 1;
  lineStart = 0;
  constructor(private readonly src: string) {}

  /**
   * A number from j (its value in `value`); returns its end. Up to 15 significant digits and a decimal
   * exponent within ±22, the value is an exact integer times or divided by an exact power of ten: one
   * correctly rounded operation, the same double as Number(text). Else Number(text).
   */
  number(j: number): number {
    const src = this.src;
    const s = j;
    let m = 0;
    let c = src.charCodeAt(j);
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = src.charCodeAt(++j);
    }
    // digits and decimals counted from positions, not per character
    let digits = j - s;
    let frac = 0;
    if (c === 46) {
      const d = src.charCodeAt(j + 1);
      if (d >= 48 && d <= 57) {
        const f0 = ++j;
        c = d;
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = src.charCodeAt(++j);
        }
        frac = j - f0;
        digits += frac;
      }
    }
    let exp = 0;
    if (c === 101 || c === 69) {
      let q = j + 1;
      let sign = 1;
      const sc = src.charCodeAt(q);
      if (sc === 43 || sc === 45) {
        sign = sc === 45 ? -1 : 1;
        q++;
      }
      let d = src.charCodeAt(q);
      if (d >= 48 && d <= 57) {
        while (d >= 48 && d <= 57) {
          if (exp < 100000) exp = exp * 10 + (d - 48);
          d = src.charCodeAt(++q);
        }
        exp *= sign;
        j = q;
      }
    }
    const e = exp - frac;
    if (digits <= 15 && e >= -22 && e <= 22) {
      let v = e === 0 ? m : e < 0 ? m / POW10[-e]! : m * POW10[e]!;
      // m · 10^e is exact only while it stays below 2^53; past that, Number() rounds it once
      if (e > 0 && v > 9007199254740991) v = Number(src.slice(s, j));
      this.value = v;
    } else this.value = Number(src.slice(s, j));
    return j;
  }

  /** skips spaces and line breaks inside a literal, counting lines */
  private space(j: number): number {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(j);
      if (c === 32 || c === 9 || c === 0xa0) j++;
      else if (c === 10 || c === 13) {
        j += c === 13 && src.charCodeAt(j + 1) === 10 ? 2 : 1;
        this.line++;
        this.lineStart = j;
      } else return j;
    }
  }

  /** where separator() stopped: the next entry, or the list's ']' */
  private at = 0;

  /**
   * What follows an entry that ends at j, for pack() and list() alike: a ',' and the next entry (Sep.Next),
   * the list's ']' — after a trailing ',' too — (Sep.Close), or anything else (Sep.Bad); the position reached
   * in `at`. The common ", " before a number is taken without the general space scan.
   */
  private separator(j: number): Sep {
    const src = this.src;
    if (src.charCodeAt(j) === 44 && src.charCodeAt(j + 1) === 32) {
      const next = src.charCodeAt(j + 2);
      if ((next >= 48 && next <= 57) || next === 45) {
        this.at = j + 2;
        return Sep.Next;
      }
    }
    j = this.space(j);
    const e = src.charCodeAt(j);
    if (e === 44) {
      j = this.space(j + 1);
      this.at = j;
      return src.charCodeAt(j) === 93 ? Sep.Close : Sep.Next;
    }
    this.at = j;
    return e === 93 ? Sep.Close : Sep.Bad;
  }

  /** entries read by pack(), in order */
  private count = 0;
  /** pack(): the length of the lists at each depth (−1 until the first one closes) */
  private readonly dims = [-1, -1, -1];
  /** pack(): the depth whose entries are numbers (−1 until the first number) */
  private leafDepth = -1;

  /**
   * The literal at j as its shape and entries, with no node per number (issue 11: a file's values are
   * most of its bytes): a regular literal of numbers only, as list() reads it, whose lists at each depth
   * have the same length. Else null, with the reader's line state as it was (list() then decides).
   */
  pack(j: number): PackedNumbers | null {
    const line = this.line;
    const lineStart = this.lineStart;
    this.count = 0;
    this.dims.fill(-1);
    this.leafDepth = -1;
    const end = this.packLevel(j, 0);
    if (end < 0) {
      this.line = line;
      this.lineStart = lineStart;
      return null;
    }
    this.end = end;
    const data = scratch.slice(0, this.count);
    // a huge literal's buffer is not kept for the life of the process
    if (scratch.length > 1 << 16) scratch = new Float64Array(4096);
    return { shape: this.dims.slice(0, this.leafDepth + 1), data };
  }

  /** one list of pack() at depth (0 outermost); its end, or −1 where the literal is not regular */
  private packLevel(j: number, depth: number): number {
    const src = this.src;
    let n = 0;
    j = this.space(j + 1);
    // an empty list: list() reads it (and valueShape calls it ragged)
    if (src.charCodeAt(j) === 93) return -1;
    for (;;) {
      const c = src.charCodeAt(j);
      if (c === 91) {
        // list() reads three levels; a list where numbers were (or below them) is ragged
        if (depth >= 2 || this.leafDepth === depth) return -1;
        j = this.packLevel(j, depth + 1);
        if (j < 0) return -1;
      } else {
        if (this.leafDepth !== depth) {
          if (this.leafDepth !== -1) return -1;
          this.leafDepth = depth;
        }
        const neg = c === 45 || c === 0x2212;
        if (neg) j++;
        const d = src.charCodeAt(j);
        if (!((d >= 48 && d <= 57) || (d === 46 && isDigitCode(src.charCodeAt(j + 1))))) return -1;
        // number()'s reading inlined for the common entry, digits with decimals and no exponent (0.1234): the
        // same digits into the same mantissa, divided by the same power of ten, so the same double; anything
        // else goes to number(). The call and the value passed through a field were a sixth of reading a
        // literal (measured, the 64-unit RNN's literals at T = 20: 0.224 → 0.188 ms)
        let q = j;
        let m = 0;
        let ch = d;
        while (ch >= 48 && ch <= 57) {
          m = m * 10 + (ch - 48);
          ch = src.charCodeAt(++q);
        }
        let digits = q - j;
        let frac = 0;
        if (ch === 46) {
          const f = src.charCodeAt(q + 1);
          if (f >= 48 && f <= 57) {
            const f0 = ++q;
            ch = f;
            while (ch >= 48 && ch <= 57) {
              m = m * 10 + (ch - 48);
              ch = src.charCodeAt(++q);
            }
            frac = q - f0;
            digits += frac;
          }
        }
        let v: number;
        if (digits <= 15 && ch !== 101 && ch !== 69) {
          // 15 digits or fewer: m is exact, and frac ≤ 15 keeps 10^frac exact (number()'s condition)
          v = frac === 0 ? m : m / POW10[frac]!;
          j = q;
        } else {
          j = this.number(j);
          v = this.value;
        }
        if (this.count === scratch.length) {
          const more = new Float64Array(scratch.length * 2);
          more.set(scratch);
          scratch = more;
        }
        scratch[this.count++] = neg ? -v : v;
      }
      if (++n > LIMITS.maxEntries) return -1;
      // separator()'s first case in place: ", " and a digit or '-' (its result Sep.Next, at j + 2)
      if (src.charCodeAt(j) === 44 && src.charCodeAt(j + 1) === 32) {
        const next = src.charCodeAt(j + 2);
        if ((next >= 48 && next <= 57) || next === 45) {
          j += 2;
          continue;
        }
      }
      const sep = this.separator(j);
      if (sep === Sep.Bad) return -1;
      j = this.at;
      if (sep === Sep.Close) break;
    }
    const dims = this.dims;
    if (dims[depth] === -1) dims[depth] = n;
    else if (dims[depth] !== n) return -1;
    return j + 1;
  }

  /**
   * The literal at j (src[j] is '[') when it holds numbers (or such literals, 3 levels deep) and nothing
   * else, its end in `end`; null (the caller makes ordinary tokens) at anything else.
   */
  list(j: number, level: number): Ast | null {
    const src = this.src;
    const l0 = this.line;
    const c0 = j - this.lineStart + 1;
    const items: Ast[] = [];
    j = this.space(j + 1);
    if (src.charCodeAt(j) !== 93) {
      for (;;) {
        const c = src.charCodeAt(j);
        if (c === 91) {
          if (level >= 3) return null;
          const inner = this.list(j, level + 1);
          if (!inner) return null;
          items.push(inner);
          j = this.end;
        } else {
          const s = j;
          const neg = c === 45 || c === 0x2212;
          if (neg) j++;
          const d = src.charCodeAt(j);
          if (!((d >= 48 && d <= 57) || (d === 46 && isDigitCode(src.charCodeAt(j + 1))))) return null;
          j = this.number(j);
          // past a float64's range: ordinary tokens, where the number gets its error
          if (this.value === Infinity) return null;
          const ls = this.lineStart;
          items.push({
            k: 'num',
            value: neg ? -this.value : this.value,
            range: { line: this.line, column: s - ls + 1, endLine: this.line, endColumn: j - ls + 1 },
          });
        }
        if (items.length > LIMITS.maxEntries) return null;
        const sep = this.separator(j);
        if (sep === Sep.Bad) return null;
        j = this.at;
        if (sep === Sep.Close) break;
      }
    }
    this.end = j + 1;
    return { k: 'list', items, range: { line: l0, column: c0, endLine: this.line, endColumn: this.end - this.lineStart + 1 } };
  }
}

/**
 * The items of the packed literal at j, read again by list() when first asked for. Made outside lex(), so that
 * the function holds the text and the literal's place only, not the lexer's state and tokens (a model keeps
 * its literals' nodes).
 */
export function literalItems(src: string, j: number, line: number, lineStart: number): () => Ast[] {
  return () => {
    const again = new NumberReader(src);
    again.line = line;
    again.lineStart = lineStart;
    const full = again.list(j, 1);
    // pack() accepts only what list() reads
    if (!full || full.k !== 'list') throw new Error('a packed literal did not read as a list');
    return full.items;
  };
}

/**
 * A bracket literal of numbers only, at i: read straight into its AST (no token per number and comma),
 * which is most of the bytes of a file that gives its values. Anything else in it (a name, an
 * operator, a comment) and the ordinary tokens are made instead. A '[' right after an operand is an
 * index (v[2]) and is left alone.
 */
export function literal(ls: LexState): boolean {
  const prev = ls.tokens[ls.tokens.length - 1];
  if (
    prev &&
    ls.i === ls.lastEnd &&
    (prev.kind === 'name' ||
      prev.kind === 'num' ||
      prev.kind === 'lit' ||
      (prev.kind === 'op' && (prev.text === ')' || prev.text === ']' || prev.text === '}' || prev.text === 'ᵀ' || prev.text === "'")))
  )
    return false;
  ls.numbers.line = ls.line;
  ls.numbers.lineStart = ls.lineStart;
  const ast = packedList(ls, ls.i) ?? ls.numbers.list(ls.i, 1);
  if (!ast) return false;
  const s = ls.i;
  ls.tokens.push(new Tok('lit', '[', 0, false, s === ls.lastEnd, s, ls.numbers.end, ls.pendingTag, ls.line, ls.lineStart, ast));
  ls.pendingTag = null;
  ls.line = ls.numbers.line;
  ls.lineStart = ls.numbers.lineStart;
  ls.lastEnd = ls.i = ls.numbers.end;
  return true;
}

/**
 * A regular literal of numbers at j as a `list` carrying its shape and entries (`packed`); its items
 * (a `num` node per entry, with its range) are read from the text again only if something asks for them.
 */
export function packedList(ls: LexState, j: number): Ast | null {
  const line0 = ls.numbers.line;
  const lineStart0 = ls.numbers.lineStart;
  const packed = ls.numbers.pack(j);
  if (!packed) return null;
  // an entry past a float64's range: read entry by entry, where that number gets its error
  const data = packed.data;
  for (let k = 0; k < data.length; k++) if (data[k] === Infinity || data[k] === -Infinity) return null;
  const range = {
    line: line0,
    column: j - lineStart0 + 1,
    endLine: ls.numbers.line,
    endColumn: ls.numbers.end - ls.numbers.lineStart + 1,
  };
  return lazyItems(range, packed, literalItems(ls.src, j, line0, lineStart0));
}
