// Typical student mistakes in the vanilla RNN's backward pass (Goodfellow §10.2.2, d2l.ai §9.7): each
// fails, never crashes or is skipped, and the message names what is wrong at the equation.
import { describe, it } from 'vitest';
import { D2L_MATRIX, GOODFELLOW, expectTag, withChecks } from './vanilla';

const H = String.raw`\nabla_{\boldsymbol{h}^{(t)}} L`;

describe('Goodfellow eq. 10.21 with its recursive term dropped', () => {
  it('names the path through a^{(t+1)} that it leaves out, although the last step (no h^{(T+1)}) holds', () => {
    const r = withChecks(GOODFELLOW, String.raw`${H} = \boldsymbol{V}^\top (\nabla_{\boldsymbol{o}^{(t)}} L) \tag{1}`);
    expectTag(r, '1', 'fails', /fails at t = 1/, /leaves out the path through a_\{t\+1\}: the term ∂L\/∂a_\{t\+1\}·∂⁺a_\{t\+1\}\/∂h_t/);
    // the same in d2l's notation, ∂L/∂h_t = W_qhᵀ ∂L/∂o_t for every t (true only at t = T)
    const d = withChecks(D2L_MATRIX, String.raw`\frac{\partial L}{\partial \mathbf{h}_t} = \mathbf{W}_\textrm{qh}^\top \frac{\partial L}{\partial \mathbf{o}_t} \tag{2}`);
    expectTag(d, '2', 'fails', /leaves out the path through h_\{t\+1\}/);
  });
});
