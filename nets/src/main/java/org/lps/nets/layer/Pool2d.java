package org.lps.nets.layer;

import java.util.Arrays;
import org.lps.nets.tensor.Shape;

/**
 * Max or average pooling over square windows, no padding, output size floor((H - k) / s) + 1 as PyTorch's
 * {@code MaxPool2d}/{@code AvgPool2d}. A max ties to the first maximum in the window, row by row; NaNs are
 * not propagated.
 */
public final class Pool2d extends Layer {
    /** Which reduction a window applies. */
    public enum Mode { MAX, AVG }

    private final Mode mode;
    private final int k;
    private final int stride;
    private final int c;
    private final int h;
    private final int w;
    private final int oh;
    private final int ow;

    public Pool2d(Shape input, Mode mode, int size, int stride) {
        super(input, outShape(input, size, stride));
        this.mode = mode;
        this.k = size;
        this.stride = stride;
        this.c = input.dim(0);
        this.h = input.dim(1);
        this.w = input.dim(2);
        this.oh = outputShape().dim(1);
        this.ow = outputShape().dim(2);
    }

    private static Shape outShape(Shape in, int size, int stride) {
        if (in.rank() != 3) {
            throw new IllegalArgumentException("pooling needs a CxHxW input, got " + in);
        }
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("pooling size and stride must be positive");
        }
        if (in.dim(1) < size || in.dim(2) < size) {
            throw new IllegalArgumentException("pooling window " + size + " larger than the input " + in);
        }
        return Shape.of(in.dim(0), (in.dim(1) - size) / stride + 1, (in.dim(2) - size) / stride + 1);
    }

    public Mode mode() {
        return mode;
    }

    /** Window side. */
    public int size() {
        return k;
    }

    public int stride() {
        return stride;
    }

    @Override
    public String kind() {
        return mode == Mode.MAX ? "maxpool" : "avgpool";
    }

    @Override
    public String toString() {
        return kind() + " " + k + "x" + k + " stride " + stride + " -> " + outputShape();
    }

    @Override
    public Runner runner(int maxBatch) {
        return mode == Mode.MAX ? new MaxRunner(maxBatch) : new AvgRunner();
    }

    private final class MaxRunner implements Runner {
        /** Input index of each output's maximum, for the backward scatter. */
        private final int[] argmax;

        MaxRunner(int maxBatch) {
            argmax = new int[Math.multiplyExact(maxBatch, c * oh * ow)];
        }

        @Override
        public void forward(float[] x, float[] y, int batch) {
            if (k == 2 && stride == 2) {
                forward2x2(x, y, batch);
                return;
            }
            int o = 0;
            for (int plane = 0; plane < batch * c; plane++) {
                int base = plane * h * w;
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++, o++) {
                        int start = base + r * stride * w + q * stride;
                        int best = start;
                        float bv = x[start];
                        for (int i = 0; i < k; i++) {
                            int row = start + i * w;
                            for (int j = 0; j < k; j++) {
                                float v = x[row + j];
                                // Conditional moves, not branches: which element wins is a coin toss.
                                boolean more = v > bv;
                                bv = more ? v : bv;
                                best = more ? row + j : best;
                            }
                        }
                        y[o] = bv;
                        argmax[o] = best;
                    }
                }
            }
        }

        /**
         * The common 2x2 window without branches: which element wins is a coin toss, and mispredicted
         * branches made the general loop cost as much as a convolution. The sign bit of a difference selects.
         */
        private void forward2x2(float[] x, float[] y, int batch) {
            int o = 0;
            for (int plane = 0; plane < batch * c; plane++) {
                int base = plane * h * w;
                for (int r = 0; r < oh; r++) {
                    int row = base + 2 * r * w;
                    for (int q = 0; q < ow; q++, o++) {
                        int i0 = row + 2 * q;
                        int i2 = i0 + w;
                        float a = x[i0];
                        float b = x[i0 + 1];
                        float cc = x[i2];
                        float d = x[i2 + 1];
                        int sab = Float.floatToRawIntBits(a - b) >> 31; // all ones when b > a
                        int scd = Float.floatToRawIntBits(cc - d) >> 31;
                        float m1 = pick(a, b, sab);
                        float m2 = pick(cc, d, scd);
                        int j1 = i0 + (sab & 1);
                        int j2 = i2 + (scd & 1);
                        int s = Float.floatToRawIntBits(m1 - m2) >> 31; // ties keep the first row
                        y[o] = pick(m1, m2, s);
                        argmax[o] = j1 ^ ((j1 ^ j2) & s);
                    }
                }
            }
        }

        private static float pick(float first, float second, int mask) {
            int f = Float.floatToRawIntBits(first);
            return Float.intBitsToFloat(f ^ ((f ^ Float.floatToRawIntBits(second)) & mask));
        }

        @Override
        public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
            if (dx == null) {
                return;
            }
            Arrays.fill(dx, 0, batch * c * h * w, 0f);
            int n = batch * c * oh * ow;
            for (int o = 0; o < n; o++) {
                dx[argmax[o]] += dy[o];
            }
        }
    }

    private final class AvgRunner implements Runner {
        private final float inv = 1f / (k * k);

        @Override
        public void forward(float[] x, float[] y, int batch) {
            int o = 0;
            for (int plane = 0; plane < batch * c; plane++) {
                int base = plane * h * w;
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++, o++) {
                        int start = base + r * stride * w + q * stride;
                        float s = 0f;
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                s += x[start + i * w + j];
                            }
                        }
                        y[o] = s * inv;
                    }
                }
            }
        }

        @Override
        public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
            if (dx == null) {
                return;
            }
            Arrays.fill(dx, 0, batch * c * h * w, 0f);
            int o = 0;
            for (int plane = 0; plane < batch * c; plane++) {
                int base = plane * h * w;
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++, o++) {
                        int start = base + r * stride * w + q * stride;
                        float g = dy[o] * inv;
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                dx[start + i * w + j] += g;
                            }
                        }
                    }
                }
            }
        }
    }
}
