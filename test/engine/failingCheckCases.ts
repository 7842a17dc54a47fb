// What the hint tests that compare a fast reading with its reference share: every pinned Report's text and the
// seeds, and a fresh run of a text with its own budget on which a check's sides were evaluated first (as
// answerCheck does before it asks for a hint).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckQuestion, Model } from '../../src/language/model';
import { compile } from '../../src/language/index';
import { Budget } from '../../src/engine/budget';
import { guard } from '../../src/engine/check/guard';
import { checkPoints, close, evaluateSides, type Point, type Sides } from '../../src/engine/check/points';
import { forward, type Run } from '../../src/engine/run';
import { reportCases } from '../analysis/reportCases';

const SEEDS = join(__dirname, '..', 'seeds', 'fixtures');

export const hintTexts = (): { name: string; text: string }[] => [
  ...reportCases().map((c) => ({ name: c.name, text: c.text })),
  ...readdirSync(SEEDS)
    .filter((f) => f.endsWith('.rnn'))
    .map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') })),
];

/** a fresh run with its own budget, the check's sides evaluated on it first (as answerCheck does) */
export function freshRun(text: string, q: CheckQuestion): { run: Run; budget: Budget } {
  const model = compile(text).model;
  const budget = new Budget();
  const run = forward(model, undefined, { budget });
  guard(() => evaluateSides(checkPoints(q), q.lhs, q.rhs, run));
  return { run, budget };
}

/**
 * Every check of hintTexts() that fails at the file's values (where answerCheck asks for a hint): its question,
 * points and first failing point, and the fresh run its sides were evaluated on (freshRun)
 */
export function* failingChecks(): Generator<{
  name: string;
  text: string;
  model: Model;
  q: CheckQuestion;
  points: Point[];
  bad: Sides;
  first: { run: Run; budget: Budget };
}> {
  for (const { name, text } of hintTexts()) {
    const c = compile(text);
    if (c.diagnostics.some((d) => d.severity === 'error')) continue;
    for (const q of c.model.questions) {
      if (q.kind !== 'check') continue;
      const points = checkPoints(q);
      const first = freshRun(text, q);
      const sides = guard(() => evaluateSides(points, q.lhs, q.rhs, first.run));
      const bad = sides?.find((s) => !close(s.l.data, s.r.data));
      if (bad) yield { name, text, model: c.model, q, points, bad, first };
    }
  }
}
