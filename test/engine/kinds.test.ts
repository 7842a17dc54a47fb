// The kinds summary (engine/check/kinds.ts) is a screen: a hint asks it for a kind or a function and, told "none",
// answers at once. It is exact only if it finds every node a walk of all the children finds — index positions,
// exponents, Σ/∏ bodies and a derivative's numerator included — so these pin it against such a walk, on the
// examples' checks and on the seeds' notation.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import type { Expr } from '../../src/language/model';
import { forChildren } from '../../src/language/resolve/walk';
import { callsOf, hasKind, hasRank, writesFraction } from '../../src/engine/check/kinds';
import { callsAny } from '../../src/engine/check/renamed';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function everyNode(e: Expr, out: Expr[] = []): Expr[] {
  out.push(e);
  forChildren(e, (c) => everyNode(c, out));
  return out;
}

const sides = (): Expr[] =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.rnn'))
    .flatMap((f) => compile(readFileSync(join(EXAMPLES, f), 'utf8')).model?.questions ?? [])
    .flatMap((q) => (q.kind === 'check' ? [q.lhs, q.rhs] : []));

describe('the kinds summary of a side', () => {
  it('finds every kind and every function a walk of all the children finds, and no other', () => {
    const all = sides();
    expect(all.length).toBeGreaterThan(50);
    const KINDS = [
      'num',
      'ref',
      'add',
      'sub',
      'mul',
      'matmul',
      'transpose',
      'call',
      'sum',
      'prod',
      'deriv',
      'index',
      'pow',
      'neg',
      'div',
      'hadamard',
      'contract',
      'matpow',
    ] as const;
    for (const e of all) {
      const nodes = everyNode(e);
      for (const k of KINDS) expect(hasKind(e, k), k).toBe(nodes.some((x) => x.k === k));
      const fns = new Set(nodes.flatMap((x) => (x.k === 'call' ? [x.fn] : [])));
      expect(new Set(callsOf(e))).toEqual(fns);
      expect(writesFraction(e)).toBe(nodes.some((x) => x.k === 'num' && !Number.isInteger(x.value)));
      for (const r of [0, 1, 2, 3]) expect(hasRank(e, r), `rank ${r}`).toBe(nodes.some((x) => x.shape.length === r));
    }
  });

  it('reads a call inside a derivative, a Σ body and an entry index (callsAny, which σ^{-1} is found by)', () => {
    const { model } = compile(
      [
        'T = 3',
        'input x = [0.5, -1.0, 2.0]',
        'param w = 0.3',
        'h_0 = 0',
        'h_t = \\tanh(w x_t + w h_{t-1})',
        'loss L = \\sum_t h_t^2',
        'check \\frac{\\partial L}{\\partial w} = \\sum_t 2 h_t \\sigma^{-1}(w x_t) x_t',
      ].join('\n'),
    );
    const q = model!.questions.find((x) => x.kind === 'check')!;
    if (q.kind !== 'check') throw new Error('a check');
    expect(callsAny(q.rhs, { logit: 'dsigma' })).toBe(true);
    expect(callsAny(q.rhs, { artanh: 'dtanh' })).toBe(false);
    expect(hasKind(q.rhs, 'sum')).toBe(true);
    expect(hasKind(q.rhs, 'prod')).toBe(false);
    expect(writesFraction(q.rhs)).toBe(false);
  });
});
