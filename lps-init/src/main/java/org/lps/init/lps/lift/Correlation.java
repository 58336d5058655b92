package org.lps.init.lps.lift;

import java.util.Locale;

/**
 * The spatial autocorrelation rho(dy, dx) of a C x H x W signal, pooled over channels, positions and samples:
 * E[(x_c(p) - m)(x_c(p + (dy, dx)) - m)] / s^2 with m and s the signal's overall mean and standard deviation, for
 * |dy|, |dx| <= radius. rho(0, 0) = 1 and rho(-d) = rho(d). Max pooling needs it: the maximum of four strongly
 * correlated neighbours is much smaller than the maximum of four independent values.
 */
public final class Correlation {

    private final int radius;
    /** Row-major over dy, dx in [-radius, radius]. */
    private final double[] values;

    private Correlation(int radius, double[] values) {
        this.radius = radius;
        this.values = values;
    }

    /** Uncorrelated neighbours: rho = 1 at lag 0, 0 elsewhere. */
    public static Correlation white(int radius) {
        double[] v = new double[(2 * radius + 1) * (2 * radius + 1)];
        v[index(radius, 0, 0)] = 1;
        return new Correlation(radius, v);
    }

    /** From values at lags (dy, dx) with dy > 0, or dy = 0 and dx >= 0; the rest by symmetry. */
    static Correlation of(int radius, LagFunction f) {
        double[] v = new double[(2 * radius + 1) * (2 * radius + 1)];
        for (int dy = 0; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                if (dy == 0 && dx < 0) {
                    continue;
                }
                double r = dy == 0 && dx == 0 ? 1 : f.at(dy, dx);
                v[index(radius, dy, dx)] = r;
                v[index(radius, -dy, -dx)] = r;
            }
        }
        return new Correlation(radius, v);
    }

    interface LagFunction {
        double at(int dy, int dx);
    }

    public int radius() {
        return radius;
    }

    public double at(int dy, int dx) {
        if (Math.abs(dy) > radius || Math.abs(dx) > radius) {
            throw new IllegalStateException("correlation at lag (" + dy + ", " + dx + ") is beyond the radius "
                    + radius + " that was propagated");
        }
        return values[index(radius, dy, dx)];
    }

    /** The correlation seen by a layer with this stride: rho'(d) = rho(stride * d). */
    Correlation strided(int stride) {
        if (stride == 1) {
            return this;
        }
        int r = radius / stride;
        return of(r, (dy, dx) -> at(stride * dy, stride * dx));
    }

    private static int index(int radius, int dy, int dx) {
        return (dy + radius) * (2 * radius + 1) + dx + radius;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("rho(0,1)=").append(String.format(Locale.ROOT, "%.3f", radius > 0 ? at(0, 1) : Double.NaN));
        if (radius > 0) {
            sb.append(String.format(Locale.ROOT, " rho(1,0)=%.3f rho(1,1)=%.3f", at(1, 0), at(1, 1)));
        }
        return sb.toString();
    }
}
