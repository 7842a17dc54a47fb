// Where a tape's forward values live: runs of a few large zeroed chunks, read in place (place(); TNode makes a
// view of one only when its `data` is read), or views into them (alloc(): a sweep's accumulators).
//
// Issue 11 (T = 5,000: 14× the time of T = 500, target 12×): every value computed on the tape stays alive until
// its run is done with the backward pass, so every young-generation collection during a run copied all of them,
// and then once more into the old space. A Float64Array of its own is three heap objects (the array, its
// ArrayBuffer, its in-heap store or an external one with its bookkeeping); a view into a chunk is one. Measured
// on the 64-unit RNN at T = 5,000, forward + every loss gradient: the young generation copied 23 + 27 MB per
// run (survived + promoted), now 8 + 8 MB, and the collections paused it 60–87 ms, now 17 ms (with the
// accumulators lent by length, accumulators.ts; --trace-gc-nvp, load 6 on 2 cores).
//
// A chunk is never handed out twice and never reused: a run (or view) is zeroed memory that only its node writes,
// and a chunk is freed when the tape and every view into it are. What is retained is therefore what the tape holds
// anyway, plus at most one unused chunk tail; a value kept past its run keeps its chunk (at most MAX_CHUNK
// entries, 512 KB) alive with it.

import { zerosF64 } from './slab';

/** entries of a tape's first chunk (a small model's whole tape), and the most of any later one (512 KB) */
const FIRST_CHUNK = 512;
const MAX_CHUNK = 1 << 16;
/** a value longer than this gets an array of its own (it would leave much of a chunk unused) */
const OWN_MIN = MAX_CHUNK >> 3;

const EMPTY = new Float64Array(0);

export class Arena {
  private chunk = EMPTY;
  private used = 0;
  private next: number;

  /** first: the entries of the first chunk (a sweep's accumulators start smaller than a tape's values) */
  constructor(first = FIRST_CHUNK) {
    this.next = first;
  }

  /** the array the entries of the last place() are in */
  held = EMPTY;

  /**
   * room for len zeroed entries, written by its caller only: where they begin in `held`. The tape's values are
   * kept so, as an array and an offset, with no view made (see Tape.push: a view is a heap object per value)
   */
  place(len: number): number {
    if (this.used + len > this.chunk.length) {
      if (len > OWN_MIN) {
        this.held = new Float64Array(len);
        return 0;
      }
      this.newChunk(len);
    }
    this.held = this.chunk;
    const at = this.used;
    this.used += len;
    return at;
  }

  /** a zeroed array of len entries, written by its caller only */
  alloc(len: number): Float64Array {
    if (this.used + len > this.chunk.length) {
      if (len > OWN_MIN) return new Float64Array(len);
      this.newChunk(len);
    }
    // a chunk may itself be a view into a slab (slab.ts): its own offset first
    const v = new Float64Array(this.chunk.buffer, this.chunk.byteOffset + this.used * 8, len);
    this.used += len;
    return v;
  }

  private newChunk(len: number): void {
    // each chunk twice the last (a long tape makes few), the tail of the old one left unused
    this.chunk = zerosF64(Math.max(this.next, len));
    this.next = Math.min(this.next * 2, MAX_CHUNK);
    this.used = 0;
  }
}
