// A chain whose first side labels the derivative after it (session 35): CS224n numbers its errors,
// `\delta_1 = \frac{\partial J}{\partial \theta_2} = \hat{y}_2 - y_2`, δ_1 being no step but the first error's number.
// Read whole, δ is a name the network does not have and the chain was skipped ("unknown name δ"). Decided: when the
// first side is a name of the solution's own and the first link would define it by a derivative (as `δ_1 = ∂J/∂θ_2`
// on a line of its own does: language-notes, "Names defined by a derivative"), that link is the label's definition —
// it joins the network, for the equations after it — and the chain is checked from its second side on
// (`∂J/∂θ_2 = ŷ_2 − y_2`); the first link is said not checked, a label being no claim.

import { definedNameWritten, derivativeDefinition, formulaDefinition } from '../language/index';
import { descentStepParam } from '../language/descentStep';
import { letterOf } from './letterOf';
import { topLevelEqualsSigns } from './display';

export interface ChainLabel {
  /** the name defined (δ_1's name δ) */
  name: string;
  /**
   * defined by a derivative (δ_1 = ∂J/∂θ_2) or by a formula of the network's names (δ_2 = (y_2 − d_2) y_2 (1 − y_2)); or
   * a parameter's new value after a step of gradient descent (w' = w − η ∂L/∂w: `name` is the parameter), which
   * defines nothing (the network has one w) and labels the step's formula
   */
  by: 'derivative' | 'formula' | 'step';
  /** where the first side's `=` stands: the definition is chars[0, second), the chain read is chars(first, end) */
  first: number;
  second: number;
  /** the chain's written link of each link read (its first link is the label's) */
  links: number[];
  /**
   * the name is the second side, the derivative the first (Trask's ∂L/∂hidden_t = hidden_delta_t = …): the label is
   * chars(first, second), its definition `name = derivative`, and the chain read is the derivative, then the sides after it
   */
  second_side?: true;
}

/**
 * the label a chain's first link defines, or null; `known`: a name the network already has; `isParam`: one of its
 * parameters (a step of gradient descent labels its formula: descentStep.ts)
 */
export function chainLabel(
  chars: string,
  known: (name: string) => boolean,
  isParam: (name: string) => boolean = () => false,
): ChainLabel | null {
  const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
  // a range or a clause (`for t = 1, 3`, `where y_3 = …`) has `=` signs that are no sides
  if (eqs.length < 2 || /\b(?:for|where|with|if|when)\b|\\forall(?![A-Za-z])/.test(chars)) return null;
  // cheap screen before a lex and a parse: a label is one short name (\delta_1, \boldsymbol{\delta}^{(2)}), no spaces
  const first = chars.slice(0, eqs[0]).trim();
  // ∂L/∂h_t = δ_t = …: the derivative first, its name second
  if (/∂|\\partial|∇|\\nabla/.test(first)) return secondSideLabel(chars, eqs, known);
  if (first.length > 40 || /\s/.test(first)) return null;
  // a derivative in the second side (∂, \partial, ∇, \nabla, grad, a d of dL/dw), else a formula of names (session 36:
  // `\delta_2 = (y_2 − d_2) y_2 (1 − y_2) = (0.6455 − 1)(…)`, whose numbers are then laid over the formula)
  // (a d_2 in a formula passes the screen for a derivative: the formula is asked after it)
  const link = chars.slice(0, eqs[1]);
  const links = eqs.slice(1).map((_, j) => j + 2);
  // w' = w − η ∂L/∂w = 0.5 − 0.1 · 0.7967 = …: the new value labels the step (a ' or a mark, then the parameter again)
  const stepped = /['+]|new|prime/.test(first) ? descentStepParam(link, isParam) : null;
  if (stepped) return { name: stepped, by: 'step', first: eqs[0]!, second: eqs[1]!, links };
  const derivative = /∂|partial|∇|nabla|grad|\bd|\{d/.test(chars.slice(eqs[0]! + 1, eqs[1])) ? derivativeDefinition(link) : null;
  const name = derivative ?? formulaDefinition(link);
  if (!name || known(name) || known(letterOf(name))) return null;
  return { name, by: derivative ? 'derivative' : 'formula', first: eqs[0]!, second: eqs[1]!, links };
}

/** the label's link, said not checked */
export const labelText = (name: string, by: ChainLabel['by'], before = false): string =>
  before
    ? `link 1 not checked: ${name} names the derivative before it, a name of the solution's own (the equations after it use it as defined here): the chain is checked from that derivative to the sides after ${name}`
    : by === 'step'
      ? `link 1 not checked: the left side is ${name} after a step of gradient descent, a value the network does not have (it has one ${name}): the chain is checked from the step's formula on`
      : by === 'derivative'
        ? `link 1 not checked: ${name} labels the derivative after it, a name of the solution's own (the equations after it use it as defined here): the chain is checked from that derivative on`
        : `link 1 not checked: it defines ${name} by the formula after it, a name of the solution's own (the equations after it use it as defined here): the chain is checked from that formula on`;

/**
 * a chain whose second side names its first, a derivative (Trask's delta named where it is derived: `∂L/∂hidden_t =
 * hidden_delta_t = …`): the name is defined by the derivative for the equations after it, and the chain is judged from
 * the derivative to the sides after the name (its link 1 was "unknown name hidden_delta"); null for any other chain
 */
function secondSideLabel(chars: string, eqs: number[], known: (name: string) => boolean): ChainLabel | null {
  const named = chars.slice(eqs[0]! + 1, eqs[1]).trim();
  if (named.length > 60 || /[∂∇]|\\(?:partial|nabla|frac)(?![A-Za-z])/.test(named)) return null;
  const definition = `${named} = ${chars.slice(0, eqs[0])}`;
  const name = derivativeDefinition(definition);
  // (W_{ph}'s base is W: the name as written is asked too, a weight the network has — ∂p/∂h = W_ph = […] is a claim)
  const written = name ? definedNameWritten(definition) : null;
  if (!name || known(name) || known(letterOf(name)) || (written !== null && known(written))) return null;
  return { name, by: 'derivative', first: eqs[0]!, second: eqs[1]!, links: eqs.slice(1).map((_, j) => j + 2), second_side: true };
}
