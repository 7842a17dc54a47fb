// What every phase of resolution shares: the horizon, the names declared and defined so far, the shapes
// being inferred, which quantities are broken, and the diagnostics and symbol occurrences produced.

import type { Diagnostic, DiagnosticFix, Range, SymbolOccurrence } from '../../report';
import type { Ast, Statement } from '../ast';
import { diag } from '../diagnostics';
import type { Decl, Expr, Quantity, TransposeMend } from '../model';
import { displayName } from '../print';
import type { MaybeShape } from '../shapes';
import type { Derived } from './derived';
import type { Flat, UndefinedSearch } from './timeChecks';
import { hasAdjointMark } from './marks';
import type { Spelling } from './spelling';

/** one equation `NAME… = …` as it will enter a quantity */
export interface Definition {
  st: Statement & { k: 'def' };
  /** the name without its index; after the definitions phase, the model key */
  base: string;
  /** 't' for the general equation, a step for an override, null for an untimed quantity; undefined once refused */
  step: 't' | number | null | undefined;
  /** the model key: the name, or name# for an untimed twin of a sequence (L = Σ_t L_t) */
  key: string;
  /** written for the step ahead, h_{t+1} = f(h_t, x_{t+1}): its right side is read one step back (stepAhead.ts) */
  ahead?: true;
}

/** what a name is: its declaration, its quantity (a declaration decides where a name has both) */
class Named {
  decl: Decl | null = null;
  q: Quantity | null = null;
}

export class Scope {
  readonly diagnostics: Diagnostic[] = [];
  readonly symbols: SymbolOccurrence[] = [];
  /** the horizon was unusable: the engine must not run */
  fatal = false;
  /** the horizon T, once read */
  T = 0;
  readonly decls = new Map<string, Decl>();
  /** declarations refused for a limit: their uses stay quiet (the declaration carries the error); added by refuse() */
  readonly refused = new Set<string>();
  readonly quantities = new Map<string, Quantity>();
  /**
   * the untimed twins among the quantities: name → model key "name#" (L → L#), set with the quantity, so that
   * reading a name asks one Map instead of building its twin key every time (issue 11)
   */
  readonly twins = new Map<string, string>();
  /** the equations, in source order */
  readonly definitions: Definition[] = [];
  /** shapes of quantities while they are inferred (null: not known yet) */
  readonly quantityShapes = new Map<string, MaybeShape>();
  /** quantities that cannot be evaluated (their definition, or one they depend on, has an error) */
  readonly broken = new Set<string>();
  /** the names whose dX reading (dc_t as ∂L/∂c_t) was said: once per name, not at every use (names.ts codeGradient) */
  readonly codeGradientsSaid = new Set<string>();
  /** the targets read at their last step where written without one (names.ts lastStepTarget): said once per name */
  readonly lastStepTargets = new Set<string>();
  /** whether a matrix's ‖M‖ was said to be its spectral norm (functions.ts readNorm): once per file */
  spectralSaid = false;
  /**
   * why a name cannot be used: the name whose definition has the error (itself, or one it depends on)
   * and that definition's line. Covers broken quantities and definitions refused outright.
   */
  readonly unavailable = new Map<string, { root: string; line: number }>();
  /** the objective, once chosen (adjoints X̄ differentiate it) */
  loss: string | null = null;
  /** a `loss` refused for not being one number (its name and shape; its line is in `unavailable`), so that adjoints can say why */
  refusedLoss: { name: string; shape: number[] } | null = null;
  /** names defined by a derivative (δ_t = ∂L/∂a_t): read in questions as their right side (derived.ts) */
  readonly derived = new Map<string, Derived>();
  /** functions a check's left side defines with their arguments (LeCun's ℒ(W, h, λ) = …), no names: their lines (ownFunction.ts) */
  readonly ownFunctions = new Map<string, number>();
  /**
   * while a check's sides are read (questions.ts readCheck): the products that formed only with a transpose added or
   * taken away (V ∇_o L, V a 2×3 matrix, read as Vᵀ ∇_o L, the shape mismatch still said as an error); null elsewhere,
   * where such a product is refused (an equation of the network, a derive)
   */
  mends: TransposeMend[] | null = null;
  /** a check's free letters read as a Σ's number of entries (Ba et al.'s Σ_{i=1}^{H}): each its count, for its other uses (1/H) */
  entryCounts: Map<string, number> | null = null;
  /** while a check's right sides are read: its left side's shape (a product that does not form is said against it) */
  checkLeft: MaybeShape = null;
  /** while a check's right sides are read: their syntax (otimesProduct.ts asks whether a ⊗ is a whole side) */
  checkSides: readonly Ast[] | null = null;
  /** the line of the first equation that read ⊗ as the product entry by entry (otimesProduct.ts): the text's meaning of ⊗ */
  otimesEntrywiseAt: number | null = null;
  /** while a check that writes CS231n's step words (prev_h, dnext_h) is read: its inputs without a step are the step's (stepWords.ts) */
  stepFunction = false;
  /** where clauses an identity read as its letters' formulas (`\text{where } y = \tanh(x)`): no checks of their own */
  readonly usedClauses = new Set<Statement>();
  /** while a Σ with no index over bare sequences is read as a sum over the steps (bareSum.ts): a bare sequence is its step t's */
  bareStepSum = false;
  /** function aliases `φ = tanh`: name → function, with the line that set it */
  readonly aliases = new Map<string, { fn: string; line: number }>();

  error(message: string, range: Range, code?: string, fix?: DiagnosticFix): void {
    this.diagnostics.push(diag('error', message, range, code, fix));
  }

  /** marks a quantity (or a refused name) unusable because of the definition on `line` (of `root`, default itself) */
  markBroken(name: string, line: number, root = name): void {
    this.broken.add(name);
    if (!this.unavailable.has(name)) this.unavailable.set(name, { root, line });
  }

  /** "h is not available: its definition on line 7 has an error" (LANGUAGE.md §6: no cascades) */
  unavailableMessage(name: string): string | null {
    const u = this.unavailable.get(name);
    if (!u) return null;
    const shown = displayName(name);
    if (u.root === name) return `${shown} is not available: its definition on line ${u.line} has an error`;
    const root = this.quantities.get(u.root)?.timed ? `${displayName(u.root)}_t` : displayName(u.root);
    return `${shown} is not available: it depends on ${root}, whose definition on line ${u.line} has an error`;
  }

  /**
   * some known name holds a combining macron or overline (x̄_t defined by the file): until one does, no barred
   * spelling of a name can be known, and readAdjoint asks for none
   */
  barredKnown = false;

  /** the names declared and the quantities' keys, in one Set: isKnown is asked several times for each name read */
  private readonly known = new Set<string>();
  /** the length (in characters) of the longest known or refused name: splitRun tries no longer piece */
  private longest = 0;

  private know(name: string): void {
    this.known.add(name);
    this.longest = Math.max(this.longest, Array.from(name).length);
    if (!this.barredKnown && hasAdjointMark(name)) this.barredKnown = true;
    // a Spelling says what the file defines: made again once it defines more
    if (this.spellings.size) this.spellings.clear();
    this.lastSpelling = null;
  }

  /** spellingOf's Map: what name reading asks of each spelling, for the names known so far */
  readonly spellings = new Map<string, Spelling>();
  /** the spelling spellingOf gave last, and its name */
  lastSpelled = '';
  lastSpelling: Spelling | null = null;

  /** the longest known or refused name's length in characters (a run of names has no longer piece) */
  longestName(): number {
    return this.longest;
  }

  /** a declaration refused for a limit: not known, but a piece of a run of names all the same */
  refuse(name: string): void {
    this.refused.add(name);
    this.longest = Math.max(this.longest, Array.from(name).length);
  }

  /**
   * decls and quantities by name in one Map, kept with them: isTimed and defined, asked for most names read and at
   * every step searched, found a quantity's name with two lookups (decls, then quantities)
   */
  private readonly named = new Map<string, Named>();

  private namedOf(name: string): Named {
    let n = this.named.get(name);
    if (n === undefined) this.named.set(name, (n = new Named()));
    return n;
  }

  /** a declared name (decls is read directly, and written only here) */
  declare(name: string, d: Decl): void {
    this.decls.set(name, d);
    this.namedOf(name).decl = d;
    this.know(name);
  }

  /** the quantity of definition d, under its key (quantities is read directly, and written only here) */
  addQuantity(d: Definition, q: Quantity): void {
    this.quantities.set(d.key, q);
    this.namedOf(d.key).q = q;
    this.know(d.key);
    if (d.key !== d.base) this.twins.set(d.base, d.key);
  }

  /** a name defined by a derivative (derived is read directly, and written only here) */
  addDerived(name: string, d: Derived): void {
    this.derived.set(name, d);
    this.know(name);
  }

  isKnown(name: string): boolean {
    return this.known.has(name);
  }

  isTimed(name: string): boolean {
    const n = this.named.get(name);
    if (n === undefined) return false;
    return n.decl !== null ? n.decl.perStep : (n.q?.timed ?? false);
  }

  /** names a user may write, for "did you mean" */
  knownNames(): string[] {
    return [...this.decls.keys(), ...[...this.quantities.keys()].map(displayName), ...this.derived.keys(), 'T'];
  }

  /** the index variables each Σ/∏ body's steps use (timeChecks.stepsUseVar), for the searches of every phase */
  readonly stepsUseVar = new Map<Expr, Set<string>>();

  /** the Σ/∏-free expressions as UndefinedSearch walks them (timeChecks.flatProbes), for the searches of every phase */
  readonly flatProbes = new Map<Expr, Flat | null>();
  /** the search firstUndefined asks (made on its first call) */
  search: UndefinedSearch | null = null;
  /** the step-by-step search every question's steps ask (made on its first call; a search keeps nothing between calls) */
  stepSearch: UndefinedSearch | null = null;

  /** while set, every name whose shape is asked for (inferQuantityShapes: what a quiet reading depends on) */
  askedShapes: Set<string> | null = null;

  shapeOf(name: string): MaybeShape {
    if (this.askedShapes) this.askedShapes.add(name);
    return this.decls.get(name)?.shape ?? this.quantityShapes.get(name) ?? null;
  }

  /** whether NAME has a value at this step (null: untimed) */
  defined(name: string, step: number | null): boolean {
    const n = this.named.get(name);
    if (n === undefined) return false;
    const d = n.decl;
    if (d) return !d.perStep ? step === null : step !== null && step >= 1 && step <= this.T;
    const q = n.q;
    if (!q) return false;
    if (!q.timed) return step === null;
    if (step === null) return false;
    return q.overrides.has(step) || (q.general !== null && step >= 1 && step <= this.T);
  }
}
