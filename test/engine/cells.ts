// The small gated cells the engine's check and one-step tests share (scalar, T = 3, given values): the
// same network in both, so a one-step derivative checked against central differences in onestep.test.ts
// is the one the check verdicts of checks.test.ts rest on.

/** a scalar GRU: z_t the update gate, g_t the candidate */
export const GRU = `T = 3
input x = [0.5, -1, 0.25]
param w = 0.7
param u = -0.4
h_0 = 0.3
z_t = σ(u h_{t-1} + w x_t)
g_t = tanh(w h_{t-1} + u x_t)
h_t = (1 - z_t) h_{t-1} + z_t g_t
loss L = Σ_t h_t^2
`;

/** a scalar LSTM cell: c̄_t needs ∂c_{t+1}/∂c_t = f_{t+1} as a one-step derivative */
export const LSTM = `T = 3
input x = [0.5, -1, 0.25]
param a = 0.6
param b = -0.3
h_0 = 0.2
c_0 = -0.1
f_t = σ(a h_{t-1} + b x_t)
i_t = σ(b h_{t-1} + a x_t)
o_t = σ(a h_{t-1} - b x_t)
g_t = tanh(a h_{t-1} + x_t)
c_t = f_t c_{t-1} + i_t g_t
h_t = o_t tanh(c_t)
loss L = Σ_t h_t^2
`;
