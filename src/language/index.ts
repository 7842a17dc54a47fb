// The language layer's one entry: text → model, diagnostics and symbol occurrences.
import { isUntimedTwinKey, nameOfKey } from '../ids';
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
  return { model: resolved.model, diagnostics, symbols: resolved.symbols.map(asWritten), fatal: resolved.fatal };
}

/** Symbols leave the language layer named as written: the model key "L#" becomes L with timed: false. */
function asWritten(s: SymbolOccurrence): SymbolOccurrence {
  // most occurrences name no twin: they are already as written (no copy of each one)
  if (!isUntimedTwinKey(s.name) && (s.inEquationOf === undefined || !isUntimedTwinKey(s.inEquationOf))) return s;
  const out: SymbolOccurrence = { ...s, name: nameOfKey(s.name) };
  if (isUntimedTwinKey(s.name)) out.timed = false;
  if (s.inEquationOf !== undefined) {
    out.inEquationOf = nameOfKey(s.inEquationOf);
    if (isUntimedTwinKey(s.inEquationOf)) out.inEquationOfTimed = false;
  }
  return out;
}
