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

  test('hovering h_{t-1} inside h_t = … shows the immediate partial ∂⁺h_t/∂h_{t-1} at every step', async () => {
    const ex = await sheet7();
    await extension();
    const partial = ex.report.quantities.find((q) => q.name === 'h')?.partials.find((p) => p.wrt === 'h_{t-1}');
    ok(partial, `the library reports ∂⁺h_t/∂h_{t-1}: ${show(ex.report.quantities.map((q) => q.name))}`);
    const pos = positionOf(ex.text, /^\s*h_t\s*=/, 'h_{t-1}');
    const text = await hoverAt(ex.uri, pos, 'h_{t-1} in h_t = …');
    ok(text.includes('∂⁺') || text.includes('∂<sup>+</sup>'), `hover shows an immediate partial ∂⁺: ${show(plain(text))}`);
    for (const v of partial.values) {
      ok(
        typeof v.value === 'number' && showsNumber(text, v.value),
        `hover shows ∂⁺h_${v.t}/∂h_${(v.t ?? 0) - 1} = ${show(v.value)}: ${show(plain(text))}`,
      );
    }
  });

  test('hovering σ shows its derivative identity', async () => {
    const ex = await sheet7();
    await extension();
    const pos = positionOf(ex.text, /^\s*h_t\s*=/, 'σ');
    const text = await hoverAt(ex.uri, new vscode.Position(pos.line, pos.character - 1), 'σ');
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
