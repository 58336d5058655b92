package org.lps.init.lps.lift;

import org.lps.nets.data.FashionMnist;
import org.lps.nets.tensor.Shape;

/**
 * What the lift assumes about the network's input (docs/design.md, LPS step 5, first layer): its mean and standard deviation
 * over all values, and for images the spatial autocorrelation (needed only when the network max-pools).
 *
 * @param mean        overall mean
 * @param std         overall standard deviation
 * @param correlation pooled spatial autocorrelation, or null (not an image, or not measured)
 * @param source      where the figures come from, for reports
 */
public record InputStatistics(double mean, double std, Correlation correlation, String source) {

    private static final java.util.Map<Integer, InputStatistics> EMBEDDED = new java.util.concurrent.ConcurrentHashMap<>();

    public InputStatistics {
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("input statistics need a finite mean and std > 0, got " + mean + ", " + std);
        }
    }

    /** Inputs standardized to mean 0 and standard deviation 1 (what lps train feeds), correlations unknown. */
    public static InputStatistics standardized() {
        return new InputStatistics(0, 1, null, "standardized inputs assumed (mean 0, std 1)");
    }

    /**
     * Measured on the first {@code samples} samples of {@code x} (flat, sample after sample, each of
     * {@code shape}); the correlation up to {@code radius} when the shape is C x H x W.
     */
    public static InputStatistics measure(float[] x, Shape shape, int samples, int radius, String source) {
        int n = shape.size();
        if (samples < 1 || (long) samples * n > x.length) {
            throw new IllegalArgumentException("need 1.." + (x.length / n) + " samples, asked for " + samples);
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < samples * n; i++) {
            sum += x[i];
            sumSq += (double) x[i] * x[i];
        }
        long count = (long) samples * n;
        double mean = sum / count;
        double var = Math.max(0, sumSq / count - mean * mean);
        Correlation rho = null;
        if (shape.rank() == 3 && shape.dim(1) > 1 && shape.dim(2) > 1) {
            int c = shape.dim(0);
            int h = shape.dim(1);
            int w = shape.dim(2);
            int r = Math.min(radius, Math.min(h, w) - 1);
            rho = Correlation.of(r, (dy, dx) -> {
                double s = 0;
                long pairs = 0;
                for (int k = 0; k < samples; k++) {
                    for (int ch = 0; ch < c; ch++) {
                        int base = k * n + ch * h * w;
                        for (int y = 0; y + dy < h; y++) {
                            for (int xx = Math.max(0, -dx); xx < w && xx + dx < w; xx++) {
                                s += (x[base + y * w + xx] - mean) * (x[base + (y + dy) * w + xx + dx] - mean);
                                pairs++;
                            }
                        }
                    }
                }
                return s / pairs / var;
            });
        }
        return new InputStatistics(mean, Math.sqrt(var), rho, source);
    }

    /**
     * The embedded Fashion-MNIST subset (3000 training images, nets' resources) standardized as lps train
     * standardizes it: mean 0, std 1, and its spatial autocorrelation up to {@code radius} (about 0.1 s for
     * radius 3; measured once per radius and JVM).
     */
    public static InputStatistics embeddedFashionMnist(int radius) {
        return EMBEDDED.computeIfAbsent(radius, r -> {
            var train = FashionMnist.embedded().standardized().train();
            return measure(train.features(), train.shape(), train.size(), r,
                    "standardized embedded Fashion-MNIST subset (" + train.size() + " training images)");
        });
    }

    /** This input's statistics with a different correlation (or none). */
    public InputStatistics withCorrelation(Correlation c, String newSource) {
        return new InputStatistics(mean, std, c, newSource);
    }
}
