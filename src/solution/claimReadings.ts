// Readings of a network's claims that need the whole solution: steps flattened by a PDF paste, letters with two steps,
// a training pattern's index, a descent step Δw = −η ∂E/∂w, inline restatements of the network set aside.

import { GREEK_LETTERS } from '../display/latex';
import { andList } from '../engine/format';
import { derivativeDefinition } from '../language/index';
import type { Claim } from './claim';
import { descentChange } from './descentChange';
import type { NetworkFacts } from './networkFacts';
import type { SolutionReport } from './index';
import { letterOf } from './letterOf';
import type { PairLetter } from './pairStepLetter';
import { pairDefinition, pairRange, writePairs } from './pairStepLetter';
import { dropPatternIndex } from './patternIndex';
import { flattenedSteps } from './pdfPaste';
import { inlineConstant, inlineFormula } from './readSolution';
import { LineIndex } from './sourcemap';

/**
 * `Δw = −η ∂E/∂w` where the network names the learning rate: Δw is the change gradient descent makes (descentChange.ts),
 * said in an information
 */
export function descentChanges(facts: NetworkFacts, mine: Claim[], file: LineIndex, out: SolutionReport): void {
  let known: { params: Set<string>; names: Set<string>; loss: string | null } | null = null;
  for (const c of mine) {
    if (!/^\s*(?:\\Delta|Δ)/.test(c.text.chars)) continue;
    if (!known) {
      const { names, params } = facts.names;
      known = { names, params, loss: facts.compiled.model.loss?.replace(/#$/, '') ?? null };
    }
    const d = descentChange(c.text, known.params, known.names, known.loss);
    if (!d) continue;
    c.text = d.text;
    const at = d.text.at.filter((_, k) => d.text.chars[k]!.trim());
    out.diagnostics.push({
      ...file.range(Math.min(...at), Math.max(...at) + 1),
      severity: 'information',
      code: 'solution-descent-change',
      message: `${d.read}: the change a step of gradient descent makes, with the network's learning rate`,
    });
  }
}

/** Greek letters a solution names its errors with (δt, εt pasted from a PDF): σ and π are functions and constants */
const ERROR_LETTERS = [...'αβγδεζηθικλμνξρτυφχψω'];

/**
 * Equations pasted from a PDF as plain text (pdfPaste.ts): `ht−1`, `h t`, `δt+1` read as h_{t-1}, h_t, δ_{t+1}, with
 * an information on each saying what was read so
 */
export function pdfSteps(facts: NetworkFacts, mine: Claim[], file: LineIndex, out: SolutionReport): void {
  let seqs: string[] | null = null;
  let names: ReadonlySet<string> | null = null;
  for (const c of mine) {
    if (/[\\_^]/.test(c.text.chars)) continue;
    if (!seqs) {
      names = facts.names.names;
      const timed = facts.timed;
      // (the targets too: `yt` is y_t as `xt` is x_t)
      const { model } = facts.compiled;
      const seq = (n: string) => timed(n) || model.decls.get(n)?.kind === 'target';
      seqs = [...names].filter((n) => !n.includes('_') && seq(n)).concat(ERROR_LETTERS.filter((g) => !names!.has(g)));
    }
    const known = names!;
    const { text: read, read: what } = flattenedSteps(c.text, seqs, (n) => known.has(n));
    if (!what.length) continue;
    c.text = read;
    const at = read.at.filter((_, k) => read.chars[k]!.trim());
    const shown = what.filter((w, k) => what.findIndex((x) => x.written === w.written) === k);
    out.diagnostics.push({
      ...file.range(Math.min(...at), Math.max(...at) + 1),
      severity: 'information',
      code: 'solution-flattened-step',
      message: `${andList(shown.slice(0, 4).map((w) => `${w.written} is read as ${w.as}`))}${shown.length > 4 ? ', …' : ''}: a step written on the line, as text copied from a PDF has its subscripts`,
    });
  }
}

/**
 * Letters with two steps defined by a derivative (`δ_{t,k} = ∂L_t/∂z_k`, pairStepLetter.ts): each later use is written
 * out as the derivative it names. The definition is no claim (inline, it is set aside; a display's first side is
 * dropped, so its chain begins at the derivative), and an information there says how the letter is read
 */
export function pairLetters(facts: NetworkFacts, mine: Claim[], file: LineIndex, out: SolutionReport): void {
  const pairs: PairLetter[] = [];
  let names: ReadonlySet<string> | null = null;
  for (const c of mine) {
    const d = pairDefinition(c.text.chars);
    const letter = d && (d.pair.letter.startsWith('\\') ? (GREEK_LETTERS[d.pair.letter.slice(1)] ?? d.pair.letter) : d.pair.letter);
    // (a letter the network defines keeps its reading; one defined before and restated is its definition again)
    names ??= d ? facts.names.names : null;
    if (d && letter && !names?.has(letter)) {
      if (!pairs.some((p) => p.letter === d.pair.letter)) {
        pairs.push(d.pair);
        const at = c.text.at.slice(0, d.end).filter((_, k) => c.text.chars[k]!.trim());
        if (at.length)
          out.diagnostics.push({
            ...file.range(Math.min(...at), Math.max(...at) + 1),
            severity: 'information',
            code: 'solution-pair-letter',
            message: `${letter} with two steps is read as ${d.pair.shown} wherever it is written (a derivative of the loss at one step by another step: no quantity of the network has two steps), for the steps it reaches (${d.pair.shown.replace(/.*_(\w)\/.*_(\w)$/, '$2 ≤ $1')})`,
          });
      }
      if (c.inline) {
        c.skip = 'inline math: it defines a letter with two steps';
        c.quiet = true;
        continue;
      }
      // the chain goes on from the derivative
      c.text = { chars: ' '.repeat(d.head) + c.text.chars.slice(d.head), at: c.text.at };
      if (!c.text.chars.slice(d.end).trim()) {
        c.skip = `it defines ${letter} with two steps as ${d.pair.shown}: no equation to check`;
        continue;
      }
    }
    const uses: [string, string][] = [];
    for (const p of pairs) c.text = writePairs(c.text, p, uses);
    const range = uses.length ? pairRange(c.text.chars, uses) : null;
    if (!range) continue;
    // written after the claim, its characters on the claim's last
    const tail = ` \\quad \\text{for } ${range}`;
    const last = c.text.at[c.text.at.length - 1] ?? 0;
    c.text = {
      chars: c.text.chars.replace(/\s+$/, '') + tail,
      at: [...c.text.at.slice(0, c.text.chars.replace(/\s+$/, '').length), ...tail.split('').map(() => last)],
    };
  }
}

/**
 * inline definitions of a name the network has (where $h_t = …$ restating an equation of the block): no definition
 * of the solution's own, and inline math is no claim, so they are set aside, silently
 */
export function setAsideInline(facts: NetworkFacts, inline: Claim[]): void {
  if (!inline.length) return;
  const names = facts.names.names;
  for (const c of inline) {
    const name = derivativeDefinition(c.text.chars) ?? inlineFormula(c.text) ?? inlineConstant(c.text.chars);
    // prose saying what δ stands for, Bodén's `$δ = −∂E/∂net$` with net a sequence written with no step, defines no δ
    // (it made δ one value, and every later δ_{pj}(t) "δ has no step: it is defined once")
    if (!name || names.has(name) || names.has(letterOf(name)) || stepless(c.text.chars, facts.timed)) {
      c.skip = 'inline math, not a definition of the solution';
      c.quiet = true;
    }
  }
}

/** a derivative's ∂X written with X a sequence of the network and no step, index or superscript after it */
export function stepless(chars: string, timed: (name: string) => boolean): boolean {
  for (const m of chars.matchAll(/\\partial\s*(\\?[A-Za-z]+)(?![A-Za-z_^({['])/g)) if (timed(m[1]!.replace(/^\\/, ''))) return true;
  return false;
}

/**
 * Rumelhart's, Bodén's and Guo's training pattern p (δ_{pj}, Σ_p) read over the network's one sequence
 * (patternIndex.ts), each claim that writes it said so at its first p; not where the network has a name p
 */
export function patternIndex(facts: NetworkFacts, claims: Claim[], file: LineIndex, out: SolutionReport): void {
  if (!claims.some((c) => /_\{p[A-Za-su-z]\}/.test(c.text.chars))) return;
  const { model } = facts.compiled;
  if (model.decls.has('p') || model.quantities.has('p')) return;
  for (const c of claims) {
    const read = dropPatternIndex(c.text, (name) => {
      const shape = model.decls.get(name)?.shape ?? model.quantities.get(name)?.shape;
      return shape ? shape.length : null;
    });
    if (!read) continue;
    out.diagnostics.push({
      ...file.range(read.at, read.at + 1),
      severity: 'information',
      code: 'pattern-index',
      message: `p is read as the index of the training pattern (${read.example}, as Rumelhart, Bodén and Guo write it): the network is one sequence, one pattern, so ${read.example} is ${read.example.replace(/_\{p(.)\}/, '_$1')} and a Σ_p is its one term`,
    });
  }
}
