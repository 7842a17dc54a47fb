// The 3-unit softmax RNN the vec23 tests write their Markdown solutions under, and their verdicts: one network, its
// state written three ways (the activation applied to the sum, or to a named pre-activation a_t, tanh or σ).
import { analyzeSolution } from '../../src/solution';

const STATE = {
  tanh: ['h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)'],
  'tanh of a_t': ['a_t = W_xh x_t + W_hh h_{t-1} + b_h', 'h_t = tanh(a_t)'],
  'σ of a_t': ['a_t = W_xh x_t + W_hh h_{t-1} + b_h', 'h_t = σ(a_t)'],
} as const;

function network(state: keyof typeof STATE): string[] {
  return [
    '```rnn',
    'T = 3',
    'input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
    'target y : 3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]',
    'param  W_xh : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]',
    'param  W_hh : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]',
    'param  b_h  : 3 = [0.1, 0, -0.1]',
    'param  W_hy : 3x3 = [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6], [0.5, 0.1, -0.8]]',
    'h_0 = [0.1, -0.2, 0.3]',
    ...STATE[state],
    'o_t = W_hy h_t',
    'ŷ_t = softmax(o_t)',
    'L_t = -sum(y_t ⊙ log(ŷ_t))',
    'loss L = Σ_t L_t',
    '```',
  ];
}

/** each equation in its own $$ … $$ under the network: its status and message, in order */
export function solutionVerdicts(state: keyof typeof STATE) {
  const net = network(state);
  return (...equations: string[]) => {
    const text = [...net, ...equations.flatMap((e) => ['', `$$ ${e} $$`]), ''].join('\n');
    const sol = analyzeSolution(text, 'markdown', { sidecar: null });
    return sol.equations.map((e) => ({ status: e.status, message: e.message }));
  };
}
