package org.lps.nets.layer;

import java.util.Arrays;
import org.lps.nets.tensor.Gemm;
import org.lps.nets.tensor.Shape;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code nn.Conv2d}) with square stride and zero padding;
 * weight {@code [out, in, kh, kw]}, bias {@code [out]}.
 *
 * <p>Computed sample by sample as im2col + GEMM: the patches of one sample form {@code col[K][P]}
 * (K = in*kh*kw, P = output pixels), and {@code W[F][K] * col} is that sample's NCHW output. One sample's
 * patches stay in cache between im2col and the GEMM; patches of a whole batch would not (measured: the
 * batched variant spent as long moving the 15 MB patch matrix as multiplying it).
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
        return new ConvRunner();
    }

    private final class ConvRunner implements Runner {
        private final int k = c * kh * kw;
        private final int p = oh * ow;
        /** One sample's patches, {@code [K][P]}: small enough to stay in cache between im2col and the GEMM. */
        private final float[] col = new float[k * p];
        private final float[] gw = new float[f * k];
        private final float[] gb = new float[f];
        private final float[][] grads = {gw, gb};

        @Override
        public void forward(float[] x, float[] y, int batch) {
            float[] wt = weight().values();
            float[] b = bias().values();
            for (int s = 0; s < batch; s++) {
                int yo = s * f * p;
                for (int ch = 0; ch < f; ch++) {
                    java.util.Arrays.fill(y, yo + ch * p, yo + (ch + 1) * p, b[ch]);
                }
                im2col(x, s * c * h * w);
                // y_s[F][P] = W[F][K] col[K][P] + bias
                Gemm.gemm(false, false, f, p, k, 1f, wt, 0, k, col, 0, p, 1f, y, yo, p);
            }
        }

        @Override
        public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
            float[] wt = weight().values();
            Arrays.fill(gb, 0f);
            for (int s = 0; s < batch; s++) {
                int yo = s * f * p;
                for (int ch = 0; ch < f; ch++) {
                    float sum = 0f;
                    for (int q = yo + ch * p, e = q + p; q < e; q++) {
                        sum += dy[q];
                    }
                    gb[ch] += sum;
                }
                im2col(x, s * c * h * w);
                // dW += dy_s[F][P] col^T
                Gemm.gemm(false, true, f, k, p, 1f, dy, yo, p, col, 0, p, s == 0 ? 0f : 1f, gw, 0, k);
                if (dx != null) {
                    // dcol = W^T dy_s, then scattered back into dx_s
                    Gemm.gemm(true, false, k, p, f, 1f, wt, 0, k, dy, yo, p, 0f, col, 0, p);
                    col2im(dx, s * c * h * w);
                }
            }
        }

        @Override
        public float[][] gradients() {
            return grads;
        }

        /** col[(ch, i, j)][(r, q)] = x[ch][r*stride - pad + i][q*stride - pad + j], zero outside the image. */
        private void im2col(float[] x, int xo) {
            if (stride == 1 && ow == w && oh == h) {
                im2colSame(x, xo);
                return;
            }
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = ((ch * kh + i) * kw + j) * p;
                        int qlo = firstValid(j);
                        int qhi = endValid(j);
                        for (int r = 0; r < oh; r++) {
                            int ih = r * stride - pad + i;
                            int d = row + r * ow;
                            if (ih < 0 || ih >= h || qlo >= qhi) {
                                Arrays.fill(col, d, d + ow, 0f);
                                continue;
                            }
                            int src = xo + (ch * h + ih) * w - pad + j;
                            Arrays.fill(col, d, d + qlo, 0f);
                            if (stride == 1) {
                                System.arraycopy(x, src + qlo, col, d + qlo, qhi - qlo);
                            } else {
                                for (int q = qlo; q < qhi; q++) {
                                    col[d + q] = x[src + q * stride];
                                }
                            }
                            Arrays.fill(col, d + qhi, d + ow, 0f);
                        }
                    }
                }
            }
        }

        /**
         * Stride 1 with "same" width: a patch row is the image shifted by (i - pad, j - pad), so the valid rows
         * are one contiguous copy; only the columns that wrapped across a row edge are then zeroed. One copy
         * per kernel tap instead of one per image row: im2col was a third of the layer's time.
         */
        private void im2colSame(float[] x, int xo) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    int rlo = Math.max(0, pad - i);
                    int rhi = Math.min(oh, h + pad - i);
                    for (int j = 0; j < kw; j++) {
                        int row = ((ch * kh + i) * kw + j) * p;
                        int shift = (i - pad) * w + (j - pad);
                        if (rlo >= rhi) {
                            Arrays.fill(col, row, row + p, 0f);
                            continue;
                        }
                        Arrays.fill(col, row, row + rlo * ow, 0f);
                        int from = rlo * ow;
                        int to = rhi * ow;
                        // Clip the span to the image: the first row's left wrap and the last row's right wrap.
                        int lo = Math.max(from, -shift); // the source index t + shift must be inside the plane
                        int hi = Math.min(to, h * w - shift);
                        Arrays.fill(col, row + from, row + lo, 0f);
                        System.arraycopy(x, xo + ch * h * w + lo + shift, col, row + lo, hi - lo);
                        Arrays.fill(col, row + hi, row + to, 0f);
                        Arrays.fill(col, row + to, row + p, 0f);
                        int qlo = firstValid(j);
                        int qhi = endValid(j);
                        if (qlo > 0 || qhi < ow) {
                            zeroWrapped(row, rlo, rhi, qlo, qhi);
                        }
                    }
                }
            }
        }

        /** The adjoint of im2col: adds every patch entry back onto its pixel. */
        private void col2im(float[] dx, int xo) {
            Arrays.fill(dx, xo, xo + c * h * w, 0f);
            if (stride == 1 && ow == w && oh == h) {
                col2imSame(dx, xo);
                return;
            }
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = ((ch * kh + i) * kw + j) * p;
                        int qlo = firstValid(j);
                        int qhi = endValid(j);
                        for (int r = 0; r < oh; r++) {
                            int ih = r * stride - pad + i;
                            if (ih < 0 || ih >= h) {
                                continue;
                            }
                            int dst = xo + (ch * h + ih) * w - pad + j;
                            int sr = row + r * ow;
                            for (int q = qlo; q < qhi; q++) {
                                dx[dst + q * stride] += col[sr + q];
                            }
                        }
                    }
                }
            }
        }

        /** The adjoint of {@link #im2colSame}: zero the wrapped columns, then one vector add per kernel tap. */
        private void col2imSame(float[] dx, int xo) {
            for (int ch = 0; ch < c; ch++) {
                int plane = xo + ch * h * w;
                for (int i = 0; i < kh; i++) {
                    int rlo = Math.max(0, pad - i);
                    int rhi = Math.min(oh, h + pad - i);
                    if (rlo >= rhi) {
                        continue;
                    }
                    for (int j = 0; j < kw; j++) {
                        int row = ((ch * kh + i) * kw + j) * p;
                        int shift = (i - pad) * w + (j - pad);
                        int qlo = firstValid(j);
                        int qhi = endValid(j);
                        if (qlo > 0 || qhi < ow) {
                            zeroWrapped(row, rlo, rhi, qlo, qhi);
                        }
                        int lo = Math.max(rlo * ow, -shift);
                        int hi = Math.min(rhi * ow, h * w - shift);
                        int base = plane + shift;
                        for (int t = lo; t < hi; t++) {
                            dx[base + t] += col[row + t];
                        }
                    }
                }
            }
        }

        /**
         * Zeroes the columns outside [qlo, qhi) of rows [rlo, rhi) of a patch row: one or two entries per
         * row, written directly (a call to Arrays.fill per entry cost more than the copy it fixes up).
         */
        private void zeroWrapped(int row, int rlo, int rhi, int qlo, int qhi) {
            for (int r = rlo; r < rhi; r++) {
                int d = row + r * ow;
                for (int q = 0; q < qlo; q++) {
                    col[d + q] = 0f;
                }
                for (int q = qhi; q < ow; q++) {
                    col[d + q] = 0f;
                }
            }
        }

        /** The first output column whose input column q*stride - pad + j is inside the image. */
        private int firstValid(int j) {
            int q = 0;
            while (q < ow && q * stride - pad + j < 0) {
                q++;
            }
            return q;
        }

        /** One past the last output column whose input column is inside the image. */
        private int endValid(int j) {
            int q = ow;
            while (q > 0 && (q - 1) * stride - pad + j >= w) {
                q--;
            }
            return q;
        }
    }
}
