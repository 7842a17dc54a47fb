// Every gradient an example derives equals central differences of the model re-run with perturbed
// values (forward() with ValueOverrides), within 1e-6 relative.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { centralDifferenceChecks, exampleNames, loadExample } from './helpers';

describe('example derives vs central differences', () => {
  for (const name of exampleNames()) {
    it(name, () => {
      const text = loadExample(name);
      const compared = centralDifferenceChecks(text, analyze(text));
      // each example derives at least one gradient with respect to a declared parameter or input
      expect(compared.length).toBeGreaterThan(0);
      for (const c of compared) expect(c.maxRelErr).toBeLessThan(1e-6);
    });
  }
});
