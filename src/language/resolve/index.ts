// Name resolution, time indices and shapes: statements → Model (+ diagnostics, + symbols for hovers).
// The phases run in this order, each in its own file, sharing one Scope.

import type { Diagnostic, SymbolOccurrence } from '../../report';
import type { Statement } from '../ast';
import type { Model, Quantity } from '../model';
import { recordAliases } from './aliases';
import { declareNames, readDeclaredValues } from './declarations';
import { collectDefinitions } from './definitions';
import { inferQuantityShapes, readEquations } from './equations';
import { defaultHorizon, readHorizon } from './horizon';
import { chooseLoss, refuseVectorLoss } from './loss';
import { readQuestions } from './questions';
import { Scope } from './scope';
import { markClassLabels, markOneHotTargets } from './targets';
import { spliceNamedArguments } from './namedArgument';
import { checkCycles, checkSteps, spreadBroken } from './timeChecks';

export { forChildren, hasDeriv, mapChildren, mapIndicesOf, renameCalls, VALUE_CHILDREN, walkRefs, type ChildOptions } from './walk';
export { constValue } from './values';
export { idxText } from './text';

export interface Resolved {
  model: Model;
  diagnostics: Diagnostic[];
  /** named as written: a use of an untimed twin ("L#") is L with timed: false */
  symbols: SymbolOccurrence[];
  /** the horizon was unusable: the engine must not run */
  fatal: boolean;
}

/** scope: a fresh one, unless a test wants to look into the one the phases share */
export function resolve(statements: Statement[], scope = new Scope()): Resolved {
  const { rest, T } = readHorizon(statements, scope);
  const declStatements = declareNames(rest, scope);
  scope.T = T ?? defaultHorizon(statements, declStatements, scope);
  collectDefinitions(rest, scope);
  recordAliases(rest, scope);
  readDeclaredValues(declStatements, scope);
  inferQuantityShapes(scope);
  readEquations(scope);
  spliceNamedArguments(scope);
  markOneHotTargets(scope);
  markClassLabels(scope);
  checkSteps(scope);
  checkCycles(scope);
  refuseVectorLoss(scope);
  spreadBroken(scope);
  // the quantities that are not broken, in their order (no array of entries copied and filtered to build it)
  const live = new Map<string, Quantity>();
  for (const [n, q] of scope.quantities) if (!scope.broken.has(n)) live.set(n, q);
  const loss = chooseLoss(scope, live);
  scope.loss = loss;
  const questions = readQuestions(rest, scope);
  return {
    model: { T: scope.T, decls: scope.decls, quantities: live, loss, questions },
    diagnostics: scope.diagnostics,
    symbols: scope.symbols,
    fatal: scope.fatal,
  };
}
