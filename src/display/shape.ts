// Shapes as people read them, one vocabulary for diagnostics, hovers, completions, lenses and the panel:
// "scalar", "vector of 3", "2×3 matrix" (and "unknown" while a recurrence's own shape is being inferred).
// Imports nothing, so every layer and the webview bundle can use it.

/** "scalar", "vector of 3", "2×3 matrix"; null (not inferred yet) is "unknown". */
export function shapeText(shape: readonly number[] | null): string {
  if (shape === null) return 'unknown';
  if (shape.length === 0) return 'scalar';
  if (shape.length === 1) return `vector of ${shape[0]}`;
  return `${shape.join('×')} ${shape.length === 3 ? 'tensor' : 'matrix'}`;
}
