// Every derive in examples/*.rnn: each symbolic form evaluates back to the autodiff value (1e-9
// relative), and every LaTeX string typesets in KaTeX.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/language/model';
import { checkDerivative, compileOk, forward } from './helpers';

const dir = join(__dirname, '../../examples');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

describe('symbolic forms of every derive in the examples', { timeout: 60_000 }, () => {
  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const f of files) {
    it(f, () => {
      const model = compileOk(readFileSync(join(dir, f), 'utf8'));
      const run = forward(model);
      let count = 0;
      for (const q of model.questions) {
        if (q.kind !== 'derive' || q.expr.k !== 'deriv') continue;
        const d = q.expr;
        for (const t of q.freeT ? q.steps : [null]) {
          const { kinds } = checkDerivative(model, run, d.of, d.wrt, d.total, t, `${f}:${q.line} ${q.text}`);
          expect(kinds.length).toBeGreaterThan(0);
          count++;
        }
      }
      // also every parameter gradient of the loss, where there is one
      if (model.loss) {
        for (const dcl of model.decls.values()) {
          if (dcl.kind !== 'param' || dcl.perStep) continue;
          const of: Expr = { k: 'ref', name: model.loss, idx: null, shape: [], range: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
          checkDerivative(model, run, of, { name: dcl.name, idx: null }, true, null, `${f} ∂${model.loss}/∂${dcl.name}`);
          count++;
        }
      }
      expect(count).toBeGreaterThan(0);
    });
  }
});
