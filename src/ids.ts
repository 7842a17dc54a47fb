// Node identity: a quantity, input or parameter at a step of the unrolled graph.
// The one place that builds, parses and labels node ids. Every layer imports it (language, engine,
// extension, webview), so it imports nothing.
//
// Two spellings exist and both are made here only:
// - the key, "h@2" for h_2 and "W_hh" / "L" for untimed names: a string for Map keys and for the
//   Report's graph (GraphNode.id, GraphEdge.from/to, ChainTerm.path, the panel's selection);
// - the model key of an untimed quantity that shares its name with a timed one (loss L = Σ_t L_t
//   beside L_t) carries a trailing "#" inside src/language and src/engine; it never reaches the Report.

/** A node of the unrolled graph (or, with step null, an untimed name). */
export interface NodeId {
  /** the name as written (never the model's "#" suffix) */
  name: string;
  /** the step, or null for shared parameters, untimed quantities and per-step names taken whole */
  step: number | null;
  /** whether the name is a sequence (h_t); false for the untimed L that shares its name with L_t */
  timed: boolean;
}

/** The suffix of the model key of an untimed quantity that shares its name with a timed one. */
const UNTIMED_TWIN = '#';

/** The model key of the untimed quantity that shares `name` with a timed one. */
export function untimedTwinKey(name: string): string {
  return name + UNTIMED_TWIN;
}

/** Whether a model key is the untimed twin of a timed quantity ("L#"). */
export function isUntimedTwinKey(key: string): boolean {
  return key.endsWith(UNTIMED_TWIN);
}

/** The name a user wrote, from a model key: "L#" → "L", "h" → "h". */
export function nameOfKey(key: string): string {
  return isUntimedTwinKey(key) ? key.slice(0, -UNTIMED_TWIN.length) : key;
}

/** The identity of a model key at a step. */
export function nodeIdOf(key: string, step: number | null, timed: boolean): NodeId {
  return { name: nameOfKey(key), step, timed: timed && !isUntimedTwinKey(key) };
}

/** The string key of a node: "h@2", or the bare name for an untimed one. Names never contain "@". */
export function nodeKey(id: { name: string; step: number | null }): string {
  return id.step === null ? id.name : `${id.name}@${id.step}`;
}

/** The inverse of nodeKey (timedness is not in the key: a key with a step is timed). */
export function parseNodeKey(key: string): { name: string; step: number | null } {
  const at = key.lastIndexOf('@');
  if (at < 0) return { name: key, step: null };
  const step = Number(key.slice(at + 1));
  return Number.isInteger(step) ? { name: key.slice(0, at), step } : { name: key, step: null };
}

/** How messages name a node: h_2, h_{10}, W_hh; s_c^{(2)} for a name with a subscript of its own (stepLabel). */
export function nodeLabel(id: { name: string; step: number | null }): string {
  if (id.step === null) return nameOfKey(id.name);
  return stepLabel(nameOfKey(id.name), String(id.step));
}

/**
 * A name at a step (given as text: 2, t, t-1, 3-i), as messages print it: h_2, h_t, h_{t-1}. A name with a
 * subscript of its own (Graves's s_c, a_ω) takes its step over it, as Graves writes it and as it reads back:
 * s_c^t, a_ω^{t+1}, and s_c^{(2)} for a number (s_c^2 is a square) or a step that begins with one. Run together
 * under the name's own, s_c_t and a_ω_{t+1} read as one subscript.
 */
export function stepLabel(name: string, step: string): string {
  if (!name.includes('_')) return step.length === 1 ? `${name}_${step}` : `${name}_{${step}}`;
  // a letter first (not T, a transpose over a name) is a step written bare; anything else in parentheses
  const letter = /^\p{L}/u.test(step) && !/^T(?![\p{L}\p{N}_])/u.test(step);
  if (!letter) return `${name}^{(${step})}`;
  return step.length === 1 ? `${name}^${step}` : `${name}^{${step}}`;
}
