package org.lps.polyapprox.activation;

/** x for x > 0, alpha (e^x - 1) otherwise. Not analytic at 0 (for alpha = 1 it is C^1 but not C^2). */
final class Elu implements Activation {

    private final double alpha;

    Elu(double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU alpha must be positive and finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return alpha == 1.0 ? "elu" : "elu:" + alpha;
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    @Override
    public double[] kinks() {
        return new double[] {0.0};
    }

    @Override
    public double[] taylorCoefficients(double x0, int degree) {
        if (x0 == 0) {
            throw new IllegalArgumentException(name() + " is not analytic at 0: no Taylor series there");
        }
        double[] c = new double[degree + 1];
        if (x0 > 0) {
            c[0] = x0;
            if (degree >= 1) {
                c[1] = 1;
            }
            return c;
        }
        c[0] = alpha * Math.expm1(x0);
        double term = alpha * Math.exp(x0);
        for (int k = 1; k <= degree; k++) {
            term /= k;
            c[k] = term;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Elu e && Double.compare(e.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + 7;
    }

    @Override
    public String toString() {
        return name();
    }
}
