// The factored chain form: the chain-rule sum over paths with common prefixes pulled out, nested over
// the steps the way exercise sheets write it (Horner-like):
//   ∂L₃/∂W = ∂L₃/∂o₃·∂o₃/∂h₃·(∂h₃/∂W + ∂h₃/∂h₂·(∂h₂/∂W + ∂h₂/∂h₁·∂h₁/∂W))
// Built from the derivation's path graph (derive.ts PathGraph): from a node, the paths run until they
// reach wrt or a recurrent state (h_{t-1}); the paths that end at the same state share that state's own
// factored sum as one bracket (so each state's bracket is written once per use, never once per path),
// and within a step the paths' common leading factors are pulled out. The same tree gives the IR node
// that is evaluated back against the numbers and the printed text/LaTeX, broken into lines at the
// terms of the nested sums when long.

import { Memo } from '../memo';
import type { Form } from '../../report';
import type { GNode } from './graph';
import type { Derivation } from './derive';
import { headerLabel, LATEX_LINE_CHARS, mkPrinters, type ValueStrings } from './forms';
import type { Node } from './ir';
import type { Printer } from './print';

/** Above this many printed ∂-factors the factored form is not written (the δ-recursion is the short one). */
export const FACTORED_LIMIT = 80;
/**
 * Edges walked while collecting the paths (each walked edge is printed at least once in a shared bracket, so
 * past a few times the factor limit the form is too long anyway): a long horizon stops here, before the
 * Jacobians of its many edges are built.
 */
const WALK_LIMIT = 4 * FACTORED_LIMIT;
/** Text lines longer than this are broken at the terms of the nested sums. */
const TEXT_WIDTH = 100;

type Tree = { k: 'sym'; n: Node } | { k: 'prod'; items: Tree[] } | { k: 'sum'; items: Tree[] };

export interface Factored {
  tree: Tree;
  /** the same sum as IR, for evaluation */
  node: Node;
  /** printed ∂-factors */
  factors: number;
}

class TooLong extends Error {}

const isOne = (n: Node): boolean => (n.op === 'num' && n.num === 1) || n.op === 'eye';

/** items with those of kind k spliced in (loops, not flatMap: the trees are built once per path and step) */
function spliced(items: Tree[], k: 'sum' | 'prod'): Tree[] {
  const out: Tree[] = [];
  for (const t of items) {
    if (t.k === k) for (const x of t.items) out.push(x);
    else out.push(t);
  }
  return out;
}

function sumOf(items: Tree[]): Tree {
  const flat = spliced(items, 'sum');
  return flat.length === 1 ? flat[0] : { k: 'sum', items: flat };
}

function prodOf(items: Tree[]): Tree {
  const flat = spliced(items, 'prod');
  // an identity factor (∂L/∂L_t in L = Σ_t L_t) is not written, unless it is all there is
  const kept: Tree[] = [];
  for (const t of flat) if (!(t.k === 'sym' && isOne(t.n))) kept.push(t);
  const out = kept.length ? kept : flat.slice(0, 1);
  return out.length === 1 ? out[0] : { k: 'prod', items: out };
}

/** one leaf tree per ∂-symbol: a symbol is a factor of many paths */
const symTrees = new Memo<Node, Tree>();
function symTree(n: Node): Tree {
  let t = symTrees.get(n);
  if (!t) symTrees.set(n, (t = { k: 'sym', n }));
  return t;
}

/** Paths (lists of ∂-symbols from the output side) with their common leading factors pulled out. */
function prefixFactor(paths: Node[][]): Tree {
  const groups = new Map<number, Node[][]>();
  for (const p of paths) {
    const k = p[0].id;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const items: Tree[] = [];
  // the shortest paths first: ∂⁺h_t/∂h_{t-1} + ∂h_t/∂u_t·∂u_t/∂h_{t-1}, as a worked solution lists them
  const shortest = (g: Node[][]): number => {
    let m = Infinity;
    for (const p of g) if (p.length < m) m = p.length;
    return m;
  };
  const ordered = [...groups.values()].map((g) => ({ g, m: shortest(g) })).sort((a, z) => a.m - z.m);
  for (const { g } of ordered) {
    const rests = g.map((p) => p.slice(1));
    // two paths through the same first edge continue from the same node, so neither rest is empty
    if (g.length === 1 || rests.some((r) => r.length === 0)) for (const p of g) items.push(prodOf(p.map(symTree)));
    else items.push(prodOf([symTree(g[0][0]), prefixFactor(rests)]));
  }
  return sumOf(items);
}

/** Does a bracket sit inside another bracket's term (is this more than the chain form's grouping)? */
function depth(t: Tree): number {
  if (t.k === 'sym') return 0;
  const inner = Math.max(...t.items.map(depth));
  return t.k === 'sum' ? inner + 1 : inner;
}

const factored = new Memo<Derivation, Factored | null>();

/** The factored chain sum of a total derivative, or null (no path graph, too long, or no nesting to show). */
export function factoredOf(d: Derivation): Factored | null {
  if (factored.has(d)) return factored.get(d)!;
  let out: Factored | null = null;
  try {
    out = build(d);
  } catch (e) {
    if (!(e instanceof TooLong)) throw e;
  }
  factored.set(d, out);
  return out;
}

function build(d: Derivation): Factored | null {
  const g = d.paths;
  if (!g || !d.total || d.zero) return null;
  const isState = (n: GNode): boolean => n.kind === 'quantity' && n.step !== null && g.states.has(n.name);
  const memo = new Map<string, Tree>();
  let walked = 0;
  const nested = (n: GNode): Tree => {
    const hit = memo.get(n.key);
    if (hit) return hit;
    // the paths from n to wrt or to the first state on the way, grouped by where they stop
    // (set, not built from an entry list: the constructor's iteration showed in the profile)
    const ends = new Map<string, { to: GNode | null; paths: Node[][] }>();
    ends.set('', { to: null, paths: [] });
    // one prefix, pushed and popped as the walk goes: a path is copied only where it ends
    const prefix: Node[] = [];
    const walk = (m: GNode): void => {
      for (const e of g.live(m)) {
        if (++walked > WALK_LIMIT) throw new TooLong();
        prefix.push(g.sym(e));
        if (e.dep.key === g.wrtKey) ends.get('')!.paths.push(prefix.slice());
        else if (isState(e.dep)) {
          const end = ends.get(e.dep.key) ?? { to: e.dep, paths: [] };
          end.paths.push(prefix.slice());
          ends.set(e.dep.key, end);
        } else walk(e.dep);
        prefix.pop();
      }
    };
    walk(n);
    // the direct terms first, as a worked solution writes ∂⁺h_t/∂W + ∂h_t/∂h_{t-1}·(…)
    const items: Tree[] = [];
    for (const end of ends.values()) {
      if (!end.paths.length) continue;
      const coef = prefixFactor(end.paths);
      items.push(end.to === null ? coef : prodOf([coef, nested(end.to)]));
    }
    if (!items.length) throw new TooLong();
    const t = sumOf(items);
    memo.set(n.key, t);
    return t;
  };
  const tree = nested(d.of);
  const counts = new Map<Tree, number>();
  const count = (t: Tree): number => {
    const hit = counts.get(t);
    if (hit !== undefined) return hit;
    const c = t.k === 'sym' ? 1 : t.items.reduce((s, x) => Math.min(s + count(x), 1e9), 0);
    counts.set(t, c);
    return c;
  };
  const factors = count(tree);
  if (factors > FACTORED_LIMIT || depth(tree) < 2) return null;
  const nodes = new Map<Tree, Node>();
  const node = (t: Tree): Node => {
    const hit = nodes.get(t);
    if (hit) return hit;
    const n = t.k === 'sym' ? t.n : t.k === 'sum' ? d.b.add(...t.items.map(node)) : t.items.map(node).reduce((a, b) => g.mul(a, b));
    nodes.set(t, n);
    return n;
  };
  return { tree, node: node(tree), factors };
}

// ---- printing ---------------------------------------------------------------------------------

interface Lines {
  /** the first continues the current line; the others start new lines (indent included) */
  text: string[];
  latex: string[];
}

// a tree's one-line print, per printer: layout asks for it at every level it descends (and twice, for the
// text's width and the panel's), and a state's bracket is one subtree shared by every term that uses it
const flats = new Memo<Printer, WeakMap<Tree, string>>();

function flat(t: Tree, p: Printer, latex: boolean): string {
  if (t.k === 'sym') return p.factor(t.n);
  let memo = flats.get(p);
  if (!memo) flats.set(p, (memo = new WeakMap()));
  const hit = memo.get(t);
  if (hit !== undefined) return hit;
  const out =
    t.k === 'sum'
      ? t.items.map((x) => flat(x, p, latex)).join(' + ')
      : t.items
          .map((x) => (x.k === 'sum' ? (latex ? `\\left(${flat(x, p, true)}\\right)` : `(${flat(x, p, false)})`) : flat(x, p, latex)))
          .join(latex ? ' \\cdot ' : '·');
  memo.set(t, out);
  return out;
}

/**
 * Lay a tree out from column `col`: on one line when it fits, else a sum one term per line (indented by
 * its bracket depth) and a product with its bracket's terms broken the same way.
 */
function layout(t: Tree, P: { text: Printer; latex: Printer }, col: number, level: number, width = TEXT_WIDTH): Lines {
  const one = flat(t, P.text, false);
  if (t.k === 'sym' || col + one.length <= width) return { text: [one], latex: [flat(t, P.latex, true)] };
  const pad = (k: number): string => ' '.repeat(Math.min(2 * k, 40));
  const quads = (k: number): string => '\\quad '.repeat(Math.min(k, 12));
  if (t.k === 'sum') {
    const out: Lines = { text: [], latex: [] };
    t.items.forEach((x, i) => {
      const lead = i === 0 ? '' : '+ ';
      const c = i === 0 ? col : pad(level).length + 2;
      const l = layout(x, P, c, level, width);
      if (i === 0) {
        out.text.push(...l.text);
        out.latex.push(...l.latex);
      } else {
        out.text.push(pad(level) + lead + l.text[0], ...l.text.slice(1));
        out.latex.push(`${quads(level)}+ ${l.latex[0]}`, ...l.latex.slice(1));
      }
    });
    return out;
  }
  // a product: its factors on the current line; a bracketed sum opens there and its terms break below
  const out: Lines = { text: [''], latex: [''] };
  let c = col;
  t.items.forEach((x, i) => {
    const dot = i === 0 ? ['', ''] : ['·', ' \\cdot '];
    if (x.k !== 'sum') {
      const s = flat(x, P.text, false);
      out.text[out.text.length - 1] += dot[0] + s;
      out.latex[out.latex.length - 1] += dot[1] + flat(x, P.latex, true);
      c += dot[0].length + s.length;
      return;
    }
    const l = layout(x, P, c + 2, level + 1, width);
    // a bracket broken over lines cannot use \left( … \right) (each line is its own group in KaTeX)
    const broken = l.text.length > 1;
    const [open, close] = broken ? ['\\Bigl(', '\\Bigr)'] : ['\\left(', '\\right)'];
    out.text[out.text.length - 1] += `${dot[0]}(${l.text[0]}`;
    out.latex[out.latex.length - 1] += `${dot[1]}${open}${l.latex[0]}`;
    out.text.push(...l.text.slice(1));
    out.latex.push(...l.latex.slice(1));
    out.text[out.text.length - 1] += ')';
    out.latex[out.latex.length - 1] += close;
    c = out.text.length > 1 ? out.text[out.text.length - 1].length : c + l.text[0].length + 2;
  });
  return out;
}

/** The factored form as printed: `∂L/∂W = … (lines) … = value`. */
export function factoredForm(d: Derivation, v: ValueStrings | null): Form | undefined {
  const f = factoredOf(d);
  if (!f) return undefined;
  const P = mkPrinters({});
  const lhs = { text: P.text.label(headerLabel(d)), latex: P.latex.label(headerLabel(d)) };
  const head = `${lhs.text} = `;
  const l = layout(f.tree, P, head.length, 1);
  // typeset, the lines are laid out for the panel's width (forms.ts LATEX_LINE_CHARS, the sums' own breaking width)
  const lx = layout(f.tree, P, head.length, 1, LATEX_LINE_CHARS).latex;
  const text = [head + l.text[0], ...l.text.slice(1).map((x) => ' '.repeat(Math.min(head.length, 12)) + x)];
  const latexRows = [`${lhs.latex} &= ${lx[0]}`, ...lx.slice(1).map((x) => `&\\quad ${x}`)];
  if (v) {
    text.push(`${' '.repeat(Math.min(lhs.text.length + 1, 12))}= ${v.text}`);
    latexRows.push(`&= ${v.latex}`);
  }
  return { text: text.join('\n'), latex: `\\begin{aligned}${latexRows.join(' \\\\ ')}\\end{aligned}` };
}
