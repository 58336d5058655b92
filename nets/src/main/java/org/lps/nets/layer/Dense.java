package org.lps.nets.layer;

import org.lps.nets.tensor.Gemm;
import org.lps.nets.tensor.Shape;

/** Fully connected layer y = x W^T + b, W stored {@code [out, in]} as in PyTorch's {@code nn.Linear}. */
public final class Dense extends ParameterizedLayer {
    private final int in;
    private final int out;

    /** A dense layer on flat inputs of {@code in} values. */
    public Dense(int in, int out) {
        super(Shape.of(in), Shape.of(out), new int[] {out, in}, out);
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("dense layer sizes must be positive: " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public int fanIn() {
        return in;
    }

    @Override
    public int fanOut() {
        return out;
    }

    @Override
    public Runner runner(int maxBatch) {
        return new DenseRunner();
    }

    @Override
    public String toString() {
        return "dense " + in + " -> " + out;
    }

    private final class DenseRunner implements Runner {
        private final float[] gw = new float[in * out];
        private final float[] gb = new float[out];
        private final float[][] grads = {gw, gb};

        @Override
        public void forward(float[] x, float[] y, int batch) {
            float[] w = weight().values();
            float[] b = bias().values();
            for (int r = 0; r < batch; r++) {
                System.arraycopy(b, 0, y, r * out, out);
            }
            Gemm.gemm(false, true, batch, out, in, 1f, x, 0, in, w, 0, in, 1f, y, 0, out);
        }

        @Override
        public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
            Gemm.gemm(true, false, out, in, batch, 1f, dy, 0, out, x, 0, in, 0f, gw, 0, in);
            java.util.Arrays.fill(gb, 0f);
            for (int r = 0; r < batch; r++) {
                int o = r * out;
                for (int j = 0; j < out; j++) {
                    gb[j] += dy[o + j];
                }
            }
            if (dx != null) {
                Gemm.gemm(false, false, batch, in, out, 1f, dy, 0, out, weight().values(), 0, in, 0f, dx, 0, in);
            }
        }

        @Override
        public float[][] gradients() {
            return grads;
        }
    }
}
