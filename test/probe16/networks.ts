// Networks several probe16 tests check their culprits under.

/** seed 001's vanilla RNN (σ state and output, squared error against targets t_t), with values of our own */
export const SEED001 = `T = 3
input x = [0.3, -1.2, 0.8]
target t = [1, 0, 1]
param W_xh = 0.6
param W_hh = -0.9
param b_h = 0.2
param W_hy = 1.1
param b_y = 0.1
h_0 = 0
h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)
y_t = σ(W_hy h_t + b_y)
L_t = (t_t - y_t)^2
loss L = Σ_t L_t
`;
