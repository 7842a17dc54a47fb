// Every bundle Unroll ships, built in one go: `npm run build` (add --watch to rebuild on change).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { copyKatex } from './media/build-katex.mjs';

const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: 'linked', target: 'es2022', logLevel: 'warning', legalComments: 'none' };

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // analyze() for Node consumers (CommonJS): require('unroll').analyze(text)
  { entryPoints: ['src/index.ts'], outfile: 'dist/index.js', platform: 'node', format: 'cjs' },
  // the command line
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // the extension: Node extension host (desktop) and web worker (vscode.dev)
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], minify: true },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], minify: true, define: { 'process.env.UNROLL_WEB': '"1"' } },
  // the analysis worker the extension starts (src/extension/worker): worker_threads on desktop, a Web Worker in the browser
  { entryPoints: ['src/extension/worker/entry.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs', minify: true },
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
}
