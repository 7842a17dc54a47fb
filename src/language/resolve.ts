// Name resolution, time indices and shapes: statements → Model (+ diagnostics, + symbols for hovers).

import type { Diagnostic, Range, SymbolOccurrence } from '../report';
import type { Ast, NameAst, Statement } from './ast';
import { diag, suggest } from './diagnostics';
import { LIMITS } from './limits';
import type { Decl, Expr, Fn, Idx, Model, Quantity, Question, Shape } from './model';
import { displayName } from './print';
import { elementwiseShape, entries, matmulShape, norm, productKind, same, shapeText, transposeShape, type MaybeShape } from './shapes';

const FN_NAMES: Record<string, string> = {
  sigma: 'σ', tanh: 'tanh', relu: 'relu', exp: 'exp', log: 'log', sqrt: 'sqrt', abs: 'abs', softmax: 'softmax',
  sum: 'sum', mean: 'mean', diag: 'diag', dsigma: "σ'", dtanh: "tanh'", drelu: "relu'", count: 'count',
};

interface Def {
  st: Statement & { k: 'def' };
  base: string;
  /** 't' for the general equation, a step for an override, null for an untimed quantity */
  step: 't' | number | null;
  /** the model key: the name, or name# for an untimed twin of a sequence (L = Σ_t L_t) */
  key: string;
}

class Quiet extends Error {}

export interface Resolved {
  model: Model;
  diagnostics: Diagnostic[];
  symbols: SymbolOccurrence[];
  /** the horizon was unusable: the engine must not run */
  fatal: boolean;
}

export function resolve(statements: Statement[]): Resolved {
  const diagnostics: Diagnostic[] = [];
  const symbols: SymbolOccurrence[] = [];
  let fatal = false;
  const err = (message: string, range: Range, code?: string) => diagnostics.push(diag('error', message, range, code));

  // ---- the horizon -------------------------------------------------------------------------
  let T: number | null = null;
  const rest: Statement[] = [];
  for (const st of statements) {
    if (st.k === 'def' && st.lhs.raw === 'T' && !st.lhs.sub && !st.lhs.sup) {
      const v = constValue(st.rhs);
      symbols.push(occ(st.lhs.nameRange, 'T', 'T', 'definition'));
      if (T !== null) { err(`the horizon T is set twice`, st.range, 'horizon'); continue; }
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > LIMITS.maxT) {
        err(`the horizon T must be an integer from 1 to ${LIMITS.maxT.toLocaleString('en')} (limit), not ${typeof v === 'number' ? v : 'this'}`, st.rhs.range, v !== null && typeof v === 'number' && v > LIMITS.maxT ? 'limit' : 'horizon');
        fatal = true;
        T = 0;
        continue;
      }
      T = v;
    } else rest.push(st);
  }

  // ---- declarations -------------------------------------------------------------------------
  const decls = new Map<string, Decl>();
  /** declarations refused for a limit: their uses stay quiet (the declaration carries the error) */
  const refused = new Set<string>();
  const declStatements: (Statement & { k: 'decl' })[] = [];
  for (const st of rest) {
    if (st.k !== 'decl') continue;
    let name = st.name.raw;
    let perStep = st.kind !== 'param';
    if (st.name.sub || st.name.sup) {
      err(`declare ${name} without an index: \`${st.kind} ${name}\`${st.kind === 'param' ? ` (or \`param ${name}_t\` for one per step)` : ''}`, st.name.range);
      continue;
    }
    const m = /^(.+)_t$/.exec(name);
    if (m) { name = m[1]!; perStep = true; }
    if (decls.has(name)) {
      err(`${name} is declared twice (first on line ${decls.get(name)!.line})`, st.name.range, 'duplicate');
      continue;
    }
    if (st.shape && entries(st.shape) > LIMITS.maxEntries) {
      err(`${name} would have ${entries(st.shape).toLocaleString('en')} entries, more than ${LIMITS.maxEntries.toLocaleString('en')} (limit)`, st.shapeRange ?? st.name.range, 'limit');
      refused.add(name);
      continue;
    }
    decls.set(name, {
      name, kind: st.kind, perStep, shape: st.shape ? norm(st.shape) : [], values: null,
      line: st.range.line, range: st.range, nameRange: st.name.nameRange,
    });
    declStatements.push(st);
    symbols.push(occ(st.name.nameRange, name, st.name.raw, 'declaration'));
  }

  // the horizon, when not given: the length of the sequences, else 3 with a warning
  if (T === null) {
    const lens = declStatements.filter((d) => d.kind !== 'param' || /_t$/.test(d.name.raw)).map((d) => (d.value && d.value.k === 'list' ? d.value.items.length : null)).filter((x): x is number => x !== null);
    if (lens.length && lens.every((l) => l === lens[0]) && lens[0]! >= 1 && lens[0]! <= LIMITS.maxT) {
      T = lens[0]!;
    } else {
      T = 3;
      const first = statements[0]?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
      diagnostics.push(diag('warning', 'no horizon given: using T = 3 (write `T = …` on its own line)', { ...first, endLine: first.line, endColumn: first.column }, 'horizon'));
    }
  }
  const horizon = T;

  // ---- definitions: which names are sequences -------------------------------------------
  const defs: Def[] = [];
  const general = new Set<string>();
  for (const st of rest) {
    if (st.k !== 'def') continue;
    const ix = st.lhs.sub ?? st.lhs.sup;
    if (!ix && /^.+_t$/.test(st.lhs.raw)) general.add(st.lhs.raw.slice(0, -2));
    if (ix && ix.k === 'name' && ix.raw === 't') general.add(st.lhs.raw);
  }
  const timedBase = (b: string) => general.has(b) || (decls.has(b) && (decls.get(b)!.perStep));
  for (const st of rest) {
    if (st.k !== 'def') continue;
    const lhs = st.lhs;
    let base = lhs.raw;
    let step: Def['step'] = null;
    const ix = lhs.sub ?? lhs.sup;
    if (ix) {
      const idx = tryTimeIndex(ix, new Set(['t']));
      if (!idx || (idx.v !== null && idx.v !== 't') || (idx.v === 't' && idx.k !== 0)) {
        err(`the left side's index must be t (the general equation) or one step (h_0, h_{T+1}), not this`, ix.range);
        continue;
      }
      step = idx.v === 't' ? 't' : idx.k;
    } else {
      const m = /^(.+)_(t|T|\d+)$/.exec(lhs.raw);
      if (m && (m[2] === 't' || timedBase(m[1]!))) {
        base = m[1]!;
        step = m[2] === 't' ? 't' : m[2] === 'T' ? horizon : Number(m[2]);
      }
    }
    if (decls.has(base)) {
      err(`${base} is declared as ${decls.get(base)!.kind === 'param' ? 'a parameter' : 'an input'} on line ${decls.get(base)!.line}; it cannot also be defined by an equation`, lhs.range, 'duplicate');
      continue;
    }
    if (typeof step === 'number' && (step < 0 || step > horizon + 1)) {
      err(`step ${step} is outside 0..T+1 (T = ${horizon})`, lhs.range, 'index');
      continue;
    }
    defs.push({ st, base, step, key: step === null && general.has(base) ? base + '#' : base });
    symbols.push(occ(lhs.nameRange, base, lhs.raw, 'definition'));
  }

  const quantities = new Map<string, Quantity>();
  const generalSeen = new Set<string>();
  for (const d of defs) {
    let q = quantities.get(d.key);
    if (!q) {
      q = {
        name: d.key, timed: d.step !== null, shape: [], general: null, overrides: new Map(), isLoss: false,
        line: d.st.range.line, range: d.st.range, equationText: d.st.rhsText, overrideLines: new Map(),
      };
      quantities.set(d.key, q);
    } else if ((d.step === null) !== !q.timed) {
      err(`${d.base} is used both with and without a time index`, d.st.lhs.range);
      d.step = undefined as never;
      continue;
    }
    if (d.step === 't') {
      if (generalSeen.has(d.key)) { err(`${d.base}_t is defined twice (first on line ${q.line})`, d.st.lhs.range, 'duplicate'); d.step = undefined as never; continue; }
      generalSeen.add(d.key);
      q.line = d.st.range.line; q.range = d.st.range; q.equationText = d.st.rhsText;
    } else if (typeof d.step === 'number') {
      if (q.overrideLines.has(d.step)) { err(`${d.base}_${d.step} is defined twice`, d.st.lhs.range, 'duplicate'); d.step = undefined as never; continue; }
      q.overrideLines.set(d.step, d.st.range.line);
    }
    if (d.st.isLoss) q.isLoss = true;
  }
  // untimed duplicates
  const seenUntimed = new Map<string, number>();
  for (const d of defs) {
    if (d.step !== null) continue;
    if (seenUntimed.has(d.base)) { err(`${d.base} is defined twice (first on line ${seenUntimed.get(d.base)})`, d.st.lhs.range, 'duplicate'); d.step = undefined as never; }
    else seenUntimed.set(d.base, d.st.range.line);
  }

  const brokenQuantities = new Set<string>();
  const isTimed = (name: string) => decls.has(name) ? decls.get(name)!.perStep : quantities.get(name)?.timed ?? false;
  const known = () => [...decls.keys(), ...[...quantities.keys()].map(displayName), 'T'];

  // ---- declaration values -------------------------------------------------------------------
  for (const st of declStatements) {
    const d = decls.get(/^(.+)_t$/.exec(st.name.raw)?.[1] ?? st.name.raw)!;
    if (!d || d.range !== st.range || !st.value) continue;
    const v = constValue(st.value);
    if (v === null) { err(`the value of ${d.name} must be numbers, e.g. 0.5, [1, 2] or [[1, 0], [0, 1]]`, st.value.range); continue; }
    const vs = valueShape(v);
    if (vs === false) { err(`the value of ${d.name} is ragged: every row needs the same number of entries`, st.value.range, 'shape-mismatch'); continue; }
    if (d.perStep) {
      // a sequence: T entries of the declared shape; a single value (of the shape) fills every step
      const declared = st.shape ? d.shape : null;
      if (typeof v === 'number') {
        d.values = Array.from({ length: horizon }, () => fill(declared ?? [], v));
        continue;
      }
      const asOne = declared !== null && same(norm(vs), declared);
      if (asOne && !(Array.isArray(v) && v.length === horizon && declared.length === 0)) {
        const data = flatten(v);
        d.values = Array.from({ length: horizon }, () => Float64Array.from(data));
        continue;
      }
      const list = v as (number | number[] | number[][])[];
      if (list.length !== horizon) {
        err(`${d.name} has ${list.length} ${list.length === 1 ? 'entry' : 'entries'} but T = ${horizon}: a sequence gives one entry per step`, st.value.range, 'sequence-length');
        continue;
      }
      const entryShape = norm(valueShape(list[0]!) as Shape);
      const shape = declared ?? entryShape;
      let ok = true;
      const values: Float64Array[] = [];
      for (let k = 0; k < list.length; k++) {
        const e = list[k]!;
        if (typeof e === 'number') { values.push(fill(shape, e)); continue; }
        const es = valueShape(e);
        if (es === false || !same(norm(es), shape)) {
          err(`entry ${k + 1} of ${d.name} is ${es === false ? 'ragged' : shapeText(norm(es))}, but ${d.name} is a ${shapeText(shape)}`, st.value.range, 'shape-mismatch');
          ok = false;
          break;
        }
        values.push(Float64Array.from(flatten(e)));
      }
      if (!ok) continue;
      d.shape = shape;
      d.values = values;
    } else {
      if (typeof v === 'number') { d.values = [fill(d.shape, v)]; continue; }
      const s = norm(vs);
      if (st.shape && !same(s, d.shape)) {
        err(`${d.name} is declared a ${shapeText(d.shape)} but its value is a ${shapeText(s)}`, st.value.range, 'shape-mismatch');
        continue;
      }
      d.shape = s;
      d.values = [Float64Array.from(flatten(v))];
    }
    if (entries(d.shape) > LIMITS.maxEntries) err(`${d.name} has more than ${LIMITS.maxEntries} entries (limit)`, st.range, 'limit');
  }

  // ---- expressions ------------------------------------------------------------------------
  interface Ctx {
    /** index variables in scope: 't' (free step) and Σ/∏ variables */
    vars: Set<string>;
    quiet: boolean;
    /** the quantity whose equation this is (for symbols) */
    of: string | null;
    allowDeriv: boolean;
    shapeOf: (name: string) => MaybeShape;
    record: boolean;
  }

  const fail = (ctx: Ctx, message: string, range: Range, code?: string): never => {
    if (!ctx.quiet) err(message, range, code);
    throw new Quiet();
  };

  const quantityShapes = new Map<string, MaybeShape>();
  const shapeOf = (name: string): MaybeShape => decls.get(name)?.shape ?? quantityShapes.get(name) ?? null;

  function refOf(a: NameAst, ctx: Ctx): Expr {
    const mk = (name: string, idx: Idx | null, shape: MaybeShape, range: Range): Expr => {
      if (brokenQuantities.has(name)) throw new Quiet();
      if (ctx.record) symbols.push({ ...occ(a.nameRange, name, rawText(a), 'use'), ...(ctx.of ? { inEquationOf: ctx.of } : {}), offset: idx && idx.v === 't' ? idx.k : null, step: idx && idx.v === null ? idx.k : null });
      return { k: 'ref', name, idx, shape: shape as Shape, range };
    };
    const known = (n: string) => decls.has(n) || quantities.has(n);
    let raw = a.raw;
    if (refused.has(raw) || (!known(raw) && refused.has(raw.replace(/_[^_]+$/, '')))) throw new Quiet();
    // h_1^{(t)}: entry 1 of h at step t
    let entry: number | null = null;
    if (a.sup) {
      const m = /^(.+)_(\d+)$/.exec(raw);
      if (!known(raw) && m && isTimed(m[1]!)) { raw = m[1]!; entry = Number(m[2]); }
      if (isTimed(raw) && !a.sub) {
        const idx = timeIndexOf(a.sup, ctx);
        let e = mk(raw, idx, shapeOf(raw), a.range);
        if (entry !== null) e = indexEntry(e, entry, a.range, ctx);
        return e;
      }
      // not a sequence: a power x^(2)
      const base = refOf({ ...a, sup: null }, ctx);
      const ex = expression(a.sup, ctx);
      if (ex.shape && ex.shape.length) fail(ctx, `an exponent must be a scalar, not a ${shapeText(ex.shape)}`, a.sup.range, 'shape-mismatch');
      return { k: 'pow', a: base, b: ex, shape: base.shape, range: a.range };
    }
    if (a.sub) {
      if (!known(raw)) {
        const s = suggest(raw, known_());
        fail(ctx, `unknown name ${raw}${s ? ` — did you mean ${s}?` : ''}`, a.nameRange, 'unknown-name');
      }
      if (!isTimed(raw)) fail(ctx, `${raw} has no time index: it is not a sequence`, a.range, 'index');
      return mk(raw, timeIndexOf(a.sub, ctx), shapeOf(raw), a.range);
    }
    if (raw === 'T' && !known('T')) return { k: 'num', value: horizon, shape: [], range: a.range };
    if (ctx.vars.has(raw) && !known(raw)) return { k: 'var', idx: { v: raw, k: 0 }, shape: [], range: a.range };
    if (quantities.has(raw + '#')) return mk(raw + '#', null, shapeOf(raw + '#'), a.range);
    if (known(raw)) {
      if (isTimed(raw)) fail(ctx, `${raw} is a sequence: write ${raw}_t, ${raw}_{t-1} or a step such as ${raw}_1`, a.range, 'index');
      return mk(raw, null, shapeOf(raw), a.range);
    }
    // h_t, L_3, h_T, x_i: a time-indexed name
    const m = /^(.+)_([^_]+)$/.exec(raw);
    if (m && known(m[1]!)) {
      const base = m[1]!;
      const seg = m[2]!;
      const idx: Idx | null = /^\d+$/.test(seg) ? { v: null, k: Number(seg) } : seg === 'T' ? { v: null, k: horizon } : ctx.vars.has(seg) ? { v: seg, k: 0 } : null;
      if (idx && isTimed(base)) return mk(base, idx, shapeOf(base), a.range);
      if (idx && !isTimed(base)) fail(ctx, `${base} has no time index: it is not a sequence`, a.range, 'index');
      if (seg === 't') fail(ctx, `t is not bound here: use a step number, or Σ_t to sum over steps`, a.range, 'index');
    }
    if (m && /^(t|T|\d+)$/.test(m[2]!) && !known(m[1]!)) {
      const s = suggest(m[1]!, known_());
      fail(ctx, `unknown name ${m[1]}${s ? ` — did you mean ${s}?` : ''}`, a.nameRange, 'unknown-name');
    }
    const s = suggest(raw, known_());
    return fail(ctx, `unknown name ${raw}${s ? ` — did you mean ${s}?` : ''}`, a.nameRange, 'unknown-name');
  }

  function known_(): string[] { return known(); }

  function indexEntry(e: Expr, i: number, range: Range, ctx: Ctx): Expr {
    const s = e.shape;
    if (s && s.length !== 1) fail(ctx, `${rawName(e)} is a ${shapeText(s)}: one index picks an entry of a vector`, range, 'shape-mismatch');
    if (s && (i < 1 || i > s[0]!)) fail(ctx, `entry ${i} is outside 1..${s[0]}`, range, 'index');
    return { k: 'index', a: e, i: { k: 'num', value: i, shape: [], range }, j: null, shape: [], range };
  }

  function timeIndexOf(a: Ast, ctx: Ctx): Idx {
    const idx = tryTimeIndex(a, ctx.vars);
    if (!idx) {
      if (a.k === 'name' && !ctx.vars.has(a.raw) && /^[a-z]$/.test(a.raw)) fail(ctx, `${a.raw} is not bound here: use t, a step number, or a Σ/∏ index`, a.range, 'index');
      fail(ctx, `a time index is t, t±k, a step number, T or T±k, or a Σ/∏ variable`, a.range, 'index');
    }
    return idx!;
  }

  function tryTimeIndex(a: Ast, vars: Set<string>): Idx | null {
    if (a.k === 'num') return Number.isInteger(a.value) ? { v: null, k: a.value } : null;
    if (a.k === 'name' && !a.sub && !a.sup) {
      if (a.raw === 'T') return { v: null, k: horizon };
      if (vars.has(a.raw)) return { v: a.raw, k: 0 };
      return null;
    }
    if (a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && Number.isInteger(a.b.value)) {
      const base = tryTimeIndex(a.a, vars);
      if (!base) return null;
      return { v: base.v, k: base.k + (a.op === '+' ? a.b.value : -a.b.value) };
    }
    return null;
  }

  function expression(a: Ast, ctx: Ctx): Expr {
    switch (a.k) {
      case 'num':
        return { k: 'num', value: a.value, shape: [], range: a.range };
      case 'name':
        return refOf(a, ctx);
      case 'list': {
        if (a.items.length === 0) fail(ctx, 'an empty literal []', a.range, 'shape-mismatch');
        const items = a.items.map((x) => expression(x, ctx));
        if (items.every((x) => x.shape !== null && x.shape.length === 0)) {
          return { k: 'vec', items, shape: norm([items.length]), range: a.range };
        }
        const rows = items.map((x) => (x.k === 'vec' ? x.items : null));
        if (rows.some((r) => !r) || rows.some((r) => r!.length !== rows[0]!.length)) fail(ctx, 'a matrix literal is a list of rows of equal length, e.g. [[1, 0], [0, 1]]', a.range, 'shape-mismatch');
        return { k: 'mat', rows: rows as Expr[][], shape: norm([rows.length, rows[0]!.length]), range: a.range };
      }
      case 'neg': {
        const x = expression(a.a, ctx);
        return { k: 'neg', a: x, shape: x.shape, range: a.range };
      }
      case 'bin': {
        const x = expression(a.a, ctx);
        const y = expression(a.b, ctx);
        const both = `${describe(x)} (${shapeText(x.shape)}) and ${describe(y)} (${shapeText(y.shape)})`;
        switch (a.op) {
          case '+': case '-': {
            const s = elementwiseShape(x.shape, y.shape);
            if (s === false) fail(ctx, `shape mismatch: cannot ${a.op === '+' ? 'add' : 'subtract'} ${both}`, a.range, 'shape-mismatch');
            return { k: a.op === '+' ? 'add' : 'sub', a: x, b: y, shape: s as Shape, range: a.range };
          }
          case '⊙': {
            const s = elementwiseShape(x.shape, y.shape);
            if (s === false) fail(ctx, `shape mismatch: ⊙ needs equal shapes, not ${both}`, a.range, 'shape-mismatch');
            const k = (x.shape && x.shape.length === 0) || (y.shape && y.shape.length === 0) ? 'mul' : 'hadamard';
            return { k, a: x, b: y, shape: s as Shape, range: a.range };
          }
          case '@': {
            const s = x.shape && y.shape ? matmulShape(x.shape, y.shape) : null;
            if (x.shape && y.shape && !s) fail(ctx, `shape mismatch: cannot form the matrix product of ${both}`, a.range, 'shape-mismatch');
            return { k: 'matmul', a: x, b: y, shape: s as Shape, range: a.range };
          }
          case '*': case 'juxt': {
            const r = productKind(x.shape, y.shape);
            if (!r) fail(ctx, `shape mismatch: cannot multiply ${both}`, a.range, 'shape-mismatch');
            return { k: r!.kind, a: x, b: y, shape: r!.shape as Shape, range: a.range };
          }
          case '/': {
            if (y.shape && y.shape.length && !(x.shape && same(x.shape, y.shape))) fail(ctx, `shape mismatch: cannot divide ${both}`, a.range, 'shape-mismatch');
            return { k: 'div', a: x, b: y, shape: x.shape as Shape, range: a.range };
          }
          case '^': {
            if (y.shape && y.shape.length) fail(ctx, `an exponent must be a scalar, not a ${shapeText(y.shape)}`, a.b.range, 'shape-mismatch');
            return { k: 'pow', a: x, b: y, shape: x.shape as Shape, range: a.range };
          }
        }
        break;
      }
      case 'call': {
        if (ctx.record) symbols.push(occ(a.fnRange, a.fn, FN_NAMES[a.fn] ?? a.fn, 'function'));
        if (a.fn === 'count') {
          // count(A, …): the number of entries, a static fact (count(params): every trainable entry)
          const n = countOf(a.arg, ctx);
          return { k: 'num', value: n, shape: [], range: a.range };
        }
        const x = expression(a.arg, ctx);
        const s = x.shape;
        let shape: MaybeShape = s;
        if (a.fn === 'sum' || a.fn === 'mean') shape = [];
        else if (a.fn === 'softmax') { if (s && s.length > 1) fail(ctx, `softmax takes a vector, not a ${shapeText(s)}`, a.range, 'shape-mismatch'); }
        else if (a.fn === 'diag') {
          if (s && s.length === 1) shape = [s[0]!, s[0]!];
          else if (s && s.length === 2 && s[0] === s[1]) shape = [s[0]!];
          else if (s && s.length === 0) shape = [];
          else if (s) fail(ctx, `diag takes a vector or a square matrix, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
        }
        return { k: 'call', fn: a.fn as Fn, arg: x, shape: shape as Shape, range: a.range };
      }
      case 'transpose': {
        const x = expression(a.a, ctx);
        return { k: 'transpose', a: x, shape: (x.shape ? transposeShape(x.shape) : null) as Shape, range: a.range };
      }
      case 'index': {
        const x = expression(a.a, ctx);
        const args = a.args.map((i) => expression(i, ctx));
        for (const i of args) if (i.shape && i.shape.length) fail(ctx, `an index must be a scalar`, i.range, 'shape-mismatch');
        const s = x.shape;
        if (s && s.length === 0) fail(ctx, `${describe(x)} is a scalar: it has no entries to index`, a.range, 'shape-mismatch');
        if (s && args.length !== s.length) fail(ctx, `${describe(x)} is a ${shapeText(s)}: index it with ${s.length === 1 ? 'one number, v[i]' : 'two numbers, M[i, j]'}`, a.range, 'shape-mismatch');
        if (args.length > 2) fail(ctx, 'at most two indices', a.range, 'shape-mismatch');
        args.forEach((i, n) => {
          if (s && i.k === 'num' && (!Number.isInteger(i.value) || i.value < 1 || i.value > s[n]!)) fail(ctx, `index ${i.value} is outside 1..${s[n]}`, i.range, 'index');
        });
        return { k: 'index', a: x, i: args[0]!, j: args[1] ?? null, shape: [], range: a.range };
      }
      case 'big': {
        const v = a.v ?? 't';
        if (ctx.vars.has(v) && v !== 't') fail(ctx, `${v} is already bound by an outer Σ/∏`, a.vRange ?? a.range, 'index');
        const from = a.from ? timeIndexOf(a.from, ctx) : { v: null, k: 1 };
        const to = a.to ? timeIndexOf(a.to, ctx) : { v: null, k: horizon };
        const inner: Ctx = { ...ctx, vars: new Set([...ctx.vars, v]) };
        const body = expression(a.body, inner);
        const s = body.shape;
        if (a.op === 'prod' && s && s.length === 2 && s[0] !== s[1]) fail(ctx, `∏ needs square matrices, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
        if (a.op === 'prod' && s && s.length === 1) fail(ctx, `∏ of vectors is not defined; use ⊙ or diag`, a.range, 'shape-mismatch');
        return { k: a.op, v, from, to, body, shape: s as Shape, range: a.range };
      }
      case 'deriv': {
        if (!ctx.allowDeriv) fail(ctx, `derivative terms belong in derive and check lines, not in equations`, a.range, 'syntax');
        const of = expression(a.of, { ...ctx, allowDeriv: false });
        const w = expression(a.wrt, { ...ctx, allowDeriv: false });
        if (w.k !== 'ref') fail(ctx, `differentiate with respect to a name (∂L/∂W_hh, ∂h_t/∂h_{t-1}), not an expression`, a.wrt.range, 'syntax');
        const ws = (w as Expr & { k: 'ref' }).shape;
        let shape: MaybeShape = null;
        if (of.shape && ws) {
          if (of.shape.length === 0) shape = ws;
          else if (ws.length === 0) shape = of.shape;
          else if (of.shape.length === 1 && ws.length === 1) shape = norm([of.shape[0]!, ws[0]!]);
          else fail(ctx, `∂A/∂B of a ${shapeText(of.shape)} by a ${shapeText(ws)} is not a matrix; differentiate a scalar or a vector by a vector`, a.range, 'shape-mismatch');
          if (entries(of.shape) * entries(ws) > LIMITS.maxJacobian) fail(ctx, `this Jacobian has more than ${LIMITS.maxJacobian} entries (limit)`, a.range, 'limit');
        }
        const wr = w as Expr & { k: 'ref' };
        return { k: 'deriv', total: !a.plus, of, wrt: { name: wr.name, idx: wr.idx, range: wr.range }, shape: shape as Shape, range: a.range };
      }
    }
    return fail(ctx, 'unsupported expression', (a as Ast).range);
  }

  function countOf(a: Ast, ctx: Ctx): number {
    const args: Ast[] = [];
    const flat = (x: Ast) => {
      if (x.k === 'bin' && x.op === 'juxt') { flat(x.a); flat(x.b); }
      else if (x.k === 'list') x.items.forEach(flat);
      else args.push(x);
    };
    flat(a);
    let n = 0;
    for (const x of args) {
      if (x.k === 'name' && x.raw === 'params' && !decls.has('params')) {
        for (const d of decls.values()) if (d.kind === 'param') n += entries(d.shape) * (d.perStep ? horizon : 1);
        continue;
      }
      if (x.k === 'name' && decls.has(x.raw)) {
        const d = decls.get(x.raw)!;
        n += entries(d.shape) * (d.perStep ? horizon : 1);
        continue;
      }
      const e = expression(x, ctx);
      if (!e.shape) fail(ctx, 'count needs a known shape', x.range);
      n += entries(e.shape);
    }
    return n;
  }

  // ---- shapes of quantities: a fixpoint, so a recurrence learns its own shape -------------
  const liveDefs = defs.filter((d) => d.step !== undefined);
  const baseCtx = (quiet: boolean, of: string | null, vars: string[]): Ctx => ({ vars: new Set(vars), quiet, of, allowDeriv: false, shapeOf, record: false });
  const varsFor = (d: Def) => (d.step === 't' ? ['t'] : []);
  for (const q of quantities.values()) quantityShapes.set(q.name, null);
  for (const d of liveDefs) d.base = d.key;
  for (let iter = 0; iter < quantities.size + 2; iter++) {
    let changed = false;
    for (const d of liveDefs) {
      let s: MaybeShape = null;
      try { s = expression(d.st.rhs, baseCtx(true, d.base, varsFor(d))).shape; } catch { continue; }
      const cur = quantityShapes.get(d.base) ?? null;
      // a scalar initial state (h_0 = 0) takes its quantity's shape: it never decides it
      if (s === null || (typeof d.step === 'number' && s.length === 0)) continue;
      if (cur === null || (cur.length === 0 && s.length > 0)) {
        quantityShapes.set(d.base, s);
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (const q of quantities.values()) q.shape = quantityShapes.get(q.name) ?? [];
  for (const q of quantities.values()) quantityShapes.set(q.name, q.shape);

  // ---- the final pass: equations ------------------------------------------------------------
  for (const d of liveDefs) {
    const q = quantities.get(d.base)!;
    const ctx: Ctx = { ...baseCtx(false, d.base, varsFor(d)), record: true };
    let e: Expr;
    try { e = expression(d.st.rhs, ctx); } catch (x) { if (x instanceof Quiet) continue; throw x; }
    const s = e.shape;
    const numericState = typeof d.step === 'number' && s.length === 0;
    if (!same(s, q.shape) && !numericState) {
      err(`shape mismatch: ${displayName(d.base)} is a ${shapeText(q.shape)} but this equation gives a ${shapeText(s)}`, d.st.rhs.range, 'shape-mismatch');
      continue;
    }
    if (entries(q.shape) > LIMITS.maxEntries) { err(`${displayName(d.base)} has more than ${LIMITS.maxEntries} entries (limit)`, d.st.range, 'limit'); continue; }
    if (d.step === 't' || d.step === null) q.general = e;
    else q.overrides.set(d.step, e);
  }

  // a quantity whose equation failed to resolve is left out, so that the rest still answers;
  // references to it stay quiet (its own line carries the error)
  for (const q of quantities.values()) {
    if (!q.general && q.overrides.size === 0) brokenQuantities.add(q.name);
  }

  // ---- time: initial states, ranges, cycles ------------------------------------------------
  const defined = (name: string, step: number | null): boolean => {
    const d = decls.get(name);
    if (d) return !d.perStep ? step === null : step !== null && step >= 1 && step <= horizon;
    const q = quantities.get(name);
    if (!q) return false;
    if (!q.timed) return step === null;
    if (step === null) return false;
    return q.overrides.has(step) || (q.general !== null && step >= 1 && step <= horizon);
  };

  for (const q of quantities.values()) {
    if (!q.timed || brokenQuantities.has(q.name)) continue;
    if (q.general) {
      // without Σ/∏ the first undefined reference can only be within the largest offset of either end
      const reach = boundedReach(q.general);
      for (let t = 1; t <= horizon; t++) {
        if (reach !== null && t > reach + 1 && t < horizon - reach) t = horizon - reach;
        if (q.overrides.has(t)) continue;
        const problem = firstUndefined(q.general, { t });
        if (problem) {
          const { ref, step } = problem;
          const r = ref.idx!;
          const written = rawRefText(ref);
          if (step < 0 || step > horizon + 1) err(`${written} at t = ${t} is step ${step}, outside 0..T+1 (T = ${horizon})`, ref.range, 'index');
          else if (quantities.get(ref.name)?.timed && (step === 0 || step === horizon + 1 || (r.v === 't' && r.k !== 0))) {
            err(`missing ${step <= 0 || step < t ? 'initial' : 'terminal'} state: ${written} at t = ${t} needs ${ref.name}_${step > 9 ? `{${step}}` : step} (add \`${ref.name}_${step === horizon + 1 ? '{T+1}' : step} = 0\`)`, ref.range, 'initial-state');
          } else err(`${written} at t = ${t} is step ${step}, past the end of ${ref.name} (steps 1..${horizon})`, ref.range, 'index');
          brokenQuantities.add(q.name);
          break;
        }
      }
    }
    for (const [k, e] of q.overrides) {
      const problem = firstUndefined(e, { t: k });
      if (problem) { err(`${rawRefText(problem.ref)} is not defined at step ${problem.step}`, problem.ref.range, 'index'); brokenQuantities.add(q.name); }
    }
  }
  for (const q of quantities.values()) {
    if (q.timed || !q.general) continue;
    const problem = firstUndefined(q.general, {});
    if (problem) { err(`${rawRefText(problem.ref)} is step ${problem.step}, outside the steps where ${problem.ref.name} is defined`, problem.ref.range, 'index'); brokenQuantities.add(q.name); }
  }

  // dependency cycles within one step (or among untimed quantities)
  const sameStepDeps = new Map<string, { to: string; range: Range }[]>();
  for (const q of quantities.values()) {
    const list: { to: string; range: Range }[] = [];
    if (q.general) walkRefs(q.general, (r) => {
      if (!quantities.has(r.name)) return;
      if (!q.timed || r.idx === null || (r.idx.v === 't' && r.idx.k === 0)) list.push({ to: r.name, range: r.range });
    });
    sameStepDeps.set(q.name, list);
  }
  const cycleState = new Map<string, 0 | 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): boolean => {
    cycleState.set(n, 1);
    stack.push(n);
    for (const e of sameStepDeps.get(n) ?? []) {
      const st = cycleState.get(e.to) ?? 0;
      if (st === 1) {
        const cyc = [...stack.slice(stack.indexOf(e.to)), e.to];
        const sub = (x: string) => (quantities.get(x)?.timed ? `${x}_t` : x);
        err(`dependency cycle within one step: ${cyc.map(sub).join(' → ')}`, e.range, 'cycle');
        for (const c of cyc) brokenQuantities.add(c);
        return true;
      }
      if (st === 0 && visit(e.to)) return true;
    }
    stack.pop();
    cycleState.set(n, 2);
    return false;
  };
  for (const n of quantities.keys()) if (!cycleState.get(n)) { stack.length = 0; visit(n); }
  // anything depending on a broken quantity cannot be evaluated either
  let grew = true;
  while (grew) {
    grew = false;
    for (const q of quantities.values()) {
      if (brokenQuantities.has(q.name)) continue;
      let bad = false;
      const check = (e: Expr) => walkRefs(e, (r) => { if (brokenQuantities.has(r.name)) bad = true; });
      if (q.general) check(q.general);
      for (const e of q.overrides.values()) check(e);
      if (bad) { brokenQuantities.add(q.name); grew = true; }
    }
  }

  // ---- the loss -----------------------------------------------------------------------------
  let loss: string | null = null;
  const live = new Map([...quantities].filter(([n]) => !brokenQuantities.has(n)));
  for (const q of live.values()) if (q.isLoss) loss = q.name;
  // without `loss`, the last untimed scalar that depends on something (a constant such as n_h = 3 is no objective)
  if (!loss) for (const q of live.values()) if (!q.timed && q.shape.length === 0 && q.general && refsAny(q.general)) loss = q.name;
  for (const d of defs) if (d.st.isLoss && d.step !== null && d.step !== undefined) err('the loss is one number: declare it without a time index (loss L = Σ_t L_t)', d.st.lhs.range);

  // ---- questions ----------------------------------------------------------------------------
  const questions: Question[] = [];
  for (const st of rest) {
    if (st.k !== 'derive' && st.k !== 'check') continue;
    const ctx: Ctx = { vars: new Set(['t']), quiet: false, of: null, allowDeriv: true, shapeOf, record: true };
    try {
      if (st.k === 'derive') {
        const e = expression(st.expr, ctx);
        const freeT = mentionsT(e);
        const steps = questionSteps([e], freeT, null, st.range);
        if (steps) questions.push({ kind: 'derive', expr: e, freeT, steps, free: [], line: st.range.line, range: st.range, text: st.text });
      } else {
        const lhs = expression(st.lhs, ctx);
        const rhs = expression(st.rhs, ctx);
        if (lhs.shape && rhs.shape && !same(lhs.shape, rhs.shape) && lhs.shape.length && rhs.shape.length) {
          err(`shape mismatch: the left side is a ${shapeText(lhs.shape)}, the right side a ${shapeText(rhs.shape)}`, st.range, 'shape-mismatch');
          continue;
        }
        let range: { from: number; to: number } | null = null;
        if (st.forRange) {
          if (st.forRange.v !== 't') { err(`write the range of t: for t = a..b`, st.forRange.range); continue; }
          const a = constValue(st.forRange.from, horizon);
          const b = constValue(st.forRange.to, horizon);
          if (typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b)) { err(`the range of t must be integers (T may be used): for t = 1..T-1`, st.forRange.range, 'index'); continue; }
          if (a < 0 || b > horizon + 1 || a > b) { err(`the range ${a}..${b} is outside 0..T+1 (T = ${horizon}) or empty`, st.forRange.range, 'index'); continue; }
          range = { from: a, to: b };
        }
        const freeT = mentionsT(lhs) || mentionsT(rhs);
        const steps = questionSteps([lhs, rhs], freeT, range, st.range);
        if (steps) questions.push({ kind: 'check', lhs, rhs, freeT, steps, free: [], line: st.range.line, range: st.range, rhsRange: rhs.range, link: 1, links: 1, text: st.text });
      }
    } catch (x) {
      if (!(x instanceof Quiet)) throw x;
    }
  }

  function questionSteps(es: Expr[], freeT: boolean, range: { from: number; to: number } | null, where: Range): number[] | null {
    if (!freeT) {
      for (const e of es) {
        const p = firstUndefined(e, {});
        if (p) { err(`${rawRefText(p.ref)} is not defined: ${describeUndefined(p.ref.name, p.step)}`, p.ref.range, 'index'); return null; }
      }
      return [];
    }
    const steps: number[] = [];
    const from = range ? range.from : 1;
    const to = range ? range.to : horizon;
    for (let t = from; t <= to; t++) {
      const p = es.map((e) => firstUndefined(e, { t })).find((x) => x);
      if (!p) steps.push(t);
      else if (range) { err(`${rawRefText(p.ref)} at t = ${t} is not defined: ${describeUndefined(p.ref.name, p.step)}`, p.ref.range, 'index'); return null; }
    }
    const inner = steps;
    if (!inner.length) { err(`there is no step where ${es.length > 1 ? 'both sides are' : 'this is'} defined`, where, 'index'); return null; }
    return inner;
  }

  function describeUndefined(name: string, step: number | null): string {
    if (step === null) return `${name} needs a step`;
    if (step < 0 || step > horizon + 1) return `step ${step} is outside 0..T+1`;
    return `${name} has no value at step ${step}`;
  }

  /** the first reference that has no value when the free variables take these values */
  function firstUndefined(e: Expr, env: Record<string, number>): { ref: Expr & { k: 'ref' }; step: number } | null {
    let found: { ref: Expr & { k: 'ref' }; step: number } | null = null;
    let budget = 200_000;
    const go = (x: Expr, env: Record<string, number>) => {
      if (found || --budget < 0) return;
      if (x.k === 'ref') {
        const step = x.idx ? (x.idx.v === null ? 0 : env[x.idx.v]!) + x.idx.k : null;
        if (x.idx && x.idx.v !== null && env[x.idx.v] === undefined) return;
        if (!defined(x.name, step)) found = { ref: x, step: step ?? NaN };
        return;
      }
      if (x.k === 'sum' || x.k === 'prod') {
        const a = (x.from.v === null ? 0 : env[x.from.v]!) + x.from.k;
        const b = (x.to.v === null ? 0 : env[x.to.v]!) + x.to.k;
        if (Number.isNaN(a) || Number.isNaN(b)) return;
        for (let i = a; i <= b && !found; i++) go(x.body, { ...env, [x.v]: i });
        return;
      }
      if (x.k === 'deriv') {
        go(x.of, env);
        const step = x.wrt.idx ? (x.wrt.idx.v === null ? 0 : env[x.wrt.idx.v]!) + x.wrt.idx.k : null;
        if (!(x.wrt.idx && x.wrt.idx.v !== null && env[x.wrt.idx.v] === undefined) && !defined(x.wrt.name, step)) found = { ref: { k: 'ref', name: x.wrt.name, idx: x.wrt.idx, shape: [], range: x.wrt.range }, step: step ?? NaN };
        return;
      }
      forChildren(x, (c) => go(c, env));
    };
    go(e, env);
    return found;
  }

  return {
    model: { T: horizon, decls, quantities: live, loss, questions },
    diagnostics,
    symbols,
    fatal,
  };

  function mentionsT(e: Expr): boolean {
    let yes = false;
    const go = (x: Expr, bound: Set<string>) => {
      if (yes) return;
      if ((x.k === 'ref' && x.idx?.v === 't' && !bound.has('t')) || (x.k === 'var' && x.idx.v === 't' && !bound.has('t'))) { yes = true; return; }
      if (x.k === 'deriv' && x.wrt.idx?.v === 't' && !bound.has('t')) { yes = true; return; }
      if (x.k === 'sum' || x.k === 'prod') {
        if ((x.from.v === 't' || x.to.v === 't') && !bound.has('t')) { yes = true; return; }
        go(x.body, new Set([...bound, x.v]));
        return;
      }
      forChildren(x, (c) => go(c, bound));
    };
    go(e, new Set());
    return yes;
  }
}

// ---- helpers -----------------------------------------------------------------------------

/** the largest |offset| of a t-relative reference, or null when Σ/∏ make definedness depend on more */
function boundedReach(e: Expr): number | null {
  let reach = 0;
  let big = false;
  const go = (x: Expr) => {
    if (x.k === 'sum' || x.k === 'prod') { big = true; return; }
    if (x.k === 'ref' && x.idx && x.idx.v === 't') reach = Math.max(reach, Math.abs(x.idx.k));
    if (x.k === 'deriv') big = true;
    forChildren(x, go);
  };
  go(e);
  return big ? null : reach;
}

function refsAny(e: Expr): boolean {
  let any = false;
  walkRefs(e, () => { any = true; });
  return any;
}

export function forChildren(x: Expr, f: (c: Expr) => void): void {
  switch (x.k) {
    case 'vec': x.items.forEach(f); break;
    case 'mat': x.rows.forEach((r) => r.forEach(f)); break;
    case 'neg': case 'transpose': f(x.a); break;
    case 'add': case 'sub': case 'mul': case 'hadamard': case 'matmul': case 'div': case 'pow': f(x.a); f(x.b); break;
    case 'call': f(x.arg); break;
    case 'index': f(x.a); f(x.i); if (x.j) f(x.j); break;
    case 'sum': case 'prod': f(x.body); break;
    case 'deriv': f(x.of); break;
    default: break;
  }
}

export function walkRefs(x: Expr, f: (r: Expr & { k: 'ref' }) => void): void {
  if (x.k === 'ref') { f(x); return; }
  forChildren(x, (c) => walkRefs(c, f));
}

function occ(range: Range, name: string, text: string, role: SymbolOccurrence['role']): SymbolOccurrence {
  return { ...range, name, text, role };
}

function rawText(a: NameAst): string {
  return a.raw + (a.sub ? '_{…}' : '') + (a.sup ? '^{(…)}' : '');
}

export function idxText(idx: Idx): string {
  const k = idx.k;
  if (idx.v === null) return String(k);
  return k === 0 ? idx.v : `${idx.v}${k > 0 ? '+' : '-'}${Math.abs(k)}`;
}

function rawRefText(r: Expr & { k: 'ref' }): string {
  if (!r.idx) return r.name;
  const s = idxText(r.idx);
  return s.length === 1 ? `${r.name}_${s}` : `${r.name}_{${s}}`;
}

function rawName(e: Expr): string {
  return e.k === 'ref' ? rawRefText(e) : 'this';
}

function describe(e: Expr): string {
  if (e.k === 'ref') return rawRefText(e);
  if (e.k === 'num') return String(e.value);
  const what: Record<string, string> = { add: 'sum', sub: 'difference', mul: 'product', matmul: 'product', hadamard: 'product', call: 'function value', neg: 'negation', deriv: 'derivative', transpose: 'transpose' };
  return 'the ' + (what[e.k] ?? 'expression');
}

type Nested = number | Nested[];

/** a constant value: numbers, literals, arithmetic on them and T */
export function constValue(a: Ast, T?: number): Nested | null {
  switch (a.k) {
    case 'num': return a.value;
    case 'name': return a.raw === 'T' && T !== undefined && !a.sub && !a.sup ? T : null;
    case 'neg': { const v = constValue(a.a, T); return typeof v === 'number' ? -v : null; }
    case 'list': {
      const items = a.items.map((x) => constValue(x, T));
      return items.some((x) => x === null) ? null : (items as Nested[]);
    }
    case 'bin': {
      const x = constValue(a.a, T);
      const y = constValue(a.b, T);
      if (typeof x !== 'number' || typeof y !== 'number') return null;
      switch (a.op) {
        case '+': return x + y;
        case '-': return x - y;
        case '*': case 'juxt': return x * y;
        case '/': return x / y;
        case '^': return x ** y;
        default: return null;
      }
    }
    default: return null;
  }
}

function valueShape(v: Nested): number[] | false {
  if (typeof v === 'number') return [];
  if (v.length === 0) return false;
  const inner = v.map(valueShape);
  if (inner.some((s) => s === false)) return false;
  const first = inner[0] as number[];
  if (inner.some((s) => !same(s as number[], first))) return false;
  return [v.length, ...first];
}

function flatten(v: Nested): number[] {
  return typeof v === 'number' ? [v] : v.flatMap(flatten);
}

function fill(shape: Shape, v: number): Float64Array {
  return new Float64Array(entries(shape)).fill(v);
}
