// Hovers for .rnn files: a thin adapter over hoverContent() (which is pure and unit-tested).

import * as vscode from 'vscode';
import { readSettings } from '../config';
import { toRange } from '../shared/convert';
import { hoverContent } from './hoverContent';
import { withLearnMore } from './learnMore';
import type { Reports } from '../reports/documentReports';
import { LINK_COMMANDS } from '../commands/ids';

/** Commands the hover's links may run (a trusted MarkdownString limited to these). */
export const HOVER_COMMANDS = [...LINK_COMMANDS];

export function registerHover(context: vscode.ExtensionContext, reports: Reports): void {
  // the language reference ships with the extension; its text gives the "Learn more" links their line
  const reference = vscode.Uri.joinPath(context.extensionUri, 'docs', 'language.md');
  let referenceText: string | undefined;
  void Promise.resolve(vscode.workspace.fs.readFile(reference)).then(
    (bytes) => {
      referenceText = new TextDecoder().decode(bytes);
    },
    () => undefined, // without it the links open the reference at its top
  );
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { language: 'rnn' },
      {
        provideHover(document, position) {
          const settings = readSettings(document.uri);
          const report = reports.get(document);
          const wordRange = document.getWordRangeAtPosition(position);
          const word = wordRange ? document.getText(wordRange) : undefined;
          const content = hoverContent(
            report,
            { line: position.line + 1, column: position.character + 1 },
            {
              digits: settings.digits,
              detail: settings.hoverDetail,
              uri: document.uri.toString(),
              word,
              wordColumn: wordRange ? wordRange.start.character + 1 : undefined,
            },
          );
          if (!content) return undefined;
          const position1 = { line: position.line + 1, column: position.character + 1 };
          const md = new vscode.MarkdownString(withLearnMore(content, report, position1, reference.toString(), referenceText).markdown);
          md.supportHtml = true;
          md.isTrusted = { enabledCommands: HOVER_COMMANDS };
          const range = content.range.line > 0 ? toRange(content.range) : wordRange;
          return new vscode.Hover(md, range);
        },
      },
    ),
  );
}
