// What every runner does the same way: its start (a watchdog, then main, whose result is the exit code), and
// the first check of the UI runners (code-server-ui with the repository's extension, vsix with the packaged
// one): the extension takes the .rnn file opened (language mode and status bar).
import type { Page } from 'playwright-core';
import { showsNumber } from '../suite/text';
import { watchdog } from './tools';
import { openFile, until } from './workbench';

/** Runs `main` under the watchdog (UNROLL_RUNNER_TIMEOUT_MS, 12 min by default) and exits with its code. */
export function runMain(runner: string, main: () => Promise<number>): void {
  watchdog(runner, Number(process.env.UNROLL_RUNNER_TIMEOUT_MS ?? 720000));
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

/**
 * Opens `fileName` (Quick Open) and waits for the extension to take it: the language mode "Unroll RNN" and
 * Unroll's status bar item showing the loss as the library computes it. Returns that item's text.
 */
export async function expectActivated(page: Page, fileName: string, loss: { name: string; value: number }): Promise<string> {
  await openFile(page, fileName);
  await until(
    'the language mode "Unroll RNN"',
    async () =>
      /Unroll RNN/.test(
        await page
          .locator('#status\\.editor\\.mode')
          .innerText()
          .catch(() => ''),
      ),
    20000,
  );
  // the extension's status bar item: the loss value and the check tally
  let shown: string[] = [];
  return until(
    `the Unroll status bar item with ${loss.name} = ${loss.value}`,
    async () => {
      shown = (await page.locator('.statusbar-item').allInnerTexts()).filter((t) => t.includes(`${loss.name} =`));
      return shown.find((t) => showsNumber(t, loss.value));
    },
    20000,
  ).catch((e: Error) => {
    throw new Error(`${e.message} (the status bar shows ${JSON.stringify(shown)})`);
  });
}
