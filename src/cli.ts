// unroll FILE | unroll check FILE [--json] | unroll latex FILE  (LANGUAGE.md §7)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './analysis';
import { renderLatex, renderText } from './cli-render';
import { checkCommand, serveIfCheckWorker } from './cliParallel';

const USAGE = `usage:
  unroll FILE.rnn                 every derive and check, as readable text
  unroll check FILE.rnn [--json]  exit 0 when no error and every check holds, else 1
  unroll latex FILE.rnn           every derivation as LaTeX, ready to paste into a solution
  (several files may be given; exit status 2 for usage or file errors)`;

function main(argv: string[]): number | Promise<number> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  if (flags.has('--help') || args.length === 0) {
    (args.length === 0 && !flags.has('--help') ? process.stderr : process.stdout).write(USAGE + '\n');
    return flags.has('--help') ? 0 : 2;
  }
  let mode: 'text' | 'check' | 'latex' = 'text';
  if (args[0] === 'check' || args[0] === 'latex') mode = args.shift() as 'check' | 'latex';
  const unknown = [...flags].filter((f) => !(f === '--json' && mode === 'check') && f !== '--help');
  if (unknown.length || args.length === 0) {
    process.stderr.write(`unroll: ${unknown.length ? `unknown option ${unknown[0]}` : 'no file given'}\n${USAGE}\n`);
    return 2;
  }
  const json = flags.has('--json');
  let status = 0;
  const outputs: unknown[] = [];
  let files: string[];
  try {
    files = args.flatMap(expand);
  } catch (e) {
    process.stderr.write(`unroll: ${(e as Error).message}\n`);
    return 2;
  }
  // several files to check: spread over the cores (cliParallel.ts)
  if (mode === 'check' && files.length > 1) return checkCommand(files, json);
  for (const file of files) {
    let text: string;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`unroll: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    // the printed solution shows the symbolic forms; a plain check needs only the verdicts
    const report = analyze(text, { forms: mode !== 'check' || json });
    const bad = report.diagnostics.some((d) => d.severity === 'error') || report.checks.some((c) => c.status !== 'holds');
    if (mode === 'check' && bad) status = 1;
    if (mode === 'check' && json) outputs.push({ file, ...pick(report) });
    else if (mode === 'latex') process.stdout.write(renderLatex(file, report));
    else process.stdout.write(renderText(file, report, files.length > 1));
  }
  if (json) process.stdout.write(JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2) + '\n');
  return status;
}

/** a folder stands for every .rnn file under it (a whole folder of solutions at once) */
function expand(path: string): string[] {
  let st;
  try { st = statSync(path); } catch { throw new Error(`cannot read ${path}: no such file or folder`); }
  if (!st.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? expand(join(path, e.name)) : e.name.endsWith('.rnn') ? [join(path, e.name)] : []));
}

/** the §7 object first, then the extras */
function pick(r: ReturnType<typeof analyze>) {
  const { diagnostics, derives, checks, params, flow, ...extra } = r;
  return { diagnostics, derives, checks, params, flow, ...extra };
}

// a worker thread of the parallel check runs this same bundle: it serves checks instead
if (!serveIfCheckWorker()) void Promise.resolve(main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
