// The language layer's one entry: text → model, diagnostics and symbol occurrences.
import type { Diagnostic, SymbolOccurrence } from '../report';
import { diag } from './diagnostics';
import { lex } from './lexer';
import { LIMITS } from './limits';
import type { Model } from './model';
import { parse } from './parser';
import { resolve } from './resolve';

export interface Compiled {
  model: Model;
  diagnostics: Diagnostic[];
  symbols: SymbolOccurrence[];
  /** the engine must not run (no usable horizon, or a limit was passed) */
  fatal: boolean;
}

export function compile(text: string): Compiled {
  if (text.length > LIMITS.maxFileBytes) {
    return {
      model: { T: 0, decls: new Map(), quantities: new Map(), loss: null, questions: [] },
      diagnostics: [
        diag(
          'error',
          `file too large to analyse: ${text.length.toLocaleString('en')} characters (limit ${LIMITS.maxFileBytes.toLocaleString('en')})`,
          { line: 1, column: 1, endLine: 1, endColumn: 2 },
          'limit',
        ),
      ],
      symbols: [],
      fatal: true,
    };
  }
  const { tokens, errors } = lex(text);
  const parsed = parse(tokens, text);
  const resolved = resolve(parsed.statements);
  const diagnostics = [
    ...errors.map((e) => diag('error', e.message, e.range, e.message.includes('limit') ? 'limit' : 'syntax')),
    ...parsed.errors.map((e) =>
      diag(
        e.severity ?? 'error',
        e.message,
        e.range,
        e.severity === 'information' ? 'reading' : e.message.includes('(limit)') ? 'limit' : 'syntax',
      ),
    ),
    ...resolved.diagnostics,
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  // the resolver names symbols as written (an untimed twin's model key "L#" is L with timed: false)
  return { model: resolved.model, diagnostics, symbols: resolved.symbols, fatal: resolved.fatal };
}
