package org.lps.init.lps.block;

import java.util.Locale;
import java.util.Objects;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;

/**
 * Everything that defines one LPS block problem (docs/design.md, LPS steps 1-2), and nothing else: the activation and
 * the degree and measure of its polynomial fit, the block width k, the ridge weight lambda and the target. Equal
 * specs have equal critical points, so this is the key of {@link BlockCache}. Activations and measures compare by
 * their canonical spelling.
 */
public final class BlockSpec {

    /** Degrees and widths beyond these have path counts no one will track (k = 5, d = 2: 13 billion). */
    public static final int MAX_DEGREE = 8;
    public static final int MAX_WIDTH = 8;

    private final Activation activation;
    private final int degree;
    private final Measure measure;
    private final int width;
    private final double lambda;
    private final Target target;

    private BlockSpec(Activation activation, int degree, Measure measure, int width, double lambda, Target target) {
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("LPS degree must be between 1 and " + MAX_DEGREE + ", got " + degree);
        }
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("LPS block width k must be between 1 and " + MAX_WIDTH + ", got " + width);
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            // lambda = 0 leaves continuous families of critical points (a neuron with v_j = 0 has free w_j, b_j)
            throw new IllegalArgumentException("LPS ridge weight lambda must be finite and > 0, got " + lambda);
        }
        this.activation = Objects.requireNonNull(activation);
        this.degree = degree;
        this.measure = Objects.requireNonNull(measure);
        this.width = width;
        this.lambda = lambda;
        this.target = Objects.requireNonNull(target);
    }

    /** docs/design.md's defaults: relu, degree 2, Gaussian L2 fit, k = 1, lambda = 0.1, identity target. */
    public static BlockSpec defaults() {
        return new BlockSpec(Activation.relu(), 2, new Measure.Gaussian(0, 1), 1, 0.1, Target.IDENTITY);
    }

    public BlockSpec activation(Activation a) {
        return new BlockSpec(a, degree, measure, width, lambda, target);
    }

    /** By name, as the CLI spells it (relu, leaky-relu:0.01, elu, gelu, silu, tanh, sigmoid, softplus). */
    public BlockSpec activation(String name) {
        return activation(Activation.parse(name));
    }

    public BlockSpec degree(int d) {
        return new BlockSpec(activation, d, measure, width, lambda, target);
    }

    public BlockSpec measure(Measure m) {
        return new BlockSpec(activation, degree, m, width, lambda, target);
    }

    /** By the polyapprox spelling: gaussian, gaussian:MU:SIGMA, uniform:A:B. */
    public BlockSpec measure(String spec) {
        return measure(Measure.parse(spec));
    }

    public BlockSpec width(int k) {
        return new BlockSpec(activation, degree, measure, k, lambda, target);
    }

    public BlockSpec lambda(double l) {
        return new BlockSpec(activation, degree, measure, width, l, target);
    }

    public BlockSpec target(Target t) {
        return new BlockSpec(activation, degree, measure, width, lambda, t);
    }

    public Activation activation() {
        return activation;
    }

    public int degree() {
        return degree;
    }

    public Measure measure() {
        return measure;
    }

    /** k, the number of neurons in the block. */
    public int width() {
        return width;
    }

    public double lambda() {
        return lambda;
    }

    public Target target() {
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockSpec s && s.activation.name().equals(activation.name()) && s.degree == degree
                && s.measure.spec().equals(measure.spec()) && s.width == width
                && Double.compare(s.lambda, lambda) == 0 && s.target == target;
    }

    @Override
    public int hashCode() {
        return Objects.hash(activation.name(), degree, measure.spec(), width, lambda, target);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s d=%d k=%d lambda=%s target=%s fit=%s", activation.name(), degree, width,
                lambda, target.label(), measure.spec());
    }
}
