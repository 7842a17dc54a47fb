// A Jupyter notebook as a solution (LANGUAGE.md §9): its Markdown cells, joined in order, are a Markdown solution;
// every place in the answer is put back into its cell. Pure (no file system, no vscode): the CLI reads the file and
// hands its text here, the editor hands the cells' current texts to joinCells.

/** a notebook's text is read up to this many characters: past it, a file error naming the limit (outputs — plots
 *  stored as base64 — make a notebook far larger than its Markdown, so this is not LIMITS.maxFileBytes) */
export const MAX_NOTEBOOK_CHARS = 50_000_000;

/** one cell of a notebook, in the notebook's order: its type (`markdown`, `code`, `raw`) and its source */
export interface NotebookCell {
  kind: string;
  source: string;
}

/** a notebook that cannot be read as one: the message says what is wrong (the CLI's file error) */
export class NotebookError extends Error {}

/**
 * The cells of an nbformat 4 notebook's JSON text. Throws a NotebookError naming what is wrong: not JSON, an older
 * nbformat (cells inside `worksheets`), no list of cells, a cell whose source is neither a string nor a list of them.
 */
export function readNotebook(json: string, name = 'the notebook'): NotebookCell[] {
  if (json.length > MAX_NOTEBOOK_CHARS)
    throw new NotebookError(`${name} is larger than ${MAX_NOTEBOOK_CHARS.toLocaleString('en')} characters: not read (limit)`);
  let doc: unknown;
  try {
    doc = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    throw new NotebookError(`${name} is not a Jupyter notebook: its JSON does not parse (${jsonError(json, e)})`);
  }
  if (!isObject(doc)) throw new NotebookError(`${name} is not a Jupyter notebook: its JSON is not an object`);
  const version = doc.nbformat;
  if (typeof version !== 'number') throw new NotebookError(`${name} is not a Jupyter notebook: it has no "nbformat" version`);
  // nbformat 3 and before keep the cells in worksheets, with `input` for a code cell's source: Jupyter upgrades them
  if (version < 4)
    throw new NotebookError(
      `${name} is an nbformat ${version} notebook (its cells are in "worksheets"): Unroll reads nbformat 4; upgrade it with jupyter nbconvert --to notebook --inplace, or open and save it in Jupyter`,
    );
  if (!Array.isArray(doc.cells)) throw new NotebookError(`${name} is not a Jupyter notebook: it has no "cells" list`);
  return doc.cells.map((cell, i) => {
    const at = `${name}: cell ${i + 1}`;
    if (!isObject(cell) || typeof cell.cell_type !== 'string') throw new NotebookError(`${at} has no "cell_type"`);
    const src = cell.source ?? '';
    // nbformat writes a cell's source as a list of lines (each with its "\n"); a string is as valid
    if (typeof src === 'string') return { kind: cell.cell_type, source: src };
    if (Array.isArray(src) && src.every((s) => typeof s === 'string')) return { kind: cell.cell_type, source: src.join('') };
    throw new NotebookError(`${at}: its "source" is neither a string nor a list of strings`);
  });
}

/** the parser's reason, where it says a position as a line and column (a position in characters is no help in an
 *  editor), without the text it quotes (V8 quotes the start of the file, line breaks and all) */
function jsonError(json: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = / in JSON at position (\d+)/.exec(message);
  if (!m) return message.replace(/, ".*" is not valid JSON$/s, '');
  const before = json.slice(0, +m[1]!);
  const line = before.split('\n').length;
  return `${message.slice(0, m.index)} at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** a place in a notebook: the cell (1-based over all cells, as Jupyter and ruff count them) and the line and column in it */
export interface CellPosition {
  cell: number;
  line: number;
  column: number;
}

/**
 * The Markdown cells joined into one Markdown text, and where each of its lines is in its cell. Code cells are
 * Python, not maths, and raw cells are passed through untouched by Jupyter (no Markdown): both are left out, but
 * counted, so cell numbers are the notebook's. Between two cells the join puts a blank line: display math ends at a
 * blank line, so a `$$` left open in one cell cannot take the next one's text; and a fenced block left open (a
 * ```rnn block without its closing fence, which Jupyter shows ending with its cell) is closed there.
 */
export class JoinedCells {
  readonly text: string;
  /** per line of `text` (index line − 1): its cell and line in it; a line the join put in is the end of the cell before it */
  private readonly lines: { cell: number; line: number; inserted: boolean }[] = [];
  /** each joined cell's end: its last line and the column just past that line's last character */
  private readonly ends = new Map<number, { line: number; column: number }>();

  constructor(cells: readonly NotebookCell[]) {
    const parts: string[] = [];
    cells.forEach((c, i) => {
      if (c.kind !== 'markdown') return;
      const cell = i + 1;
      if (parts.length) this.put(parts, '', this.lines.at(-1)!.cell, true);
      const own = c.source.split('\n');
      own.forEach((l, k) => this.put(parts, l, cell, false, k + 1));
      const last = own.at(-1)!;
      this.ends.set(cell, { line: own.length, column: last.length - (last.endsWith('\r') ? 1 : 0) + 1 });
      const fence = openFence(own);
      if (fence) this.put(parts, fence, cell, true);
    });
    this.text = parts.join('');
  }

  private put(parts: string[], line: string, cell: number, inserted: boolean, at = 0): void {
    parts.push(line + '\n');
    this.lines.push({ cell, line: at, inserted });
  }

  /** the Markdown cells' count: none is no solution */
  get cellCount(): number {
    return this.ends.size;
  }

  /** a 1-based line and column of the joined text, in its cell (a line the join put in: the cell's end) */
  position(line: number, column: number): CellPosition {
    const at = this.lines[Math.min(Math.max(line, 1), this.lines.length) - 1];
    if (!at) return { cell: 1, line: 1, column: 1 };
    if (at.inserted) return { cell: at.cell, ...this.ends.get(at.cell)! };
    return { cell: at.cell, line: at.line, column };
  }

  /** the end of a cell (its last line, the column past its last character) */
  end(cell: number): { line: number; column: number } {
    return this.ends.get(cell) ?? { line: 1, column: 1 };
  }
}

/** the fence a cell leaves open at its end (CommonMark: ``` or ~~~, three or more, up to three spaces in), or null */
function openFence(lines: readonly string[]): string | null {
  let open: string | null = null;
  for (const l of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(l.replace(/\r$/, ''));
    if (!m) continue;
    const [, fence, rest] = m as unknown as [string, string, string];
    if (!open) {
      // a backtick fence's info string has no backtick (else it is inline code)
      if (fence[0] === '~' || !rest.includes('`')) open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length && !rest.trim()) open = null;
  }
  return open;
}

/** a notebook's JSON text as its Markdown cells joined; a NotebookError when it cannot be read or has no Markdown cell */
export function joinNotebook(json: string, name = 'the notebook'): JoinedCells {
  const joined = new JoinedCells(readNotebook(json, name));
  if (!joined.cellCount)
    throw new NotebookError(
      `${name} has no Markdown cell: a solution's network (a \`\`\`rnn block) and equations are written in Markdown cells`,
    );
  return joined;
}

/** by the keys nbformat writes: a notebook saved as .json or .txt is read as one */
export function looksLikeNotebook(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text) && /"nbformat"\s*:/.test(text) && /"cells"\s*:/.test(text);
}
