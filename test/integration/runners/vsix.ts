// The packaged extension, as a user gets it: `npm run package` builds the .vsix, code-server installs it
// with --install-extension into an empty extensions folder, and the UI shows it working — language mode,
// status bar, a hover with the right number, the panel with its graph (so the bundles and media are in it).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'fs';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { launch, type Session } from '../harness/browser';
import { codeServerCli, startCodeServer, type CodeServer } from '../harness/codeServer';
import { sheet7Example } from '../harness/library';
import { Checks, writeResults } from '../harness/results';
import { expectActivated, runMain } from '../harness/runner';
import { REPO, runDir } from '../harness/tools';
import { frameWith, hoverWord, runCommand, until, waitForWorkbench } from '../harness/workbench';
import { makeWorkspace } from '../harness/workspace';
import { mathKey, showsNumber } from '../suite/text';

const RUNNER = 'vsix';

async function main(): Promise<number> {
  const t0 = Date.now();
  const checks = new Checks('[vsix]');
  let cs: CodeServer | undefined;
  let session: Session | undefined;
  let error: string | undefined;
  try {
    const outDir = join(REPO, 'out/vsix');
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const vsix = join(outDir, 'unroll.vsix');
    const extensionsDir = runDir(`${RUNNER}-extensions`);
    rmSync(extensionsDir, { recursive: true, force: true });

    const packaged = await checks.run('npm run package builds a .vsix', 240000, async () => {
      execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 230000,
      });
      if (!existsSync(vsix)) throw new Error(`no ${vsix}`);
      const kb = statSync(vsix).size / 1024;
      const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
      console.log(`[${RUNNER}] ${vsix}: ${kb.toFixed(0)} KB, ${listing.length} files`);
      for (const f of [
        'extension/package.json',
        'extension/dist/extension.js',
        'extension/dist/web/extension.js',
        'extension/dist/webview.js',
      ]) {
        if (!listing.includes(f)) throw new Error(`the .vsix lacks ${f}`);
      }
      const stray = listing.filter((f) => /^extension\/(node_modules|src|test|\.editor-tests|out)\//.test(f));
      if (stray.length) throw new Error(`the .vsix carries development files: ${stray.slice(0, 5).join(', ')}`);
    });

    const installed =
      packaged &&
      (await checks.run('code-server --install-extension installs it', 120000, async () => {
        if (!existsSync(vsix)) throw new Error('no .vsix to install');
        await codeServerCli(['--extensions-dir', extensionsDir, '--install-extension', vsix]);
        const list = await codeServerCli(['--extensions-dir', extensionsDir, '--list-extensions', '--show-versions']);
        if (!/^unroll\.unroll@/m.test(list)) throw new Error(`not listed after install: ${list}`);
        const dirs = readdirSync(extensionsDir).filter((d) => d.startsWith('unroll.unroll-'));
        if (dirs.length !== 1) throw new Error(`expected one installed folder, found ${dirs.join(', ')}`);
      }));

    // without an installed .vsix the UI checks cannot tell anything: the failure above is the result
    if (!installed) throw new Error('the .vsix was not built or not installed: the installed-extension checks did not run');
    const ex = sheet7Example();
    const derive = ex.report.derives.find((d) => mathKey(d.query) === mathKey('∂L/∂W_hh'));
    const expected = derive?.results[0]?.value;
    const ws = makeWorkspace(RUNNER);
    cs = await startCodeServer({ name: RUNNER, extensionsDir, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    session = await launch();
    const page = session.page;
    await page.goto(cs.url(ws));
    await waitForWorkbench(page);

    await checks.run('the installed extension activates on a .rnn file (language mode, status bar)', 60000, async () => {
      await expectActivated(page, ex.name, ex.report.loss!);
    });

    await checks.run('the installed extension answers a hover on W_hh with ∂L/∂W_hh', 45000, async () => {
      if (typeof expected !== 'number') throw new Error('the library has no scalar ∂L/∂W_hh');
      const text = await hoverWord(page, /^\s*param\s+W_hh\b/, 'W_hh');
      if (!showsNumber(text, expected)) throw new Error(`hover does not show ${expected}: ${JSON.stringify(text)}`);
    });

    await checks.run('the installed extension opens its panel with the graph and KaTeX', 60000, async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await runCommand(page, 'Unroll: Open Panel');
      const frame = await frameWith(page, '#graph svg [data-id]', 30000);
      await until('KaTeX in the panel', async () => (await frame.locator('.katex').count()) > 0, 20000);
    });
  } catch (e) {
    error = (e as Error).message;
  } finally {
    await session?.close();
    await cs?.stop();
  }
  return writeResults(RUNNER, checks.tests, (Date.now() - t0) / 1000, error).failed === 0 ? 0 : 1;
}

runMain(RUNNER, main);
