package org.lps.polyapprox.activation;

import org.apache.commons.math3.special.Erf;

/**
 * The analytic built-ins. Each expands itself in a Taylor series by a recurrence that follows from a
 * differential equation it satisfies (sigmoid' = s (1 - s), tanh' = 1 - tanh^2, phi' = -x phi), which is
 * exact to rounding at any order, unlike finite differences.
 */
abstract class Smooth implements Activation {

    static final Smooth GELU = new Smooth("gelu") {
        @Override
        public double value(double x) {
            return x * normalCdf(x);
        }

        @Override
        public double derivative(double x) {
            return normalCdf(x) + x * normalPdf(x);
        }

        @Override
        double[] series(double x0, int n) {
            // Phi' = phi, phi' = -x phi: (k + 1) phi_{k+1} = -(x0 phi_k + phi_{k-1}), Phi_{k+1} = phi_k / (k + 1).
            double[] phi = new double[n + 1];
            double[] cdf = new double[n + 1];
            phi[0] = normalPdf(x0);
            cdf[0] = normalCdf(x0);
            for (int k = 0; k < n; k++) {
                phi[k + 1] = -(x0 * phi[k] + (k > 0 ? phi[k - 1] : 0)) / (k + 1);
                cdf[k + 1] = phi[k] / (k + 1);
            }
            return timesShiftedX(x0, cdf);
        }
    };

    static final Smooth SILU = new Smooth("silu") {
        @Override
        public double value(double x) {
            return x * logistic(x);
        }

        @Override
        public double derivative(double x) {
            double s = logistic(x);
            return s * (1 + x * (1 - s));
        }

        @Override
        double[] series(double x0, int n) {
            return timesShiftedX(x0, SIGMOID.series(x0, n));
        }
    };

    static final Smooth TANH = new Smooth("tanh") {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }

        @Override
        double[] series(double x0, int n) {
            // y' = 1 - y^2: (k + 1) y_{k+1} = [k = 0] - sum_j y_j y_{k-j}.
            double[] y = new double[n + 1];
            y[0] = Math.tanh(x0);
            for (int k = 0; k < n; k++) {
                double conv = 0;
                for (int j = 0; j <= k; j++) {
                    conv += y[j] * y[k - j];
                }
                y[k + 1] = ((k == 0 ? 1 : 0) - conv) / (k + 1);
            }
            return y;
        }
    };

    static final Smooth SIGMOID = new Smooth("sigmoid") {
        @Override
        public double value(double x) {
            return logistic(x);
        }

        @Override
        public double derivative(double x) {
            double s = logistic(x);
            return s * (1 - s);
        }

        @Override
        double[] series(double x0, int n) {
            // y' = y - y^2: (k + 1) y_{k+1} = y_k - sum_j y_j y_{k-j}.
            double[] y = new double[n + 1];
            y[0] = logistic(x0);
            for (int k = 0; k < n; k++) {
                double conv = 0;
                for (int j = 0; j <= k; j++) {
                    conv += y[j] * y[k - j];
                }
                y[k + 1] = (y[k] - conv) / (k + 1);
            }
            return y;
        }
    };

    static final Smooth SOFTPLUS = new Smooth("softplus") {
        @Override
        public double value(double x) {
            // log(1 + e^x) without overflow for large x or cancellation for very negative x.
            return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        }

        @Override
        public double derivative(double x) {
            return logistic(x);
        }

        @Override
        double[] series(double x0, int n) {
            double[] s = SIGMOID.series(x0, Math.max(n - 1, 0));
            double[] y = new double[n + 1];
            y[0] = value(x0);
            for (int k = 0; k < n; k++) {
                y[k + 1] = s[k] / (k + 1);
            }
            return y;
        }
    };

    private final String name;

    private Smooth(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The Taylor coefficients at x0 through order n. */
    abstract double[] series(double x0, int n);

    @Override
    public double[] taylorCoefficients(double x0, int degree) {
        if (degree < 0 || !Double.isFinite(x0)) {
            throw new IllegalArgumentException("Taylor expansion needs a degree >= 0 and a finite point");
        }
        return series(x0, degree);
    }

    static double logistic(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    static double normalPdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Coefficients of (x0 + h) g(h) given those of g. */
    static double[] timesShiftedX(double x0, double[] g) {
        double[] r = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            r[k] = x0 * g[k] + (k > 0 ? g[k - 1] : 0);
        }
        return r;
    }
}
