// The editor side: hover content and diagnostics for each example after a change (target < 20 ms median),
// through the extension's pure content functions (src/extension/*/*Content.ts), and the bundle sizes.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analysis';
import { diagnosticItems } from '../src/extension/diagnostics/diagnosticsContent';
import { hoverContent, type HoverOptions } from '../src/extension/hover/hoverContent';
import { lensItems } from '../src/extension/inline/inlineContent';
import type { Report } from '../src/report';
import { loadExamples } from './examplesBench';
import { fmtMs, fmtT, median, printTable, timeMedian } from './timing';

const HOVER: HoverOptions = { digits: 4, detail: 'full', uri: 'file:///bench.rnn' };

/** Every position worth hovering: each symbol occurrence, and the first column of each derive/check line. */
function hoverPositions(report: Report): { line: number; column: number }[] {
  const ps = report.symbols.map((s) => ({ line: s.line, column: s.column }));
  for (const d of report.derives) ps.push({ line: d.line, column: 1 });
  for (const c of report.checks) ps.push({ line: c.line, column: 1 });
  return ps;
}

export function benchEditor(): void {
  const rows: string[][] = [];
  for (const { name, text } of loadExamples()) {
    const report = analyze(text);
    const positions = hoverPositions(report);
    // one hover at each position, timed individually
    const perHover = positions.map((p) => timeMedian(() => hoverContent(report, p, HOVER), 5, 1).ms);
    const answered = positions.filter((p) => hoverContent(report, p, HOVER) !== null).length;
    // after a change: a fresh analysis, the diagnostics, the lenses and one hover on a parameter
    const param = report.symbols.find((s) => s.role === 'declaration') ?? report.symbols[0];
    const afterChange = timeMedian(() => {
      const r = analyze(text);
      diagnosticItems(r, { hintForHolding: false });
      lensItems(r, 4, HOVER.uri);
      if (param) hoverContent(r, { line: param.line, column: param.column }, HOVER);
    }, 21, 3);
    const diags = timeMedian(() => diagnosticItems(report, { hintForHolding: false }), 25, 3);
    rows.push([
      name,
      `${answered}/${positions.length}`,
      fmtMs(median(perHover)),
      fmtMs(Math.max(...perHover)),
      fmtMs(diags.ms),
      fmtT(afterChange),
      afterChange.ownMs < 20 ? 'yes' : 'NO',
    ]);
  }
  printTable(
    'Editor: hover and diagnostics content per example — median; target < 20 ms after a change',
    ['example', 'hovers', 'hover (median)', 'hover (max)', 'diagnostics', 'change → all', '< 20 ms'],
    rows,
  );
  console.log('  change → all = analyze() + diagnosticItems() + lensItems() + one parameter hover. Extension activation is\n  measured inside VS Code by the editor tests, not here.');
}

export function bundleSizes(): void {
  const root = join(__dirname, '..');
  const files = ['dist/index.js', 'dist/cli.js', 'dist/extension.js', 'dist/web/extension.js', 'dist/webview.js', 'dist/bench.js'];
  const rows = files
    .filter((f) => existsSync(join(root, f)))
    .map((f) => [f, `${(statSync(join(root, f)).size / 1024).toFixed(0)} KB`]);
  printTable('Bundle sizes (minified where shipped)', ['bundle', 'size'], rows);
}
