// Symbolic derivations: time and printed size of ∂L/∂W_hh for the scalar vanilla RNN at T = 10, 100, 1000
// (target: T = 1000 well under 100 ms, size ∝ T). Measured through analyze(): the same text analysed with
// and without symbolic forms; the difference is what the symbolic engine costs.

import { analyze } from '../src/analysis';
import { fmtMs, fmtRatio, notAvailable, printTable, timeMedian } from './timing';

export function scalarRnnText(T: number): string {
  const xs = Array.from({ length: T }, (_, t) => (Math.sin(t + 1) * 0.8).toFixed(3));
  const ys = Array.from({ length: T }, (_, t) => (t % 2).toString());
  return [
    `T = ${T}`,
    `input x = [${xs.join(', ')}]`,
    `target y = [${ys.join(', ')}]`,
    'param W_xh = 0.3',
    'param W_hh = 0.8',
    'param b_h = 0.1',
    'param W_hy = 1.5',
    'param b_y = -0.2',
    'h_0 = 0',
    'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
    'o_t = σ(W_hy h_t + b_y)',
    'L_t = (y_t - o_t)^2',
    'loss L = Σ_t L_t',
    'derive ∂L/∂W_hh',
  ].join('\n');
}

export function benchSymbolic(): void {
  const rows: string[][] = [];
  const sizes: number[] = [];
  for (const T of [10, 100, 1000]) {
    const text = scalarRnnText(T);
    const base = { graph: false, gradcheck: false, draws: 1 };
    const r = analyze(text, { ...base, symbolic: true });
    const forms = r.derives[0]?.results[0]?.forms;
    if (!forms || !(forms.chain || forms.explicit || forms.recursive)) {
      notAvailable('Symbolic derive', 'analyze() returns no symbolic forms for `derive ∂L/∂W_hh` yet');
      return;
    }
    const withSym = timeMedian(() => analyze(text, { ...base, symbolic: true }), 11, 2, 8000);
    const without = timeMedian(() => analyze(text, { ...base, symbolic: false }), 11, 2, 8000);
    const len = (f?: { text: string; latex: string }) => (f ? `${f.text.length}/${f.latex.length}` : '—');
    const total = [forms.chain, forms.explicit, forms.recursive].reduce((s, f) => s + (f ? f.text.length + f.latex.length : 0), 0);
    sizes.push(total);
    rows.push([
      `T = ${T}`,
      fmtMs(Math.max(0, withSym.ms - without.ms)),
      fmtMs(withSym.ms),
      len(forms.chain),
      len(forms.explicit),
      len(forms.recursive),
      sizes.length > 1 ? fmtRatio(total / sizes[sizes.length - 2]) : '',
    ]);
  }
  printTable(
    'Symbolic ∂L/∂W_hh, scalar vanilla RNN — median; target T = 1000 well under 100 ms, size ∝ T',
    ['', 'symbolic cost', 'analyze()', 'chain chars (text/latex)', 'explicit', 'recursive', 'size ×'],
    rows,
  );
  console.log('  symbolic cost = analyze() with symbolic forms − without (graph, gradcheck off; 1 draw). size × = total printed size vs the previous row (10× T).');
}
