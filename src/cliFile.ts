// What the CLI does with one file, in every mode: read it, analyse it as a .rnn file or as a Markdown/LaTeX
// solution (LANGUAGE.md §8), and give the text or JSON to print and whether it fails a check. One function,
// so the one-thread loop (cli.ts) and the worker threads of a folder check (cliParallel.ts) can never differ.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { analyze } from './analysis';
import {
  jsonDiagnostic,
  renderLatex,
  renderSolutionLatex,
  renderSolutionText,
  renderText,
  reportTally,
  solutionJson,
  solutionTally,
  type FileTally,
} from './cli-render';
import type { Report } from './report';
import {
  analyzeJoined,
  analyzeSolution,
  isSolution,
  joinNotebook,
  kindByContent,
  looksLikeNotebook,
  NotebookError,
  solutionKindOf,
  type JoinedCells,
  type SolutionKind,
  type SolutionReport,
} from './solution/index';
import { diagnosticsWithVerdicts } from './verdictDiagnostics';

export type Mode = 'text' | 'check' | 'latex';

/** What one file gives: its printed text or JSON object, and whether it fails the check. */
export interface FileOutcome {
  file: string;
  /** the text to print (not in JSON mode) */
  out: string;
  /** the §7 object with the file name (JSON mode) */
  json?: unknown;
  bad: boolean;
  /** its verdicts counted, for the summary that ends the text of several files (absent when it could not be read) */
  tally?: FileTally;
  /** the file could not be read or is not a solution (exit status 2) */
  error?: string;
  /**
   * analysing the file threw: a bug of Unroll's, said for this file (on stderr, and as `{ file, error }` in JSON)
   * while the others are still analysed (one student's file must not stop a class folder); exit status 2 at the end
   */
  crash?: string;
}

/** the name standard input is given as (`unroll check -`), and printed as */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

export function runFile(file: string, mode: Mode, json: boolean, many: boolean): FileOutcome {
  let text: string;
  try {
    if (file === STDIN) return analyseText(STDIN_NAME, withoutBom(readFileSync(0, 'utf8')), mode, json, many);
    if (!statSync(file).isFile()) throw new Error('not a file');
    text = readText(file);
  } catch (e) {
    // the words of a missing path as when it is the only one given, not Node's "ENOENT: …, stat 'x'"
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message;
    return { file, out: '', bad: true, error: `cannot read ${file}: ${why}` };
  }
  try {
    return analyseText(file, text, mode, json, many);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const crash = `${file}: internal error (${why}): a bug in Unroll; please report it with this file`;
    // its entry in --json, so that every file given has one
    return { file, out: '', bad: true, crash, ...(json ? { json: { file, error: crash } } : {}) };
  }
}

function analyseText(file: string, text: string, mode: Mode, json: boolean, many: boolean): FileOutcome {
  // the printed text and LaTeX show the symbolic forms; a plain check needs only the verdicts
  const forms = mode !== 'check' || json;
  const network = file.toLowerCase().endsWith('.rnn');
  // a Jupyter notebook (by its name, or saved as .json or .txt): its Markdown cells are the solution, every place in
  // them said by its cell (solution/notebook.ts)
  if (!network && isNotebook(file, text)) return analyseNotebook(file, text, mode, json, many);
  const sidecar = network || file === STDIN_NAME ? null : sidecarOf(file);
  // a .rnn file is a network whatever it holds: a check line may carry a pasted `$$ … $$` (it was sniffed as a
  // solution and refused as "not a solution"); only other extensions are read by what they hold
  const kind = solutionKindOf(file) ?? (network ? null : sniffedKind(text, sidecar !== null));
  if (kind) {
    if (!isSolution(text, kind, sidecar !== null)) {
      return {
        file,
        out: '',
        bad: true,
        // a LaTeX file's network can only be a sidecar (LANGUAGE.md §8): it has no fenced blocks to mention
        error:
          file === STDIN_NAME
            ? // standard input has no folder, so no NAME.rnn beside it: the network must be in the text, or the file named
              `${file} is not a solution: it has no ${kind === 'latex' ? 'network (a LaTeX solution has its network in a NAME.rnn beside it: give its file, unroll check NAME.tex)' : '```rnn block (a solution whose network is a NAME.rnn beside it: give its file, unroll check NAME.md)'}`
            : `${file} is not a solution: it has no ${kind === 'latex' ? '' : '```rnn block and no '}${basename(file, extname(file))}.rnn beside it`,
      };
    }
    return solutionOutcome(file, analyzeSolution(text, kind, { sidecar, analyze: { forms } }), mode, json, many);
  }
  const report = analyze(text, { forms });
  const bad = reportFails(report);
  if (mode === 'check' && json) return { file, out: '', json: { file, ...pick(report) }, bad };
  if (mode === 'latex') return { file, out: renderLatex(file, report), bad };
  return { file, out: renderText(file, report, many), bad, ...(many ? { tally: reportTally(report) } : {}) };
}

/** what a solution's report gives, in every mode (a Markdown or LaTeX file's, or a notebook's with its cells) */
function solutionOutcome(file: string, sol: SolutionReport, mode: Mode, json: boolean, many: boolean): FileOutcome {
  const bad = solutionFails(sol);
  if (mode === 'check' && json) return { file, out: '', json: { file, ...solutionJson(sol) }, bad };
  if (mode === 'latex') return { file, out: renderSolutionLatex(file, sol), bad };
  return { file, out: renderSolutionText(file, sol, many), bad, ...(many ? { tally: solutionTally(sol) } : {}) };
}

/**
 * a notebook: its Markdown cells joined are a Markdown solution (a NAME.rnn beside it may hold the network), its
 * places said by cell. One that cannot be read as a notebook, or has no network, is a file error naming why
 */
function analyseNotebook(file: string, text: string, mode: Mode, json: boolean, many: boolean): FileOutcome {
  let joined: JoinedCells;
  try {
    joined = joinNotebook(text, file);
  } catch (e) {
    if (e instanceof NotebookError) return { file, out: '', bad: true, error: e.message };
    throw e;
  }
  const sidecar = file === STDIN_NAME ? null : sidecarOf(file);
  if (!isSolution(joined.text, 'markdown', sidecar !== null))
    return {
      file,
      out: '',
      bad: true,
      error: `${file} is not a solution: no Markdown cell has a \`\`\`rnn block${file === STDIN_NAME ? '' : `, and there is no ${basename(file, extname(file))}.rnn beside it`}`,
    };
  const forms = mode !== 'check' || json;
  return solutionOutcome(file, analyzeJoined(joined, { sidecar, analyze: { forms } }), mode, json, many);
}

/**
 * a file named by another extension (`.txt`, as the seeds are saved; `.markdown.txt` from a browser) is read by what
 * it holds, as the library's analyze() reads a text: an ```rnn block or a NAME.rnn beside it makes it a Markdown
 * solution (it was read as a .rnn file: a syntax error on every line of prose). Display math with neither is a
 * solution without its network, said so ("not a solution"), not read as a network; a LaTeX document is read as
 * LaTeX. Anything else stays a .rnn file.
 */
function sniffedKind(text: string, hasSidecar: boolean): SolutionKind | null {
  // a LaTeX document is read as one (its preamble's macros, its comments), whose network can only be a sidecar
  if (kindByContent(text) === 'latex') return 'latex';
  if (hasSidecar || isSolution(text, 'markdown', false)) return 'markdown';
  return /\$\$/.test(text) ? 'markdown' : null;
}

/**
 * a `.txt` file met in a folder (the seeds' own extension; a hand-in exported from a course site) is one of the folder's
 * solutions when it reads as one, as a named file is read by what it holds (sniffedKind): a notebook's keys, a LaTeX
 * document with NAME.rnn beside it, an ```rnn block or NAME.rnn beside it. Anything else (notes, a README, display math
 * with no network) is passed over, as a Markdown file that is no solution is; a file too large to be a hand-in is not
 * read at all.
 */
export function textFileIsSolution(file: string, bytes: number): boolean {
  if (bytes > MAX_TEXT_HAND_IN_BYTES) return false;
  try {
    const text = readText(file);
    const hasSidecar = existsSync(sidecarPathOf(file));
    if (looksLikeNotebook(text)) return hasSidecar || isSolution(joinNotebook(text, file).text, 'markdown', false);
    const kind = sniffedKind(text, hasSidecar);
    return kind !== null && isSolution(text, kind, hasSidecar);
  } catch {
    // unreadable as text or as a notebook: no solution of the folder's (a named file would give the error)
    return false;
  }
}

/** twice the largest text analysed (LIMITS.maxFileBytes): a larger .txt in a folder is a log or data, never a hand-in */
const MAX_TEXT_HAND_IN_BYTES = 4_000_000;

/** a Jupyter notebook: by its name, or (saved as .json or .txt) by the keys nbformat writes */
function isNotebook(file: string, text: string): boolean {
  return isNotebookName(file) || looksLikeNotebook(text);
}

export const isNotebookName = (file: string): boolean => file.toLowerCase().endsWith('.ipynb');

const reportFails = (r: Report) => r.diagnostics.some((d) => d.severity === 'error') || r.checks.some((c) => c.status !== 'holds');
const solutionFails = (s: SolutionReport) =>
  s.diagnostics.some((d) => d.severity === 'error') || s.networks.some((n) => n.report.checks.some((c) => c.status !== 'holds'));

/**
 * a file's text without the byte-order mark a Windows editor writes first: the editor never shows it, so the
 * CLI's lines and columns agree with the editor's, and a Markdown solution's first line can open its ```rnn block
 */
export function readText(file: string): string {
  return withoutBom(readFileSync(file, 'utf8'));
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** the path of NAME.rnn beside NAME.md, NAME.tex or NAME.ipynb (whether it exists or not) */
export const sidecarPathOf = (file: string): string => file.slice(0, file.length - extname(file).length) + '.rnn';

/** NAME.rnn beside NAME.md / NAME.tex: the network of a solution written without rnn blocks */
export function sidecarOf(file: string): string | null {
  const side = sidecarPathOf(file);
  try {
    return existsSync(side) && statSync(side).isFile() ? readText(side) : null;
  } catch {
    return null;
  }
}

/**
 * the §7 object first, then the extras; its diagnostics hold the check verdicts too (a failing check is an error on
 * its line, LANGUAGE.md §5), in the order of the file as a solution's are
 */
function pick(r: Report) {
  const { diagnostics: _own, derives, checks, params, flow, ...extra } = r;
  const diagnostics = diagnosticsWithVerdicts(r)
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(jsonDiagnostic);
  return { diagnostics, derives, checks, params, flow, ...extra };
}
