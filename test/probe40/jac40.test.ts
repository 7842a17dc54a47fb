// Probe 40 (session 53): seed 002's vanilla RNN with vectors handed in by two students — Eva in Markdown (ᵀ and ⊙
// typed, \mathbf, a bmatrix), Farid as a LaTeX document (\mathbf, align with \tag, \prod) with a sidecar. Every right
// equation holds (the sum over Jacobians with ∂h^{(i)}/∂W_hh meant one-step, as the seed writes it); each planted
// mistake fails at its row, named. Fixed: the readable output of an align with a row not checked (Farid's W_phᵀ, a
// shape mismatch) dropped every row's \tag; the rows now show theirs, the unread one too.
import { describe, expect, it } from 'vitest';
import { renderSolutionText } from '../../src/cli-render';
import { read40 } from './read40';

describe('Eva’s hand-in (Markdown, Unicode typed, bmatrix)', () => {
  const { r, v } = read40('jac-eva.md');
  it('every equation is read; the right ones hold', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '4', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['8']!.status).toBe('holds-as-one-step');
  });
  it('W_ph written out in numbers holds at the file’s values, said so', () => {
    expect(v['3']!.status).toBe('holds-at-given-values');
    expect(v['3']!.message).toMatch(/leans on the given value of W_ph/);
  });
  it('each mistake is named', () => {
    expect(v['m1']!.message).toMatch(/σ' should be tanh': with that derivative the check holds/);
    expect(v['m2']!.message).toMatch(/W_hh should be W_hhᵀ: with that transpose the check holds/);
    expect(v['m3']!.message).toMatch(/∂h_2\/∂h_1 ∂h_3\/∂h_2 should be ∂h_3\/∂h_2 ∂h_2\/∂h_1/);
    for (const tag of ['m1', 'm2', 'm3']) expect(v[tag]!.status, tag).toBe('fails');
  });
});

describe('Farid’s hand-in (LaTeX document, sidecar network)', () => {
  const { r, v } = read40('jac-farid.tex');
  it('the right rows hold; the ∏ from j = i + 1 as the seed writes it, with ∂h^{(i)}/∂W_hh one-step', () => {
    expect(v['3']!.status).toBe('holds');
    expect(v['4']!.status).toBe('holds-as-one-step');
  });
  it('each mistake is named at its row', () => {
    expect(v['1m']!.message).toMatch(/with the opposite sign: a sign is wrong/);
    expect(v['3m']!.message).toMatch(/tanh\(h_t\) should be tanh\(W_hx x_t \+ W_hh h_\{t-1\} \+ b_h\)/);
    expect(v['4m']!.message).toMatch(/the ∏ over j on the right side \(j = i\.\.3\) has one term too many, j = i/);
    for (const tag of ['1m', '3m', '4m']) expect(v[tag]!.status, tag).toBe('fails');
  });
  it('W_phᵀ for the 2×3 Jacobian is not checked, saying the shapes and the transpose', () => {
    expect(r.skipped).toBe(1);
    const row = r.equations[0]!.unread!;
    expect(row).toHaveLength(1);
    expect(row[0]!.tag).toBe('2m');
    expect(row[0]!.message).toMatch(/the left side is a 2×3 matrix, the right side a 3×2 matrix/);
  });
  it('the readable output keeps every row’s tag beside the row not checked', () => {
    const text = renderSolutionText('jac-farid.tex', r);
    expect(text).toMatch(/line 10 \(1m\) ✗ fails/);
    expect(text).toMatch(/line 11 \(2m\) – not checked: shape mismatch/);
    expect(text).toMatch(/line 12 \(3\) ✓ holds/);
    expect(text).toMatch(/line 13 \(3m\) ✗ fails/);
  });
});
