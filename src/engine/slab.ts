// Zeroed typed arrays carved out of shared slabs. In Node 20 a Float64Array of more than 8 entries gets an
// ArrayBuffer of its own outside V8's heap: a malloc, its zeroing, and bookkeeping for the collector that frees
// it, ~1–2.5 µs each, where a view into an existing buffer costs ~60 ns. An analysis of an example made ~120
// such arrays (a derivative's result, a matrix product, a tape's columns and value chunks): perf put malloc,
// free and the array-buffer sweeper at ~8% of the engine's thread (issue 11).
//
// A slab's bytes are handed out once and never reused, so every array is zeroed memory that only its caller
// writes, as a fresh array is; a slab is freed when the last view into it is. What a live view retains beyond
// itself is the rest of its slab (SLAB_BYTES); a large array still gets a buffer of its own.

/** bytes of one slab */
const SLAB_BYTES = 1 << 18;
/** an array of more bytes than this gets its own buffer (it would leave much of a slab unused) */
const OWN_BYTES = SLAB_BYTES >> 3;

let slab = new ArrayBuffer(0);
let used = 0;

/** where `bytes` zeroed bytes begin in `slab`, 8-byte aligned (a new slab when the current one is full) */
function take(bytes: number): number {
  if (used + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += (bytes + 7) & ~7;
  return at;
}

/** up to 64 bytes a typed array lives inside V8's heap, made faster than a view (tape.ts OWN_ARRAY_MAX) */
const IN_HEAP_BYTES = 64;

/** `new Float64Array(n)`: n zeroed entries, written by the caller only */
export function zerosF64(n: number): Float64Array<ArrayBuffer> {
  if (n * 8 <= IN_HEAP_BYTES || n * 8 > OWN_BYTES) return new Float64Array(n);
  // taken first: take() may replace the slab
  const at = take(n * 8);
  return new Float64Array(slab, at, n);
}

/** `new Int32Array(n)`: n zeroed entries, written by the caller only */
export function zerosI32(n: number): Int32Array<ArrayBuffer> {
  if (n * 4 <= IN_HEAP_BYTES || n * 4 > OWN_BYTES) return new Int32Array(n);
  const at = take(n * 4);
  return new Int32Array(slab, at, n);
}
