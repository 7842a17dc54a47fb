// The extension's settings (package.json `contributes.configuration`), read in one typed place.

import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../report';
import type { HoverDetail } from './hover/hoverContent';
import type { LossKind } from './commands/templates';

export interface Settings {
  digits: number;
  unicodeInput: boolean;
  hoverDetail: HoverDetail;
  defaultLoss: LossKind;
  hintForHoldingChecks: boolean;
  debounceMs: number;
  inlineResults: boolean;
  inlineStyle: 'codeLens' | 'inlayHints';
  analyze: AnalyzeOptions;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('unroll', scope);
  const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));
  return {
    digits: clamp(c.get<number>('numberPrecision', 4), 1, 15),
    unicodeInput: c.get<boolean>('unicodeInput.enabled', true),
    hoverDetail: c.get<string>('hover.detail', 'full') === 'brief' ? 'brief' : 'full',
    defaultLoss: c.get<string>('defaultLoss', 'squared') === 'crossEntropy' ? 'crossEntropy' : 'squared',
    hintForHoldingChecks: c.get<boolean>('diagnostics.hintForHoldingChecks', false),
    debounceMs: clamp(c.get<number>('analysis.debounceMs', 150), 0, 2000),
    inlineResults: c.get<boolean>('inlineResults.enabled', true),
    inlineStyle: c.get<string>('inlineResults.style', 'codeLens') === 'inlayHints' ? 'inlayHints' : 'codeLens',
    analyze: { draws: clamp(c.get<number>('checks.draws', 4), 0, 50) },
  };
}

/** A document Unroll analyses and the panel follows: one in the rnn language mode (not a .rnn file the user switched to another mode). */
export function isRnn(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'rnn';
}
