// Session 11's reader fast paths (issue 11) held to what they stand for: lastUnderscore to lastIndexOf('_'),
// the Scope's one Map of names to its decls/quantities lookups, and the free-index candidates of a question
// (the step letters t, T and τ are never candidates, whether or not they are collected).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import { lex } from '../../src/language/lexer';
import { parse } from '../../src/language/parser';
import { resolve } from '../../src/language/resolve';
import { Scope } from '../../src/language/resolve/scope';
import { lastUnderscore } from '../../src/language/resolve/text';
import { exampleNames, loadExample } from '../examples/helpers';

describe('lastUnderscore', () => {
  it('is lastIndexOf("_")', () => {
    for (const s of ['', '_', 'h', 'h_t', 'W_hh_2', '_x', 'x_', 'a__b', 'h̃_t', '𝓛_3', 'δ_{t}'])
      expect(lastUnderscore(s)).toBe(s.lastIndexOf('_'));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('_', 'a', 'h', '1', 'σ', '\u0303') }), (s) => lastUnderscore(s) === s.lastIndexOf('_')),
    );
  });
});

/** the lookups Scope answered before its one Map: decls first, then quantities (and the shapes being inferred) */
function lookupsOf(scope: Scope, name: string) {
  const d = scope.decls.get(name);
  const q = scope.quantities.get(name);
  return {
    known: scope.decls.has(name) || scope.quantities.has(name) || scope.derived.has(name),
    timed: d ? d.perStep : (q?.timed ?? false),
    shape: d?.shape ?? scope.quantityShapes.get(name) ?? null,
  };
}

describe("the Scope's one Map of names", () => {
  const texts = [
    ...exampleNames().map(loadExample),
    'T = 3\ninput x = [1, 2, 3]\nparam w = 0.5\nh_0 = 0\nh_t = w h_{t-1} + x_t\nh_2 = 1\nc = w^2\nloss L = Σ_t h_t\n' +
      'a_t = w h_t\nδ_t = ∂L/∂a_t\ncheck δ_2 = ∂L/∂a_2\n',
  ];
  it('answers isKnown, isTimed, shapeOf and defined as decls and quantities do', () => {
    for (const text of texts) {
      const scope = new Scope();
      resolve(parse(lex(text).tokens, text).statements, scope);
      const names = [...scope.decls.keys(), ...scope.quantities.keys(), ...scope.derived.keys(), 'nope', 'toString', '__proto__', 't'];
      for (const n of names) {
        const want = lookupsOf(scope, n);
        expect(scope.isKnown(n), n).toBe(want.known);
        expect(scope.isTimed(n), n).toBe(want.timed);
        expect(scope.shapeOf(n), n).toEqual(want.shape);
        const d = scope.decls.get(n);
        const q = scope.quantities.get(n);
        for (const step of [null, -1, 0, 1, 2, scope.T, scope.T + 1]) {
          let want: boolean;
          if (d) want = !d.perStep ? step === null : step !== null && step >= 1 && step <= scope.T;
          else if (!q) want = false;
          else if (!q.timed) want = step === null;
          else want = step !== null && (q.overrides.has(step) || (q.general !== null && step >= 1 && step <= scope.T));
          expect(scope.defined(n, step), `${n} at ${step}`).toBe(want);
        }
      }
    }
  });
});

describe('free-index candidates', () => {
  const base = 'T = 3\nparam W : 2x2 = [[1, 2], [3, 4]]\nh_0 = [1, 1]\nh_t = W h_{t-1}\nloss L = sum(h_3)\n';
  it.each([
    // k free (an index segment and an index position), t never free, T and τ the horizon
    ['check ∂L/∂h_k = ∂L/∂h_k', ['k']],
    ['check h_t = W h_{t-1}', []],
    ['check h_T = W h_{T-1}', []],
    ['check ∂L/∂h_k = Σ_i h_i^{(k+1)}', ['k']],
    ['check h_{τ} = h_3', []],
  ])('%s', (line, free) => {
    const { model, diagnostics } = compile(base + line + '\n');
    const q = model.questions[0];
    expect(q, JSON.stringify(diagnostics)).toBeDefined();
    expect(q!.free.map((f) => f.v)).toEqual(free);
  });
});

describe("a statement's text takes the font commands before its first token along", () => {
  /** the text's start as the regular expression found it on every statement: a font command and its brace, again and again */
  const FONT_BEFORE = /\\(?:math[a-z]+|boldsymbol|bm|operatorname\*?)\s*\{\s*$/;
  function startBefore(src: string, s: number): number {
    const braceWithin = (at: number) => src.slice(Math.max(0, at - 40), at).includes('{');
    if (braceWithin(s)) for (let m; (m = FONT_BEFORE.exec(src.slice(Math.max(0, s - 40), s)));) s -= m[0].length;
    return s;
  }
  it('only where a brace and spaces end the text before it (asked first), as the expression alone found', () => {
    const pieces = [
      '\\mathbf{',
      '\\mathcal{',
      '\\bm {',
      '\\operatorname*{',
      '\\boldsymbol{',
      '{',
      ' ',
      '\t',
      '\u00a0',
      '\u2003',
      'x',
      '\\mathrm{ ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (before) => {
        const src = `T = 1\nh_t = 2\nloss L = Σ_t h_t\ncheck ${before.join('')}h_1 = 2\n`;
        const { tokens } = lex(src);
        const kw = tokens.findIndex((t) => t.kind === 'kw' && t.text === 'check');
        const first = tokens[kw + 1]!;
        const text = compile(src).model.questions[0]?.text;
        if (text === undefined || first.kind !== 'name') return;
        const s = startBefore(src, first.start);
        expect(text).toBe(src.slice(s, src.indexOf('\n', s)).replace(/\s+/g, ' ').trim());
      }),
    );
  });
});
