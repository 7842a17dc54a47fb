// unroll FILE | unroll check FILE [--json] | unroll latex FILE  (LANGUAGE.md §7). FILE is a .rnn
// file, a Markdown or LaTeX solution (§8), or a folder standing for every such file under it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { version } from '../package.json';
import { analyze } from './analysis';
import { renderLatex, renderSolutionText, renderText, solutionJson } from './cli-render';
import type { Report } from './report';
import { analyzeSolution, isSolution, solutionKindOf, type SolutionReport } from './solution/index';

const USAGE = `usage:
  unroll FILE                 every derive and check, as readable text
  unroll check FILE [--json]  exit 0 when no error and every check holds, else 1
  unroll latex FILE           every derivation as LaTeX, ready to paste into a solution
  unroll --help | --version

FILE is a .rnn file, a Markdown (.md) or LaTeX (.tex) solution whose network is in
\`\`\`rnn blocks or in a NAME.rnn beside it, or a folder (every such file under it).
Several files may be given. Exit status 2 for usage or file errors.`;

type Mode = 'text' | 'check' | 'latex';

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  if (flags.has('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (flags.has('--version')) {
    process.stdout.write(`unroll ${version}\n`);
    return 0;
  }
  if (args.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  let mode: Mode = 'text';
  if (args[0] === 'check' || args[0] === 'latex') mode = args.shift() as Mode;
  const unknown = [...flags].filter((f) => !(f === '--json' && mode === 'check'));
  if (unknown.length || args.length === 0) {
    process.stderr.write(`unroll: ${unknown.length ? `unknown option ${unknown[0]}` : 'no file given'}\n${USAGE}\n`);
    return 2;
  }
  const json = flags.has('--json');
  let files: string[];
  try {
    files = args.flatMap((a) => expand(a, true));
  } catch (e) {
    process.stderr.write(`unroll: ${(e as Error).message}\n`);
    return 2;
  }
  if (!files.length) {
    process.stderr.write(`unroll: no .rnn file or solution found in ${args.join(', ')}\n`);
    return 2;
  }
  let status = 0;
  const outputs: unknown[] = [];
  for (const file of files) {
    let text: string;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`unroll: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    const kind = solutionKindOf(file);
    if (kind) {
      const sidecar = sidecarOf(file);
      if (!isSolution(text, kind, sidecar !== null)) {
        process.stderr.write(`unroll: ${file} is not a solution: it has no \`\`\`rnn block and no ${basename(file, extname(file))}.rnn beside it\n`);
        return 2;
      }
      const sol = analyzeSolution(text, kind, { sidecar });
      if (mode === 'check' && solutionFails(sol)) status = 1;
      if (mode === 'check' && json) outputs.push({ file, ...solutionJson(sol) });
      else if (mode === 'latex') for (const n of sol.networks) process.stdout.write(renderLatex(file, n.report));
      else process.stdout.write(renderSolutionText(file, sol, files.length > 1));
      continue;
    }
    const report = analyze(text);
    if (mode === 'check' && reportFails(report)) status = 1;
    if (mode === 'check' && json) outputs.push({ file, ...pick(report) });
    else if (mode === 'latex') process.stdout.write(renderLatex(file, report));
    else process.stdout.write(renderText(file, report, files.length > 1));
  }
  if (json) process.stdout.write(JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2) + '\n');
  return status;
}

const reportFails = (r: Report) => r.diagnostics.some((d) => d.severity === 'error') || r.checks.some((c) => c.status !== 'holds');
const solutionFails = (s: SolutionReport) =>
  s.diagnostics.some((d) => d.severity === 'error') || s.networks.some((n) => n.report.checks.some((c) => c.status !== 'holds'));

/** NAME.rnn beside NAME.md / NAME.tex: the network of a solution written without rnn blocks */
function sidecarOf(file: string): string | null {
  const side = file.slice(0, file.length - extname(file).length) + '.rnn';
  try {
    return existsSync(side) && statSync(side).isFile() ? readFileSync(side, 'utf8') : null;
  } catch {
    return null;
  }
}

/** a folder stands for every .rnn file and every solution under it (a whole folder of solutions at once) */
function expand(path: string, given: boolean): string[] {
  let st;
  try { st = statSync(path); } catch { throw new Error(`cannot read ${path}: no such file or folder`); }
  if (!st.isDirectory()) {
    if (given) return [path];
    if (path.endsWith('.rnn')) return [path];
    const kind = solutionKindOf(path);
    if (!kind) return [];
    const hasSidecar = existsSync(path.slice(0, path.length - extname(path).length) + '.rnn');
    if (kind === 'latex') return hasSidecar ? [path] : [];
    try {
      return isSolution(readFileSync(path, 'utf8'), kind, hasSidecar) ? [path] : [];
    } catch {
      return [];
    }
  }
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => expand(join(path, e.name), false));
}

/** the §7 object first, then the extras */
function pick(r: Report) {
  const { diagnostics, derives, checks, params, flow, ...extra } = r;
  return { diagnostics, derives, checks, params, flow, ...extra };
}

process.exitCode = main(process.argv.slice(2));
