// Driving the VS Code workbench page with Playwright: Quick Open, commands, go-to-line, hovering a word,
// and finding the Unroll panel's frame. Every wait has a timeout (Playwright's default is set per context).
import type { Frame, Page } from 'playwright-core';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  // the status bar appears once the workbench has restored its parts
  await page.waitForSelector('.statusbar', { timeout: 60000 });
}

/** Opens a quick input with `key`, types `text`, and clicks the row whose label is exactly `pick`. */
export async function quickPick(page: Page, key: string | null, text: string, pick: string): Promise<void> {
  if (key) await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(text);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await until(
    `a row labelled "${pick}"`,
    async () => {
      const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent?.trim() ?? ''));
      const i = labels.indexOf(pick);
      if (i < 0) return false;
      await rows.nth(i).click({ timeout: 5000 });
      return true;
    },
    20000,
  );
}

/** Opens a workspace file by name through Quick Open (Ctrl+P). */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await quickPick(page, 'Control+P', fileName, fileName);
  // .first(): a panel that follows the file is titled after it too ("Unroll: name.rnn")
  await page.locator(`.tabs-container .tab.active`, { hasText: fileName }).first().waitFor({ timeout: 20000 });
  await page.locator('.editor-instance .view-line').first().waitFor({ timeout: 20000 });
}

/** Runs a command by its palette title, e.g. "Unroll: Open Panel". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickPick(page, 'F1', `>${title}`, title); // fill() replaces the palette's '>' prefix: keep it
}

/** Moves the cursor of the active editor to a 1-based line (Ctrl+G). */
export async function gotoLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
}

/** Centre (page coordinates) of the first occurrence of `word` on the first visible editor line matching `line`. */
async function wordBox(page: Page, line: RegExp, word: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    ({ src, flags, word }) => {
      const re = new RegExp(src, flags);
      const norm = (s: string) => s.replace(/\u00a0/g, ' ');
      for (const el of Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line'))) {
        const text = norm(el.textContent ?? '');
        if (!re.test(text)) continue;
        const start = text.indexOf(word);
        if (start < 0) continue;
        // map character offsets to the text nodes the tokenizer split the line into
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let pos = 0;
        let startSet = false;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = (n.textContent ?? '').length;
          if (!startSet && start < pos + len) {
            range.setStart(n, start - pos);
            startSet = true;
          }
          if (startSet && start + word.length <= pos + len) {
            range.setEnd(n, start + word.length - pos);
            break;
          }
          pos += len;
        }
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { src: line.source, flags: line.flags, word },
  );
  if (!box) throw new Error(`no visible editor line matching ${line} containing "${word}"`);
  return box;
}

/** Hovers `word` and returns the text of the hover widget that appears. */
export async function hoverWord(page: Page, line: RegExp, word: string): Promise<string> {
  await page.mouse.move(5, 5);
  await page
    .locator('.monaco-hover')
    .first()
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => undefined);
  const { x, y } = await wordBox(page, line, word);
  await page.mouse.move(x, y, { steps: 3 });
  const hover = page.locator('.monaco-hover:visible .hover-contents').first();
  await hover.waitFor({ timeout: 15000 });
  // contents may arrive in parts (e.g. a loading row first): wait until it stops changing
  let last = '';
  for (let i = 0; i < 20; i++) {
    const t = await page.locator('.monaco-hover:visible').first().innerText();
    if (t === last && t.trim()) break;
    last = t;
    await page.waitForTimeout(150);
  }
  return last;
}

/** The webview frame in which `selector` exists (webviews are nested iframes; Playwright sees every frame). */
export async function frameWith(page: Page, selector: string, timeoutMs = 30000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (
        await f
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return f;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(
    `no frame contains ${selector} after ${timeoutMs} ms (frames: ${page
      .frames()
      .map((f) => f.url().slice(0, 80))
      .join(', ')})`,
  );
}

/** Polls `probe` until it is truthy or throws with `what`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
