package org.lps.init.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lps.nets.layer.Dense;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;
import org.lps.nets.model.ModelRunner;
import org.lps.nets.tensor.Gemm;

/**
 * The Gauss-Newton estimate of each layer's Hessian norm at the current weights: the diagnostic of
 * Skorski, Temperoni and Theobald (docs/init-schemes.md), who computed the Frobenius norm of the Hessian of
 * the mean loss with respect to one layer's kernel on a batch and watched it explode or vanish with the
 * initialization's scale.
 *
 * <p>For the mean softmax cross-entropy over a batch of B samples, the Hessian with respect to a layer's
 * weights W is D^2 L = (1/B) sum_b J_b^T Lambda_b J_b + (curvature term), where J_b = d z_out / d W for
 * sample b (O x P: O logits, P weights) and Lambda_b = diag(p_b) - p_b p_b^T is the Hessian of the loss in
 * the logits (independent of the labels). The first, Gauss-Newton, term is what is computed; the second
 * multiplies d^2 z_out / d W^2, which is zero for relu, leaky-relu and linear networks (the output is
 * piecewise linear in one layer's weights), so for those this is the exact Hessian almost everywhere.
 *
 * <p>The P x P matrix is never formed: with K_{bb'} = J_b J_{b'}^T (O x O),
 * |H|_F^2 = (1/B^2) sum_{b,b'} tr(Lambda_b K_{bb'} Lambda_{b'} K_{bb'}^T). For a dense layer,
 * J_b = g_b (x) x_b^T (g_b = d z_out / d z, O x out; x_b the layer's input), so K_{bb'} = (g_b g_{b'}^T) (x_b . x_{b'}):
 * two Gram matrices, one of the backpropagated gradients and one of the inputs (the Kronecker structure of
 * docs/init-schemes.md's (B^T Lambda B) (x) (x x^T)). For a conv layer J_b is formed explicitly, one
 * single-sample backward pass per logit. The Gram matrices are float GEMMs; the traces are summed in double.
 */
public final class HessianNorms {

    private HessianNorms() {
    }

    /** One layer's estimate: {@code layer0}, ..., the number of weights, and |D^2_W L|_F. */
    public record LayerNorm(String layer, int weights, double frobenius) {
    }

    /**
     * The Gauss-Newton Frobenius norm for the weights (not the biases) of every dense and conv2d layer, for
     * the mean cross-entropy of softmax(model output) over the first {@code samples} samples of {@code x}.
     */
    public static List<LayerNorm> gaussNewton(Model model, float[] x, int samples) {
        int in = model.inputShape().size();
        if (samples < 1 || (long) samples * in > x.length) {
            throw new IllegalArgumentException("need 1.." + (x.length / in) + " samples, asked for " + samples);
        }
        int batch = samples;
        int outputs = model.outputShape().size();
        ModelRunner runner = model.runner(batch);
        float[] logits = runner.forward(x, batch).clone();
        double[][][] lambda = new double[batch][][];
        for (int b = 0; b < batch; b++) {
            lambda[b] = softmaxHessian(logits, b * outputs, outputs);
        }
        List<Layer> layers = model.layers();
        List<LayerNorm> out = new ArrayList<>();
        for (int li = 0; li < layers.size(); li++) {
            if (!(layers.get(li) instanceof ParameterizedLayer layer)) {
                continue;
            }
            float[] input = li == 0 ? x : runner.output(li - 1);
            int inSize = layer.inputShape().size();
            int outSize = layer.outputShape().size();
            // g[(b, o)][:] = d z_out[o] / d z_layer for sample b: one backward pass per logit o.
            float[] g = new float[batch * outputs * outSize];
            for (int o = 0; o < outputs; o++) {
                float[] seed = runner.outputGradient();
                Arrays.fill(seed, 0, batch * outputs, 0f);
                for (int b = 0; b < batch; b++) {
                    seed[b * outputs + o] = 1f;
                }
                runner.backward(batch);
                float[] dz = runner.outputGradient(li);
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dz, b * outSize, g, (b * outputs + o) * outSize, outSize);
                }
            }
            int rows = batch * outputs;
            float[] gram = new float[rows * rows];
            if (layer instanceof Dense) {
                // K = (g g^T) .* (x x^T) blockwise
                Gemm.gemm(false, true, rows, rows, outSize, 1f, g, 0, outSize, g, 0, outSize, 0f, gram, 0, rows);
                float[] xx = new float[batch * batch];
                Gemm.gemm(false, true, batch, batch, inSize, 1f, input, 0, inSize, input, 0, inSize, 0f, xx, 0, batch);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < rows; c++) {
                        gram[r * rows + c] *= xx[(r / outputs) * batch + c / outputs];
                    }
                }
            } else {
                float[] j = explicitJacobians(layer, input, runner.output(li), g, batch, outputs);
                int p = layer.weight().size();
                Gemm.gemm(false, true, rows, rows, p, 1f, j, 0, p, j, 0, p, 0f, gram, 0, rows);
            }
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                for (int c = b; c < batch; c++) {
                    double t = traceTerm(lambda[b], lambda[c], gram, rows, b * outputs, c * outputs, outputs);
                    sum += b == c ? t : 2 * t;
                }
            }
            out.add(new LayerNorm(model.nameOf(layer), layer.weight().size(), Math.sqrt(sum) / batch));
        }
        return out;
    }

    /** J[(b, o)][:] = d z_out[o] / d W for sample b, by the layer's own backward pass on one sample. */
    private static float[] explicitJacobians(ParameterizedLayer layer, float[] input, float[] output, float[] g, int batch, int outputs) {
        int inSize = layer.inputShape().size();
        int outSize = layer.outputShape().size();
        int p = layer.weight().size();
        Layer.Runner one = layer.runner(1);
        float[] xb = new float[inSize];
        float[] yb = new float[outSize];
        float[] dy = new float[outSize];
        float[] j = new float[batch * outputs * p];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(input, b * inSize, xb, 0, inSize);
            System.arraycopy(output, b * outSize, yb, 0, outSize);
            for (int o = 0; o < outputs; o++) {
                System.arraycopy(g, (b * outputs + o) * outSize, dy, 0, outSize);
                one.backward(xb, yb, dy, null, 1);
                System.arraycopy(one.gradients()[0], 0, j, (b * outputs + o) * p, p);
            }
        }
        return j;
    }

    /** tr(L1 K L2 K^T), K the O x O block of the Gram matrix at (r0, c0). */
    private static double traceTerm(double[][] l1, double[][] l2, float[] gram, int ld, int r0, int c0, int o) {
        double[][] a = new double[o][o]; // L1 K
        double[][] c = new double[o][o]; // L2 K^T
        for (int i = 0; i < o; i++) {
            for (int k = 0; k < o; k++) {
                double sa = 0;
                double sc = 0;
                for (int m = 0; m < o; m++) {
                    sa += l1[i][m] * gram[(r0 + m) * ld + c0 + k];
                    sc += l2[i][m] * gram[(r0 + k) * ld + c0 + m];
                }
                a[i][k] = sa;
                c[i][k] = sc;
            }
        }
        double t = 0;
        for (int i = 0; i < o; i++) {
            for (int k = 0; k < o; k++) {
                t += a[i][k] * c[k][i];
            }
        }
        return t;
    }

    /** diag(p) - p p^T for p = softmax of the logits at {@code off}, in double. */
    static double[][] softmaxHessian(float[] logits, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double[] p = new double[n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(logits[off + i] - max);
            z += p[i];
        }
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            p[i] /= z;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                h[i][k] = (i == k ? p[i] : 0) - p[i] * p[k];
            }
        }
        return h;
    }
}
