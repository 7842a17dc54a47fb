// unroll FILE | unroll check FILE [--json] | unroll latex FILE  (LANGUAGE.md §7). FILE is a .rnn
// file, a Markdown or LaTeX solution or a Jupyter notebook (§8), or a folder standing for every such file under it.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../package.json';
import { renderSummary } from './cli-render';
import { isNotebookName, readText, runFile, sidecarPathOf, STDIN, textFileIsSolution, type FileOutcome, type Mode } from './cliFile';
import { checkCommand, serveIfCheckWorker } from './cliParallel';
import { isSolution, joinNotebook, solutionKindOf } from './solution/index';

const USAGE = `usage:
  unroll FILE                 every derive and check, as readable text
  unroll check FILE [--json]  exit 0 when no error and every check holds, else 1
  unroll latex FILE           every derivation as LaTeX, ready to paste into a solution
  unroll --help | --version

FILE is a .rnn file, a Markdown (.md) or LaTeX (.tex) solution or a Jupyter notebook
(.ipynb, its Markdown cells) whose network is in \`\`\`rnn blocks or in a NAME.rnn beside it,
or a folder (every such file under it, and every .txt file that holds such a solution).
Several files may be given; - reads one text from standard input.
Exit status 2 for usage or file errors.`;

function main(argv: string[]): number | Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'number') return parsed;
  const { mode, json, args } = parsed;
  // `-` is standard input (a text piped in: `xclip -o | unroll check -`), read by what it holds as a `.txt` file is
  if (args.includes(STDIN)) {
    if (args.length > 1) return usageError('- (standard input) is read alone, not with other files');
    return runOne(STDIN, mode, json);
  }
  let files: string[];
  try {
    // among several paths, a missing one is that file's error, said in its turn: the others still run
    files = args.flatMap((a) => (args.length > 1 && !existsSync(a) ? [a] : expand(a, true)));
  } catch (e) {
    process.stderr.write(`unroll: ${(e as Error).message}\n`);
    return 2;
  }
  if (!files.length) {
    process.stderr.write(`unroll: no .rnn file or solution found in ${args.join(', ')}\n`);
    return 2;
  }
  // several files, or a folder (however many files it holds): one JSON array, the speed on stderr, and the
  // checks spread over the cores (cliParallel.ts). The shape of the output follows the command line, never
  // how many files a folder happens to hold.
  const many = files.length > 1 || args.some(isFolder);
  if (mode === 'check' && many) return checkCommand(files, json);
  let status = 0;
  const outcomes: FileOutcome[] = [];
  for (const file of files) status = Math.max(status, runOne(file, mode, json, files.length > 1, outcomes));
  // several files' text ends with one line per file (a class folder: whose solution to open first)
  if (mode === 'text' && files.length > 1) process.stdout.write(renderSummary(outcomes));
  return status;
}

/** one file analysed and printed: its exit status (2 when it cannot be read, 1 when a check fails it) */
function runOne(file: string, mode: Mode, json: boolean, many = false, outcomes: FileOutcome[] = []): number {
  const o = runFile(file, mode, json, many);
  outcomes.push(o);
  if (o.json !== undefined) process.stdout.write(JSON.stringify(o.json, null, 2) + '\n');
  else process.stdout.write(o.out);
  // one file that cannot be read is a file error (exit 2); the other files given are still printed
  const trouble = o.error ?? o.crash;
  if (trouble) process.stderr.write(`unroll: ${trouble}\n`);
  return trouble ? 2 : mode === 'check' && o.bad ? 1 : 0;
}

/** The command, its flag and its files; or the exit status when the words say to stop (help, version, usage error). */
function parseArgs(argv: string[]): { mode: Mode; json: boolean; args: string[] } | number {
  // `--` ends the options: a file may then begin with '-'
  const end = argv.indexOf('--');
  const before = end < 0 ? argv : argv.slice(0, end);
  const after = end < 0 ? [] : argv.slice(end + 1);
  // -h is --help, as most command-line tools take it (it is no file name: it was "cannot read -h")
  const words = before.map((a) => (a === '-h' ? '--help' : a));
  // any word that begins with '-' is an option ('-j' was "cannot read -j: no such file or folder")
  const isOption = (a: string) => a.length > 1 && a.startsWith('-');
  const args = [...words.filter((a) => !isOption(a)), ...after];
  const flags = new Set(words.filter(isOption));
  if (flags.has('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (flags.has('--version')) {
    process.stdout.write(`unroll ${version}\n`);
    return 0;
  }
  if (args.length === 0) return usageError(flags.size ? `unknown option ${[...flags][0]}` : undefined);
  let mode: Mode = 'text';
  if (end !== 0 && (args[0] === 'check' || args[0] === 'latex')) mode = args.shift() as Mode;
  // a first word that is no file and looks like a command (`unroll chek f.rnn`) is named as one
  else if (/^[a-z]+$/.test(args[0]!) && !existsSync(args[0]!))
    return usageError(`unknown command ${args[0]} (and no file or folder of that name)`);
  const unknown = [...flags].filter((f) => !(f === '--json' && mode === 'check'));
  if (unknown.length)
    return usageError(`unknown option ${unknown[0]}${unknown[0] === '--json' ? ' (it goes with check: unroll check FILE --json)' : ''}`);
  if (args.length === 0) return usageError('no file given');
  return { mode, json: flags.has('--json'), args };
}

function usageError(why: string | undefined): number {
  process.stderr.write(`${why ? `unroll: ${why}\n` : ''}${USAGE}\n`);
  return 2;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * a folder stands for every .rnn file and every solution under it (a whole folder of solutions at once); a
 * folder met again through a link (`ln -s .. up`) is read once, so a cycle of links ends instead of running
 * down loopd/self/self/… until the path is too long
 */
function expand(path: string, given: boolean, seen = new Set<string>()): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    // a link to nowhere found in a folder is no file of the folder's, unless it is named as one
    if (!given && !path.endsWith('.rnn') && !solutionKindOf(path) && !isNotebookName(path)) return [];
    throw new Error(`cannot read ${path}: no such file or folder`);
  }
  if (!st.isDirectory()) {
    if (given) return [path];
    if (path.endsWith('.rnn')) return [path];
    if (isNotebookName(path)) return notebookSolution(path) ? [path] : [];
    if (path.toLowerCase().endsWith('.txt')) return textFileIsSolution(path, st.size) ? [path] : [];
    const kind = solutionKindOf(path);
    if (!kind) return [];
    const hasSidecar = existsSync(sidecarPathOf(path));
    if (kind === 'latex') return hasSidecar ? [path] : [];
    try {
      return isSolution(readText(path), kind, hasSidecar) ? [path] : [];
    } catch {
      return [];
    }
  }
  const real = realpathSync(path);
  if (seen.has(real)) return [];
  seen.add(real);
  const listed = readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => expand(join(path, e.name), false, seen));
  return withoutSidecars(listed);
}

/**
 * a folder's NAME.rnn beside a solution listed with it is that solution's network, read (with its own derive and
 * check lines) in the solution's report: listed again, it was a second file with "no derive or check" in the
 * summary, and its own checks counted twice
 */
function withoutSidecars(listed: string[]): string[] {
  const sidecars = new Set(listed.filter((f) => !f.endsWith('.rnn')).map(sidecarPathOf));
  return listed.filter((f) => !f.endsWith('.rnn') || !sidecars.has(f));
}

/**
 * a notebook of a folder is one of its solutions when it has a network (as a Markdown file is), or when it cannot be
 * read as a notebook: its file error then names it, where a class's broken hand-in passed over unseen would look fine
 */
function notebookSolution(path: string): boolean {
  try {
    const hasSidecar = existsSync(sidecarPathOf(path));
    return hasSidecar || isSolution(joinNotebook(readText(path), path).text, 'markdown', false);
  } catch {
    return true;
  }
}

/**
 * `unroll FILE | head`: the reader closing the pipe ends the output, quietly (it was an unhandled EPIPE and a
 * Node stack trace), with the status known so far
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

// a worker thread of the parallel check runs this same bundle: it serves checks instead
if (!serveIfCheckWorker()) {
  quietOnClosedPipe();
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
