// Launches Debian's chromium through playwright-core (installed by scripts/setup-editor-tests.sh), headless.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, need, requireTool } from './tools';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** console lines of the page (the workbench forwards extension-host output here too) */
  console: string[];
  close(): Promise<void>;
}

export async function launch(extraArgs: string[] = [], viewport = { width: 1400, height: 900 }): Promise<Session> {
  need(CHROMIUM, 'Debian chromium');
  const { chromium } = requireTool<typeof import('playwright-core')>('cs', 'playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs], timeout: 60000 });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(30000);
  const page = await context.newPage();
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  return {
    browser,
    context,
    page,
    console: lines,
    close: async () => {
      await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10000))]);
    },
  };
}
