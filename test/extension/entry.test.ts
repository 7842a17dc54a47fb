// The extension entry doubles as the library entry (package.json `main`): requiring it outside VS Code
// must give analyze() without loading 'vscode', which only the activation path needs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'unroll-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extension entry bundle', () => {
  for (const platform of ['node', 'browser'] as const) {
    it(`${platform}: exports analyze, activate and deactivate, and needs 'vscode' only to activate`, async () => {
      const outfile = join(dir, `${platform}.js`);
      await build({
        entryPoints: ['src/extension/extension.ts'],
        outfile,
        bundle: true,
        platform,
        format: 'cjs',
        external: ['vscode'],
        logLevel: 'silent',
      });
      const mod = createRequire(import.meta.url)(outfile) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toEqual(['activate', 'analyze', 'deactivate']);
      const report = (mod.analyze as (t: string) => { loss: { value: number } | null })('T = 1\nparam w = 2\nloss L = w^2\n');
      expect(report.loss?.value).toBe(4);
      // activation is where 'vscode' is first required
      await expect((mod.activate as (c: unknown) => Promise<unknown>)({ subscriptions: [] })).rejects.toThrow(/vscode/);
      if (platform === 'browser') {
        const code = readFileSync(outfile, 'utf8');
        const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
        expect(new Set(required)).toEqual(new Set(['vscode']));
        // a web worker has no process, Buffer or __dirname: any use would throw at run time in vscode.dev
        expect(code).not.toMatch(/\bprocess\.(?!env\.UNROLL_WEB)|\bBuffer\.|__dirname|__filename/);
      }
    });
  }
});
