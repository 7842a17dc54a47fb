// A throw-away workspace for one run: a copy of examples/ (tests edit and add files; the repository is never touched).
import { cpSync, existsSync, mkdirSync, rmSync } from 'fs';
import { join } from 'path';
import { need, REPO, runDir } from './tools';

export function makeWorkspace(name: string): string {
  const ws = runDir(`ws-${name}`);
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(join(ws, 'scratch'), { recursive: true });
  cpSync(need(join(REPO, 'examples'), 'examples/'), join(ws, 'examples'), { recursive: true });
  if (!existsSync(join(ws, 'examples'))) throw new Error('could not copy examples/');
  return ws;
}
