package org.lps.init.lps.lift;

import java.util.List;
import java.util.SplittableRandom;
import org.lps.init.diagnostics.HessianNorms;
import org.lps.init.lps.LpsSettings;
import org.lps.init.scheme.Nonlinearity;
import org.lps.nets.data.Dataset;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Per-layer gains that give every dense and conv layer of a lifted network the same Gauss-Newton curvature
 * ({@link LpsSettings#balancedGain}).
 *
 * <p>Why it is exact: with a positively homogeneous activation, a gain g_l on hidden layer l (its units compute
 * relu(g_l (w t + b))) scales that layer's output by g_l, and the next layer divides by it, so the logits do not
 * change. The Gauss-Newton block of layer l is (backpropagated gradient) (x) (input), and the gradient reaching
 * layer l scales by 1/g_l while its input scales by g_{l-1}: the block's norm becomes H_l (g_{l-1} / g_l)^2 with
 * g_0 = g_L = 1 (the data and the output layer). The product of the L norms does not depend on the gains, so the
 * largest of them is smallest when all are equal to their geometric mean G, which the recursion
 * g_l = g_{l-1} sqrt(H_l / G) reaches exactly (and g_L = 1 comes out by itself).
 *
 * <p>Why it is wanted: LPS's units sit in their active region, so their outputs have a large mean and the layer after
 * them a large curvature; in the study's CNN (cnn:1x28x28,c16k3,p2,c32k3,p2,d10) the output layer's was 1155
 * against He's 459 and SGD at lr 0.05 diverged (docs/lps.md). The balance does not lower the geometric mean, it spreads it.
 */
public final class CurvatureBalance {

    /** Samples of the probe batch (the diagnostic of {@code lps init --diagnose} uses as many). */
    public static final int PROBE = 64;

    private CurvatureBalance() {
    }

    /**
     * The gains per parameterized layer (the output layer's is 1) for {@code model} as lifted at unit gains.
     *
     * @throws IllegalArgumentException if a hidden activation is not positively homogeneous
     */
    public static double[] gains(Model model, float[] probe, int samples) {
        requirePositivelyHomogeneous(model);
        List<HessianNorms.LayerNorm> h = HessianNorms.gaussNewton(model, probe, samples);
        return gains(h.stream().mapToDouble(HessianNorms.LayerNorm::frobenius).toArray());
    }

    /** @throws IllegalArgumentException naming the first hidden layer whose activation is not positively homogeneous */
    static void requirePositivelyHomogeneous(Model model) {
        String why = whyNotBalanced(model);
        if (why != null) {
            throw new IllegalArgumentException("balanced LPS gains need a positively homogeneous activation (relu, "
                    + "leaky-relu, linear): " + why + "; give a fixed gain (lps:gain=G)");
        }
    }

    /** Null when every hidden activation is positively homogeneous, else which layer is not, for messages. */
    public static String whyNotBalanced(Model model) {
        List<ParameterizedLayer> params = model.parameterizedLayers();
        for (int i = 0; i < params.size() - 1; i++) {
            Activation a = model.activationAfter(params.get(i));
            if (!Nonlinearity.positivelyHomogeneous(a)) {
                return model.nameOf(params.get(i)) + " is followed by " + (a == null ? "none" : a.name());
            }
        }
        return null;
    }

    /**
     * The recursion of the class comment, from the norms at unit gains. A layer without curvature on the probe (a
     * network born dead, whose output does not depend on that layer) leaves nothing to balance: all gains are 1.
     */
    public static double[] gains(double[] h) {
        int n = h.length;
        double[] g = new double[n];
        double logMean = 0;
        for (int l = 0; l < n; l++) {
            if (!(h[l] > 0) || !Double.isFinite(h[l])) {
                java.util.Arrays.fill(g, 1);
                return g;
            }
            logMean += Math.log(h[l]) / n;
        }
        double previous = 1;
        for (int l = 0; l < n - 1; l++) {
            g[l] = previous * Math.sqrt(Math.exp(Math.log(h[l]) - logMean));
            previous = g[l];
        }
        g[n - 1] = 1;
        return g;
    }

    /**
     * The probe batch: the first {@link #PROBE} standardized training images of the embedded Fashion-MNIST subset
     * when the model takes 784 inputs, else independent N(m_in, s_in^2) inputs from the given statistics (seeded, so
     * the gains are the same on every run).
     */
    public static float[] probe(Model model, InputStatistics inputs) {
        int size = model.inputShape().size();
        float[] x = new float[PROBE * size];
        if (size == 28 * 28) {
            Dataset train = FashionMnist.embedded().standardized().train();
            System.arraycopy(train.features(), 0, x, 0, x.length);
            return x;
        }
        SplittableRandom rnd = new SplittableRandom(0x5EED_CAFEL);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (inputs.mean() + inputs.std() * gaussian(rnd));
        }
        return x;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller, one value per call: the probe is small and this keeps it independent of java.util.Random
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
