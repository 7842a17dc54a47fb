// Networks more than one session-18 test file checks against.

/** a scalar tanh RNN with a named pre-activation z_t and a squared loss, T = 3, every value given */
export const SCALAR = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w_x = 0.3
param w_h = 0.8
param b = 0.1
param v = 1.5
h_0 = 0
z_t = w_x x_t + w_h h_{t-1} + b
h_t = tanh(z_t)
o_t = v h_t
loss L = Σ_t (o_t - y_t)^2
`;
