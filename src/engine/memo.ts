// Caches keyed by the objects of one analysis (its Model, its Runs, its Exprs).
//
// Why not a module-level WeakMap: V8's scavenger (the minor GC) cannot tell whether a key in an old-space
// WeakMap is still alive, so it keeps every young value such a map holds until the next full GC. Eleven
// module-level maps kept ~2.3 MB of finished analyses alive at every minor GC, which promoted it to the old
// space: a fifth of an analysis's time went to the GC, five times v1's share (session 13, --trace-gc-nvp).
// Every Memo drops its map whole when a new analysis starts, so the map dies young with what it held.
//
// Every Memo is a pure cache: an entry dropped early is computed again, the same.

/** every Memo made: a new analysis empties them all at once (one left holding an old map would keep that
 * analysis alive until some later text used it) */
const all: Memo<object, unknown>[] = [];

/** a new analysis begins: every Memo forgets the entries of the ones before */
export function startAnalysis(): void {
  for (const m of all) m.clear();
}

export class Memo<K extends object, V> {
  private map: WeakMap<K, V> | null = null;

  constructor() {
    all.push(this as unknown as Memo<object, unknown>);
  }

  private current(): WeakMap<K, V> {
    return (this.map ??= new WeakMap<K, V>());
  }

  /** drop every entry: the map goes with them */
  clear(): void {
    this.map = null;
  }

  get(key: K): V | undefined {
    return this.map?.get(key);
  }

  has(key: K): boolean {
    return this.map?.has(key) ?? false;
  }

  set(key: K, value: V): this {
    this.current().set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map?.delete(key) ?? false;
  }
}
