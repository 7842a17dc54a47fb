// The Markdown solution the editor tests open (no 'vscode' here: the UI runner uses it too): seed 001's
// network in an ```rnn block, an equation that holds (7), a wrong one (8), a recurrence step (9).

/** seed 001's network (its names: targets t_t, outputs y_t, loss \mathcal{L}) */
export const NETWORK = [
  'T = 3',
  'input  x = [0.5, -1.0, 2.0]',
  'target t = [1, 0, 1]',
  'param  W_xh = 0.3',
  'param  W_hh = 0.8',
  'param  b_h  = 0.1',
  'param  W_hy = 1.5',
  'param  b_y  = -0.2',
  'h_0 = 0',
  'h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)',
  'y_t = σ(W_hy h_t + b_y)',
  'L_t = (t_t - y_t)^2',
  'loss L = Σ_t L_t',
].join('\n');

export const EQ7 = String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = \frac{\partial \mathcal{L}}{\partial \mathcal{L}_3} \cdot \frac{\partial \mathcal{L}_3}{\partial y_3} \tag{7}$$`;
/** wrong: the sign of the inner derivative is lost (∂L/∂y_3 = −2(t_3 − y_3)) */
export const EQ8 = String.raw`$$\frac{\partial \mathcal{L}}{\partial y_3} = 2(t_3 - y_3) \tag{8}$$`;
export const EQ9 = String.raw`$$\frac{\partial h_t}{\partial h_{t-1}} = \sigma'(W_{xh}x_t + W_{hh}h_{t-1} + b_h)W_{hh} \tag{9}$$`;

export const SOLUTION = [
  '# Exercise sheet 7 — my solution',
  '',
  '```rnn',
  NETWORK,
  '```',
  '',
  'First the output:',
  '',
  EQ7,
  '',
  EQ8,
  '',
  'and the recurrence:',
  '',
  EQ9,
  '',
].join('\n');

/** 0-based line of the first line containing `needle` */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} is not in the fixture`);
  return i;
}

/** A LaTeX solution of the same network (its sidecar .rnn holds NETWORK): a comment with $$…$$ and eq. (8), wrong. */
export const TEX = [
  String.raw`\documentclass{article}`,
  String.raw`\begin{document}`,
  String.raw`% a comment with $$ 1 = 2 $$ is not an equation`,
  String.raw`\begin{equation}`,
  String.raw`\frac{\partial \mathcal{L}}{\partial y_3} = 2(t_3 - y_3) \tag{8}`,
  String.raw`\end{equation}`,
  String.raw`\end{document}`,
  '',
].join('\n');
