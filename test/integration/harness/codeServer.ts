// Starts code-server (VS Code 1.100.3 with a real Node extension host) on a free loopback port,
// with its own user-data and extensions folders, and stops it — always within a deadline.
import { spawn, type ChildProcess } from 'child_process';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';
import { codeServerBin, runDir } from './tools';

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  userDataDir: string;
  extensionsDir: string;
  log(): string;
  /** a workbench URL opening `folder`, with optional VS Code test payload entries */
  url(folder: string, payload?: [string, string][]): string;
  /** vscode-remote URI of a local path (what extensionDevelopmentPath/extensionTestsPath take) */
  remote(path: string): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** a name for this instance's folders under .editor-tests/run/ (made unique per process) */
  name: string;
  extensionsDir?: string;
  /** user settings.json */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

/** Runs `code-server ARGS` to completion (used for --install-extension / --list-extensions). */
export function codeServerCli(args: string[], timeoutMs = 120000): Promise<string> {
  const home = runDir('cli');
  mkdirSync(home, { recursive: true });
  return new Promise((res, rej) => {
    const p = spawn(codeServerBin(), args, {
      env: { ...process.env, XDG_CONFIG_HOME: join(home, 'xdg'), XDG_DATA_HOME: join(home, 'xdg-data') },
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      rej(new Error(`code-server ${args.join(' ')}: timed out after ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) res(out);
      else rej(new Error(`code-server ${args.join(' ')} exited with ${code}\n${out}`));
    });
  });
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const bin = codeServerBin();
  const base = runDir(opts.name);
  rmSync(base, { recursive: true, force: true });
  const userDataDir = join(base, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    bin,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    {
      // XDG_*: otherwise code-server writes ~/.config/code-server/config.yaml with a password
      env: { ...process.env, ...opts.env, XDG_CONFIG_HOME: join(base, 'xdg'), XDG_DATA_HOME: join(base, 'xdg-data') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: stop() ends code-server and the extension hosts it forked
    },
  );
  let log = '';
  const exited = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
  // if this runner dies first (timeout, Ctrl+C), take code-server and its extension hosts with it
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killGroup);
  void exited.then(() => process.removeListener('exit', killGroup));
  await new Promise<void>((res, rej) => {
    const timeoutMs = opts.startTimeoutMs ?? 60000;
    const timer = setTimeout(() => rej(new Error(`code-server did not start within ${timeoutMs} ms\n${log}`)), timeoutMs);
    const on = (d: Buffer) => {
      log += d;
      if (/HTTP server listening/.test(log)) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    void exited.then((c) => {
      clearTimeout(timer);
      rej(new Error(`code-server exited with ${c} before listening\n${log}`));
    });
  });
  const authority = `127.0.0.1:${port}`;
  return {
    port,
    origin,
    userDataDir,
    extensionsDir,
    log: () => log,
    remote: (path) => `vscode-remote://${authority}${path}`,
    url: (folder, payload) =>
      `${origin}/?folder=${encodeURIComponent(folder)}` + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''),
    stop: async () => {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!killed)
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
    },
  };
}
