package org.lps.init.lps.lift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lps.init.lps.LpsSettings;
import org.lps.init.lps.block.BlockSolution;
import org.lps.init.lps.block.CriticalPoint;
import org.lps.init.lps.block.LpsBlockSystem;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.Conv2d;
import org.lps.nets.layer.Dense;
import org.lps.nets.layer.Flatten;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.layer.Pool2d;
import org.lps.nets.model.Model;
import org.lps.nets.tensor.Shape;

/**
 * docs/design.md, LPS step 5: the block minima turned into the weights of every dense and conv layer, layer by layer, with the
 * statistics of each layer's input predicted from the layer before ({@link Signal}).
 * <ul>
 *   <li>Hidden unit i takes a prototype (|w_j|, b_j) and a random direction r_i ({@link Directions}), and is centred
 *       and scaled by its input's predicted mean m_in and standard deviation s_in:
 *       W_i = |w_j| r_i / (s_in sqrt(fan_in)), b_i = b_j - W_i . (m_in, ..., m_in). Its pre-activation is then
 *       |w_j| t_i + b_j with t_i = r_i . (x - m_in) / (s_in sqrt(fan_in)) of mean 0 and variance 1 pooled over units:
 *       the block's standardized t, as step 2 assumed. For conv layers fan_in = c_in kh kw, one unit per channel.</li>
 *   <li>The output layer: W_i = sigma_out r_i / (s_in sqrt(fan_in)) (LeCun's scale for inputs of standard deviation
 *       s_in when the logits' standard deviation sigma_out is 1, {@link LpsSettings#outputStd}),
 *       then every column centred (sum_i W_ik = 0) and rescaled by sqrt(n / (n - 1)) to keep the variance, and
 *       b = -W . m_in. Centring the columns makes the logits of every sample sum to zero: softmax is invariant to
 *       a shift shared by all logits, so nothing is lost, and the mean of the logits is exactly 0 instead of 0 plus
 *       a random offset per unit (measured 0.23 standard deviations without it). A single output unit is not
 *       column-centred.</li>
 * </ul>
 * Random numbers: one {@link SplittableRandom} per layer, split from the seed in layer order, so a layer's weights
 * depend only on the seed and its position.
 */
public final class Lift {

    /** Neurons with |w_j| below this are dead in the block (v_j = w_j = b_j = 0) and give no prototype. */
    public static final double DEAD = 1e-9;

    private Lift() {
    }

    /** Prototypes of a block solution, per the settings; each unit's (|w|, b). */
    public static double[][] prototypes(BlockSolution block, LpsSettings.Prototypes choice, int units, SplittableRandom rnd) {
        double[][] out = new double[units][];
        // a minimum whose neurons are all dead (large lambda: theta = 0 with c = E[g]) passes no signal on and is
        // no prototype; the minima are sorted by J, so "best" is the best live one
        List<List<double[]>> live = new ArrayList<>();
        for (CriticalPoint m : block.minima()) {
            List<double[]> a = active(m, choice == LpsSettings.Prototypes.GROUPED);
            if (!a.isEmpty()) {
                live.add(a);
            }
        }
        if (live.isEmpty()) {
            throw new IllegalArgumentException("every local minimum of the LPS block " + block.spec()
                    + " has only dead neurons (w = 0): no prototype; lower lambda");
        }
        for (int i = 0; i < units; i++) {
            if (choice == LpsSettings.Prototypes.BEST || choice == LpsSettings.Prototypes.GROUPED) {
                out[i] = live.get(0).get(i % live.get(0).size());
            } else {
                List<double[]> m = live.get(rnd.nextInt(live.size()));
                out[i] = m.get(rnd.nextInt(m.size()));
            }
        }
        return out;
    }

    /** How many neurons of the best live minimum are alive: the group size of grouped prototypes. */
    private static int liveNeurons(BlockSolution block) {
        for (CriticalPoint m : block.minima()) {
            int n = active(m, true).size();
            if (n > 0) {
                return n;
            }
        }
        return 1;
    }

    /** The live neurons' (w, b): |w| unless {@code signed} (grouped units keep the block's signs). */
    private static List<double[]> active(CriticalPoint minimum, boolean signed) {
        double[] theta = minimum.theta();
        int k = (theta.length - 1) / 3;
        List<double[]> p = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double w = theta[LpsBlockSystem.w(j)];
            if (Math.abs(w) > DEAD) {
                p.add(new double[] {signed ? w : Math.abs(w), theta[LpsBlockSystem.b(j)]});
            }
        }
        return p;
    }

    /**
     * Initializes every parameterized layer of {@code model}; returns the predictions per layer.
     *
     * @param blocks the solved block per activation name (every activation following a hidden layer)
     * @param gains  per parameterized layer, the factor on its units' prototypes ({@link #fixedGains}; 1 for the
     *               output layer)
     */
    public static List<LayerPrediction> apply(Model model, long seed, LpsSettings settings, InputStatistics inputs,
                                       Map<String, BlockSolution> blocks, double[] gains) {
        SplittableRandom root = new SplittableRandom(seed);
        List<Layer> layers = model.layers();
        int[] radius = correlationRadii(layers);
        List<ParameterizedLayer> params = model.parameterizedLayers();
        List<LayerPrediction> out = new ArrayList<>();
        Signal signal = Signal.input(inputs);
        Shape flattened = null;
        for (int li = 0; li < layers.size(); li++) {
            Layer layer = layers.get(li);
            if (!(layer instanceof ParameterizedLayer p)) {
                signal = signal.then(layer);
                if (layer instanceof Flatten) {
                    flattened = layer.inputShape();
                }
                continue;
            }
            SplittableRandom rnd = root.split();
            Signal.Stats in = signal.resolve(radius[li]);
            String name = model.nameOf(p);
            Activation act = model.activationAfter(p);
            boolean last = params.indexOf(p) == params.size() - 1;
            int units = p.weight().shape()[0];
            int fanIn = p.fanIn();
            double[][] r = Directions.of(units, fanIn, rnd);
            float[] w = p.weight().values();
            float[] b = p.bias().values();
            double[][] patch = patchCorrelation(p, in, flattened);
            if (last || act == null) {
                double std = settings.outputStd();
                outputLayer(r, w, b, in, patch, std);
                out.add(new LayerPrediction(name, p.kind(), fanIn, units, true, in.mean(), in.std(), 0, std, 1));
                signal = Signal.preActivation(List.of(new Signal.Component(1, 0, std)), strided(in, p));
                continue;
            }
            BlockSolution block = blocks.get(act.name());
            double[][] proto = prototypes(block, settings.prototypes(), units, rnd);
            double gain = gains[params.indexOf(p)];
            // per unit: the signed prototype times the gain (the weights), and its magnitude (the signal model);
            // fresh arrays, as the prototypes of several units are one shared array
            double[][] scaled = new double[units][];
            double[][] magnitudes = new double[units][];
            for (int i = 0; i < units; i++) {
                scaled[i] = new double[] {proto[i][0] * gain, proto[i][1] * gain};
                magnitudes[i] = new double[] {Math.abs(scaled[i][0]), scaled[i][1]};
            }
            proto = scaled;
            // grouped: the units come in groups of the block's live neurons sharing one direction, so each group
            // computes the block itself on one projection t (for ReLU at k = 2: relu(w t + b) and relu(-w t + b))
            int group = settings.prototypes() == LpsSettings.Prototypes.GROUPED ? liveNeurons(block) : 1;
            double[] q = new double[units];
            for (int i = 0; i < units; i++) {
                if (group > 1 && i % group != 0) {
                    r[i] = r[i - i % group];
                }
                q[i] = quadraticForm(r[i], patch);
                double scale = 1 / (in.std() * Math.sqrt(fanIn));
                double sum = 0;
                for (int k = 0; k < fanIn; k++) {
                    double v = proto[i][0] * r[i][k] * scale;
                    w[i * fanIn + k] = (float) v;
                    sum += v;
                }
                b[i] = (float) (proto[i][1] - sum * in.mean());
            }
            // zero padding feeds 0, not m_in, into border taps: in expectation over the directions a padded tap adds
            // W_k^2 m_in^2 instead of W_k^2 s_in^2 to the variance, so the pooled variance grows by the factor below
            double padding = 1 + paddedFraction(p) * (in.mean() * in.mean() / (in.std() * in.std()) - 1);
            List<Signal.Component> components = unitComponents(magnitudes, q, Math.sqrt(padding));
            double mean = 0;
            double second = 0;
            for (Signal.Component c : components) {
                mean += c.weight() * c.mean();
                second += c.weight() * (c.mean() * c.mean() + c.std() * c.std());
            }
            out.add(new LayerPrediction(name, p.kind(), fanIn, units, false, in.mean(), in.std(), mean,
                    Math.sqrt(Math.max(0, second - mean * mean)), gain));
            signal = Signal.preActivation(components, strided(in, p));
        }
        return out;
    }

    /**
     * The lifted {@code model} with hidden layer l's units scaled by a further {@code gains[l]}: W_l *= g_l / g_{l-1},
     * b_l *= g_l, with g_{-1} = 1 and the output layer's g = 1 (its W divided by the last hidden gain, its bias
     * -W . m_in unchanged). It is what {@link #apply} gives with those gains on its prototypes, without predicting
     * the signal again (the costly part, through max pooling): every predicted statistic just scales.
     *
     * @return the predictions of {@code layers}, scaled
     */
    public static List<LayerPrediction> rescale(Model model, List<LayerPrediction> layers, double[] gains) {
        List<ParameterizedLayer> params = model.parameterizedLayers();
        List<LayerPrediction> out = new ArrayList<>();
        double previous = 1;
        for (int l = 0; l < params.size(); l++) {
            ParameterizedLayer p = params.get(l);
            double g = l == params.size() - 1 ? 1 : gains[l];
            float[] w = p.weight().values();
            float[] b = p.bias().values();
            float fw = (float) (g / previous);
            float fb = (float) g;
            for (int i = 0; i < w.length; i++) {
                w[i] *= fw;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] *= fb;
            }
            LayerPrediction x = layers.get(l);
            out.add(new LayerPrediction(x.layer(), x.kind(), x.fanIn(), x.units(), x.output(), x.inputMean() * previous,
                    x.inputStd() * previous, x.predictedMean() * g, x.predictedStd() * g, x.gain() * g));
            previous = g;
        }
        return out;
    }

    /** The gains of {@link LpsSettings.GainMode#FIXED}: {@code gain} on every hidden layer, times {@code lastGain} on the last. */
    public static double[] fixedGains(Model model, LpsSettings settings) {
        int n = model.parameterizedLayers().size();
        double[] g = new double[n];
        java.util.Arrays.fill(g, 0, n - 1, settings.gain());
        if (n >= 2) {
            g[n - 2] *= settings.lastGain();
        }
        g[n - 1] = 1;
        return g;
    }

    private static void outputLayer(double[][] r, float[] w, float[] b, Signal.Stats in, double[][] patch, double std) {
        int units = r.length;
        int fanIn = r[0].length;
        double[][] v = new double[units][fanIn];
        for (int i = 0; i < units; i++) {
            double scale = std / (in.std() * Math.sqrt(quadraticForm(r[i], patch) * fanIn));
            for (int k = 0; k < fanIn; k++) {
                v[i][k] = r[i][k] * scale;
            }
        }
        if (units > 1) {
            double keep = Math.sqrt(units / (units - 1.0));
            for (int k = 0; k < fanIn; k++) {
                double col = 0;
                for (int i = 0; i < units; i++) {
                    col += v[i][k];
                }
                col /= units;
                for (int i = 0; i < units; i++) {
                    v[i][k] = (v[i][k] - col) * keep;
                }
            }
        }
        for (int i = 0; i < units; i++) {
            double sum = 0;
            for (int k = 0; k < fanIn; k++) {
                w[i * fanIn + k] = (float) v[i][k];
                sum += v[i][k];
            }
            b[i] = (float) (-sum * in.mean());
        }
    }

    /** Components of {@link #unitComponents}: enough to follow the spread of the units' scales, few for speed. */
    static final int SCALE_BINS = 2;

    /**
     * The pre-activation of unit i is N(b_j, (|w_j| sqrt(q_i) spread)^2) with q_i = r_i^T C r_i / fan_in: units are
     * sorted by that standard deviation and grouped into {@link #SCALE_BINS} equal bins of one prototype, each a
     * component with the bin's fraction of units and its root-mean-square standard deviation (so the pooled
     * variance is kept exactly). Relu and max pooling are not linear in the variance: a single component of the
     * average variance predicted the max-pooled output of the CNN's first conv 10% too narrow.
     */
    static List<Signal.Component> unitComponents(double[][] proto, double[] q, double spread) {
        int n = proto.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int c = Double.compare(proto[x][1], proto[y][1]);
            c = c != 0 ? c : Double.compare(proto[x][0], proto[y][0]);
            return c != 0 ? c : Double.compare(q[x], q[y]);
        });
        List<Signal.Component> c = new ArrayList<>();
        int bins = Math.min(SCALE_BINS, n);
        int start = 0;
        while (start < n) {
            double[] p = proto[order[start]];
            int end = start;
            while (end < n && proto[order[end]][0] == p[0] && proto[order[end]][1] == p[1]) {
                end++;
            }
            // units [start, end) share the prototype p; split them into bins by q
            int m = end - start;
            int b = Math.max(1, Math.min(bins, m));
            for (int k = 0; k < b; k++) {
                int from = start + k * m / b;
                int to = start + (k + 1) * m / b;
                double var = 0;
                for (int i = from; i < to; i++) {
                    var += q[order[i]];
                }
                var /= to - from;
                c.add(new Signal.Component((to - from) / (double) n, p[1], spread * p[0] * Math.sqrt(var)));
            }
            start = end;
        }
        return c;
    }

    /**
     * The correlation matrix of the inputs one unit sees, under the signal model: for a conv layer the kh x kw
     * patch of one input channel (from the spatial correlation), for a dense layer after a flatten the H x W map of
     * one channel; input channels are taken as independent and alike, so the full matrix is block diagonal with
     * this block repeated. Null when no spatial correlation is known (then the inputs count as uncorrelated).
     */
    static double[][] patchCorrelation(ParameterizedLayer layer, Signal.Stats in, Shape flattened) {
        Correlation rho = in.correlation();
        if (rho == null) {
            return null;
        }
        int h;
        int w;
        if (layer instanceof Conv2d conv) {
            h = conv.kernelSize();
            w = conv.kernelSize();
        } else if (flattened != null && flattened.rank() == 3) {
            h = flattened.dim(1);
            w = flattened.dim(2);
        } else {
            return null;
        }
        if (rho.radius() < Math.max(h, w) - 1) {
            return null;
        }
        double[][] c = new double[h * w][h * w];
        for (int i = 0; i < h * w; i++) {
            for (int j = 0; j < h * w; j++) {
                c[i][j] = rho.at(j / w - i / w, j % w - i % w);
            }
        }
        return c;
    }

    /**
     * r^T C r / fan_in for the block-diagonal correlation C of {@link #patchCorrelation} (|r|^2 / fan_in when it is
     * null): the variance, in units of s_in^2, of the unit with direction r, averaged over its inputs. Hidden units
     * are not rescaled by it (the design's W_i = |w_j| r_i / (s_in sqrt(fan_in))); their predicted pre-activation is a
     * mixture over these variances ({@link #unitComponents}). An earlier version divided every W_i by sqrt of it,
     * giving each unit the prototype's variance exactly; the prediction of the max-pooled conv layers was worse
     * (the second conv of cnn:1x28x28,c16k3,p2,c32k3,p2,d10: 13% too narrow on average over 3 seeds, 4% now).
     * The output layer still is rescaled by it, so its logits have standard deviation 1 under the model.
     */
    static double quadraticForm(double[] r, double[][] block) {
        if (block == null) {
            double s = 0;
            for (double x : r) {
                s += x * x;
            }
            return s / r.length;
        }
        int m = block.length;
        double s = 0;
        for (int base = 0; base + m <= r.length; base += m) {
            for (int i = 0; i < m; i++) {
                double row = 0;
                for (int j = 0; j < m; j++) {
                    row += block[i][j] * r[base + j];
                }
                s += r[base + i] * row;
            }
        }
        return s / r.length;
    }

    /**
     * The fraction of a conv layer's taps, over all output positions, that read its zero padding (0 for dense).
     * 3x3 "same" convolutions: 4.7% on 28x28, 9.3% on 14x14, 18% on 7x7.
     */
    static double paddedFraction(ParameterizedLayer layer) {
        if (!(layer instanceof Conv2d conv) || conv.padding() == 0) {
            return 0;
        }
        int h = conv.inputShape().dim(1);
        int w = conv.inputShape().dim(2);
        int oh = conv.outputShape().dim(1);
        int ow = conv.outputShape().dim(2);
        int k = conv.kernelSize();
        long padded = 0;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        int y = oy * conv.stride() - conv.padding() + a;
                        int x = ox * conv.stride() - conv.padding() + b;
                        if (y < 0 || y >= h || x < 0 || x >= w) {
                            padded++;
                        }
                    }
                }
            }
        }
        return padded / (double) ((long) oh * ow * k * k);
    }

    /** The correlation of a conv layer's output field (its input's, sampled at the stride), null for dense. */
    private static Correlation strided(Signal.Stats in, ParameterizedLayer p) {
        if (p instanceof Conv2d conv && in.correlation() != null) {
            return in.correlation().strided(conv.stride());
        }
        return null;
    }

    /**
     * How far the spatial correlation must be known at the input of each layer, from the back: pooling a window of
     * q with stride s needs lags up to s r + q - 1 where its output needs r; a conv with stride s needs s r; a dense
     * layer needs none (only the mean and standard deviation of its input matter, see {@link Directions}).
     */
    public static int[] correlationRadii(List<Layer> layers) {
        int[] r = new int[layers.size()];
        int need = 0;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (l instanceof Dense) {
                need = 0;
            } else if (l instanceof Flatten f && f.inputShape().rank() == 3) {
                // the dense layer after it scales its units with the correlation over the whole H x W map
                need = Math.max(f.inputShape().dim(1), f.inputShape().dim(2)) - 1;
            } else if (l instanceof Conv2d c) {
                // and a conv layer with the correlation over its kernel's patch
                need = Math.max(c.stride() * need, c.kernelSize() - 1);
            } else if (l instanceof Pool2d p) {
                need = p.stride() * need + p.size() - 1;
            }
            r[i] = need;
        }
        return r;
    }
}
