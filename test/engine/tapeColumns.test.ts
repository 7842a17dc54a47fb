// The tape's nodes are handles over columns (tapeNodes.ts) and their values runs of the arena's chunks, read in
// place: a node's fields read back what was pushed, `data` is the value (a view made at the first read, the same
// array at every later one), a graph node's `id` shares its equation's value, and a truncation keeps what was
// read before it while the positions past it are pushed again.
import { describe, expect, it } from 'vitest';
import { Tape } from '../../src/engine/tape';

const vec = (...xs: number[]) => Float64Array.from(xs);

describe('tape nodes by column', () => {
  it('reads back each node as it was pushed', () => {
    const tape = new Tape();
    const x = tape.push('leaf', [3], vec(1, 2, 3));
    const two = tape.scalar(2);
    const y = tape.mul(two, x);
    const z = tape.add(y, x, true);
    const s = tape.fn('sum', z, []);
    const id = tape.alias('id', [], s);
    expect([x.op, two.op, y.op, z.op, s.op, id.op]).toEqual(['leaf', 'const', 'mul', 'sub', 'fn', 'id']);
    expect(y.a).toBe(two);
    expect(y.b).toBe(x);
    expect(s.b).toBeNull();
    expect(id.a).toBe(s);
    expect(s.aux).toBe('sum');
    expect([x.len, y.len, s.len]).toEqual([3, 3, 1]);
    expect(tape.nodeList().map((n) => n.id)).toEqual([0, 1, 2, 3, 4, 5]);
    // a leaf's value is its own array; a computed one a view of its chunk, made once
    expect(x.data).toBe(x.store);
    expect([...y.data]).toEqual([2, 4, 6]);
    expect(y.data).toBe(y.data);
    expect([...z.data]).toEqual([1, 2, 3]);
    expect([...id.data]).toEqual([6]);
    // barrier and start are written in place
    id.barrier = true;
    id.start = 2;
    expect([id.barrier, id.start, s.barrier, s.start]).toEqual([true, 2, false, 4]);
  });

  it('finds every node of a tape longer than one chunk of handles (4,096), each as it was pushed', () => {
    const tape = new Tape();
    let x = tape.push('leaf', [], vec(1));
    const made = [x];
    for (let k = 0; k < 10_000; k++) made.push((x = tape.add(x, made[k >> 1]!)));
    expect(tape.nodeList().length).toBe(10_001);
    // the same handle back at every position, across the chunks' edges
    for (const k of [0, 4095, 4096, 4097, 8191, 8192, 10_000]) {
      expect(tape.nodeList()[k]).toBe(made[k]);
      expect(made[k]!.id).toBe(k);
    }
    expect(made[8192]!.b).toBe(made[4095]);
  });

  it('keeps the values read before a truncation, and the positions past it take new nodes', () => {
    const tape = new Tape();
    const x = tape.push('leaf', [2], vec(1, -1));
    const mark = tape.size;
    const t = tape.fn('exp', x, [2]);
    const before = t.data;
    const kept = [...before];
    tape.truncate(mark);
    expect(tape.size).toBe(mark);
    const u = tape.neg(x);
    expect(u.id).toBe(t.id);
    expect([...u.data]).toEqual([-1, 1]);
    expect([...before]).toEqual(kept);
    expect(tape.node(u.id)).toBe(u);
  });

  it('reserve keeps the nodes made before it and finds every node by position past the room it made', () => {
    const tape = new Tape();
    const x = tape.push('leaf', [2], vec(1, -1));
    tape.reserve(3);
    const made = [x];
    for (let k = 0; k < 6; k++) made.push(tape.neg(made[made.length - 1]!));
    expect(tape.size).toBe(7);
    made.forEach((n, k) => expect(tape.node(k)).toBe(n));
    expect(tape.nodeList()).toEqual(made);
    expect([...made[5]!.data, ...made[6]!.data]).toEqual([-1, 1, 1, -1]);
  });

  it('grows past its first columns and chunks with every value in place', () => {
    const tape = new Tape();
    let h = tape.push('leaf', [4], vec(0.1, 0.2, 0.3, 0.4));
    const w = tape.push(
      'leaf',
      [4, 4],
      new Float64Array(16).map((_, k) => ((k % 5) - 2) / 10),
    );
    const hs = [h];
    for (let t = 0; t < 3000; t++) hs.push((h = tape.fn('tanh', tape.matmul(w, h, [4]), [4])));
    // the same recurrence on plain arrays
    let ref = [0.1, 0.2, 0.3, 0.4];
    for (let t = 1; t <= 3000; t++) {
      ref = ref.map((_, i) => Math.tanh(ref.reduce((s, v, k) => s + w.data[i * 4 + k]! * v, 0)));
      if (t % 997 === 0 || t === 3000) expect([...hs[t]!.data]).toEqual(ref);
    }
  });
});
