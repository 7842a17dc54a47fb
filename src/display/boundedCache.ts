// A cache of what printing computes again and again for the same few keys (a name's LaTeX, a name's parts,
// a term's line layout), bounded because an editor session prints many files: when full it starts over,
// which costs one recomputation per key and keeps no order to maintain on the hot path.

export class BoundedCache<V> {
  private readonly kept = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.kept.get(key);
  }

  /** keeps value under key (starting over when full) and returns it */
  set(key: string, value: V): V {
    if (this.kept.size >= this.max) this.kept.clear();
    this.kept.set(key, value);
    return value;
  }
}
