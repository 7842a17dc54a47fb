// The layer rules of eslint.config.mjs (docs/architecture.md) fire on wrong-way imports and pass the right ones.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: `${__dirname}/..` });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', { timeout: 60_000 }, () => {
  it('src/language imports nothing above it', async () => {
    expect(await restricted('src/language/x.ts', "import { fmt } from '../engine/format';\nexport const y = fmt;\n")).toHaveLength(1);
    expect(await restricted('src/language/x.ts', "import { analyze } from '../analysis';\nexport const y = analyze;\n")).toHaveLength(1);
    expect(
      await restricted(
        'src/language/x.ts',
        "import { nodeKey } from '../ids';\nimport type { Value } from '../report';\nexport const y: Value = nodeKey({ name: 'h', step: 1 }).length;\n",
      ),
    ).toEqual([]);
  });

  it('src/engine imports only the language; nothing but src/extension imports vscode', async () => {
    expect(
      await restricted('src/engine/symbolic/x.ts', "import { isToWebview } from '../../protocol';\nexport const y = isToWebview;\n"),
    ).toHaveLength(1);
    expect(await restricted('src/engine/x.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n")).toHaveLength(1);
    expect(
      await restricted('src/engine/symbolic/x.ts', "import { LIMITS } from '../../language/limits';\nexport const y = LIMITS;\n"),
    ).toEqual([]);
    expect(await restricted('src/extension/x.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n")).toEqual([]);
  });

  it('src/webview imports only the protocol (and ids, display, report types)', async () => {
    expect(await restricted('src/webview/x.ts', "import { analyze } from '../analysis';\nexport const y = analyze;\n")).toHaveLength(1);
    expect(await restricted('src/webview/x.ts', "import { Tape } from '../engine/tape';\nexport const y = Tape;\n")).toHaveLength(1);
    expect(await restricted('src/webview/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n")).toHaveLength(
      1,
    );
    expect(
      await restricted(
        'src/webview/x.ts',
        "import type { Report } from '../report';\nimport { isToWebview } from '../protocol';\nimport { fmt } from './format';\nexport const y = (r: Report) => isToWebview(r) && fmt(1);\n",
      ),
    ).toEqual([]);
  });

  it("the extension's pure content modules and worker code do not import vscode", async () => {
    expect(
      await restricted('src/extension/hover/hoverContent.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n"),
    ).toHaveLength(1);
    expect(await restricted('src/extension/worker/entry.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n")).toHaveLength(
      1,
    );
    expect(
      await restricted(
        'src/extension/hover/hover.ts',
        "import * as vscode from 'vscode';\nimport { hoverContent } from './hoverContent';\nexport const y = [vscode, hoverContent];\n",
      ),
    ).toEqual([]);
  });

  it('src/solution may use the language and analyze(), not the editor', async () => {
    expect(
      await restricted(
        'src/solution/x.ts',
        "import { analyze } from '../analysis';\nimport { lex } from '../language/lexer';\nexport const y = [analyze, lex];\n",
      ),
    ).toEqual([]);
    expect(await restricted('src/solution/x.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n")).toHaveLength(1);
  });

  it('src/extension does not import src/webview (editor modules and pure content modules alike)', async () => {
    const webview = "import { sampledSentences } from '../../webview/sampled';\nexport const y = sampledSentences;\n";
    expect(await restricted('src/extension/hover/hover.ts', webview)).toEqual([expect.stringMatching(/does not import src\/webview/)]);
    expect(await restricted('src/extension/hover/hoverContent.ts', webview)).toEqual([
      expect.stringMatching(/does not import src\/webview/),
    ]);
    expect(await restricted('src/extension/x.ts', "import { PanelApp } from '../webview/app';\nexport const y = PanelApp;\n")).toHaveLength(
      1,
    );
    // what the panel and the hovers share is in src/display; the messages are src/protocol.ts
    expect(
      await restricted(
        'src/extension/hover/hoverContent.ts',
        "import { factoredFirst } from '../../display/forms';\nimport { chainTerms } from '../../protocol';\nexport const y = [factoredFirst, chainTerms];\n",
      ),
    ).toEqual([]);
  });

  it('the webview allow-list: no other top-level module (the CLI) either', async () => {
    expect(await restricted('src/webview/x.ts', "import { runFile } from '../cliFile';\nexport const y = runFile;\n")).toHaveLength(1);
    expect(
      await restricted('src/webview/x.ts', "import { analyzeClaims } from '../solution/claimCache';\nexport const y = analyzeClaims;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'src/webview/x.ts',
        "import { factoredFirst } from '../display/forms';\nimport { nodeKey } from '../ids';\nimport { sampledSentences } from './sampled';\nexport const y = [factoredFirst, nodeKey, sampledSentences];\n",
      ),
    ).toEqual([]);
  });

  it('ids and display are leaves; the top-level modules do not import the editor; vscode nowhere else in src/', async () => {
    expect(await restricted('src/display/x.ts', "import { forward } from '../engine/run';\nexport const y = forward;\n")).toHaveLength(1);
    expect(await restricted('src/ids.ts', "import { lex } from './language/lexer';\nexport const y = lex;\n")).toHaveLength(1);
    expect(
      await restricted('src/x.ts', "import { activateUnroll } from './extension/activate';\nexport const y = activateUnroll;\n"),
    ).toHaveLength(1);
    expect(await restricted('src/x.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n")).toHaveLength(1);
    // a folder of src/ that no layer names yet still keeps vscode out
    expect(await restricted('src/newpart/x.ts', "import * as vscode from 'vscode';\nexport const y = vscode;\n")).toHaveLength(1);
    expect(await restricted('src/language/x.ts', "import { runFile } from '../cliFile';\nexport const y = runFile;\n")).toHaveLength(1);
  });
});
