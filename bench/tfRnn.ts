// The same RNN and loss as rnnProblem.ts in TensorFlow.js, gradients by tf.variableGrads.
// The CPU backend computes in float32 (its only floating dtype on CPU); Unroll computes in float64.

import * as tf from '@tensorflow/tfjs';
import type { ParamName, RnnProblem } from './rnnProblem';

let ready: Promise<void> | null = null;

/** Selects the CPU backend once (the bench runs in Node without tfjs-node). */
export function initTf(): Promise<void> {
  ready ??= (async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  })();
  return ready;
}

export interface TfRnn {
  /** one forward + backward pass; the gradients read back into float32 arrays */
  gradients(): { loss: number; grads: Record<ParamName, Float32Array> };
  dispose(): void;
}

let instance = 0;

/** TF.js takes float32 (or plain number) data only. */
const f32 = (a: Float64Array) => Float32Array.from(a);

export function makeTfRnn(p: RnnProblem): TfRnn {
  const { H, D } = p;
  const id = instance++;
  const vars = {
    W_xh: tf.variable(tf.tensor2d(f32(p.W_xh), [H, D]), true, `W_xh_${id}`),
    W_hh: tf.variable(tf.tensor2d(f32(p.W_hh), [H, H]), true, `W_hh_${id}`),
    b_h: tf.variable(tf.tensor2d(f32(p.b_h), [H, 1]), true, `b_h_${id}`),
    W_hy: tf.variable(tf.tensor2d(f32(p.W_hy), [1, H]), true, `W_hy_${id}`),
    b_y: tf.variable(tf.tensor2d(f32(p.b_y), [1, 1]), true, `b_y_${id}`),
  };
  const xs = p.xs.map((x) => tf.tensor2d(f32(x), [D, 1]));
  const ss = p.ss.map((s) => tf.tensor2d(f32(s), [1, 1]));
  const h0 = tf.zeros([H, 1]);

  const loss = (): tf.Scalar => {
    let h: tf.Tensor2D = h0 as tf.Tensor2D;
    let L: tf.Tensor = tf.scalar(0);
    for (let t = 0; t < xs.length; t++) {
      h = tf.tanh(tf.add(tf.add(tf.matMul(vars.W_xh, xs[t]), tf.matMul(vars.W_hh, h)), vars.b_h)) as tf.Tensor2D;
      const y = tf.add(tf.matMul(vars.W_hy, h), vars.b_y);
      L = tf.add(L, tf.sum(tf.square(tf.sub(ss[t], y))));
    }
    return L as tf.Scalar;
  };

  const varList = Object.values(vars);
  return {
    gradients() {
      return tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, varList);
        const out = {} as Record<ParamName, Float32Array>;
        for (const [name, v] of Object.entries(vars)) out[name as ParamName] = grads[v.name].dataSync() as Float32Array;
        return { loss: value.dataSync()[0], grads: out };
      });
    },
    dispose() {
      for (const v of varList) v.dispose();
      for (const t of [...xs, ...ss, h0]) t.dispose();
    },
  };
}
