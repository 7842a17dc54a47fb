// A property computed on first read (or set first), that is then an ordinary enumerable property in the
// same place among the object's keys: the object serialises, clones and compares as if it were plain.
//
// Why one getter and setter per key name, shared by every object: with an object literal's own `get x()`
// closures, V8's structures for that literal (old, shared by every such object) point at the newest
// closures, and the scavenger (the young generation's collector) treats those links as strong, so the
// closures and all they held (a lexer's state, an analysis's model and runs) survived every minor GC until
// a full one (issue 11; session 13 measured 2.5 MB promoted per scavenge from quantityReports' lazy
// partial forms, ~20 KB with this). One accessor pair for all leaves nothing of one object in them.

interface Accessors {
  thunk: symbol;
  get(this: object): unknown;
  set(this: object, value: unknown): void;
}

const byKey = new Map<string, Accessors>();

function settle(o: object, key: string, thunk: symbol, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  // what made the value (and everything it closed over) is let go
  (o as Record<symbol, unknown>)[thunk] = undefined;
}

function accessorsOf(key: string): Accessors {
  let a = byKey.get(key);
  if (!a) {
    const thunk = Symbol(`lazy ${key}`);
    a = {
      thunk,
      get(this: object) {
        const value = (this as Record<symbol, () => unknown>)[thunk]!();
        settle(this, key, thunk, value);
        return value;
      },
      set(this: object, value: unknown) {
        settle(this, key, thunk, value);
      },
    };
    byKey.set(key, a);
  }
  return a;
}

/** Give `o` the enumerable property `key`, made by `make()` when first read (unless set before). */
export function defineLazy(o: object, key: string, make: () => unknown): void {
  const a = accessorsOf(key);
  // a symbol, not enumerable: no key of the object as JSON, structuredClone or a deep equality sees it
  Object.defineProperty(o, a.thunk, { value: make, writable: true, configurable: true });
  Object.defineProperty(o, key, { get: a.get, set: a.set, enumerable: true, configurable: true });
}
