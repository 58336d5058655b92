package org.lps.nets.layer;

import java.util.Arrays;
import org.lps.nets.tensor.Gemm;
import org.lps.nets.tensor.Shape;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code nn.Conv2d}) with square stride and zero padding;
 * weight {@code [out, in, kh, kw]}, bias {@code [out]}.
 *
 * <p>Computed as im2col + one GEMM per shard: the patches of all samples of the shard form one matrix
 * {@code col[K][batch * P]} (K = in*kh*kw, P = output pixels), so the product is a single large
 * {@code W[F][K] * col}, efficient even for the first layer's K = 9. The result comes out channel-major
 * ({@code [F][batch][P]}) and is transposed into NCHW.
 */
public final class Conv2d extends ParameterizedLayer {
    private final int c;
    private final int h;
    private final int w;
    private final int f;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int pad;
    private final int oh;
    private final int ow;

    public Conv2d(Shape input, int filters, int kernel, int stride, int padding) {
        this(input, filters, kernel, kernel, stride, padding, outShape(input, filters, kernel, kernel, stride, padding));
    }

    private Conv2d(Shape input, int filters, int kh, int kw, int stride, int padding, Shape out) {
        super(input, out, new int[] {filters, input.dim(0), kh, kw}, filters);
        this.c = input.dim(0);
        this.h = input.dim(1);
        this.w = input.dim(2);
        this.f = filters;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.pad = padding;
        this.oh = out.dim(1);
        this.ow = out.dim(2);
    }

    private static Shape outShape(Shape in, int filters, int kh, int kw, int stride, int pad) {
        if (in.rank() != 3) {
            throw new IllegalArgumentException("conv2d needs a CxHxW input, got " + in);
        }
        if (filters <= 0 || kh <= 0 || kw <= 0 || stride <= 0 || pad < 0) {
            throw new IllegalArgumentException("conv2d: filters, kernel and stride must be positive and padding >= 0");
        }
        int oh = (in.dim(1) + 2 * pad - kh) / stride + 1;
        int ow = (in.dim(2) + 2 * pad - kw) / stride + 1;
        if (in.dim(1) + 2 * pad < kh || in.dim(2) + 2 * pad < kw) {
            throw new IllegalArgumentException("conv2d: kernel " + kh + "x" + kw + " larger than the padded input " + in);
        }
        return Shape.of(filters, oh, ow);
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public int fanIn() {
        return c * kh * kw;
    }

    @Override
    public int fanOut() {
        return f * kh * kw;
    }

    public int kernelSize() {
        return kh;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return pad;
    }

    @Override
    public String toString() {
        return "conv2d " + inputShape() + " -> " + outputShape() + " (" + kh + "x" + kw + ", stride " + stride + ", padding " + pad + ")";
    }

    @Override
    public Runner runner(int maxBatch) {
        return new ConvRunner(maxBatch);
    }

    private final class ConvRunner implements Runner {
        private final int k = c * kh * kw;
        private final int p = oh * ow;
        private final float[] col;
        private final float[] tmp; // [F][batch*P], then the gradient of col
        private final float[] gw = new float[f * k];
        private final float[] gb = new float[f];
        private final float[][] grads = {gw, gb};

        ConvRunner(int maxBatch) {
            this.col = new float[Math.multiplyExact(k, Math.multiplyExact(maxBatch, p))];
            this.tmp = new float[Math.max(Math.multiplyExact(f, maxBatch * p), col.length)];
        }

        @Override
        public void forward(float[] x, float[] y, int batch) {
            int n = batch * p;
            im2col(x, batch);
            Gemm.gemm(false, false, f, n, k, 1f, weight().values(), 0, k, col, 0, n, 0f, tmp, 0, n);
            float[] b = bias().values();
            // [F][batch][P] -> [batch][F][P], adding the bias on the way.
            for (int ch = 0; ch < f; ch++) {
                float bc = b[ch];
                for (int s = 0; s < batch; s++) {
                    int src = ch * n + s * p;
                    int dst = (s * f + ch) * p;
                    for (int q = 0; q < p; q++) {
                        y[dst + q] = tmp[src + q] + bc;
                    }
                }
            }
        }

        @Override
        public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
            int n = batch * p;
            // dy [batch][F][P] -> tmp [F][batch][P]; the bias gradient is its row sums.
            for (int ch = 0; ch < f; ch++) {
                float sum = 0f;
                for (int s = 0; s < batch; s++) {
                    int src = (s * f + ch) * p;
                    int dst = ch * n + s * p;
                    for (int q = 0; q < p; q++) {
                        float v = dy[src + q];
                        tmp[dst + q] = v;
                        sum += v;
                    }
                }
                gb[ch] = sum;
            }
            im2col(x, batch); // col may have been overwritten by another forward since; recomputing is cheap
            Gemm.gemm(false, true, f, k, n, 1f, tmp, 0, n, col, 0, n, 0f, gw, 0, k);
            if (dx != null) {
                // dcol = W^T dy, written over col (no longer needed), then scattered back into dx.
                Gemm.gemm(true, false, k, n, f, 1f, weight().values(), 0, k, tmp, 0, n, 0f, col, 0, n);
                col2im(dx, batch);
            }
        }

        @Override
        public float[][] gradients() {
            return grads;
        }

        private void im2col(float[] x, int batch) {
            int n = batch * p;
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = ((ch * kh + i) * kw + j) * n;
                        for (int s = 0; s < batch; s++) {
                            int xBase = (s * c + ch) * h * w;
                            int dst = row + s * p;
                            for (int r = 0; r < oh; r++) {
                                int ih = r * stride - pad + i;
                                int d = dst + r * ow;
                                if (ih < 0 || ih >= h) {
                                    Arrays.fill(col, d, d + ow, 0f);
                                    continue;
                                }
                                int xRow = xBase + ih * w;
                                for (int q = 0; q < ow; q++) {
                                    int iw = q * stride - pad + j;
                                    col[d + q] = iw >= 0 && iw < w ? x[xRow + iw] : 0f;
                                }
                            }
                        }
                    }
                }
            }
        }

        private void col2im(float[] dx, int batch) {
            int n = batch * p;
            Arrays.fill(dx, 0, batch * c * h * w, 0f);
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = ((ch * kh + i) * kw + j) * n;
                        for (int s = 0; s < batch; s++) {
                            int xBase = (s * c + ch) * h * w;
                            int src = row + s * p;
                            for (int r = 0; r < oh; r++) {
                                int ih = r * stride - pad + i;
                                if (ih < 0 || ih >= h) {
                                    continue;
                                }
                                int xRow = xBase + ih * w;
                                int sr = src + r * ow;
                                for (int q = 0; q < ow; q++) {
                                    int iw = q * stride - pad + j;
                                    if (iw >= 0 && iw < w) {
                                        dx[xRow + iw] += col[sr + q];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
