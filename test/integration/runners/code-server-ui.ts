// Drives code-server's page like a user, with the extension loaded from the repository: the hover as
// rendered, the status bar, and the Unroll panel's webview (graph SVG, KaTeX, following the cursor),
// in the dark and the light theme. Screenshots go to test-results/screenshots/ (kept by CI; the README
// shows copies under docs/screenshots/, refreshed with UNROLL_SCREENSHOTS_TO_DOCS=1).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Frame, Page } from 'playwright-core';
import { launch, type Session } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { sheet7Example } from '../harness/library';
import { Checks, writeResults } from '../harness/results';
import { expectActivated, runMain } from '../harness/runner';
import { needBuilt, REPO, SCREENSHOTS } from '../harness/tools';
import { frameWith, gotoLine, hoverWord, openFile, quickPick, runCommand, until, waitForWorkbench } from '../harness/workbench';
import { makeWorkspace } from '../harness/workspace';
import { lineOf } from '../suite/pick';
import { SOLUTION } from '../suite/solutionFixture';
import { mathKey, showsNumber } from '../suite/text';

const RUNNER = 'code-server-ui';
const DARK = 'Dark Modern';
const LIGHT = 'Light Modern';

const TYPED_FILE = 'typed.rnn';
/** A scalar RNN as a student types it: several lines end in a name the file knows (w is a prefix of w_x, w_h). */
const TYPED_EXERCISE = [
  'T = 3',
  'input x = [0.5, -1, 0.25]',
  'target y = [0.1, 0.2, 0.3]',
  'param w_x = 0.4',
  'param w_h = 0.9',
  'param w = 0.7',
  'h_0 = 0',
  'h_t = tanh(w_x x_t + w_h h_{t-1})',
  'o_t = w h_t',
  'L_t = (y_t - o_t)^2',
  'loss L = Σ_t L_t',
  'derive ∂L/∂w',
  'derive ∂L/∂w_h',
  'check ∂L/∂w = Σ_t 2 (o_t - y_t) h_t',
];

async function setTheme(page: Page, theme: string, light: boolean): Promise<void> {
  // through the UI: an Extension Development Host window keeps its own settings (settings.json is not read)
  await page.keyboard.press('Escape');
  await runCommand(page, 'Preferences: Color Theme');
  await quickPick(page, null, theme, theme);
  await page.locator(light ? '.monaco-workbench.vs' : '.monaco-workbench.vs-dark').waitFor({ timeout: 20000 });
}

/** Focuses the editor group with the .rnn file (the panel takes focus when it opens). */
async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: 10000 });
}

/** Saves a screenshot: the page, one element, or the hover widget with the editor around it. */
async function shot(page: Page, name: string, what: 'page' | 'hover' | string = 'page', toDocs = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (what === 'page') await page.screenshot({ path, timeout: 15000 });
  else if (what === 'hover') {
    const hover = await page.locator('.monaco-hover:visible').first().boundingBox();
    const editor = await page.locator('.editor-group-container.active .editor-instance').first().boundingBox();
    if (!hover || !editor) throw new Error('no hover/editor to photograph');
    const x = Math.max(0, editor.x);
    const y = Math.max(0, Math.min(hover.y, editor.y) - 10);
    const right = Math.min(page.viewportSize()!.width, Math.max(hover.x + hover.width + 20, x + 760));
    const bottom = Math.min(editor.y + editor.height, hover.y + hover.height + 120);
    await page.screenshot({ path, timeout: 15000, clip: { x, y, width: right - x, height: bottom - y } });
  } else await page.locator(what).first().screenshot({ path, timeout: 15000 });
  // the README shows copies of the small ones: refreshed with UNROLL_SCREENSHOTS_TO_DOCS=1
  if (toDocs && process.env.UNROLL_SCREENSHOTS_TO_DOCS === '1') {
    mkdirSync(join(REPO, 'docs/screenshots'), { recursive: true });
    copyFileSync(path, join(REPO, 'docs/screenshots', `${name}.png`));
  }
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const checks = new Checks('[ui]');
  let cs: CodeServer | undefined;
  let session: Session | undefined;
  let error: string | undefined;
  try {
    needBuilt();
    const ex = sheet7Example();
    const dWhh = ex.report.derives.find((d) => mathKey(d.query) === mathKey('∂L/∂W_hh'));
    const dWxh = ex.report.derives.find((d) => mathKey(d.query) === mathKey('∂L/∂W_xh'));
    if (!dWhh || !dWxh || typeof dWhh.results[0]?.value !== 'number')
      throw new Error(`the library does not answer derive ∂L/∂W_hh and ∂L/∂W_xh in ${ex.name}`);
    const expected = dWhh.results[0].value;
    const ws = makeWorkspace(RUNNER);
    writeFileSync(join(ws, 'scratch', TYPED_FILE), '');
    // written before the workbench starts: a file created later may be missing from Quick Open's index
    // for longer than a check waits (seen in CI: "timed out … waiting for a row labelled sheet7-solution.md")
    writeFileSync(join(ws, 'scratch', 'sheet7-solution.md'), SOLUTION);
    cs = await startCodeServer({ name: RUNNER });
    session = await launch([], { width: 1600, height: 1000 });
    const page = session.page;
    await page.goto(cs.url(ws, [['extensionDevelopmentPath', cs.remote(REPO)]]));
    await waitForWorkbench(page);

    await checks.run(`opening examples/${ex.name} activates the extension (language mode, status bar)`, 60000, async () => {
      await expectActivated(page, ex.name, ex.report.loss!);
    });

    await checks.run('hovering W_hh shows ∂L/∂W_hh and its value (dark theme)', 60000, async () => {
      // the theme list is complete once the extension hosts are up, which the activation check waited for
      await setTheme(page, DARK, false);
      await focusEditor(page);
      const text = await hoverWord(page, /^\s*param\s+W_hh\b/, 'W_hh');
      if (!mathKey(text).includes(mathKey('∂L/∂W_hh'))) throw new Error(`hover does not name ∂L/∂W_hh: ${JSON.stringify(text)}`);
      if (!showsNumber(text, expected)) throw new Error(`hover does not show ${expected}: ${JSON.stringify(text)}`);
      await shot(page, 'editor-hover-dark', 'hover', true);
    });

    let panel: Frame | undefined;
    await checks.run('Unroll: Open Panel shows the unrolled graph and typeset KaTeX', 60000, async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      // room for the editor and the panel side by side
      await runCommand(page, 'View: Close Primary Side Bar');
      await runCommand(page, 'Unroll: Open Panel');
      await page.locator('iframe.webview').first().waitFor({ timeout: 30000 });
      panel = await frameWith(page, '#graph svg', 30000);
      const g = ex.report.graph!;
      const svgT = await panel.locator('#graph svg[data-T]').first().getAttribute('data-T');
      if (Number(svgT) !== g.T) throw new Error(`graph is drawn for T = ${svgT}, the library says ${g.T}`);
      const ids = new Set(await panel.locator('#graph svg [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))));
      const missing = g.nodes.map((n) => n.id).filter((id) => !ids.has(id));
      if (missing.length) throw new Error(`graph lacks nodes ${missing.join(', ')} (has ${[...ids].join(', ')})`);
      await until('typeset KaTeX in the panel', async () => (await panel!.locator('.katex').count()) > 0, 20000);
      await page.mouse.move(800, 990); // no tooltip over the picture
      await page.waitForTimeout(500); // let fonts settle for the screenshot
      await shot(page, 'panel-dark', 'iframe.webview', true);
      await shot(page, 'workbench-dark');
    });

    await checks.run('the panel follows the cursor from one derive line to another', 60000, async () => {
      if (!panel) throw new Error('no panel');
      let previous: number | null = null;
      for (const d of [dWhh, dWxh]) {
        const line = lineOf(ex.text, new RegExp(`^\\s*derive\\s+${d.query.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`));
        await focusEditor(page);
        await gotoLine(page, line);
        const box = panel.locator(`#derivation .derive[data-line="${line}"]`);
        await box.waitFor({ timeout: 15000 });
        // the derivation shown is replaced, not added to
        if (previous !== null) {
          const stale = panel.locator(`#derivation .derive[data-line="${previous}"]`);
          await until(`the derivation of line ${previous} to leave the panel`, async () => (await stale.count()) === 0, 10000);
        }
        previous = line;
        await until(`KaTeX for ${d.query}`, async () => (await box.locator('.katex').count()) > 0, 10000);
        const shown = await box.locator('[data-value]').first().getAttribute('data-value');
        const v = d.results[0]!.value as number;
        if (shown === null || Math.abs(Number(JSON.parse(shown)) - v) > 1e-9 * Math.max(1, Math.abs(v))) {
          throw new Error(`panel shows ${shown} for ${d.query}, the library says ${v}`);
        }
      }
    });

    await checks.run("the derivation of ∂L/∂W_hh opens on its factored chain form (the sheet's nesting)", 60000, async () => {
      if (!panel) throw new Error('no panel');
      const line = lineOf(ex.text, /^\s*derive\s+∂L\/∂W_hh\s*$/);
      await focusEditor(page);
      await gotoLine(page, line);
      const box = panel.locator(`#derivation .derive[data-line="${line}"]`);
      await box.waitFor({ timeout: 15000 });
      await until('the factored form typeset', async () => (await box.locator('.form[data-form="factored"] .katex').count()) > 0, 15000);
      const first = await box.locator('.result > .form').first().getAttribute('data-form');
      if (first !== 'factored') throw new Error(`the first form shown is ${first}, not the factored chain form`);
      // the factored form, the sum over paths below it and its terms (zero paths counted), as the panel shows them
      const factored = box.locator('.result > .form[data-form="factored"]');
      const terms = box.locator('.terms').first();
      await until('the chain terms typeset', async () => (await terms.locator('.katex').count()) > 0, 15000);
      await factored.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.mouse.move(800, 990);
      await page.waitForTimeout(500);
      const frame = await page.locator('iframe.webview').first().boundingBox();
      const top = await factored.boundingBox();
      const bottom = await terms.boundingBox();
      if (!frame || !top || !bottom) throw new Error('no factored form or terms to photograph');
      const y = Math.max(frame.y, top.y - 8);
      const end = Math.min(frame.y + frame.height, bottom.y + bottom.height + 30);
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, 'panel-factored-form.png');
      await page.screenshot({ path, timeout: 15000, clip: { x: frame.x, y, width: frame.width, height: end - y } });
      if (process.env.UNROLL_SCREENSHOTS_TO_DOCS === '1') copyFileSync(path, join(REPO, 'docs/screenshots', 'panel-factored-form.png'));
    });

    await checks.run('light theme: hover and panel', 60000, async () => {
      await setTheme(page, LIGHT, true);
      if (panel)
        await until(
          'the panel to switch to the light theme',
          async () => /vscode-light/.test((await panel!.locator('body').getAttribute('class')) ?? ''),
          15000,
        );
      await page.mouse.move(800, 990);
      await page.waitForTimeout(500);
      await shot(page, 'panel-light', 'iframe.webview', true);
      await shot(page, 'workbench-light');
      await focusEditor(page);
      const text = await hoverWord(page, /^\s*param\s+W_hh\b/, 'W_hh');
      if (!showsNumber(text, expected)) throw new Error(`hover does not show ${expected}: ${JSON.stringify(text)}`);
      await shot(page, 'editor-hover-light', 'hover', true);
    });

    await checks.run('typing \\sigma and a space on the keyboard gives σ', 30000, async () => {
      await page.keyboard.press('Escape');
      await focusEditor(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('zz_t = \\sigma ', { delay: 20 });
      const lineText = async () =>
        (await page.locator('.editor-group-container.active .view-line', { hasText: 'zz_t' }).first().innerText()).replace(/\u00a0/g, ' ');
      await until('σ in the typed line', async () => (await lineText()).includes('zz_t = σ'), 15000).catch(async (e: Error) => {
        throw new Error(`${e.message}: the line reads ${JSON.stringify(await lineText())}`);
      });
      if ((await lineText()).includes('\\')) throw new Error(`the backslash text stayed: ${JSON.stringify(await lineText())}`);
      await shot(page, 'unicode-input');
    });

    await checks.run(
      'typing a whole exercise by keyboard (Enter at every line end, completions open) gives exactly the typed text',
      120000,
      async () => {
        await page.keyboard.press('Escape');
        await openFile(page, TYPED_FILE);
        await focusEditor(page);
        let openAtEnd = 0;
        for (const line of TYPED_EXERCISE) {
          await page.keyboard.type(line, { delay: 30 });
          if (line === 'derive ∂L/∂w') {
            // the file knows w_x and w_h: with the list open on "w" (Ctrl+Space if typing did not open it),
            // Enter must still break the line and not accept w_x
            await page.waitForTimeout(400);
            if (!(await page.locator('.suggest-widget.visible').count())) await page.keyboard.press('Control+Space');
            await until(
              'the completion list on "w" offering w_x',
              async () =>
                /w_x/.test(
                  await page
                    .locator('.suggest-widget.visible')
                    .first()
                    .innerText()
                    .catch(() => ''),
                ),
              8000,
            );
          }
          if (await page.locator('.suggest-widget.visible').count()) openAtEnd++;
          await page.keyboard.press('Enter');
        }
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+S');
        const want = TYPED_EXERCISE.join('\n') + '\n';
        const file = join(ws, 'scratch', TYPED_FILE);
        // the save may still be writing: wait for the whole text (a wrong text stays wrong, then fails below)
        let got = '';
        await until(
          'the typed file to be saved',
          async () => {
            got = readFileSync(file, 'utf8');
            return got === want;
          },
          15000,
        ).catch(() => undefined);
        if (got !== want)
          throw new Error(
            `the typed text differs (${openAtEnd} line ends had the completion list open):\n${JSON.stringify(got)}\nexpected\n${JSON.stringify(want)}`,
          );
        console.log(`[${RUNNER}] typed ${TYPED_EXERCISE.length} lines; the completion list was open at ${openAtEnd} line ends`);
      },
    );

    await checks.run('a Markdown solution: an error squiggle on its wrong equation, ✓/✗ marks in the preview', 90000, async () => {
      // seed 001's eq. (8) with its sign lost, beside equations that hold (the file is written at setup)
      await page.keyboard.press('Escape');
      await openFile(page, 'sheet7-solution.md');
      await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ timeout: 30000 });
      // the verdicts above the equations (CodeLens): ✓ on (7), ✗ on (8)
      const lenses = page.locator('.editor-group-container.active .codelens-decoration');
      await until(
        'the lenses ✓ (7) and ✗ (8)',
        async () => {
          const texts = (await lenses.allInnerTexts()).join(' | ');
          return texts.includes('(7) ✓') && texts.includes('(8) ✗') && texts;
        },
        20000,
      );
      // the panel follows the solution (its title names it)
      await until(
        'the Unroll panel to follow the solution',
        async () => (await page.locator('.tab', { hasText: 'Unroll: sheet7-solution.md' }).count()) > 0,
        15000,
      );
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
      await shot(page, 'solution-editor', 'page', true);
      await runCommand(page, 'Markdown: Open Preview to the Side');
      const preview = await frameWith(page, '.unroll-eq-fails', 30000);
      const title = (await preview.locator('.unroll-eq-fails').first().getAttribute('title')) ?? '';
      if (!title.includes('(8)') || !title.includes('✗')) throw new Error(`the ✗ mark's title is ${JSON.stringify(title)}`);
      if ((await preview.locator('.unroll-eq-holds').count()) === 0) throw new Error('no ✓ mark in the preview');
      await until('KaTeX inside the marks', async () => (await preview.locator('.unroll-eq .katex').count()) > 0, 15000);
      await page.waitForTimeout(500);
      await shot(page, 'solution-preview', 'page', true);
    });
  } catch (e) {
    error = (e as Error).message;
  } finally {
    if (session && (error || checks.tests.some((t) => t.state === 'failed'))) {
      await shot(session.page, 'code-server-ui-failure').catch(() => undefined);
      console.log(
        `[${RUNNER}] page console (errors):\n${session.console
          .filter((l) => /error|fail/i.test(l))
          .slice(-10)
          .join('\n')}`,
      );
    }
    await session?.close();
    await cs?.stop();
  }
  return writeResults(RUNNER, checks.tests, (Date.now() - t0) / 1000, error).failed === 0 ? 0 : 1;
}

runMain(RUNNER, main);
