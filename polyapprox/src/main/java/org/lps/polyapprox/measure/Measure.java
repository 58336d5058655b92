package org.lps.polyapprox.measure;

import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.lps.polyapprox.quadrature.GaussLegendre;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * A probability measure on the real line that a fit is made for: the L2 error of a fit is the
 * root-mean-square error under this measure, and its maximum error is taken on {@link #lower()} ..
 * {@link #upper()} (the support of a uniform measure; mean +- 4 sigma for a Gaussian).
 */
public sealed interface Measure permits Measure.Gaussian, Measure.Uniform {

    /** How the CLI spells the measures. */
    String SYNTAX = "gaussian, gaussian:MU:SIGMA (SIGMA > 0), uniform:A:B (A < B)";

    /** Gauss-Legendre nodes per quadrature panel: geometric convergence makes 20 plenty (see Gaussian). */
    int NODES_PER_PANEL = 20;

    /** N(mean, sigma^2). */
    record Gaussian(double mean, double sigma) implements Measure {

        /** Half-width, in standard deviations, of the window where the Gaussian quadrature lives. */
        static final double TAIL = 16.0;

        /** The most panels a Gaussian rule uses (a very wide Gaussian gets coarser panels). */
        static final int MAX_PANELS = 4096;

        public Gaussian {
            if (!Double.isFinite(mean) || !Double.isFinite(sigma) || !(sigma > 0)) {
                throw new IllegalArgumentException("a Gaussian measure needs a finite mean and a finite sigma > 0, got "
                        + mean + ", " + sigma);
            }
        }

        @Override
        public double lower() {
            return mean - 4 * sigma;
        }

        @Override
        public double upper() {
            return mean + 4 * sigma;
        }

        @Override
        public double center() {
            return mean;
        }

        @Override
        public String spec() {
            return "gaussian:" + num(mean) + ":" + num(sigma);
        }

        /**
         * Composite Gauss-Legendre in t = (x - mean) / sigma on [-16, 16] times the density phi(t). Outside
         * that window phi(t) < 1e-55, which stays negligible against the polynomial growth of the integrands
         * we meet (|t|^60 for a squared degree-30 error). Panels are at most one unit of x wide, the scale
         * on which activations bend, and split at the kinks.
         */
        @Override
        public QuadratureRule quadrature(double... kinks) {
            double h = Math.min(1.0, 1.0 / sigma);
            int panels = (int) Math.min(MAX_PANELS, Math.ceil(2 * TAIL / h));
            TreeSet<Double> breaks = new TreeSet<>();
            for (int p = 0; p <= panels; p++) {
                breaks.add(-TAIL + 2 * TAIL * p / panels);
            }
            for (double k : kinks) {
                double t = (k - mean) / sigma;
                if (t > -TAIL && t < TAIL) {
                    breaks.add(t);
                }
            }
            QuadratureRule inT = GaussLegendre.composite(dedupe(breaks), NODES_PER_PANEL);
            double[] x = new double[inT.size()];
            double[] w = new double[inT.size()];
            double norm = 1.0 / Math.sqrt(2 * Math.PI);
            for (int i = 0; i < x.length; i++) {
                double t = inT.node(i);
                x[i] = mean + sigma * t;
                w[i] = inT.weight(i) * norm * Math.exp(-0.5 * t * t);
            }
            return QuadratureRule.of(x, w);
        }
    }

    /** The uniform probability measure on [a, b]. */
    record Uniform(double a, double b) implements Measure {

        static final int MIN_PANELS = 8;
        static final int MAX_PANELS = 4096;

        public Uniform {
            if (!Double.isFinite(a) || !Double.isFinite(b) || !(a < b)) {
                throw new IllegalArgumentException("a uniform measure needs finite A < B, got " + a + ", " + b);
            }
        }

        @Override
        public double lower() {
            return a;
        }

        @Override
        public double upper() {
            return b;
        }

        @Override
        public double center() {
            return 0.5 * (a + b);
        }

        @Override
        public String spec() {
            return "uniform:" + num(a) + ":" + num(b);
        }

        /** Composite Gauss-Legendre on [a, b] with weights 1/(b - a), panels at most one unit wide, split at kinks. */
        @Override
        public QuadratureRule quadrature(double... kinks) {
            int panels = (int) Math.max(MIN_PANELS, Math.min(MAX_PANELS, Math.ceil(b - a)));
            TreeSet<Double> breaks = new TreeSet<>();
            for (int p = 0; p <= panels; p++) {
                breaks.add(p == panels ? b : a + (b - a) * p / panels);
            }
            for (double k : kinks) {
                if (k > a && k < b) {
                    breaks.add(k);
                }
            }
            QuadratureRule r = GaussLegendre.composite(dedupe(breaks), NODES_PER_PANEL);
            double[] w = r.weights();
            for (int i = 0; i < w.length; i++) {
                w[i] /= (b - a);
            }
            return QuadratureRule.of(r.nodes(), w);
        }
    }

    /** Lower end of the interval where maximum errors are measured. */
    double lower();

    /** Upper end of the interval where maximum errors are measured. */
    double upper();

    /** The natural expansion point: the mean (Gaussian) or the midpoint (uniform). */
    double center();

    /** The canonical spelling, which {@link #parse} reads back: {@code gaussian:0:1}, {@code uniform:-1:1}. */
    String spec();

    /**
     * A rule with positive weights summing to 1 (up to the Gaussian's negligible far tails) for
     * E[f(X)], X ~ this measure, accurate to rounding for functions analytic between the given kinks.
     */
    QuadratureRule quadrature(double... kinks);

    /** E[f(X)] for X ~ this measure; f may have kinks (points where it is not analytic) at the given places. */
    default double expectation(DoubleUnaryOperator f, double... kinks) {
        return quadrature(kinks).integrate(f);
    }

    static Gaussian standardGaussian() {
        return new Gaussian(0, 1);
    }

    /** Reads {@code gaussian}, {@code gaussian:MU:SIGMA}, {@code uniform:A:B} (case-insensitive). */
    static Measure parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty measure; valid: " + SYNTAX);
        }
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
        switch (parts[0]) {
            case "gaussian", "normal" -> {
                if (parts.length == 1) {
                    return standardGaussian();
                }
                if (parts.length != 3) {
                    throw new IllegalArgumentException("bad measure '" + spec + "': write gaussian or gaussian:MU:SIGMA");
                }
                double mu = number(parts[1], spec);
                double sigma = number(parts[2], spec);
                if (!(sigma > 0)) {
                    throw new IllegalArgumentException("bad measure '" + spec + "': SIGMA must be > 0");
                }
                return new Gaussian(mu, sigma);
            }
            case "uniform" -> {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("bad measure '" + spec + "': write uniform:A:B");
                }
                double a = number(parts[1], spec);
                double b = number(parts[2], spec);
                if (!(a < b)) {
                    throw new IllegalArgumentException("bad measure '" + spec + "': need A < B");
                }
                return new Uniform(a, b);
            }
            default -> throw new IllegalArgumentException("unknown measure '" + spec + "'; valid: " + SYNTAX);
        }
    }

    private static double number(String s, String spec) {
        try {
            double v = Double.parseDouble(s.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("bad measure '" + spec + "': '" + s + "' is not a finite number");
    }

    private static double[] dedupe(TreeSet<Double> breaks) {
        // Breaks closer than this would make panels of rounding-error width; merge them.
        double[] sorted = breaks.stream().mapToDouble(Double::doubleValue).toArray();
        double span = sorted[sorted.length - 1] - sorted[0];
        double[] out = new double[sorted.length];
        int n = 0;
        for (double v : sorted) {
            if (n == 0 || v - out[n - 1] > 1e-12 * span) {
                out[n++] = v;
            } else if (v == sorted[sorted.length - 1]) {
                out[n - 1] = v; // keep the exact right end
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
