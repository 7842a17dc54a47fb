// The generated .rnn text handed to analyze() and, for every one of its characters, the offset
// in the solution file it came from — so every range the engine reports lands on the file's own
// lines and columns, even for an equation folded from several lines or several $$ blocks.
import type { Range } from '../report';

/** 1-based line/column of an offset in a text (columns count UTF-16 units, as the lexer does) */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' && next - 1 >= this.lineStart(line) ? next - 1 : next;
  }
  lineOf(offset: number): number {
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  pos(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
  range(start: number, end: number): Range {
    const a = this.pos(start),
      b = this.pos(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

export class GeneratedText {
  private readonly chunks: string[] = [];
  /** file offset of every generated character */
  private readonly offsets: number[] = [];
  /** generated offset where each generated line starts */
  private readonly lineStarts: number[] = [0];
  private length = 0;

  /** characters copied from the file: the i-th comes from file offset at(i) */
  push(text: string, at: (i: number) => number): void {
    for (let i = 0; i < text.length; i++) {
      this.offsets.push(at(i));
      if (text.charCodeAt(i) === 10) this.lineStarts.push(this.length + i + 1);
    }
    this.chunks.push(text);
    this.length += text.length;
  }

  /** characters that are not in the file (the `check` keyword, separators): all map to `anchor` */
  pushAt(text: string, anchor: number): void {
    this.push(text, () => anchor);
  }

  get text(): string {
    return this.chunks.join('');
  }
  /** the 1-based generated line the next pushed character will be on */
  get currentLine(): number {
    return this.lineStarts.length;
  }

  private index(line: number, column: number): number {
    const l = Math.min(Math.max(line, 1), this.lineStarts.length);
    const i = this.lineStarts[l - 1]! + Math.max(column, 1) - 1;
    return Math.min(i, Math.max(0, this.length - 1));
  }

  /** the file offset of a generated 1-based position (clamped to the text) */
  offsetAt(line: number, column: number): number {
    return this.length === 0 ? 0 : this.offsets[this.index(line, column)]!;
  }

  /** a generated range (end exclusive) as a range of the file */
  mapRange(r: Range, file: LineIndex): Range {
    if (this.length === 0) return { ...r };
    const s = this.index(r.line, r.column);
    const lastRaw = this.lineStarts[Math.min(Math.max(r.endLine, 1), this.lineStarts.length) - 1]! + r.endColumn - 2;
    const start = this.offsets[s]!;
    // the last character covered, mapped, plus one: a range over a folded equation ends where its text ends
    const end = lastRaw < s ? start : this.offsets[Math.min(lastRaw, this.length - 1)]! + 1;
    return file.range(start, Math.max(start, end));
  }
}
