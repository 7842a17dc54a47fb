// The seeds' networks as ready-to-run .rnn programs: the source of snippets/rnn.json (a test keeps
// the two in sync) and of "Unroll: Insert Network Template". Pure (no 'vscode').

export type LossKind = 'squared' | 'crossEntropy';

export interface Template {
  id: string;
  /** snippet prefix */
  prefix: string;
  label: string;
  description: string;
  /** the program, with the per-step loss of the given kind */
  text(loss: LossKind): string;
}

/**
 * The per-step loss of output `o` against target `y`. Cross-entropy needs an output in (0, 1),
 * so it is only offered where the output is a sigmoid (`probability`); elsewhere the loss stays squared.
 */
function stepLoss(kind: LossKind, name: string, o: string, y: string, probability: boolean): string {
  if (kind === 'crossEntropy' && probability) return `${name} = -(${y} log(${o}) + (1 - ${y}) log(1 - ${o}))`;
  return `${name} = (${y} - ${o})^2`;
}

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

export const TEMPLATES: readonly Template[] = [
  {
    id: 'vanilla-rnn',
    prefix: 'rnn-vanilla',
    label: 'Vanilla RNN',
    description: 'Scalar vanilla RNN over three steps (exercise sheet 7): σ hidden state, σ output, squared loss.',
    text: (loss) =>
      lines(
        '# Vanilla RNN, three steps',
        'T = 3',
        '',
        'input  x = [0.5, -1.0, 2.0]',
        'target y = [1, 0, 1]',
        'param  W_xh = 0.3',
        'param  W_hh = 0.8',
        'param  b_h  = 0.1',
        'param  W_hy = 1.5',
        'param  b_y  = -0.2',
        'h_0 = 0',
        '',
        'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
        'o_t = σ(W_hy h_t + b_y)',
        stepLoss(loss, 'L_t', 'o_t', 'y_t', true),
        'loss L = Σ_t L_t',
        '',
        'derive ∂L/∂W_hh',
        'derive ∂h_t/∂h_{t-1}',
        "check ∂h_t/∂h_{t-1} = σ'(W_xh x_t + W_hh h_{t-1} + b_h) W_hh",
      ),
  },
  {
    id: 'gru-one-weight',
    prefix: 'rnn-gru',
    label: 'One-weight GRU',
    description: 'A GRU whose gates share one weight w: update gate u_t, candidate s_t, interpolated state h_t.',
    text: (loss) =>
      lines(
        '# GRU with a single shared weight w',
        'T = 4',
        '',
        'input  x = [0.5, -0.3, 0.8, 0.1]',
        'target y = [0.2, 0.1, 0.6, 0.3]',
        'param  w = 0.7',
        'h_0 = 0',
        '',
        'u_t = σ(w h_{t-1} + w x_t)',
        's_t = w(h_{t-1} + x_t)',
        'h_t = u_t h_{t-1} + (1 - u_t) s_t',
        stepLoss(loss, 'L_t', 'h_t', 'y_t', false),
        'loss L = Σ_t L_t',
        '',
        'derive ∂h_t/∂h_{t-1}',
        'derive ∂h_T/∂h_0',
        'derive ∂L/∂w',
      ),
  },
  {
    id: 'lstm',
    prefix: 'rnn-lstm',
    label: 'Scalar LSTM',
    description: 'A scalar LSTM cell: input, forget and output gates, candidate g_t, cell c_t, state h_t.',
    text: (loss) =>
      lines(
        '# Scalar LSTM',
        'T = 4',
        '',
        'input  x = [1.0, -0.5, 0.3, 0.8]',
        'target y = [0.2, -0.1, 0.3, 0.4]',
        'param  w_ix = 0.5',
        'param  w_ih = -0.4',
        'param  w_fx = 0.3',
        'param  w_fh = 0.6',
        'param  w_ox = -0.2',
        'param  w_oh = 0.7',
        'param  w_gx = 0.9',
        'param  w_gh = -0.5',
        'h_0 = 0',
        'c_0 = 0',
        '',
        'i_t = σ(w_ix x_t + w_ih h_{t-1})',
        'f_t = σ(w_fx x_t + w_fh h_{t-1})',
        'o_t = σ(w_ox x_t + w_oh h_{t-1})',
        'g_t = tanh(w_gx x_t + w_gh h_{t-1})',
        'c_t = f_t c_{t-1} + i_t g_t',
        'h_t = o_t tanh(c_t)',
        stepLoss(loss, 'L_t', 'h_t', 'y_t', false),
        'loss L = Σ_t L_t',
        '',
        'derive ∂L/∂c_t',
        'derive ∂L/∂w_fh',
        'check ∂L/∂g_t = ∂L/∂c_t · i_t',
      ),
  },
  {
    id: 'bidirectional-rnn',
    prefix: 'rnn-bidirectional',
    label: 'Bidirectional RNN',
    description: 'A forward recurrence h_t and a backward one g_t (terminal state g_{T+1}) feeding one output.',
    text: (loss) =>
      lines(
        '# Bidirectional RNN: h runs forward, g runs backward',
        'T = 4',
        '',
        'input  x = [0.9, -0.4, 0.3, 1.2]',
        'target y = [1, 0, 0, 1]',
        'param  W_f = 0.8',
        'param  U_f = 0.5',
        'param  W_b = -0.6',
        'param  U_b = 0.7',
        'param  V_f = 1.1',
        'param  V_b = 0.9',
        'param  b_o = -0.1',
        'h_0 = 0',
        'g_{T+1} = 0',
        '',
        'h_t = tanh(W_f x_t + U_f h_{t-1})',
        'g_t = tanh(W_b x_t + U_b g_{t+1})',
        'o_t = σ(V_f h_t + V_b g_t + b_o)',
        stepLoss(loss, 'L_t', 'o_t', 'y_t', true),
        'loss L = Σ_t L_t',
        '',
        'derive ∂L/∂U_b',
        'derive ∂L/∂g_t',
        "check ∂g_t/∂g_{t+1} = tanh'(W_b x_t + U_b g_{t+1}) U_b",
      ),
  },
  {
    id: 'deep-sigmoid-net',
    prefix: 'rnn-deep-sigmoid',
    label: 'Deep sigmoid net',
    description: 'An MLP of scalar sigmoid layers written with layers as steps (per-step weights w_t): vanishing gradients.',
    text: (loss) =>
      lines(
        '# Deep sigmoid network: layer k is step t = k, one weight and bias per layer',
        'T = 6',
        '',
        'param w_t = [0.8, -1.1, 0.9, 1.2, -0.7, 1.0]',
        'param b_t = [0.1, -0.2, 0.05, 0, 0.3, -0.1]',
        'p_0 = 1.0',
        '',
        'z_t = w_t p_{t-1} + b_t',
        'p_t = σ(z_t)',
        loss === 'crossEntropy' ? 'loss E = -(0.9 log(p_T) + 0.1 log(1 - p_T))' : 'loss E = 0.5 (p_T - 0.9)^2',
        '',
        'derive ∂E/∂w_t',
        'derive ∂E/∂p_t',
        "check ∂E/∂p_{t-1} = ∂E/∂p_t · σ'(z_t) w_t",
      ),
  },
  {
    id: 'binary-addition',
    prefix: 'rnn-binary-addition',
    label: 'Binary addition RNN',
    description: 'A linear RNN with 3 hidden units that adds two binary numbers bit by bit (vector state, matrix weights).',
    text: (_loss) =>
      lines(
        '# Binary addition: x_t holds the two bits at step t, y_t their sum bit',
        'T = 4',
        '',
        'input  x : 2 = [[0, 1], [1, 1], [1, 0], [0, 0]]',
        'target s = [1, 0, 0, 1]',
        'param  U : 3x2 = [[1, 1], [1, 1], [1, 1]]',
        'param  W : 3x3 = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]',
        'param  b_h : 3 = [-0.5, -1.5, -2.5]',
        'param  v : 1x3 = [[1, -1, 1]]',
        'param  b_y = -0.5',
        'h_0 = 0',
        '',
        'h_t = U x_t + W h_{t-1} + b_h',
        'y_t = v h_t + b_y',
        // the output is linear, so the loss stays squared whatever the setting
        'L_t = (s_t - y_t)^2',
        'loss L = Σ_t L_t',
        '',
        'derive ∂L/∂W',
        'derive ∂L/∂b_h',
        'check ∂h_t/∂h_{t-1} = W',
      ),
  },
];

/** Escape text for a VS Code snippet body (`$` and `\` are snippet syntax; a `}` outside a placeholder is text). */
export function snippetEscape(text: string): string {
  return text.replace(/[$\\]/g, (c) => `\\${c}`);
}

/** The contents of snippets/rnn.json (squared loss). */
export function snippetsJson(): Record<string, { prefix: string; description: string; body: string[] }> {
  const out: Record<string, { prefix: string; description: string; body: string[] }> = {};
  for (const t of TEMPLATES) {
    const body = snippetEscape(t.text('squared')).replace(/\n$/, '').split('\n');
    out[t.label] = { prefix: t.prefix, description: t.description, body: [...body, '$0'] };
  }
  return out;
}
