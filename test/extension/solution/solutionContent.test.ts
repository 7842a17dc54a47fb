// What the editor shows for a solution, from its SolutionReport: problems, lenses with labels and
// verdicts, the network of a line, and the hover on a derivative (its value from analyze()'s derive).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { networkSources } from '../../../src/extension/solution/networkSource';
import { equationTitle, networkAtLine, solutionDiagnosticItems, solutionLensItems } from '../../../src/extension/solution/solutionContent';
import { solutionDerivativeAt, solutionHoverContent } from '../../../src/extension/solution/solutionHoverContent';
import { analyzeSolution } from '../../../src/solution';
import { formatNumber } from '../../../src/extension/shared/format';

const NET = (T: number) =>
  `T = ${T}\ninput x = 0.5\ntarget t = ${T === 3 ? 1 : 0}\nparam w = 0.8\nparam v = 1.5\nh_0 = 0\nh_t = σ(w h_{t-1} + x_t)\ny_t = σ(v h_t)\nL_t = (t_t - y_t)^2\nloss L = Σ_t L_t`;
const TEXT = [
  '# Two exercises',
  '```rnn',
  NET(3),
  '```',
  '',
  String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = -2(t_3 - y_3) \tag{1}$$`,
  '',
  String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = 2(t_3 - y_3) \tag{2}$$`,
  '',
  '```rnn',
  NET(2),
  '```',
  '',
  String.raw`$$\frac{\partial \mathcal{L}}{\partial y_2} = 2(t_2 - y_2)$$`,
  '',
].join('\n');
const lineOf = (needle: string, from = 0) => TEXT.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('solution content', () => {
  const sol = analyzeSolution(TEXT, 'markdown');

  it('the reader sees two networks and three checked equations', () => {
    expect(sol.networks.length).toBe(2);
    expect(sol.equations.map((e) => e.status)).toEqual(['holds', 'fails', 'fails']);
  });

  it("problems are the reader's, with a hint per holding link only when asked", () => {
    const plain = solutionDiagnosticItems(sol, { hintForHolding: false });
    expect(plain).toEqual(sol.diagnostics);
    expect(plain.filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([lineOf('tag{2}'), lineOf('y_2}')]);
    const hints = solutionDiagnosticItems(sol, { hintForHolding: true }).filter((d) => d.severity === 'hint');
    expect(hints.map((d) => d.line)).toEqual([lineOf('tag{1}')]);
  });

  it('a lens above each checked equation, with its label and verdict', () => {
    const lenses = solutionLensItems(sol, 4, 'file:///s.md');
    expect(lenses.map((l) => [l.range.line, l.title.slice(0, 5)])).toEqual([
      [lineOf('tag{1}'), '(1) ✓'],
      [lineOf('tag{2}'), '(2) ✗'],
      [lineOf('y_2}'), '✗ fai'],
    ]);
    expect(lenses[1]!.tooltip).toBe(sol.equations[1]!.message);
    expect(lenses[1]!.arg).toEqual({ uri: 'file:///s.md', line: lineOf('tag{2}') });
  });

  it('a failing title names the step and both values, as a .rnn lens does', () => {
    const r = analyze(`${NET(3)}\ncheck ∂L/∂y_3 = 2(t_3 - y_3)\n`);
    const lhs = r.checks[0]!.steps[0]!.lhs as number;
    expect(equationTitle(sol.equations[1]!, 4)).toContain(formatNumber(lhs, 4));
  });

  it('each line belongs to the network before it', () => {
    expect(networkAtLine(sol, lineOf('tag{2}'))).toBe(0);
    expect(networkAtLine(sol, lineOf('y_2}'))).toBe(1);
    expect(networkAtLine(sol, 1)).toBe(0);
    expect(networkAtLine(sol, lineOf('```rnn', 5) + 2)).toBe(1);
  });

  it("the network texts line up with the reader's networks", () => {
    const nets = networkSources(TEXT, 'markdown', null);
    expect(nets.length).toBe(sol.networks.length);
    nets.forEach((n, i) => expect(analyze(n).T).toBe(sol.networks[i]!.report.T));
  });

  it("hovering ∂L/∂y_2 in the second exercise shows the second network's value", () => {
    const line = lineOf('y_2}');
    const col = TEXT.split('\n')[line - 1]!.indexOf('y_2}') + 1;
    expect(solutionDerivativeAt(TEXT, sol, line, col)?.text).toBe(String.raw`\frac{\partial \mathcal{L}}{\partial y_2}`);
    const h = solutionHoverContent(TEXT, sol, networkSources(TEXT, 'markdown', null), line, col, {
      digits: 6,
      detail: 'full',
      uri: 'file:///s.md',
      analyze: {},
    });
    const expected = analyze(`${NET(2)}\nderive ∂L/∂y_2\n`).derives[0]!.results[0]!.value as number;
    const other = analyze(`${NET(3)}\nderive ∂L/∂y_2\n`).derives[0]!.results[0]!.value as number;
    expect(expected).not.toBeCloseTo(other, 6);
    expect(h?.markdown).toContain(formatNumber(expected, 6));
    expect(TEXT.slice(h!.start, h!.end)).toBe(h!.derivative);
    // its panel link opens the equation's own line, not the generated derive line
    const link = /command:unroll\.openPanel\?([^)]*)\)/.exec(h!.markdown);
    expect(JSON.parse(decodeURIComponent(link![1]!))).toEqual([{ uri: 'file:///s.md', line }]);
    expect(h!.markdown.match(/command:unroll\.openPanel/g)?.length).toBe(1);
  });

  it('a derivative with a free t shows its value at every step', () => {
    const text = `${TEXT}\n$$\\frac{\\partial h_t}{\\partial h_{t-1}} = w \\sigma'(w h_{t-1} + x_t)$$\n`;
    const s = analyzeSolution(text, 'markdown');
    const line = text.split('\n').findIndex((l) => l.includes('h_{t-1}}')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('h_t}') + 1;
    const h = solutionHoverContent(text, s, networkSources(text, 'markdown', null), line, col, {
      digits: 6,
      detail: 'full',
      uri: 'u',
      analyze: {},
    });
    const results = analyze(`${NET(2)}\nderive ∂h_t/∂h_{t-1}\n`).derives[0]!.results;
    expect(results.length).toBe(2);
    for (const r of results) expect(h?.markdown).toContain(formatNumber(r.value as number, 6));
  });

  it("the physics package's \\pdv{h_t}{h_{t-1}} and \\dv are found and answered as the \\frac they print", () => {
    // regression: the hover found \frac and ∂A/∂B only, so an Overleaf solution's \pdv showed nothing
    const text = `${TEXT}\n$$\\pdv{h_t}{h_{t-1}} = w \\sigma'(w h_{t-1} + x_t)$$\n`;
    const s = analyzeSolution(text, 'markdown');
    const line = text.split('\n').findIndex((l) => l.includes('\\pdv')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('h_t}') + 1;
    expect(solutionDerivativeAt(text, s, line, col)?.text).toBe(String.raw`\frac{\partial h_t}{\partial h_{t-1}}`);
    const h = solutionHoverContent(text, s, networkSources(text, 'markdown', null), line, col, {
      digits: 6,
      detail: 'full',
      uri: 'u',
      analyze: {},
    });
    for (const r of analyze(`${NET(2)}\nderive ∂h_t/∂h_{t-1}\n`).derives[0]!.results)
      expect(h?.markdown).toContain(formatNumber(r.value as number, 6));
    expect(text.slice(h!.start, h!.end)).toBe(String.raw`\pdv{h_t}{h_{t-1}}`);
  });

  it('no hover outside display equations or off derivatives', () => {
    const nets = networkSources(TEXT, 'markdown', null);
    const opts = { digits: 4, detail: 'full' as const, uri: 'u', analyze: {} };
    expect(solutionHoverContent(TEXT, sol, nets, 1, 3, opts)).toBeNull();
    const line = lineOf('tag{1}');
    const col = TEXT.split('\n')[line - 1]!.indexOf('-2') + 1;
    expect(solutionHoverContent(TEXT, sol, nets, line, col, opts)).toBeNull();
  });

  it('a derivative the network cannot evaluate says why instead of a value', () => {
    const text = TEXT.replace(String.raw`\partial y_2}`, String.raw`\partial q_2}`);
    const s = analyzeSolution(text, 'markdown');
    const line = lineOf('y_2}');
    const col = text.split('\n')[line - 1]!.indexOf('q_2}') + 1;
    const h = solutionHoverContent(text, s, networkSources(text, 'markdown', null), line, col, {
      digits: 4,
      detail: 'full',
      uri: 'u',
      analyze: {},
    });
    expect(h?.markdown).toMatch(/cannot evaluate/);
    expect(h?.markdown).toMatch(/q/);
  });
});

describe('a chain’s link left unjudged in the lens', () => {
  // session 47: `∂L/∂y_3 = −2(t_3 − y_3) = β` showed "✓ holds" above the display, link 2 never judged
  const text = [
    '```rnn',
    NET(3),
    '```',
    '',
    String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = -2(t_3 - y_3) = \beta \tag{1}$$`,
    '',
  ].join('\n');
  const sol = analyzeSolution(text, 'markdown');

  it('the lens says which link was not checked beside the judged one’s verdict', () => {
    const [lens] = solutionLensItems(sol, 4, 'file:///s.md');
    expect(lens!.title).toMatch(/^\(1\) ✓ holds.* · link 2 not checked$/);
  });
});
