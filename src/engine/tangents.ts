// Total derivatives ∂A/∂B of many later graph nodes A by one fixed node B (`derive ∂h_t/∂h_1` over
// t = 1..T): forward accumulation over the graph, D[P] = Σ_Q ∂⁺P/∂Q · D[Q] in creation order, from
// each node's immediate Jacobian. One pass answers every A, where a reverse sweep per A costs O(T) each
// and O(T²) together.

import type { Budget, TNode } from './tape';
import { zerosF64 } from './slab';

export class Tangents {
  /** D[P] = ∂P/∂B (rows: P's entries, columns: B's), absent where P does not depend on B */
  private D = new Map<number, Float64Array>();
  /** index into `graph` of the next node to accumulate */
  private next: number;
  held = 0;

  constructor(
    readonly source: TNode,
    /** every graph node (quantity roots) in creation order */
    private graph: readonly TNode[],
    private immediate: (node: TNode) => Map<number, Float64Array>,
    private budget: Budget,
  ) {
    const n = source.data.length;
    const I = zerosF64(n * n);
    for (let i = 0; i < n; i++) I[i * n + i] = 1;
    this.D.set(source.id, I);
    this.held = n * n;
    let k = 0;
    while (k < graph.length && graph[k]!.id <= source.id) k++;
    this.next = k;
  }

  /** ∂A/∂B, or undefined when no path from B reaches A */
  at(A: TNode): Float64Array | undefined {
    const n = this.source.data.length;
    while (this.next < this.graph.length && this.graph[this.next]!.id <= A.id) {
      const P = this.graph[this.next++]!;
      const m = P.data.length;
      let acc: Float64Array | undefined;
      for (const [id, J] of this.immediate(P)) {
        const DQ = this.D.get(id);
        if (!DQ) continue;
        const k = DQ.length / n;
        this.budget.tick(m * k * n);
        acc ??= zerosF64(m * n);
        // acc (m×n) += J (m×k) · DQ (k×n)
        for (let r = 0; r < m; r++) {
          for (let q = 0; q < k; q++) {
            const j = J[r * k + q]!;
            if (j === 0) continue;
            for (let c = 0; c < n; c++) acc[r * n + c]! += j * DQ[q * n + c]!;
          }
        }
      }
      if (acc) {
        this.D.set(P.id, acc);
        this.held += acc.length;
      }
    }
    return this.D.get(A.id);
  }
}
