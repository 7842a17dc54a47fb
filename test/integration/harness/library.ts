// The expected answers for the Playwright-driven checks: the built library (dist/index.js) analysing
// the same example file the editor shows.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Report } from '../../../src/report';
import { isSheet7 } from '../suite/pick';
import { need, REPO } from './tools';

export function analyze(text: string): Report {
  const lib = require(need(join(REPO, 'dist/index.js'), 'dist/index.js (run `npm run build`)')) as { analyze(t: string): Report };
  return lib.analyze(text);
}

export interface ExampleFile {
  name: string;
  text: string;
  report: Report;
}

export function sheet7Example(): ExampleFile {
  const dir = join(REPO, 'examples');
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.rnn'))
    .sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (isSheet7(text)) return { name, text, report: analyze(text) };
  }
  throw new Error('no example declares W_hh and derives ∂L/∂W_hh');
}
