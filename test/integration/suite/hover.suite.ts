/// <reference types="mocha" />
import * as vscode from 'vscode';
import { ok, show } from './check';
import { extension, hoverText, mathKey, open, plain, positionOf, sheet7, showsNumber, waitFor } from './util';

/** ∂L/∂W_hh as the library computes it for the sheet-7 example (never a literal: the library is the oracle). */
function expectedGradient(report: Awaited<ReturnType<typeof sheet7>>['report']): number {
  const derive = report.derives.find((d) => mathKey(d.query) === mathKey('∂L/∂W_hh'));
  ok(derive && derive.results.length === 1, `the library answers derive ∂L/∂W_hh: ${show(report.derives.map((d) => d.query))}`);
  const v = derive.results[0]!.value;
  ok(typeof v === 'number' && Number.isFinite(v), `∂L/∂W_hh is a finite scalar: ${show(v)}`);
  const node = report.graph?.nodes.find((n) => n.id === 'W_hh');
  if (node)
    ok(
      typeof node.grad === 'number' && Math.abs(node.grad - v) <= 1e-12 * Math.max(1, Math.abs(v)),
      `graph node W_hh carries the same gradient: ${show(node.grad)}`,
    );
  return v;
}

async function hoverAt(uri: vscode.Uri, pos: vscode.Position, what: string): Promise<string> {
  return waitFor(`a hover on ${what}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
    const text = hoverText(hovers ?? []);
    return text.trim().length > 0 && text;
  });
}

suite('hovers', () => {
  test('hovering the parameter W_hh shows ∂L/∂W_hh and its value', async () => {
    const ex = await sheet7();
    await extension();
    await open(ex.uri);
    const expected = expectedGradient(ex.report);
    const pos = positionOf(ex.text, /^\s*param\s+W_hh\b/, 'W_hh');
    const text = await hoverAt(ex.uri, pos, 'param W_hh');
    ok(mathKey(text).includes(mathKey('∂L/∂W_hh')), `hover names ∂L/∂W_hh: ${show(plain(text))}`);
    ok(showsNumber(text, expected), `hover shows ∂L/∂W_hh = ${expected}: ${show(plain(text))}`);
  });

  test('hovering h_{t-1} inside the recurrence shows the immediate partial ∂⁺(…)_t/∂h_{t-1} at every step', async () => {
    const ex = await sheet7();
    await extension();
    // h_t = σ(… W_hh h_{t-1} …) or, as the seed writes it, \tilde{h}_t = … W_{hh}h_{t-1} …
    const q = ex.report.quantities.find((x) => x.partials.some((p) => p.wrt === 'h_{t-1}'));
    const partial = q?.partials.find((p) => p.wrt === 'h_{t-1}');
    ok(q && partial, `the library reports an immediate partial by h_{t-1}: ${show(ex.report.quantities.map((x) => x.name))}`);
    const lineText = ex.text.split(/\r?\n/)[q.line - 1]!;
    ok(lineText.includes('h_{t-1}'), `line ${q.line} reads h_{t-1}: ${lineText}`);
    const pos = new vscode.Position(q.line - 1, lineText.indexOf('h_{t-1}') + 1);
    const text = await hoverAt(ex.uri, pos, 'h_{t-1} in h_t = …');
    ok(text.includes('∂⁺') || text.includes('∂<sup>+</sup>'), `hover shows an immediate partial ∂⁺: ${show(plain(text))}`);
    for (const v of partial.values) {
      ok(
        // a short exact value (the seed's h̃_t gives ∂⁺h̃_t/∂h_{t-1} = W_hh = 0.8) is matched as written
        typeof v.value === 'number' && (showsNumber(text, v.value) || exactlyShown(text, v.value)),
        `hover shows ∂⁺h_${v.t}/∂h_${(v.t ?? 0) - 1} = ${show(v.value)}: ${show(plain(text))}`,
      );
    }
  });

  test('hovering σ shows its derivative identity', async () => {
    const ex = await sheet7();
    await extension();
    // σ, or \sigma as the seed writes it (the hover is on the function's token either way)
    const line = ex.text.split(/\r?\n/).find((l) => /^\s*h_t\s*=/.test(l)) ?? '';
    const needle = line.includes('σ') ? 'σ' : '\\sigma';
    const pos = positionOf(ex.text, /^\s*h_t\s*=/, needle);
    const text = await hoverAt(ex.uri, new vscode.Position(pos.line, pos.character - 1 + (needle === 'σ' ? 0 : 1)), 'σ');
    ok(/σ['′]/.test(plain(text)) && /1\s*[-−]\s*σ/.test(plain(text)), `hover states σ' = σ(1 − σ): ${show(plain(text))}`);
  });

  test('hovering a derive line shows its result', async () => {
    const ex = await sheet7();
    await extension();
    const expected = expectedGradient(ex.report);
    const pos = positionOf(ex.text, /^\s*derive\s+∂L\/∂W_hh\s*$/, 'derive');
    const text = await hoverAt(ex.uri, pos, 'derive ∂L/∂W_hh');
    ok(showsNumber(text, expected), `derive hover shows ${expected}: ${show(plain(text))}`);
  });
});

/** the number as JavaScript prints it, standing alone in the hover's text (not part of a longer number) */
function exactlyShown(text: string, value: number): boolean {
  const written = String(value).replace(/[.]/g, '\\.').replace(/-/g, '[-−]');
  return new RegExp(`(^|[^0-9.])${written}([^0-9]|$)`).test(plain(text));
}
