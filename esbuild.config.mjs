// Every bundle Unroll ships, built in one go: `npm run build` (add --watch to rebuild on change).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { copyKatex } from './media/build-katex.mjs';

const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: 'linked', target: 'es2022', logLevel: 'warning', legalComments: 'none' };

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // analyze() for Node consumers (CommonJS): require('unroll').analyze(text)
  { entryPoints: ['src/index.ts'], outfile: 'dist/index.js', platform: 'node', format: 'cjs' },
  // the command line: a small entry that loads the CLI's bundle through its code cache (src/codeCache.ts)
  { entryPoints: ['src/cliEntry.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli-core.js', platform: 'node', format: 'cjs' },
  // the extension: Node extension host (desktop) and web worker (vscode.dev)
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], minify: true },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], minify: true, define: { 'process.env.UNROLL_WEB': '"1"' } },
  // the analysis worker the extension starts (src/extension/worker): worker_threads on desktop, a Web Worker in the browser
  // (desktop: dist/worker.js loads dist/worker-core.js through its code cache, as the CLI loads its bundle)
  { entryPoints: ['src/extension/worker/workerEntry.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs', minify: true },
  { entryPoints: ['src/extension/worker/entry.ts'], outfile: 'dist/worker-core.js', platform: 'node', format: 'cjs', minify: true },
  { entryPoints: ['src/extension/worker/entry.ts'], outfile: 'dist/web/worker.js', platform: 'browser', format: 'iife', minify: true, define: { 'process.env.UNROLL_WEB': '"1"' } },
  // the panel's own browser bundle
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', minify: true },
  // the benchmark (not shipped); it drives the extension's host-side code with the unit tests' 'vscode' fake
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs', external: ['@tensorflow/tfjs', 'playwright-core'], alias: { vscode: './test/extension/fake/vscode.ts' } },
];

const missing = bundles.flatMap((b) => b.entryPoints).filter((e) => !existsSync(e));
if (missing.length) {
  console.error(`esbuild.config.mjs: missing entry points: ${missing.join(', ')}`);
  process.exit(1);
}

// the panel's KaTeX stylesheet and woff2 fonts, served from media/katex through asWebviewUri
copyKatex();

if (watch) {
  for (const b of bundles) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
  writeCliCodeCache();
  writeWorkerCodeCache();
}

/**
 * dist/cli-core.js.cache: the bytecode of what `unroll` runs on the examples (every derive and check, with
 * forms), written by that run as it exits (src/codeCache.ts). Made again at every build: a cache V8 refuses
 * (another Node) is replaced by the first run on that Node.
 */
function writeCliCodeCache() {
  rmSync('dist/cli-core.js.cache', { force: true });
  const examples = readdirSync('examples')
    .filter((f) => f.endsWith('.rnn'))
    .map((f) => `examples/${f}`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...examples], { stdio: 'ignore', timeout: 120_000 });
  if (!existsSync('dist/cli-core.js.cache')) console.error(`esbuild.config.mjs: no code cache written for the CLI (status ${r.status}); it runs without one`);
}

/**
 * dist/worker-core.js.cache: the bytecode of the analysis worker after its first complete Report (sheet 7 with
 * its forms), written by the worker itself (src/extension/worker/workerEntry.ts). Made again at every build.
 */
function writeWorkerCodeCache() {
  rmSync('dist/worker-core.js.cache', { force: true });
  const script = `
    const { Worker } = require('node:worker_threads');
    const { existsSync, readFileSync } = require('node:fs');
    const w = new Worker('./dist/worker.js');
    w.on('message', (m) => {
      if (m.complete === false) w.postMessage({ id: m.id, taken: true });
      else if (m.complete) {
        const t0 = Date.now();
        const wait = setInterval(() => {
          if (existsSync('dist/worker-core.js.cache') || Date.now() - t0 > 20000) clearInterval(wait), w.terminate();
        }, 20);
      }
    });
    w.postMessage({ id: 1, text: readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8'), options: { forms: true } });
  `;
  const r = spawnSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: 60_000 });
  if (!existsSync('dist/worker-core.js.cache')) console.error(`esbuild.config.mjs: no code cache written for the analysis worker (status ${r.status}); it runs without one`);
}
