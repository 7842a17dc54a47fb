// The reserved words: statement keywords and the functions the language knows (σ, tanh, relu, exp, …), looked
// up by length first so that most names are no word.

export const KEYWORDS = new Set(['param', 'input', 'target', 'loss', 'derive', 'check', 'for']);

/**
 * A table looked up by what the file says (a word, a LaTeX command): without Object's prototype, so that
 * `constructor` or `\toString` is not found in it (a name `constructor` crashed the analysis).
 */
export function lookup(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.assign(Object.create(null) as Record<string, string>, entries);
}

/** function spellings → canonical name */
export const FUNCTIONS: Readonly<Record<string, string>> = lookup({
  σ: 'sigma',
  sigma: 'sigma',
  sigmoid: 'sigma',
  // Zaremba et al.'s (and many lecture notes') LSTM writes the logistic sigmoid sigm
  sigm: 'sigma',
  tanh: 'tanh',
  relu: 'relu',
  ReLU: 'relu',
  // max(0, z): the ReLU (the parser reads no other max)
  max: 'max',
  exp: 'exp',
  log: 'log',
  ln: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
  softmax: 'softmax',
  sum: 'sum',
  mean: 'mean',
  diag: 'diag',
  // \operatorname{Diag}(…): some notes capitalise it
  Diag: 'diag',
  count: 'count',
  onehot: 'onehot',
  prod: 'prod',
  // hyperbolic functions (tanh' = sech², as some sheets write it), written out with exp by the resolver
  cosh: 'cosh',
  sinh: 'sinh',
  sech: 'sech',
});

/**
 * the hyperbolic functions as Russian and French texts write them, th, sh, ch: a function only upright
 * (`\operatorname{th}`, `\mathrm{th}`, `\text{th}`), since an italic th is a product or a name of the file
 */
export const UPRIGHT_FUNCTIONS: Readonly<Record<string, string>> = lookup({ th: 'tanh', sh: 'sinh', ch: 'cosh' });

/** the words never read as a name: the keywords, every function spelling, grad (the editor's rename and
 * the preview's highlighting ask here rather than keep their own lists) */
export function isReservedWord(w: string): boolean {
  return KEYWORDS.has(w) || Object.hasOwn(FUNCTIONS, w) || w === 'grad';
}

/** functions whose derivative is written with a prime: σ'(z) */
export const DERIVABLE = new Set(['sigma', 'tanh', 'relu']);

/** a reserved word as lexWord reads it: a keyword, a function spelling (with its primed derivative), grad */
export interface ReservedWord {
  kind: 'kw' | 'fn' | 'grad';
  /** the token's text: the keyword, the canonical function ('sigma'), 'grad' */
  text: string;
  /** fn: the text of its derivative when a prime follows ('dsigma'), null when it has none */
  derivative: string | null;
}

/** KEYWORDS, FUNCTIONS and grad in one table, so that a word costs one lookup (issue 11); keywords first */
export const RESERVED: ReadonlyMap<string, ReservedWord> = (() => {
  const m = new Map<string, ReservedWord>();
  for (const k of KEYWORDS) m.set(k, { kind: 'kw', text: k, derivative: null });
  for (const w in FUNCTIONS) {
    const fn = FUNCTIONS[w]!;
    if (!m.has(w)) m.set(w, { kind: 'fn', text: fn, derivative: DERIVABLE.has(fn) ? 'd' + fn : null });
  }
  if (!m.has('grad')) m.set('grad', { kind: 'grad', text: 'grad', derivative: null });
  return m;
})();

/**
 * for each first UTF-16 unit, the lengths of the reserved words that start with it (bit n: a word of n units, bit 31
 * any longer one): most names (h, W_xh, x, w_ix, c) start with a letter no reserved word of their length starts
 * with, and need no lookup (a first letter alone let most names of a file through)
 */
export const RESERVED_LENGTHS = new Uint32Array(0x10000);

export const lengthBit = (n: number) => 1 << Math.min(n, 31);

for (const w of RESERVED.keys()) {
  const c = w.charCodeAt(0);
  RESERVED_LENGTHS[c] = RESERVED_LENGTHS[c]! | lengthBit(w.length);
}
