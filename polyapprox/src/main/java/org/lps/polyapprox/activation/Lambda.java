package org.lps.polyapprox.activation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** A user's Java function as an activation. */
final class Lambda implements Activation {

    private final String name;
    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator df;
    private final double[] kinks;

    Lambda(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double[] kinks) {
        if (name == null || name.isBlank() || f == null || df == null) {
            throw new IllegalArgumentException("a wrapped activation needs a name, a function and a derivative");
        }
        for (double k : kinks) {
            if (!Double.isFinite(k)) {
                throw new IllegalArgumentException("kinks must be finite: " + Arrays.toString(kinks));
            }
        }
        this.name = name;
        this.f = f;
        this.df = df;
        this.kinks = kinks;
    }

    /**
     * (-f(x+2h) + 8 f(x+h) - 8 f(x-h) + f(x-2h)) / 12h: truncation O(h^4), rounding O(eps / h); h near
     * eps^(1/5) balances them at about 1e-11 relative for functions that vary on unit scale.
     */
    static double centralDifference(DoubleUnaryOperator f, double x) {
        double h = 1e-3 * Math.max(1.0, Math.abs(x));
        return (-f.applyAsDouble(x + 2 * h) + 8 * f.applyAsDouble(x + h) - 8 * f.applyAsDouble(x - h)
                + f.applyAsDouble(x - 2 * h)) / (12 * h);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    @Override
    public double derivative(double x) {
        return df.applyAsDouble(x);
    }

    @Override
    public double[] kinks() {
        return kinks.clone();
    }

    @Override
    public String toString() {
        return name;
    }
}
