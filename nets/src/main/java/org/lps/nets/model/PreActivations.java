package org.lps.nets.model;

import java.util.ArrayList;
import java.util.List;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.ParameterizedLayer;

/**
 * Mean and variance, on data, of the output of every dense and conv2d layer (its pre-activation): what LPS
 * predicts at initialization and checks against the measurement.
 */
public final class PreActivations {

    private PreActivations() {
    }

    /** The statistics of one layer's pre-activations, over all its units and all samples. */
    public record Moments(String layer, double mean, double variance, long count) {
        public double std() {
            return Math.sqrt(variance);
        }
    }

    /**
     * Runs the first {@code samples} samples of {@code x} (flat, sample after sample) through the model in
     * chunks and returns one {@link Moments} per parameterized layer, in order ({@code layer0}, ...).
     */
    public static List<Moments> measure(Model model, float[] x, int samples) {
        int in = model.inputShape().size();
        if (samples < 1 || (long) samples * in > x.length) {
            throw new IllegalArgumentException("need 1.." + (x.length / in) + " samples, asked for " + samples);
        }
        int chunk = Math.min(samples, 256);
        ModelRunner r = model.runner(chunk);
        List<Layer> layers = model.layers();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ParameterizedLayer) {
                at.add(i);
            }
        }
        double[] sum = new double[at.size()];
        double[] sumSq = new double[at.size()];
        long[] count = new long[at.size()];
        float[] buf = new float[chunk * in];
        for (int lo = 0; lo < samples; lo += chunk) {
            int m = Math.min(chunk, samples - lo);
            System.arraycopy(x, lo * in, buf, 0, m * in);
            r.forward(buf, m);
            for (int k = 0; k < at.size(); k++) {
                int li = at.get(k);
                float[] out = r.output(li);
                int n = m * layers.get(li).outputShape().size();
                double s = 0;
                double s2 = 0;
                for (int i = 0; i < n; i++) {
                    s += out[i];
                    s2 += (double) out[i] * out[i];
                }
                sum[k] += s;
                sumSq[k] += s2;
                count[k] += n;
            }
        }
        List<Moments> res = new ArrayList<>();
        for (int k = 0; k < at.size(); k++) {
            double mean = sum[k] / count[k];
            double var = Math.max(0, sumSq[k] / count[k] - mean * mean);
            res.add(new Moments("layer" + k, mean, var, count[k]));
        }
        return res;
    }
}
