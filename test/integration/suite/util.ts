// Helpers shared by the in-editor suites. Everything polls with a deadline: the editor answers
// asynchronously (debounced analysis, lazy providers), and a hung editor must fail, not hang.
import * as vscode from 'vscode';
import { analyze } from '../../../src/index';
import type { Report } from '../../../src/report';
import { isSheet7 } from './pick';
export { mathKey, plain, showsNumber } from './text';

export const EXTENSION_ID = 'unroll.unroll';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns a value that is not undefined/false, or throws after `timeoutMs` with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(100);
  }
}

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the integration tests need a workspace folder (the runner opens one with examples/ in it)');
  return f.uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export interface Example {
  uri: vscode.Uri;
  name: string;
  text: string;
  report: Report;
}

/** Every examples/*.rnn of the workspace with the library's own analysis of it (the expected answers). */
export async function examples(): Promise<Example[]> {
  const dir = vscode.Uri.joinPath(workspaceRoot(), 'examples');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const out: Example[] = [];
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== vscode.FileType.File || !name.endsWith('.rnn')) continue;
    const uri = vscode.Uri.joinPath(dir, name);
    const text = await readText(uri);
    out.push({ uri, name, text, report: analyze(text) });
  }
  if (out.length === 0) throw new Error(`no .rnn files in ${dir.toString()}`);
  return out;
}

/** The sheet-7 vanilla RNN: the example that declares W_hh and derives ∂L/∂W_hh. */
export async function sheet7(): Promise<Example> {
  const all = await examples();
  const ex = all.find((e) => isSheet7(e.text));
  if (!ex) throw new Error(`no example declares W_hh and derives ∂L/∂W_hh (examples: ${all.map((e) => e.name).join(', ')})`);
  return ex;
}

export async function extension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  // onLanguage activation races with provider calls (seen: executeHoverProvider returning []); activate first.
  await ext.activate();
  return ext;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Writes a scratch .rnn file into the workspace (never into the repository: the runner's workspace is a copy). */
export async function scratchFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Position (0-based) of the `occurrence`-th match of `needle` on the first line matching `lineRe`. */
export function positionOf(text: string, lineRe: RegExp, needle: string): vscode.Position {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => lineRe.test(l));
  if (line < 0) throw new Error(`no line matches ${lineRe}`);
  const col = lines[line]!.indexOf(needle);
  if (col < 0) throw new Error(`"${needle}" not on line ${line + 1}: ${lines[line]}`);
  return new vscode.Position(line, col + 1);
}

export function errorsOf(uri: vscode.Uri, severity = vscode.DiagnosticSeverity.Error): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === severity);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))).join('\n');
}
