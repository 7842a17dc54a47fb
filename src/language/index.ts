// The language layer's one entry: text → model, diagnostics and symbol occurrences.
import type { Diagnostic, SymbolOccurrence } from '../report';
import { diag } from './diagnostics';
import { lex } from './lexer';
import { LIMITS } from './limits';
import { splitSummedLoss, writtenSymbols } from './lossSummand';
import type { Model } from './model';
import { parse } from './parser';
import { resolve } from './resolve';
import { baseOf, derivedEquations, layerDefinition, layerLetter, layerName } from './resolve/derived';
import { hasStep, ownLetter, readsName } from './resolve/checkLabel';
import { STEP_WORD } from './resolve/stepWords';
import { tryTimeIndex } from './resolve/timeIndex';
import { lastUnderscore } from './segments';
import type { NameAst, Statement } from './ast';

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
  const split = splitSummedLoss(parsed.statements, text);
  const resolved = resolve(split?.statements ?? parsed.statements);
  // pushed in turn, not spread from map()s: map()'s array has another elements kind once optimized, and compile() was
  // deoptimized spreading it
  const diagnostics: Diagnostic[] = [];
  for (const e of errors) diagnostics.push(diag('error', e.message, e.range, e.message.includes('limit') ? 'limit' : 'syntax'));
  for (const e of parsed.errors)
    diagnostics.push(
      diag(
        e.severity ?? 'error',
        e.message,
        e.range,
        e.severity === 'information' ? 'reading' : e.message.includes('(limit)') ? 'limit' : 'syntax',
      ),
    );
  for (const d of resolved.diagnostics) diagnostics.push(d);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  // the resolver names symbols as written (an untimed twin's model key "L#" is L with timed: false)
  if (parsed.uprightD) resolved.model.uprightD = true;
  const symbols = split ? writtenSymbols(resolved.symbols, split) : resolved.symbols;
  return { model: resolved.model, diagnostics, symbols, fatal: resolved.fatal };
}

/**
 * The name a line defines by a derivative (`δ_t = ∂L/∂a_t` → δ), or null when the line is not one such
 * definition: the solution reader makes such an equation of a solution a line of its network (resolve/derived.ts)
 */
export function derivativeDefinition(line: string): string | null {
  const { tokens, errors } = lex(line);
  if (errors.length) return null;
  const parsed = parse(tokens, line);
  const st = parsed.statements[0];
  if (parsed.errors.length || parsed.statements.length !== 1 || !st || st.k !== 'def') return null;
  // \overline{c^{(t)}} = …: the adjoint of c, a claim about the network (seed 004), not a name of its own
  // (δ\bar{o}^t is the name δō, Greff's δ of a pre-activation ō: a name of its own, as δc_t is)
  if (/[\u0304\u0305]/.test(st.lhs.raw) && !st.lhs.raw.startsWith('δ')) return null;
  // CS231n's dprev_h = W_hᵀ da: a state's gradient by its place in the step (resolve/stepWords.ts), a claim as dh_{t-1} is
  if (STEP_WORD.test(st.lhs.raw)) return null;
  if (!derivedEquations([st]).has(st)) return null;
  // δ^l_j ≡ ∂C/∂z^l_j defines δ (resolve/definitions.ts reads it as δ_t = ∂C/∂z_t)
  const v = layerLetter(st.lhs);
  const layer = v ? layerName(st.lhs) : null;
  return layer?.entry && layerDefinition(st, v!, layer.name, layer.entry) ? layer.name : baseOf(st.lhs);
}

/** whether a line is `δ^L_j = …`: a name at the last layer L by entry (Nielsen's BP1), a claim where δ is defined */
export function lastLayerEntry(line: string): boolean {
  const { tokens, errors } = lex(line);
  if (errors.length) return false;
  const st = parse(tokens, line).statements[0];
  if (!st || st.k !== 'def') return false;
  const ix = st.lhs.sub ?? st.lhs.sup;
  return ix?.k === 'name' && ix.raw === 'L' && !ix.sub && !ix.sup && layerName(st.lhs).entry !== null;
}

/** the name a definition's left side writes, whole (dW_x, not its base dW), or null where the line is no definition */
export function definedNameWritten(line: string): string | null {
  const { tokens, errors } = lex(line);
  if (errors.length) return null;
  const st = parse(tokens, line).statements[0];
  return st && st.k === 'def' ? st.lhs.raw : null;
}

/**
 * whether a line is `δX = …` with X one of the parameters (written whole: δp_i, \delta W_z): Greff et al.'s gradient
 * ∂L/∂X, a claim the resolver reads so (resolve/names.ts deltaOfParameter), not a name the line defines
 */
export function deltaOfParameterLine(line: string, params: ReadonlySet<string>): boolean {
  const { tokens, errors } = lex(line);
  if (errors.length) return false;
  const st = parse(tokens, line).statements[0];
  if (!st || st.k !== 'def' || st.lhs.sub || st.lhs.sup) return false;
  const raw = st.lhs.raw;
  return raw.startsWith('δ') && params.has(raw.slice(1));
}

/**
 * e with a step written under it (e_t, e_{t-1}, e_3, e_T: Williams & Zipser's error e_t = d_t − h_t): a letter of the
 * solution's own as the left side of a definition, where e is otherwise Euler's number and e_k, e_{y_t} a basis vector
 * (an index letter other than t, or a name, under it: never a step)
 */
function eulerAtStep(lhs: NameAst, base: string): boolean {
  if (base !== 'e') return false;
  const cut = lastUnderscore(lhs.raw);
  if (cut >= 0) return /^(?:\d+|t|T)$/.test(lhs.raw.slice(cut + 1));
  const written = lhs.sub ?? lhs.sup;
  // e^{(t)}: the parenthesised step
  const step = written?.k === 'list' && written.items.length === 1 ? written.items[0]! : written;
  return step !== null && step !== undefined && tryTimeIndex(step, new Set(['t']), 1) !== null;
}

/**
 * a name of code a solution defines as a letter (Trask's output_delta_t = pred_t − goal_t, hidden_delta, layer_1_delta):
 * words joined by _, the first and another of three letters or more — never a weight's W_hh or b_h
 */
const CODE_NAME = /^(?=[A-Za-z]{3,}_)(?=.*_[A-Za-z]{3,}(?:_|$))[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/;

/**
 * The name a line defines by a formula of names at a step (`δ_2 = (y_2 − d_2) y_2 (1 − y_2)` → δ), or null: one letter
 * the language reads no other way, with its step, and a right side that reads a name and no derivative (a derivative's
 * is derivativeDefinition's). A solution's chain whose first link is one defines the name (solution/label.ts)
 */
export function formulaDefinition(line: string): string | null {
  const st = plainDefinition(line);
  if (!st) return null;
  const base = baseOf(st.lhs);
  // Rojas's D^{(2)}_t, a letter with a layer's tag (glued into one name: superscriptNames.ts layerNames)
  const letter = /^(.)\^\{\(\d+\)\}$/u.exec(base)?.[1] ?? base;
  if (
    !(ownLetter(letter) || eulerAtStep(st.lhs, base) || CODE_NAME.test(base)) ||
    !hasStep(st.lhs) ||
    !readsName(st.rhs) ||
    derivedEquations([st]).has(st)
  )
    return null;
  return base;
}

/**
 * The constant a line defines (`\gamma = \frac{1}{4}` → γ), or null: one letter of the solution's own, with no step,
 * equal to a side of numbers alone. Pascanu's `‖diag(σ'(x_k))‖ ≤ γ, \quad γ = 1/4` names the bound's constant so; the
 * solution reader makes it a line of the network when an equation reads it (solution/analyze.ts)
 */
export function constantDefinition(line: string): string | null {
  const st = plainDefinition(line);
  if (!st) return null;
  const base = baseOf(st.lhs);
  // η, read otherwise as a learning rate the network does not have, is one a solution may give ("with $\eta = 0.1$")
  if (hasStep(st.lhs) || !(ownLetter(base) || base === 'η') || readsName(st.rhs)) return null;
  return base;
}

/**
 * The letter a line defines, with no step, by a formula of the network's names (`r ≜ softmax(p_T) − y_T` → r), or null:
 * one letter of the solution's own, a right side that reads a name and no derivative. The solution reader makes it a
 * line of the network where a later equation reads it, as a general step's e_t = d_t − h_t (solution/analyze.ts)
 */
export function letterDefinition(line: string): string | null {
  const st = plainDefinition(line);
  if (!st) return null;
  const base = baseOf(st.lhs);
  if (hasStep(st.lhs) || !ownLetter(base) || !readsName(st.rhs) || derivedEquations([st]).has(st)) return null;
  return base;
}

/** a line that is one definition `name = …` (no loss, no function's arguments), read; else null */
function plainDefinition(line: string): (Statement & { k: 'def' }) | null {
  const { tokens, errors } = lex(line);
  if (errors.length) return null;
  const parsed = parse(tokens, line);
  const st = parsed.statements[0];
  if (parsed.errors.length || parsed.statements.length !== 1 || !st || st.k !== 'def' || st.isLoss || st.lhs.args) return null;
  return st;
}
