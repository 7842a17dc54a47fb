// Builds the integration tests to out/integration/ (run by `npm run build:integration`):
//   suite/node.js  — extensionTestsPath for Node extension hosts (code-server, @vscode/test-electron)
//   suite/web.js   — extensionTestsPath for the web-worker host (@vscode/test-web), mocha bundled in
//   runners/*.js   — the Node programs that start an editor, load the extension and the suite, and report
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const out = join(repo, 'out/integration');
const common = { bundle: true, sourcemap: 'inline', target: 'es2022', logLevel: 'warning', absWorkingDir: repo };

// In the Node host the expected answers come from the built library, dist/index.js (what `require('unroll')` gives),
// loaded at run time; in the web worker there is no require, so the same source is bundled in.
const libraryFromDist = {
  name: 'library-from-dist',
  setup(build) {
    build.onResolve({ filter: /\/src\/index$/ }, (args) =>
      resolve(args.resolveDir, args.path) === join(repo, 'src/index') ? { path: join(repo, 'dist/index.js'), external: true } : undefined,
    );
  },
};

const runners = readdirSync(join(here, 'runners'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(here, 'runners', f));

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'suite/index.ts')],
    outfile: join(out, 'suite/node.js'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    plugins: [libraryFromDist],
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'suite/index.web.ts')],
    outfile: join(out, 'suite/web.js'),
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: runners,
    outdir: join(out, 'runners'),
    platform: 'node',
    format: 'cjs',
    external: ['playwright-core', '@vscode/test-electron', '@vscode/test-web'],
  }),
]);
