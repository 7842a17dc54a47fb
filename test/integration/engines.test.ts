// The editor tests run VS Code 1.100.3 (code-server 4.100.3, the newest release for Node 20). An extension
// that asks for a newer VS Code, or is typed against a newer API, would not load there (or would use API
// it cannot test), so the manifest and the typings must stay at or below it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTED = [1, 100, 3];
const repo = join(__dirname, '../..');
const json = (p: string) => JSON.parse(readFileSync(join(repo, p), 'utf8'));

function parse(v: string): number[] {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`not a version: ${v}`);
  return m.slice(1).map(Number);
}

function atMost(a: number[], b: number[]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return true;
}

describe('the VS Code the tests run', () => {
  it('engines.vscode asks for no newer VS Code than 1.100.3', () => {
    const want = json('package.json').engines.vscode as string;
    expect(atMost(parse(want), TESTED), `engines.vscode ${want}`).toBe(true);
  });

  it('@types/vscode describes no newer API than 1.100', () => {
    const v = json('node_modules/@types/vscode/package.json').version as string;
    expect(atMost(parse(v).slice(0, 2).concat(0), TESTED), `@types/vscode ${v}`).toBe(true);
  });
});
