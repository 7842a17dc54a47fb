// The derivative identities of the built-in functions, for hovers on σ, tanh, relu… Pure.

import { FUNCTIONS } from '../../language/lexer';

export interface Identity {
  text: string;
  latex: string;
}

export const IDENTITIES: Record<string, Identity> = {
  sigma: { text: "σ'(z) = σ(z)(1 - σ(z))", latex: "\\sigma'(z) = \\sigma(z)\\,(1-\\sigma(z))" },
  tanh: { text: "tanh'(z) = 1 - tanh(z)^2", latex: "\\tanh'(z) = 1-\\tanh^2(z)" },
  relu: { text: "relu'(z) = 1 for z > 0, 0 for z < 0", latex: "\\operatorname{relu}'(z) = \\begin{cases}1 & z>0\\\\0 & z<0\\end{cases}" },
  exp: { text: "exp'(z) = exp(z)", latex: "\\exp'(z) = \\exp(z)" },
  log: { text: "log'(z) = 1/z", latex: "\\log'(z) = \\frac{1}{z}" },
  sqrt: { text: "sqrt'(z) = 1/(2 sqrt(z))", latex: "\\left(\\sqrt{z}\\right)' = \\frac{1}{2\\sqrt{z}}" },
  abs: { text: "abs'(z) = sign(z) (z ≠ 0)", latex: "|z|' = \\operatorname{sign}(z)" },
  softmax: {
    text: '∂softmax(z)/∂z = diag(s) - s sᵀ, where s = softmax(z)',
    latex: '\\frac{\\partial s}{\\partial z} = \\operatorname{diag}(s) - s s^{\\top},\\; s = \\operatorname{softmax}(z)',
  },
  sum: { text: '∂sum(z)/∂z = 1ᵀ (a row of ones)', latex: '\\frac{\\partial \\operatorname{sum}(z)}{\\partial z} = \\mathbf{1}^{\\top}' },
  mean: { text: '∂mean(z)/∂z = 1ᵀ/n', latex: '\\frac{\\partial \\operatorname{mean}(z)}{\\partial z} = \\tfrac{1}{n}\\mathbf{1}^{\\top}' },
  diag: { text: '∂diag(v)_{ii}/∂v_i = 1, every other entry 0', latex: '\\frac{\\partial \\operatorname{diag}(v)_{ii}}{\\partial v_i} = 1' },
  count: {
    text: 'count(A, …) is the number of entries (count(params): every trainable one) — a constant, so its derivative is 0',
    latex: '\\frac{\\partial \\operatorname{count}(\\cdot)}{\\partial x} = 0',
  },
  dsigma: { text: "σ''(z) = σ'(z)(1 - 2σ(z)), where σ'(z) = σ(z)(1 - σ(z))", latex: "\\sigma''(z) = \\sigma'(z)\\,(1-2\\sigma(z))" },
  dtanh: { text: "tanh''(z) = -2 tanh(z) tanh'(z), where tanh'(z) = 1 - tanh(z)^2", latex: "\\tanh''(z) = -2\\tanh(z)\\,\\tanh'(z)" },
  drelu: { text: "relu''(z) = 0 (z ≠ 0), where relu'(z) = 1 for z > 0, else 0", latex: "\\operatorname{relu}''(z) = 0" },
};

/** The rule-table key of a function as written: "σ", "\\sigma", "sigmoid", "σ'", "tanh'", "dsigma" … */
export function functionKey(written: string): string | null {
  let w = written.trim().replace(/′/g, "'");
  let prime = false;
  if (w.endsWith("'")) {
    prime = true;
    w = w.slice(0, -1);
  } else if (/^d(sigma|tanh|relu)$/.test(w)) {
    prime = true;
    w = w.slice(1);
  }
  // own keys only: `constructor` or `toString` is a name, not a rule of Object's prototype
  // the language's own spellings (σ, sigmoid, sigm, ln, ReLU …; FUNCTIONS has no prototype), and \sigma
  const base = w === '\\sigma' ? 'sigma' : (FUNCTIONS[w] ?? w);
  const key = prime ? `d${base}` : base;
  return Object.hasOwn(IDENTITIES, key) ? key : null;
}
