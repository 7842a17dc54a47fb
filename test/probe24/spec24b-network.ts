// The small σ network spec24b's check-line tests write their checks under: sheet 7's shape without W_xh and the
// biases, so a pasted display's numbers stay short.
export const SIGMA_NET = String.raw`T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  W_hh = 0.8
param  W_hy = 1.5
h_0 = 0
h_t = σ(x_t + W_hh h_{t-1})
o_t = σ(W_hy h_t)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t`;
