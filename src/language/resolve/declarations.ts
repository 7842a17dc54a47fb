// `param`, `input` and `target` declarations: their names first (so equations can tell sequences
// from shared names), then their values once the horizon is known.

import type { PackedNumbers, Statement } from '../ast';
import { LIMITS } from '../limits';
import type { Decl, Shape } from '../model';
import { entries, norm, same, shapeText } from '../shapes';
import type { Scope } from './scope';
import { occurrence } from './text';
import { constValue, fill, flatten, valueShape } from './values';

export type DeclStatement = Statement & { k: 'decl' };

/** declares every name; returns the declarations accepted (their values are read later) */
export function declareNames(statements: Statement[], scope: Scope): DeclStatement[] {
  const accepted: DeclStatement[] = [];
  for (const st of statements) {
    if (st.k !== 'decl') continue;
    let name = st.name.raw;
    let perStep = st.kind !== 'param';
    // param w^{(t)}, input x^{(t)}: a superscript step is a subscript one (LANGUAGE.md §3), as in param w_t
    const { sub, sup } = st.name;
    const isT = (x: typeof sub) => x !== null && x.k === 'name' && x.raw === 't' && !x.sub && !x.sup && !x.args;
    if ((isT(sup) && !sub) || (isT(sub) && !sup)) perStep = true;
    else if (sub || sup) {
      scope.error(
        `declare ${name} without an index: \`${st.kind} ${name}\`${st.kind === 'param' ? ` (or \`param ${name}_t\` for one per step)` : ''}`,
        st.name.range,
      );
      scope.unavailable.set(name, { root: name, line: st.range.line });
      continue;
    }
    const m = /^(.+)_t$/.exec(name);
    if (m) {
      name = m[1]!;
      perStep = true;
    }
    if (scope.decls.has(name)) {
      scope.error(`${name} is declared twice (first on line ${scope.decls.get(name)!.line})`, st.name.range, 'duplicate');
      continue;
    }
    if (st.shape && entries(st.shape) > LIMITS.maxEntries) {
      scope.error(
        `${name} would have ${entries(st.shape).toLocaleString('en')} entries, more than ${LIMITS.maxEntries.toLocaleString('en')} (limit)`,
        st.shapeRange ?? st.name.range,
        'limit',
      );
      scope.refuse(name);
      continue;
    }
    scope.declare(name, {
      name,
      kind: st.kind,
      perStep,
      shape: st.shape ? norm(st.shape) : [],
      values: null,
      line: st.range.line,
      range: st.range,
      nameRange: st.name.nameRange,
    });
    accepted.push(st);
    scope.symbols.push(occurrence(st.name.nameRange, name, st.name.raw, 'declaration'));
  }
  return accepted;
}

/** reads each declaration's VALUE against its shape and the horizon */
export function readDeclaredValues(declStatements: DeclStatement[], scope: Scope): void {
  const T = scope.T;
  for (const st of declStatements) {
    const d = scope.decls.get(/^(.+)_t$/.exec(st.name.raw)?.[1] ?? st.name.raw)!;
    if (!d || d.range !== st.range || !st.value) continue;
    if (st.value.k === 'list' && st.value.packed) {
      if (readPacked(st, d, st.value.packed, scope) && entries(d.shape) > LIMITS.maxEntries)
        scope.error(`${d.name} has more than ${LIMITS.maxEntries} entries (limit)`, st.range, 'limit');
      continue;
    }
    const v = constValue(st.value);
    if (v === null) {
      scope.error(`the value of ${d.name} must be numbers, e.g. 0.5, [1, 2] or [[1, 0], [0, 1]]`, st.value.range);
      continue;
    }
    const vs = valueShape(v);
    if (vs === false) {
      scope.error(`the value of ${d.name} is ragged: every row needs the same number of entries`, st.value.range, 'shape-mismatch');
      continue;
    }
    if (d.perStep) {
      // a sequence: T entries of the declared shape; a single value (of the shape) fills every step
      const declared = st.shape ? d.shape : null;
      if (typeof v === 'number') {
        d.values = Array.from({ length: T }, () => fill(declared ?? [], v));
        continue;
      }
      const asOne = declared !== null && same(norm(vs), declared);
      if (asOne && !(Array.isArray(v) && v.length === T && declared.length === 0)) {
        const data = flatten(v);
        d.values = Array.from({ length: T }, () => Float64Array.from(data));
        continue;
      }
      const list = v as (number | number[] | number[][])[];
      if (list.length !== T) {
        // with an unusable horizon (T = 3.5) the length cannot be judged: the horizon's own error says it all
        if (!scope.fatal)
          scope.error(
            `${d.name} has ${list.length} ${list.length === 1 ? 'entry' : 'entries'} but T = ${T}: a sequence gives one entry per step`,
            st.value.range,
            'sequence-length',
          );
        continue;
      }
      const entryShape = norm(valueShape(list[0]!) as Shape);
      const shape = declared ?? entryShape;
      let ok = true;
      const values: Float64Array[] = [];
      for (let k = 0; k < list.length; k++) {
        const e = list[k]!;
        if (typeof e === 'number') {
          values.push(fill(shape, e));
          continue;
        }
        const es = valueShape(e);
        if (es === false || !same(norm(es), shape)) {
          scope.error(
            `entry ${k + 1} of ${d.name} is ${es === false ? 'ragged' : shapeText(norm(es))}, but ${d.name} is a ${shapeText(shape)}`,
            st.value.range,
            'shape-mismatch',
          );
          ok = false;
          break;
        }
        values.push(Float64Array.from(flatten(e)));
      }
      if (!ok) continue;
      d.shape = shape;
      d.values = values;
    } else {
      if (typeof v === 'number') {
        d.values = [fill(d.shape, v)];
        continue;
      }
      const s = norm(vs);
      if (st.shape && !same(s, d.shape)) {
        scope.error(`${d.name} is declared a ${shapeText(d.shape)} but its value is a ${shapeText(s)}`, st.value.range, 'shape-mismatch');
        continue;
      }
      d.shape = s;
      d.values = [Float64Array.from(flatten(v))];
    }
    if (entries(d.shape) > LIMITS.maxEntries)
      scope.error(`${d.name} has more than ${LIMITS.maxEntries} entries (limit)`, st.range, 'limit');
  }
  // a VALUE written but refused (its error says why) is not "no value given": sample values only stand in
  for (const st of declStatements) {
    const d = scope.decls.get(/^(.+)_t$/.exec(st.name.raw)?.[1] ?? st.name.raw);
    if (d && d.range === st.range && st.value && !d.values) d.valueRefused = true;
  }
}

/**
 * readDeclaredValues for a literal the lexer packed (a regular literal of numbers): the same values,
 * shapes and messages as reading its nested entries, taken from its shape and row-major entries (issue 11:
 * no array per row, no node per number). False where the value was refused with an error.
 */
function readPacked(st: DeclStatement, d: Decl, packed: PackedNumbers, scope: Scope): boolean {
  const T = scope.T;
  const { shape: vs, data } = packed;
  // the model shares the literal's entries (views, no copies): values are only read, by every run alike
  const slice = (k: number, m: number) => data.subarray(k * m, (k + 1) * m);
  if (d.perStep) {
    const declared = st.shape ? d.shape : null;
    const length = vs[0]!;
    // the whole literal is one entry of the declared shape (unless it is the T numbers of a scalar sequence)
    if (declared !== null && same(norm(vs.slice()), declared) && !(length === T && declared.length === 0)) {
      d.values = Array.from({ length: T }, () => data.slice());
      return true;
    }
    if (length !== T) {
      if (!scope.fatal)
        scope.error(
          `${d.name} has ${length} ${length === 1 ? 'entry' : 'entries'} but T = ${T}: a sequence gives one entry per step`,
          st.value!.range,
          'sequence-length',
        );
      return false;
    }
    const entryShape = norm(vs.slice(1));
    const shape = declared ?? entryShape;
    if (vs.length === 1) {
      // numbers as entries: each fills the step's shape
      const values: Float64Array[] = [];
      for (let k = 0; k < T; k++) values.push(fill(shape, data[k]!));
      d.values = values;
    } else {
      // every entry has the shape of the first: one comparison for all
      if (!same(entryShape, shape)) {
        scope.error(
          `entry 1 of ${d.name} is ${shapeText(entryShape)}, but ${d.name} is a ${shapeText(shape)}`,
          st.value!.range,
          'shape-mismatch',
        );
        return false;
      }
      const m = data.length / T;
      const values: Float64Array[] = [];
      for (let k = 0; k < T; k++) values.push(slice(k, m));
      d.values = values;
    }
    d.shape = shape;
    return true;
  }
  const s = norm(vs.slice());
  if (st.shape && !same(s, d.shape)) {
    scope.error(`${d.name} is declared a ${shapeText(d.shape)} but its value is a ${shapeText(s)}`, st.value!.range, 'shape-mismatch');
    return false;
  }
  d.shape = s;
  d.values = [data];
  return true;
}
