// The setup the Chromium panel suites share (panelWidth, derivationWidth): the examples' file names, and a
// panel server with the panel's page at /panel.html beside one Chromium, started before a suite's tests and
// closed after them. Apart from panelServer.ts, which the benchmark imports too (no vitest there).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, panelPage, ROOT, servePanel, type PanelServer } from './panelServer';

/** every example's file name, sorted */
export const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.rnn'))
  .sort();

/** Call inside a describe: its tests read `origin` and `browser` once the suite has started. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function panelInChromium(): { readonly origin: string; readonly browser: any } {
  let server: PanelServer | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const live = { origin: '', browser: undefined as any };
  beforeAll(async () => {
    server = await servePanel();
    live.origin = server.origin;
    server.pages.set('/panel.html', panelPage(live.origin));
    live.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await live.browser?.close();
    await server?.close();
  });
  return live;
}
