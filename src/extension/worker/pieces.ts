// A big Report crosses from the worker to the host in pieces. A structured clone is rebuilt on the
// receiving thread in one go: the 1.6 MB Report of a 5,000-step file (per-step results, the unrolled
// graph) blocked the extension host for 15–35 ms on arrival, longer than a frame. So the worker sends
// the Report with its long arrays emptied (the skeleton), and the host asks for their items a piece at a
// time, one piece per turn of its event loop, and puts them back (the Report it ends up with is equal to
// the worker's). A small Report has no long arrays and goes whole, as before.

/** Where an emptied array sits in the skeleton: the keys and indices leading to it. */
export type PiecePath = (string | number)[];

export interface Piece {
  path: PiecePath;
  items: unknown[];
}

/** About this much JSON per piece: ~1–3 ms to rebuild on the host, even on a busy machine. */
export const PIECE_BYTES = 96 * 1024;
/** Arrays up to this length are never split (their items are looked into instead): sampling them is not worth it. */
const SHORT = 64;

/**
 * The skeleton of `value` (a copy where every array whose JSON would exceed `pieceBytes` is empty) and
 * the pieces that refill those arrays, in order. `value` itself is not changed. Items of a split array are
 * not looked into: one piece holds whole items.
 */
export function splitIntoPieces<T>(value: T, pieceBytes = PIECE_BYTES): { skeleton: T; pieces: Piece[] } {
  const pieces: Piece[] = [];
  const skeleton = strip(value, [], pieces, pieceBytes) as T;
  return { skeleton, pieces };
}

/**
 * `path` is one stack, pushed and popped on the way down and copied only into a piece: this walk runs on
 * every Report the worker sends, most of them small ones that split into nothing (~0.04 ms for the sheet-7
 * example's 54 KB Report, against 0.4 ms when each step down made its own path array).
 */
function strip(value: unknown, path: PiecePath, pieces: Piece[], pieceBytes: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.length > SHORT) {
      const perItem = sampleBytes(value);
      if (perItem * value.length > pieceBytes) {
        const n = Math.max(1, Math.floor(pieceBytes / Math.max(1, perItem)));
        const at = [...path];
        for (let i = 0; i < value.length; i += n) pieces.push({ path: at, items: value.slice(i, i + n) });
        return [];
      }
    }
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      const s = strip(v, path, pieces, pieceBytes);
      path.pop();
      if (s !== v) (copy ??= [...value])[i] = s;
    }
    return copy ?? value;
  }
  // plain data only (a Report): typed arrays and the like are left as they are
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const k in record) {
    const v = record[k];
    if (v === null || typeof v !== 'object') continue;
    path.push(k);
    const s = strip(v, path, pieces, pieceBytes);
    path.pop();
    if (s !== v) (copy ??= { ...record })[k] = s;
  }
  return copy ?? value;
}

/** The JSON size of an item of `xs`, estimated from a few spread over it (the worker's time, not the host's). */
function sampleBytes(xs: unknown[]): number {
  const k = 5;
  let bytes = 0;
  for (let j = 0; j < k; j++) bytes += (JSON.stringify(xs[Math.floor((j * (xs.length - 1)) / (k - 1))]) ?? '').length;
  return bytes / k;
}

/** Puts a piece's items back at the end of the emptied array its path names in `skeleton` (the host's copy). */
export function addPiece(skeleton: unknown, piece: Piece): void {
  let at: unknown = skeleton;
  for (const key of piece.path) at = (at as Record<string | number, unknown>)[key];
  if (!Array.isArray(at)) throw new Error(`a Report piece names no array (${piece.path.join('.')})`);
  for (const item of piece.items) at.push(item);
}
