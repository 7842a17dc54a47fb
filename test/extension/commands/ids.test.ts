// The command table (src/extension/commands/ids.ts) is the only spelling of a command ID: package.json's
// contributions agree with it, and no source file writes an ID as a string of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, CONTRIBUTED_COMMANDS, LINK_COMMANDS } from '../../../src/extension/commands/ids';

interface Contributes {
  commands: { command: string }[];
  menus?: Record<string, { command: string }[]>;
  keybindings?: { command: string }[];
}
const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: Contributes };
const ids = new Set<string>(Object.values(COMMANDS));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the command table', () => {
  it('package.json contributes exactly the contributed commands', () => {
    expect(pkg.contributes.commands.map((c) => c.command).sort()).toEqual([...CONTRIBUTED_COMMANDS].sort());
  });

  it('every menu entry and keybinding names a command of the table', () => {
    const used = [
      ...Object.values(pkg.contributes.menus ?? {})
        .flat()
        .map((m) => m.command),
      ...(pkg.contributes.keybindings ?? []).map((k) => k.command),
    ];
    expect(used.length).toBeGreaterThan(0);
    for (const c of used) expect(ids, c).toContain(c);
  });

  it('IDs are unique and links run only contributed commands', () => {
    expect(ids.size).toBe(Object.keys(COMMANDS).length);
    for (const c of LINK_COMMANDS) expect(CONTRIBUTED_COMMANDS).toContain(c);
  });

  it('no source file spells a command ID as a string literal outside the table', () => {
    const root = join(__dirname, '../../../src');
    const spelled = new RegExp(`(['"](${[...ids].map((i) => i.replace('.', '\\.')).join('|')})['"])|command:unroll\\.`);
    const offenders = tsFiles(root)
      .filter((f) => !f.endsWith(join('commands', 'ids.ts')))
      .filter((f) => spelled.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
