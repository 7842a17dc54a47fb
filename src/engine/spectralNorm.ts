// The spectral norm ‖M‖ of a matrix: its largest singular value σ₁, the operator norm induced by the Euclidean norm —
// the norm the vanishing-gradient bounds mean (‖∏ J_j‖ ≤ ∏ ‖J_j‖, ‖diag(σ'(z))‖ ≤ 1/4), where the Frobenius norm
// of the n×n identity is √n. Its gradient is u vᵀ, the top singular vectors (M v = σ₁ u).

/** the Jacobi sweeps of a k×k symmetric matrix at most: they converge quadratically, in 6–10 for any k */
const MAX_SWEEPS = 60;

/** the operations one spectral norm of an m×n matrix is charged: the Gram matrix, then the Jacobi sweeps of its side */
export function spectralCost(m: number, n: number): number {
  const k = Math.min(m, n);
  return m * n * k + 10 * k * k * k;
}

export interface TopSingular {
  s: number;
  /** of length m: M v / σ₁ (zeros when σ₁ = 0) */
  u: Float64Array;
  /** of length n */
  v: Float64Array;
}

/**
 * σ₁ and its singular vectors of the m×n matrix stored row-major in m0 from ao. The Gram matrix of the shorter side
 * (MᵀM or M Mᵀ, k×k) is diagonalised by cyclic Jacobi rotations: exact to rounding whatever the gap between σ₁ and
 * σ₂, where power iteration converges with (σ₂/σ₁)² and not at all for equal ones.
 */
export function topSingular(m0: ArrayLike<number>, ao: number, m: number, n: number): TopSingular {
  // scaled by its largest entry: the Gram matrix squares the entries, which under- or overflows past 1e±154
  // (a matrix of one entry 1e-162 had σ₁ = 0)
  let scale = 0;
  for (let i = 0; i < m * n; i++) scale = Math.max(scale, Math.abs(m0[ao + i]!));
  if (!(scale > 0) || !Number.isFinite(scale)) scale = 1;
  const a = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) a[i] = m0[ao + i]! / scale;
  const top = topOfScaled(a, m, n);
  return { s: top.s * scale, u: top.u, v: top.v };
}

/** topSingular of a matrix whose entries are at most 1 in size, stored row-major from 0 */
function topOfScaled(a: Float64Array, m: number, n: number): TopSingular {
  const byColumns = n <= m;
  const k = byColumns ? n : m;
  // G = MᵀM (k = n) or M Mᵀ (k = m)
  const g = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      let s = 0;
      if (byColumns) for (let r = 0; r < m; r++) s += a[r * n + i]! * a[r * n + j]!;
      else for (let c = 0; c < n; c++) s += a[i * n + c]! * a[j * n + c]!;
      g[i * k + j] = s;
      g[j * k + i] = s;
    }
  const vecs = jacobiEigen(g, k);
  let top = 0;
  for (let i = 1; i < k; i++) if (g[i * k + i]! > g[top * k + top]!) top = i;
  const s = Math.sqrt(Math.max(0, g[top * k + top]!));
  // the eigenvector of G's largest eigenvalue: v (k = n) or u (k = m); the other from M's product with it
  const e = new Float64Array(k);
  for (let i = 0; i < k; i++) e[i] = vecs[i * k + top]!;
  const other = new Float64Array(byColumns ? m : n);
  if (s > 0) {
    if (byColumns)
      for (let r = 0; r < m; r++) {
        let t = 0;
        for (let c = 0; c < n; c++) t += a[r * n + c]! * e[c]!;
        other[r] = t / s;
      }
    else
      for (let c = 0; c < n; c++) {
        let t = 0;
        for (let r = 0; r < m; r++) t += a[r * n + c]! * e[r]!;
        other[c] = t / s;
      }
  }
  return byColumns ? { s, u: other, v: e } : { s, u: e, v: other };
}

/**
 * The eigenvalues of the symmetric k×k matrix g (left on its diagonal, g overwritten) and its eigenvectors (the
 * columns of the matrix returned), by cyclic Jacobi rotations until every off-diagonal entry is negligible.
 */
function jacobiEigen(g: Float64Array, k: number): Float64Array {
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += g[i * k + i]! * g[i * k + i]!;
      for (let j = i + 1; j < k; j++) off += g[i * k + j]! * g[i * k + j]!;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        const gpq = g[p * k + q]!;
        if (gpq === 0) continue;
        const gpp = g[p * k + p]!;
        const gqq = g[q * k + q]!;
        // the rotation that zeroes g[p][q] (Golub & Van Loan's symmetric Schur decomposition, the smaller angle)
        const theta = (gqq - gpp) / (2 * gpq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const grp = g[r * k + p]!;
          const grq = g[r * k + q]!;
          g[r * k + p] = c * grp - s * grq;
          g[r * k + q] = s * grp + c * grq;
        }
        for (let r = 0; r < k; r++) {
          const gpr = g[p * k + r]!;
          const gqr = g[q * k + r]!;
          g[p * k + r] = c * gpr - s * gqr;
          g[q * k + r] = s * gpr + c * gqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
  }
  return v;
}
