// The generated .rnn text of one network: its blocks' lines, the solution's own definitions (formulas, where clauses),
// then one `check` line per claim, with the labels of a chain's links and a source map back to the file.

import { checkSides } from '../language/checkSides';
import {
  constantDefinition,
  definedNameWritten,
  deltaOfParameterLine,
  derivativeDefinition,
  formulaDefinition,
  lastLayerEntry,
  letterDefinition,
} from '../language/index';
import { lex } from '../language/lexer';
import { activationAlias } from './activationAlias';
import type { Claim } from './claim';
import { isCodeGradientName } from './collectResults';
import { topLevelEqualsSigns } from './display';
import type { ChainLabel } from './label';
import { chainLabel } from './label';
import { derivativeLabelsBefore } from './earlierLabel';
import { letterOf } from './letterOf';
import { whereDerivativeNames } from './whereDerivative';
import type { NetworkFacts } from './networkFacts';
import { INLINE_FORMULA_HEAD, LEADING_SPACING, sideSpans } from './readSolution';
import { GeneratedText } from './sourcemap';
import { renamedStep } from './stepLetter';
import { vectorForm } from './unitFormula';

/** the generated .rnn text: the network's lines, then one check line per claim */
export function generate(facts: NetworkFacts, claims: Claim[]): { gen: GeneratedText; networkLines: number } {
  const { text, net } = facts;
  const gen = new GeneratedText();
  // an equation that names a derivative (δ_t = ∂L/∂a_t, a name the network does not have) joins the network,
  // so that the equations after it read δ as it is defined (language-notes, "Names defined by a derivative")
  // (not δp_i = Σ_t … with p_i a parameter: Greff's gradient ∂L/∂p_i, a claim — resolve/names.ts deltaOfParameter)
  const own = claims.map((c) => {
    const name = derivativeDefinition(c.text.chars);
    if (name && name.startsWith('δ') && deltaOfParameterLine(c.text.chars, facts.names.params)) return null;
    // code's dc_t = dh_t ⊙ o_t ⊙ … + f_{t+1} ⊙ ∂L/∂c_{t+1} (Kouridi's backward step): dc is ∂L/∂c already (resolve/names.ts
    // codeGradient), so a display is a claim about it, as dv_t = ŷ_t − y_t is. Inline math that says what dX means
    // (Sutskever's "$du_t = \frac{∂L}{∂u_t}$") still defines it: the messages then write du_t as the student does
    // (dW_x = Σ_t … with W_x a parameter: its base dW is no name of the network, the name written is W_x's gradient)
    const code = (n: string) => isCodeGradientName(n, facts.names.names);
    return name && !c.inline && (code(name) || (name.startsWith('d') && code(definedNameWritten(c.text.chars) ?? name))) ? null : name;
  });
  // δ^L_j = … (Nielsen's BP1, entry j) where the network defines δ_t: a claim about it. So is a name the solution
  // defined before (Let $δc_t = ∂L/∂c_t$, then $$δc_t = δh_t o_t … + δc_{t+1} f_{t+1}$$): it was "defined twice"
  const defined = new Set<string>();
  // (and δ^L_j = … after the solution's own δ^l_j ≡ ∂C/∂z^l_j: BP1 by entry, at the last layer, under the δ defined)
  const entryOfDefined = (name: string, chars: string) => defined.has(name.split('_')[0]!) && lastLayerEntry(chars);
  // (nor after a chain that labels the same letter by its derivative first, `δ_t = ∂L/∂z_t = (1 − h_t²) ⊙ …`: that chain
  // defines it, and a later `δ_t = h_t ⊙ (1 − h_t) ⊙ ∂L/∂h_t` is a claim about it — earlierLabel.ts)
  const labelledBefore = own.some((n) => n) ? derivativeLabelsBefore(claims, (n) => facts.names.names.has(n)) : null;
  const defines = own.map((name, i) => {
    if (
      !name ||
      labelledBefore?.(name, i) ||
      defined.has(name) ||
      facts.names.names.has(name) ||
      facts.names.names.has(letterOf(name)) ||
      entryOfDefined(name, claims[i]!.text.chars)
    )
      return null;
    defined.add(name);
    return name;
  });
  const labels = chainLabels(
    claims.filter((_, i) => !defines[i]),
    (n) => defined.has(n) || facts.names.names.has(n),
    (n) => facts.names.params.has(n),
  );
  // `δ_3 = 1 − s_3²` alone on its line: a name of the solution's own defined by a formula of the network's names at a
  // step, as a chain's first link defines it (label.ts), for the equations after it (session 41: "unknown name δ" on
  // every later line, where the same with `= …` after it defined δ_3). One definition per name as written (δ_3, δ_2)
  // (not a name the network writes, its definition broken or not: `o_2 = 2 h_2` is about o, "not available")
  // (nor a letter the solution defined before at an entry: Jaeger's `δ_j(t) = −∂E/∂net_j(t)` defines δ for every unit,
  // and his vector form `δ(t) = f'(net(t)) ⊙ […]` after it is a claim about it)
  const definedBases = new Set([...defined].map((n) => n.split('_')[0]!));
  // (nor a letter a where clause defines by a derivative: `…, \text{where } δ_t = ∂ℓ/∂a_t`, whereDerivative.ts)
  for (const c of claims) if (!c.inline) for (const n of whereDerivativeNames(c.text.chars)) definedBases.add(n);
  const formulas = formulaDefinitions(
    claims,
    defines,
    labels,
    (n) => defined.has(n) || definedBases.has(n) || facts.names.written.has(n),
    (n) => facts.timed(n),
  );
  // a label's line defines a name with no step of the network's (δ_2 is a name of its own): were the objective left
  // unmarked, that line, the last scalar with no time index, would take its place — so it is marked as it is read
  const pin = labels.some((l) => l.label.by === 'formula') || formulas ? facts.names.unmarkedObjective : 0;
  if (net.sidecar !== null) {
    const sidecar = net.sidecar.endsWith('\n') ? net.sidecar : net.sidecar + '\n';
    sidecar.split(/(?<=\n)/).forEach((l) => {
      if (gen.currentLine === pin) gen.pushAt('loss ', 0);
      gen.push(l, () => 0);
    });
  }
  for (const f of net.fences) {
    for (const l of f.lines) {
      if (gen.currentLine === pin) gen.pushAt('loss ', l.start);
      gen.push(text.slice(l.start, l.end) + '\n', (i) => l.start + i);
    }
  }
  claims.forEach((c, i) => {
    const name = defines[i];
    if (!name) return;
    c.defines = name;
    const by = formulas?.get(c);
    if (by) c.definedBy = by;
    c.genLine = gen.currentLine;
    const at = c.text.at;
    gen.push(c.text.chars, (k) => at[k]!);
    gen.pushAt('\n', (at[at.length - 1] ?? at[0] ?? 0) + 1);
    c.sides = [];
  });
  for (const { claim, label } of labels) pushLabel(claim, label, gen);
  // `… \quad \text{where } e_t = d_t − h_t` (Williams & Zipser): a where clause defining a letter of the solution's own
  // that the claim reads joins the network, as the row form `…, \qquad e_t = d_t − h_t` does (formulaDefinitions)
  for (const c of claims) {
    if (c.defines || c.inline || c.skip || c.label || !/where|with/.test(c.text.chars)) continue;
    const w = whereDefinition(c.text.chars, (n) => defined.has(n) || defines.includes(n) || facts.names.written.has(n));
    if (!w) continue;
    const { chars, at } = c.text;
    gen.push(chars.slice(w.start, w.end), (k) => at[w.start + k]!);
    gen.pushAt('\n', at[w.end - 1]! + 1);
    c.text.chars = chars.slice(0, w.from) + ' '.repeat(w.end - w.from) + chars.slice(w.end);
    c.whereDefines = { name: w.name, start: at[w.start]!, end: at[w.end - 1]! + 1, by: w.by };
    defined.add(w.name);
  }
  const networkLines = gen.currentLine - 1;
  for (const c of claims) {
    if (c.defines || c.inline) continue;
    c.genLine = gen.currentLine;
    const at = c.text.at;
    const anchor = at[0] ?? 0;
    gen.pushAt('check ', anchor);
    gen.push(c.text.chars, (i) => at[i]!);
    gen.pushAt('\n', (at[at.length - 1] ?? anchor) + 1);
    // each side's file span, to put a link's verdict on its own right side
    Object.assign(c, sideSpans(c.text));
  }
  return { gen, networkLines };
}

/**
 * CS224n's `δ_1 = ∂J/∂θ_2 = ŷ_2 − y_2` and `δ_2 = (y_2 − d_2) y_2 (1 − y_2) = (0.6455 − 1)(…)` (solution/label.ts): the
 * chains whose first link, a label, defines a name of the solution's own (`known`: a name the network has)
 */
export function chainLabels(
  claims: Claim[],
  known: (name: string) => boolean,
  isParam: (name: string) => boolean,
): { claim: Claim; label: ChainLabel }[] {
  const out: { claim: Claim; label: ChainLabel }[] = [];
  // a label written again (δ_1 = ∂J/∂θ_2 = … restated) is the name as defined: that chain is a claim about it
  const heads = new Set<string>();
  for (const c of claims) {
    if (c.skip || c.inline) continue;
    const chars = c.text.chars;
    const label = chainLabel(chars, known, isParam);
    const head = label && chars.slice(0, label.first).replace(/\s+/g, '');
    if (!label || !head || heads.has(head)) continue;
    heads.add(head);
    out.push({ claim: c, label });
  }
  // a name labelled by a derivative somewhere (δ_t = ∂L/∂h_t = …) and by a formula elsewhere (δ_2 = (y_2 − d_2) … =
  // (0.6455 − 1)(…)), before or after it: the derivative defines it, and the formula's chain is a claim about δ_2 as
  // defined (both joined the network, and δ was "not available", or "unknown name δ" after a formula's δ_2)
  const byDerivative = new Set(out.flatMap((l) => (l.label.by === 'derivative' ? [l.label.name] : [])));
  return byDerivative.size ? out.filter((l) => l.label.by === 'derivative' || !byDerivative.has(l.label.name)) : out;
}

/** a letter alone (γ, \gamma, c): the left side of a constant's definition */
export const CONSTANT_NAME = /^(?:\\[A-Za-z]+|\p{L})$/u;

/**
 * a letter (or a Greek command) at a numbered step, δ_3, δ_{3}, δ^{(3)}: a general step's `A_t = 1 − u_t` stays "not a
 * name of the network: the equation defines it" (seed 000's (11), pinned so)
 */
const STEP_NAME = /^(?:\\[A-Za-z]+|\p{L})(?:_\{?\(?\d+\)?\}?|\^\{\(\d+\)\})$/u;

/**
 * the same letter at a general step (e_t, e_{t-1}, e^{(t)}, e_T, and Mikolov's e(t)): a definition where an equation
 * reads it (formulaDefinitions)
 */
export const GENERAL_STEP_NAME = /^(?:\\[A-Za-z]+|\p{L})(?:_\{?[tT](?:[+-]\d+)?\}?|\^\{\([tT](?:[+-]\d+)?\)\}|\([tT](?:[+-]\d+)?\))$/u;

/**
 * a name of code at the general step, upright or not (Trask's \text{output\_delta}_t, hidden_delta_t): defined by a
 * formula as a letter's e_t is (formulaDefinition's CODE_NAME says which names)
 */
const CODE_STEP_NAME = /^(?:\\(?:text|mathrm|texttt)\{)?[A-Za-z]{3,}(?:\\?_[A-Za-z0-9]+)+\}?_\{?[tT](?:[+-]\d+)?\}?$/;

/** Rojas's D^{(2)}_t, D_t^{(1)}: the letter with a layer's tag at the general step (formulaDefinition reads it so) */
const LAYER_STEP_NAME = /^(?:\\[A-Za-z]+|\p{L})(?:\^\{\(\d+\)\}_\{?[tT]\}?|_\{?[tT]\}?\^\{\(\d+\)\})$/u;

/**
 * a left side with its font commands taken off, \mathbf{D}_t as D_t (Lukoševičius's bold letters in a where clause,
 * `…, \quad \mathbf{D}_t = \mathrm{diag}(…)`: the head tests above saw no letter, and D was "unknown name")
 */
const unfonted = (head: string): string =>
  head.replace(/\\(?:mathbf|boldsymbol|bm|mathrm|mathit|mathsf|mathnormal|symbf|symit|symup)\s*\{([^{}]*)\}/g, '$1');

/** whether an equation's text writes the name (a name token of it, or it with a step glued on: e_t) */
export function readsName(chars: string, name: string): boolean {
  // a layer's tag is no part of a name token (D^{(2)}: the parser glues it, superscriptNames.ts): as written, then
  if (name.includes('^')) return chars.replace(/\s+/g, '').includes(name);
  const { tokens } = lex(chars);
  return tokens.some((t) => t.kind === 'name' && (t.text === name || t.text.startsWith(`${name}_`)));
}

/**
 * equations of one link that define a name of the solution's own by a formula (formulaDefinition: δ_3 = 1 − s_3²),
 * marked in `defines` (by their base name) and returned with how each defines (a formula, or a constant's value), or
 * null when there is none: not a name the network or an earlier
 * definition has, nor one a chain labels, and each left side as written once (a later δ_3 = … is a claim about it)
 */
export function formulaDefinitions(
  claims: Claim[],
  defines: (string | null)[],
  labels: { claim: Claim; label: ChainLabel }[],
  known: (name: string) => boolean,
  timed: (name: string) => boolean,
): Map<Claim, 'formula' | 'value' | 'activation'> | null {
  const labelled = new Set(labels.map((l) => l.label.name));
  const claimed = new Set(labels.map((l) => l.claim));
  const heads = new Set<string>();
  let out: Map<Claim, 'formula' | 'value' | 'activation'> | null = null;
  /** the left side of a claim of one equation, as written (spaces and leading spacing commands dropped) */
  const headOf = (chars: string): string | null => {
    const eqs = topLevelEqualsSigns(chars).filter((k) => chars[k] === '=');
    if (eqs.length !== 1) return null;
    // the spacing before it dropped first: with the spaces gone, `\quad B_t` would read as a command \quadB
    return unfonted(chars.slice(0, eqs[0]).replace(LEADING_SPACING, '').replace(/\s+/g, ''));
  };
  claims.forEach((c, i) => {
    if (defines[i] || claimed.has(c) || c.skip) return;
    // Pearlmutter's e_i(t) = y_i(t) − d_i(t), unit by unit: its vector form e(t) = y(t) − d(t) (unitFormula.ts)
    const vector = vectorForm(c.text);
    let chars = vector && formulaDefinition(vector.chars) ? vector.chars : c.text.chars;
    let head = headOf(chars);
    if (head === null) return;
    // Arjovsky's D_k = diag(σ'(z_k)): the general step named k, read as t (stepLetter.ts)
    const renamed = c.inline || GENERAL_STEP_NAME.test(head) ? null : renamedStep(chars, head, timed);
    if (renamed !== null) [chars, head] = [renamed, headOf(renamed)!];
    const define = (name: string, by: 'formula' | 'value' | 'activation') => {
      heads.add(head!);
      defines[i] = name;
      if (vector && chars === vector.chars) c.text = vector;
      else if (renamed !== null) c.text = { ...c.text, chars: renamed };
      (out ??= new Map()).set(c, by);
    };
    // CS230's row `g_1 = \tanh` beside `a^{<t>} = g_1(…)`: the activation named, a line of the network (activationAlias.ts)
    const alias = c.inline || head.length > 20 ? null : activationAlias(chars);
    if (alias !== null) {
      if (!known(alias)) define(alias, 'activation');
      return;
    }
    // inline math (inlineDefinitions): a letter at the general step, per unit or not, where a later equation reads it
    if (c.inline) {
      const formula = INLINE_FORMULA_HEAD.test(head) && !heads.has(head) ? formulaDefinition(chars) : null;
      // "with learning rate $\eta = 0.1$": a constant of the solution's own, as a display alone defines one
      const constant =
        formula === null && head.length <= 40 && CONSTANT_NAME.test(head) && !heads.has(head) ? constantDefinition(chars) : null;
      const name = formula ?? constant;
      if (!name || labelled.has(name) || known(name) || known(letterOf(name))) return;
      if (!claims.slice(i + 1).some((d) => !d.inline && readsName(d.text.chars, name))) return;
      // a constant a display defines too (I2DL's "where $\gamma = 1$", then `…, \quad γ = 1 \tag{b1}`): the display's
      // definition, as before inline constants were read
      const again = `${head}=`;
      if (constant && claims.slice(i + 1).some((d) => !d.inline && d.text.chars.replace(/\s+/g, '').includes(again))) return;
      define(name, constant ? 'value' : 'formula');
      return;
    }
    // a cheap screen before a lex and a parse (STEP_NAME; N_{\text{total}} names a size, not this name at a step);
    // at a general step (e_t = d_t − h_t) as a where-clause, after an equation of its display that reads it
    // (Williams & Zipser's `∂E_t/∂w = −e_t ∂h_t/∂w, \qquad e_t = d_t − h_t`), or alone before an equation that reads
    // it ("Define $$e_t = d_t − h_t$$, then $$∂L/∂h_3 = −e_3$$": session 44; it was "define it in the rnn block", a
    // translation asked of the student). Seed 000's `A_t = 1 − u_t`, which no equation after it reads, defines
    // nothing and stays said so
    const prev = i > 0 ? claims[i - 1]! : null;
    const general =
      !STEP_NAME.test(head) &&
      (GENERAL_STEP_NAME.test(head) || LAYER_STEP_NAME.test(head) || (head.length <= 40 && CODE_STEP_NAME.test(head)));
    // a constant of the solution's own (Pascanu's `‖diag(σ'(x_k))‖ ≤ γ, \quad γ = 1/4`): a letter alone equal to numbers,
    // defined as a general step's name is, where an equation reads it (it was a range "for γ = 1..T−1", or unknown)
    const constant = !general && head.length <= 40 && CONSTANT_NAME.test(head) ? constantDefinition(chars) : null;
    // a letter with no step defined by a formula (`\vb{r} \triangleq \operatorname{softmax}(\vb{p}^{(T)}) − \vb{y}^{(T)}`, then
    // `∂L/∂b_p = r`): the solution's own name where an equation reads it, as a general step's is (probe 47: "unknown name r")
    const letter = !general && constant === null && head.length <= 40 && CONSTANT_NAME.test(head) ? letterDefinition(chars) : null;
    const clause = (general || constant !== null || letter !== null) && prev !== null && prev.displays.includes(c.displays[0]!);
    if (head.length > 40 || heads.has(head) || (!general && !constant && !letter && !STEP_NAME.test(head))) return;
    const name = constant ?? letter ?? formulaDefinition(chars);
    if (!name || labelled.has(name) || known(name) || known(letterOf(name))) return;
    // a later equation that reads it and does not define it again (a row's `e_t = d_t − h_t`, seed 000's answer
    // restated: `A_t = 1 − u_t, \qquad B_t = u_t (11)`)
    const again = `${head}=`;
    // (a letter's later equation reads it right of its first =: `A_t = 1 − u_t` after `A = 1 − u_1` defines A_t, it reads
    // no A, and taken as a use it was "A has no time index")
    const used = (chars: string) => (letter === null ? chars : chars.slice(chars.indexOf('=') + 1));
    const readLater = () =>
      claims
        .slice(i + 1)
        .some((d) => !d.inline && !unfonted(d.text.chars.replace(/\s+/g, '')).includes(again) && readsName(used(d.text.chars), name));
    if ((general || constant || letter) && !(clause && readsName(prev.text.chars, name)) && !readLater()) return;
    define(name, constant ? 'value' : 'formula');
  });
  return out;
}

/**
 * the where clause of a claim that defines a letter of the solution's own by a formula (formulaDefinition) which the
 * claim before it reads, and no name `known`: the clause's span, and where its `where` (with the spacing and comma
 * before it) begins. Only a claim's one clause, last on it
 */
function whereDefinition(
  chars: string,
  known: (name: string) => boolean,
): { name: string; from: number; start: number; end: number; by: 'formula' | 'value' } | null {
  const read = checkSides(chars);
  if (!read || read.clauses.length !== 1) return null;
  const { start, side } = read.clauses[0]!;
  const end = side[1];
  if (chars.slice(end).trim() !== '') return null;
  const formula = formulaDefinition(chars.slice(start, end));
  const name = formula ?? constantDefinition(chars.slice(start, end));
  if (!name || known(name) || known(letterOf(name)) || !readsName(chars.slice(0, start), name)) return null;
  const word = /(?:,\s*)?(?:\\(?:q?quad|[,;:! ])\s*)*(?:\\text\{\s*,?\s*(?:where|with)\s*\}|\b(?:where|with)\b)\s*$/.exec(
    chars.slice(0, start),
  );
  return word ? { name, from: word.index, start, end, by: formula ? 'formula' : 'value' } : null;
}

/** a label's first link joins the network as the name's definition, and is blanked (same length) in its chain */
function pushLabel(c: Claim, label: ChainLabel, gen: GeneratedText): void {
  const chars = c.text.chars;
  const at = c.text.at;
  // a step of gradient descent defines nothing (the network has one w): no line of the network, so no line's errors
  const line = label.by === 'step' ? -1 : gen.currentLine;
  if (label.second_side) {
    // ∂L/∂h_t = δ_t = …: the network reads `δ_t = ∂L/∂h_t`, each character at its place; the chain loses `= δ_t`
    const name = chars.slice(label.first + 1, label.second);
    gen.push(name, (k) => at[label.first + 1 + k]!);
    gen.push('=', () => at[label.first]!);
    gen.push(chars.slice(0, label.first), (k) => at[k]!);
    gen.pushAt('\n', at[label.second - 1]! + 1);
    const start = name.length - name.trimStart().length;
    const end = at[label.first + name.trimEnd().length]! + 1;
    c.label = { name: label.name, by: label.by, start: at[label.first + 1 + start]!, end, line, before: true };
    c.text.chars = chars.slice(0, label.first) + ' '.repeat(label.second - label.first) + chars.slice(label.second);
    c.links = label.links;
    return;
  }
  if (label.by !== 'step') {
    gen.push(chars.slice(0, label.second), (k) => at[k]!);
    gen.pushAt('\n', at[label.second - 1]! + 1);
  }
  const link = chars.slice(0, label.second);
  const start = link.length - link.trimStart().length;
  c.label = { name: label.name, by: label.by, start: at[start]!, end: at[link.trimEnd().length - 1]! + 1, line };
  c.text.chars = ' '.repeat(label.first + 1) + chars.slice(label.first + 1);
  c.links = label.links;
}
