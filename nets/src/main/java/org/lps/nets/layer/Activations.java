package org.lps.nets.layer;

import java.util.Arrays;
import java.util.Locale;

/** The built-in activations, and the parser for their names. */
public final class Activations {

    private Activations() {
    }

    /**
     * Parses relu, leaky-relu[:ALPHA] (default 0.01), tanh, sigmoid, gelu, silu (or swish), and
     * poly:c0,c1,...,cd (a polynomial, c0 first).
     */
    public static Activation parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1);
        switch (head) {
            case "relu": return relu();
            case "leaky-relu": case "leakyrelu": case "leaky_relu":
                return leakyRelu(arg == null ? 0.01 : number(arg, spec));
            case "tanh": return tanh();
            case "sigmoid": return sigmoid();
            case "gelu": return gelu();
            case "silu": case "swish": return silu();
            case "poly": case "polynomial": {
                if (arg == null || arg.isBlank()) {
                    throw new IllegalArgumentException("poly activation needs coefficients, e.g. poly:0.1,0.5,0.3 (c0 first)");
                }
                return polynomial(Arrays.stream(arg.split(",")).mapToDouble(c -> number(c, spec)).toArray());
            }
            default:
                throw new IllegalArgumentException("unknown activation '" + spec
                        + "' (expected relu, leaky-relu:ALPHA, tanh, sigmoid, gelu, silu or poly:c0,c1,...)");
        }
    }

    private static double number(String s, String spec) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("activation '" + spec + "': '" + s + "' is not a finite number");
        }
    }

    public static Activation relu() {
        return Relu.INSTANCE;
    }

    public static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    public static Activation tanh() {
        return Tanh.INSTANCE;
    }

    public static Activation sigmoid() {
        return Sigmoid.INSTANCE;
    }

    /** The exact (erf) GELU, PyTorch's default. */
    public static Activation gelu() {
        return Gelu.INSTANCE;
    }

    public static Activation silu() {
        return Silu.INSTANCE;
    }

    /** p(z) = c[0] + c[1] z + ... + c[d] z^d: a polynomial surrogate, as fitted by polyapprox. */
    public static Activation polynomial(double... c) {
        return new Polynomial(c);
    }

    private static final class Relu implements Activation {
        static final Relu INSTANCE = new Relu();

        @Override
        public String name() {
            return "relu";
        }

        @Override
        public double value(double z) {
            return z > 0 ? z : 0;
        }

        /** 0 at z = 0, as PyTorch. */
        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : 0;
        }

        @Override
        public void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = Math.max(z[i], 0f);
            }
        }

        /**
         * Branch-free: signs of pre-activations are random, and a branch per element mispredicted so often
         * that this loop took 40 times the forward pass. {@code ~bits & -bits} has its sign bit set exactly
         * when z > 0 (positive and not +0), giving an all-ones or all-zeros mask for da's bits.
         */
        @Override
        public void backward(float[] z, float[] a, float[] da, float[] dz, int n) {
            for (int i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(z[i]);
                int mask = (~bits & -bits) >> 31;
                dz[i] = Float.intBitsToFloat(Float.floatToRawIntBits(da[i]) & mask);
            }
        }
    }

    /** Exposes its negative slope to initializers through {@link #slope()}. */
    public static final class LeakyRelu implements Activation {
        private final double alpha;
        private final float alphaF;

        LeakyRelu(double alpha) {
            this.alpha = alpha;
            this.alphaF = (float) alpha;
        }

        public double slope() {
            return alpha;
        }

        @Override
        public String name() {
            return "leaky-relu:" + alpha;
        }

        @Override
        public double value(double z) {
            return z > 0 ? z : alpha * z;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : alpha;
        }

        /** Branch-free selects, for the reason given at ReLU's backward. */
        @Override
        public void forward(float[] z, float[] a, int n) {
            for (int i = 0; i < n; i++) {
                float v = z[i];
                a[i] = select(v, v, alphaF * v);
            }
        }

        @Override
        public void backward(float[] z, float[] a, float[] da, float[] dz, int n) {
            for (int i = 0; i < n; i++) {
                float g = da[i];
                dz[i] = select(z[i], g, alphaF * g);
            }
        }

        /** {@code z > 0 ? positive : otherwise}, without a branch. */
        private static float select(float z, float positive, float otherwise) {
            int bits = Float.floatToRawIntBits(z);
            int mask = (~bits & -bits) >> 31;
            return Float.intBitsToFloat(Float.floatToRawIntBits(positive) & mask | Float.floatToRawIntBits(otherwise) & ~mask);
        }
    }

    private static final class Tanh implements Activation {
        static final Tanh INSTANCE = new Tanh();

        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }

        @Override
        public void backward(float[] z, float[] a, float[] da, float[] dz, int n) {
            for (int i = 0; i < n; i++) {
                float t = a[i];
                dz[i] = da[i] * (1f - t * t);
            }
        }
    }

    private static final class Sigmoid implements Activation {
        static final Sigmoid INSTANCE = new Sigmoid();

        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public double value(double z) {
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }

        @Override
        public double derivative(double z) {
            double s = value(z);
            return s * (1 - s);
        }

        @Override
        public void backward(float[] z, float[] a, float[] da, float[] dz, int n) {
            for (int i = 0; i < n; i++) {
                float s = a[i];
                dz[i] = da[i] * s * (1f - s);
            }
        }
    }

    private static final class Gelu implements Activation {
        static final Gelu INSTANCE = new Gelu();
        private static final double INV_SQRT2 = 1 / Math.sqrt(2);
        private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

        @Override
        public String name() {
            return "gelu";
        }

        @Override
        public double value(double z) {
            return z * normalCdf(z);
        }

        @Override
        public double derivative(double z) {
            return normalCdf(z) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
        }

        static double normalCdf(double z) {
            return 0.5 * erfc(-z * INV_SQRT2);
        }

        /**
         * Complementary error function by the Chebyshev-fitted exponential of Numerical Recipes (erfcc):
         * relative error below 1.2e-7 everywhere, well under float resolution.
         */
        static double erfc(double x) {
            double z = Math.abs(x);
            double t = 1 / (1 + 0.5 * z);
            double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                    + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? r : 2 - r;
        }
    }

    private static final class Silu implements Activation {
        static final Silu INSTANCE = new Silu();

        @Override
        public String name() {
            return "silu";
        }

        @Override
        public double value(double z) {
            return z * Sigmoid.INSTANCE.value(z);
        }

        @Override
        public double derivative(double z) {
            double s = Sigmoid.INSTANCE.value(z);
            return s * (1 + z * (1 - s));
        }
    }

    /** Exposes its coefficients (c0 first) to initializers through {@link #coefficients()}. */
    public static final class Polynomial implements Activation {
        private final double[] c;

        Polynomial(double[] c) {
            if (c.length == 0) {
                throw new IllegalArgumentException("a polynomial activation needs at least one coefficient");
            }
            for (double v : c) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("polynomial coefficients must be finite: " + Arrays.toString(c));
                }
            }
            this.c = c.clone();
        }

        public double[] coefficients() {
            return c.clone();
        }

        @Override
        public String name() {
            StringBuilder b = new StringBuilder("poly:");
            for (int i = 0; i < c.length; i++) {
                b.append(i == 0 ? "" : ",").append(c[i]);
            }
            return b.toString();
        }

        @Override
        public double value(double z) {
            double v = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                v = v * z + c[i];
            }
            return v;
        }

        @Override
        public double derivative(double z) {
            double v = 0;
            for (int i = c.length - 1; i >= 1; i--) {
                v = v * z + i * c[i];
            }
            return v;
        }
    }
}
