// Completions: after a backslash the Unicode abbreviations (`\sig` → σ), so the table is discoverable;
// elsewhere the file's own names (from the last report: completion never waits for an analysis).
// Enter never accepts a completion in .rnn files (package.json's configurationDefaults turn
// editor.acceptSuggestionOnEnter off for [rnn]): a student pressing Enter at a line's end wants a new
// line, and a list open on a just-typed name used to swallow it. Tab accepts.

import * as vscode from 'vscode';
import { abbreviationsStartingWith } from '../unicode/unicodeInputContent';
import { nameCompletions, type NameKind } from './completionContent';
import { readSettings } from '../config';
import type { Reports } from '../reports/documentReports';

const KIND: Record<NameKind, vscode.CompletionItemKind> = {
  parameter: vscode.CompletionItemKind.Constant,
  data: vscode.CompletionItemKind.Field,
  quantity: vscode.CompletionItemKind.Variable,
  function: vscode.CompletionItemKind.Function,
  keyword: vscode.CompletionItemKind.Keyword,
};

export function registerNameCompletion(context: vscode.ExtensionContext, reports: Reports): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      { language: 'rnn' },
      {
        provideCompletionItems(document, position) {
          const before = document.lineAt(position.line).text.slice(0, position.character);
          if (/\\[^\\\s]*$/.test(before) || /#|\/\//.test(before)) return undefined;
          const report = reports.peek(document);
          if (!report) return undefined;
          const range = document.getWordRangeAtPosition(position, /[A-Za-z\u0370-\u03FF][A-Za-z0-9_\u0370-\u03FF]*/);
          const typed = range ? document.getText(range) : '';
          return nameCompletions(report, typed).map((c) => {
            const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
            // Enter always breaks the line ([rnn] sets editor.acceptSuggestionOnEnter off); Tab accepts
            item.commitCharacters = [];
            item.insertText = c.insertText;
            if (range) item.range = range;
            return item;
          });
        },
      },
    ),
  );
}

export function registerAbbreviationCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      { language: 'rnn' },
      {
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
      },
      '\\',
    ),
  );
}
