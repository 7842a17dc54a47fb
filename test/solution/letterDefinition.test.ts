// Probe 47 (Overleaf): `\vb{r} \triangleq \operatorname{softmax}(\vb{p}^{(T)}) - \vb{y}^{(T)}` and, after it,
// `\pdv{L}{\vb{b}_p} = \vb{r}`: a letter with no step defined by a formula was "unknown name r" in both. It is the
// solution's own name where a later equation reads it, as a general step's e_t = d_t − h_t is (session 44); where none
// reads it, it still says it is no name of the network.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';
import { SHEET7_BLOCK } from './helpers';

const read = (...eqs: string[]) =>
  analyzeSolution(`${SHEET7_BLOCK}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown', { sidecar: null }).equations;

describe('a letter defined by a formula', () => {
  it('is the solution’s own name for the equations after it', () => {
    const [def, use, wrong] = read(
      String.raw`r \triangleq -2(t_3 - y_3)`,
      String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = r`,
      String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = -r`,
    );
    expect(def!.status).toBe('skipped');
    expect(def!.message).toMatch(/it defines r by the formula after it, a name of the solution's own/);
    expect(use!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
  });
  it('defines nothing where no equation reads it', () => {
    const [def] = read(String.raw`r \coloneqq -2(t_3 - y_3)`, String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = -2(t_3 - y_3)`);
    expect(def!.message).toMatch(/unknown name r|r is not a name of the network/);
  });
});
