package org.lps.polyapprox.activation;

/**
 * The piecewise-linear activations: x for x >= 0 and {@code slope * x} below (relu is slope 0). Public
 * because their Gaussian projections have a closed form, which the fits use.
 */
public final class LeakyRelu implements Activation {

    static final LeakyRelu RELU = new LeakyRelu(0.0);

    private final double slope;

    LeakyRelu(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leaky-relu slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    /** The slope for negative inputs (0 for relu). */
    public double negativeSlope() {
        return slope;
    }

    @Override
    public String name() {
        return slope == 0 ? "relu" : "leaky-relu:" + slope;
    }

    @Override
    public double value(double x) {
        return x >= 0 ? x : slope * x;
    }

    /** 1 for x > 0, the slope for x <= 0: at the kink PyTorch's convention (relu'(0) = 0). */
    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : slope;
    }

    @Override
    public double[] kinks() {
        return slope == 1.0 ? new double[0] : new double[] {0.0};
    }

    @Override
    public double[] taylorCoefficients(double x0, int degree) {
        if (x0 == 0 && slope != 1.0) {
            throw new IllegalArgumentException(name() + " has a kink at 0: no Taylor series there");
        }
        double[] c = new double[degree + 1];
        double s = x0 > 0 ? 1.0 : slope;
        c[0] = s * x0;
        if (degree >= 1) {
            c[1] = s;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyRelu l && Double.compare(l.slope, slope) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope);
    }

    @Override
    public String toString() {
        return name();
    }
}
