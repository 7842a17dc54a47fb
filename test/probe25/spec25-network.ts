// d2l.ai §10.2's GRU as the book writes it, with row vectors on the left of the weights (X_t W_xr + H_{t-1} W_hr):
// two hidden units, two inputs, a halved squared error. The probe25 tests write their checks under it.
export const D2L_GRU = String.raw`T = 3
input  X : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
target Y : 2 = [[0.2, -0.1], [0.5, 0.3], [-0.2, 0.7]]
param  W_xr : 2x2 = [[0.31, -0.52], [0.47, 0.12]]
param  W_hr : 2x2 = [[0.21, -0.43], [0.38, 0.09]]
param  b_r : 2 = [0.05, -0.11]
param  W_xz : 2x2 = [[0.11, 0.42], [-0.27, 0.33]]
param  W_hz : 2x2 = [[-0.12, 0.33], [0.44, 0.2]]
param  b_z : 2 = [0.1, 0.02]
param  W_xh : 2x2 = [[0.52, -0.18], [0.29, -0.36]]
param  W_hh : 2x2 = [[0.41, 0.07], [0.14, -0.25]]
param  b_h : 2 = [0.02, -0.09]
H_0 = [0.1, -0.2]
R_t = σ(X_t W_xr + H_{t-1} W_hr + b_r)
Z_t = σ(X_t W_xz + H_{t-1} W_hz + b_z)
\tilde{H}_t = \tanh(X_t W_xh + (R_t \odot H_{t-1}) W_hh + b_h)
H_t = Z_t \odot H_{t-1} + (1 - Z_t) \odot \tilde{H}_t
loss L = \frac{1}{2} \sum_t \|H_t - Y_t\|^2`;
