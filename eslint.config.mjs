// ESLint: correctness rules the tree passes, and the layer rules (docs/architecture.md) as import
// restrictions, so a wrong-way import fails `npm run lint` (a gate of `npm test`) instead of a review.
// No stylistic rules here: formatting is left to a formatter (deferred until the parallel branches land).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** a relative import of one of these top-level parts of src/, from any depth below src/ */
const part = (...names) => `^(\\.\\./)+(${names.join('|')})(/.*)?$`;
/** the same from a file of src/ itself (src/ids.ts, src/analysis.ts), which imports them as ./engine/… */
const topPart = (...names) => `^\\./(${names.join('|')})(/.*)?$`;
/** a relative import of a top-level part of src/ other than these (an allow-list, from any depth) */
const partOtherThan = (...names) => `^(\\.\\./)+(?!\\.\\./|(${names.join('|')})(/|$))`;

const NO_VSCODE = { name: 'vscode', message: 'only src/extension imports vscode' };

/**
 * no-restricted-imports for one layer: the parts of src/ it must not import, and why. `files` are either
 * all in folders below src/ or all files of src/ itself (their imports are written differently).
 */
function layer(files, forbidden, message) {
  const regex = files.every((f) => /^src\/[^/]+\.ts$/.test(f)) ? topPart(...forbidden) : part(...forbidden);
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [{ regex, message }] }],
    },
  };
}

/** the top-level programs: analyze(), the CLI and the library's entry (the top of the stack) */
const ENTRY = ['analysis', 'cli', 'cli-render', 'cliFile', 'cliParallel', 'index'];

/** the extension talks to the panel through src/protocol.ts (messages), never the webview's code */
const NOT_WEBVIEW = {
  regex: part('webview'),
  message: 'src/extension does not import src/webview: what both need lives in src/display (or src/protocol.ts)',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.editor-tests/**', '.vscode-test/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // what the tree does on purpose today: non-null assertions after checks; a `let x = init` that
      // a try/catch overwrites (no-useless-assignment flags it, and the init documents the fallback)
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // the integration runners register CommonJS hooks and load the editor's modules with require() (untyped)
    files: ['test/integration/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'test/integration/**/*.mjs', 'esbuild.config.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
  },
  // ---- layers (docs/architecture.md) ----------------------------------------------------------
  // only src/extension imports vscode: every other file of src/ (a new folder too; the layers below repeat it)
  {
    files: ['src/**/*.ts'],
    ignores: ['src/extension/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE] }] },
  },
  // the files of src/ itself: no vscode, no editor, no panel (the CLI, analyze(), the Report, the protocol);
  // before the leaves, as a later block's rule replaces an earlier one's for the files both name (src/ids.ts)
  layer(['src/*.ts'], ['extension', 'webview'], 'the shared top-level modules do not import the editor or the panel'),
  // the shared leaves: node identity and the display layer import nothing but the Report's types
  ...[['src/ids.ts'], ['src/display/**/*.ts']].map((files) =>
    layer(files, ['language', 'engine', 'extension', 'webview', 'solution', 'protocol', ...ENTRY],
      'src/ids.ts and src/display are leaves every layer (and the webview bundle) imports: they import nothing')),
  // the language: text → model; nothing above it
  layer(['src/language/**/*.ts'], ['engine', 'extension', 'webview', 'solution', 'protocol', ...ENTRY],
    'src/language imports nothing above it (only report types, ids, display)'),
  // the engine: model → numbers and forms; only the language below it
  layer(['src/engine/**/*.ts'], ['extension', 'webview', 'solution', 'protocol', ...ENTRY],
    'src/engine imports only src/language (and report types, ids, display)'),
  // the solution reader (Markdown/LaTeX solutions): the language and analyze(), no editor, no CLI
  layer(['src/solution/**/*.ts'], ['extension', 'webview', 'protocol', 'cli', 'cli-render', 'cliFile', 'cliParallel'],
    'src/solution may import src/language and src/analysis, not the editor, the panel or the CLI'),
  // the panel webview: a browser bundle that knows only the messages of src/protocol.ts (an allow-list)
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [NO_VSCODE],
        patterns: [
          { regex: partOtherThan('protocol', 'display', 'ids', 'report'), message: 'src/webview imports only src/protocol.ts (and ids, display, report types)' },
          { regex: part('report'), allowTypeImports: true, message: 'the webview takes only types from the Report' },
          { regex: '^node:', message: 'the webview runs in a browser' },
        ],
      }],
    },
  },
  // the extension: vscode, the layers below and the protocol, never the webview's code
  {
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_WEBVIEW] }] },
  },
  // inside the extension: each feature folder pairs a thin editor module with a pure content module
  // (`hover/hover.ts` + `hover/hoverContent.ts`); the pure side, the command table and what runs in the
  // analysis worker never import vscode, so they are unit-tested (and run) without an editor
  {
    files: [
      'src/extension/**/*Content.ts', 'src/extension/commands/ids.ts', 'src/extension/commands/templates.ts',
      'src/extension/hover/hoverPieces.ts', 'src/extension/hover/functionRules.ts', 'src/extension/hover/learnMore.ts', 'src/extension/panel/panelCursor.ts',
      'src/extension/panel/panelHtml.ts', 'src/extension/reports/failedReport.ts', 'src/extension/reports/reportQuery.ts', 'src/extension/reports/debouncer.ts',
      'src/extension/shared/format.ts', 'src/extension/worker/entry.ts', 'src/extension/worker/analyzeInWorker.ts',
      'src/extension/worker/protocol.ts', 'src/extension/preview/**/*.ts',
    ],
    rules: {
      // replaces the extension's rule for these files (flat config does not merge a rule's options): both
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'a pure content module (or worker code) of src/extension does not import vscode: its editor module does' }],
        patterns: [NOT_WEBVIEW],
      }],
    },
  },
);
