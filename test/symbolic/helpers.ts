// Shared helpers for the symbolic tests: compile a .rnn text, derive every form of a derivative,
// evaluate each back and compare with the engine's autodiff.

import katex from 'katex';
import { expect } from 'vitest';
import { compile } from '../../src/language/index';
import type { Expr, Idx, Model } from '../../src/language/model';
import { forward, type Run } from '../../src/engine/run';
import { deriveForms, evaluateForm, type DeriveForms } from '../../src/engine/symbolic/index';

export function compileOk(text: string): Model {
  const c = compile(text);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`compile errors: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}\n${text}`);
  return c.model;
}

export function relClose(a: Float64Array, b: Float64Array, tol = 1e-9): boolean {
  if (a.length !== b.length) return false;
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tol * Math.max(1e-12, scale, Math.abs(a[i])))) return false;
  return true;
}

export function typesets(latex: string): void {
  expect(() => katex.renderToString(latex, { throwOnError: true }), latex).not.toThrow();
}

export interface Checked {
  forms: DeriveForms;
  kinds: ('chain' | 'explicit' | 'recursive')[];
}

/** Derive, then check every form evaluates back to the autodiff value and every LaTeX string typesets. */
export function checkDerivative(
  model: Model,
  run: Run,
  of: Expr,
  wrt: { name: string; idx: Idx | null },
  total: boolean,
  t: number | null,
  label = '',
  typeset = true,
): Checked {
  const forms = deriveForms(model, of, wrt, total, t, run);
  const want = run.derivative(of, wrt, t, total).data;
  const kinds: Checked['kinds'] = [];
  for (const k of ['chain', 'explicit', 'recursive'] as const) {
    const f = forms[k];
    if (!f) continue;
    kinds.push(k);
    const got = evaluateForm(forms, k, run).data;
    if (!relClose(got, want))
      throw new Error(`${label} t=${t} ${k} form evaluates to ${Array.from(got)} but autodiff gives ${Array.from(want)}\n${f.text}`);
    if (typeset) typesets(f.latex);
    expect(f.text.length).toBeGreaterThan(0);
  }
  if (typeset) typesets(forms.best.latex);
  return { forms, kinds };
}

export { forward };
