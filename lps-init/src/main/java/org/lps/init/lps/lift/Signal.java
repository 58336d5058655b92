package org.lps.init.lps.lift;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.lps.nets.layer.ActivationLayer;
import org.lps.nets.layer.Flatten;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.Pool2d;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * What LPS predicts about the tensor flowing into a layer (docs/design.md, LPS steps 5-6), as a model rather than a number:
 * a Gaussian field (a mixture of components, one per prototype, with the fraction of units using it), followed by
 * the activation and poolings met since the last dense or conv layer. {@link #resolve} turns it into the mean,
 * standard deviation and spatial correlation the next layer is centred and scaled with.
 *
 * <p>Why Gaussian: a unit's pre-activation is a random projection of many inputs, and the prototypes fix its mean
 * and scale (b_j, |w_j|). Pooled over the layer's units, the mean is the average b_j and the variance the average
 * w_j^2 plus the spread of the b_j, whatever the input correlations (see {@link Directions}); spatial correlation
 * passes through a convolution with random filters unchanged (in expectation over the filters: at lag d,
 * E_W[z(p) z(p + d)] = sum_k E[W_k^2] x(p + k) x(p + k + d)), and a stride s samples it at s d.
 */
final class Signal {

    /** One Gaussian pre-activation component: fraction of the units, their mean and standard deviation. */
    record Component(double weight, double mean, double std) {
    }

    /** Resolved statistics of a tensor: overall mean and standard deviation, spatial correlation (or null). */
    record Stats(double mean, double std, Correlation correlation) {
    }

    private final List<Component> components;
    private final Correlation correlation;
    private final DoubleUnaryOperator activation;
    private final double[] kinks;
    private final List<FieldMoments.Pool> pools;

    private Signal(List<Component> components, Correlation correlation, DoubleUnaryOperator activation, double[] kinks,
                   List<FieldMoments.Pool> pools) {
        this.components = List.copyOf(components);
        this.correlation = correlation;
        this.activation = activation;
        this.kinks = kinks;
        this.pools = List.copyOf(pools);
    }

    /** The network's input, treated as a Gaussian field with its mean, standard deviation and correlation. */
    static Signal input(InputStatistics in) {
        return preActivation(List.of(new Component(1, in.mean(), in.std())), in.correlation());
    }

    /** The pre-activation of a layer: Gaussian components, and the correlation of the field (null if not spatial). */
    static Signal preActivation(List<Component> components, Correlation correlation) {
        return new Signal(components, correlation, null, new double[0], List.of());
    }

    /** The signal after a parameter-free layer: activation, pooling, flatten (anything else is refused). */
    Signal then(Layer layer) {
        if (layer instanceof ActivationLayer a) {
            if (activation != null || !pools.isEmpty()) {
                throw new IllegalArgumentException("LPS predicts one activation after each dense or conv layer, before"
                        + " any pooling; found " + a.activation().name() + " after " + describe());
            }
            org.lps.nets.layer.Activation f = a.activation();
            return new Signal(components, correlation, f::value, new double[] {0}, pools);
        }
        if (layer instanceof Pool2d p) {
            List<FieldMoments.Pool> more = new ArrayList<>(pools);
            more.add(new FieldMoments.Pool(p.mode() == Pool2d.Mode.MAX, p.size(), p.stride()));
            return new Signal(components, correlation, activation, kinks, more);
        }
        if (layer instanceof Flatten) {
            return this;
        }
        throw new IllegalArgumentException("LPS does not know how statistics pass through a " + layer.kind() + " layer");
    }

    private String describe() {
        return pools.isEmpty() ? "an activation" : "a pooling layer";
    }

    /**
     * Mean, standard deviation and, when {@code radius} > 0, the spatial correlation up to that lag, pooled over
     * channels, positions and samples.
     */
    Stats resolve(int radius) {
        List<int[]> lags = new ArrayList<>();
        for (int dy = 0; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                if (dy > 0 || dx > 0) {
                    lags.add(new int[] {dy, dx});
                }
            }
        }
        if (!pools.isEmpty() && correlation == null) {
            throw new IllegalArgumentException("predicting what pooling does needs the spatial correlation of the"
                    + " input; none was given");
        }
        double m = 0;
        double second = 0;
        double[] cross = new double[lags.size()];
        for (Component c : components) {
            double[] mo;
            if (activation == null && pools.isEmpty()) {
                // a Gaussian mixture: closed form
                mo = new double[2 + lags.size()];
                mo[0] = c.mean();
                mo[1] = c.mean() * c.mean() + c.std() * c.std();
                for (int l = 0; l < lags.size(); l++) {
                    mo[2 + l] = c.mean() * c.mean() + c.std() * c.std() * correlation.at(lags.get(l)[0], lags.get(l)[1]);
                }
            } else if (pools.isEmpty() && lags.isEmpty()) {
                mo = activationMoments(c);
            } else {
                mo = FieldMoments.moments(activation == null ? x -> x : activation, c.mean(), c.std(), correlation,
                        pools, lags);
            }
            m += c.weight() * mo[0];
            second += c.weight() * mo[1];
            for (int l = 0; l < lags.size(); l++) {
                cross[l] += c.weight() * mo[2 + l];
            }
        }
        double var = Math.max(second - m * m, 0);
        Correlation rho = null;
        if (radius > 0 && var > 0) {
            double mean = m;
            rho = Correlation.of(radius, (dy, dx) -> {
                for (int l = 0; l < lags.size(); l++) {
                    if (lags.get(l)[0] == dy && lags.get(l)[1] == dx) {
                        return (cross[l] - mean * mean) / var;
                    }
                }
                throw new IllegalStateException("lag not computed");
            });
        }
        return new Stats(m, Math.sqrt(var), rho);
    }

    /**
     * E[act(z)] and E[act(z)^2] for z ~ N(mean, std^2): polyapprox's composite Gauss-Legendre rule for the Gaussian,
     * split at the activation's kink (0), exact to rounding for relu-like activations.
     */
    private double[] activationMoments(Component c) {
        if (!(c.std() > 0)) {
            double v = activation.applyAsDouble(c.mean());
            return new double[] {v, v * v};
        }
        QuadratureRule rule = new Measure.Gaussian(c.mean(), c.std()).quadrature(kinks);
        double m = rule.integrate(activation);
        double m2 = rule.integrate(x -> {
            double y = activation.applyAsDouble(x);
            return y * y;
        });
        return new double[] {m, m2};
    }
}
