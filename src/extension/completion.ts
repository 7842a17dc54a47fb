// After a backslash, offer the abbreviations (`\sig` → σ) as completions, so the table is discoverable.

import * as vscode from 'vscode';
import { abbreviationsStartingWith } from './abbreviations';
import { readSettings } from './config';

export function registerAbbreviationCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider({ language: 'rnn' }, {
      provideCompletionItems(document, position) {
        if (!readSettings(document.uri).unicodeInput) return undefined;
        const before = document.lineAt(position.line).text.slice(0, position.character);
        const m = /\\([^\\\s]*)$/.exec(before);
        if (!m) return undefined;
        const range = new vscode.Range(position.line, position.character - m[0].length, position.line, position.character);
        return abbreviationsStartingWith(m[1]!).map(({ abbreviation, symbol }, i) => {
          const item = new vscode.CompletionItem({ label: `\\${abbreviation}`, description: symbol }, vscode.CompletionItemKind.Operator);
          item.insertText = symbol;
          item.filterText = `\\${abbreviation}`;
          item.range = range;
          item.sortText = String(i).padStart(4, '0');
          item.detail = `${symbol} (Unicode input)`;
          return item;
        });
      },
    }, '\\'),
  );
}
