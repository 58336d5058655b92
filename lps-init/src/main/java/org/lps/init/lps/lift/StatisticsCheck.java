package org.lps.init.lps.lift;

import java.util.ArrayList;
import java.util.List;
import org.lps.nets.model.Model;
import org.lps.nets.model.PreActivations;

/**
 * docs/design.md, LPS step 6: the predicted pre-activation statistics of every layer against the ones measured on data, at
 * initialization. The mean's error is measured in units of the predicted standard deviation (a relative error
 * means nothing for the output layer's predicted mean 0), the standard deviation's relative to itself.
 */
public final class StatisticsCheck {

    /** One layer: predicted and measured mean and standard deviation, and the two errors. */
    public record Row(String layer, double predictedMean, double measuredMean, double predictedStd, double measuredStd) {

        /** |measured mean - predicted mean| / predicted std. */
        public double meanError() {
            return Math.abs(measuredMean - predictedMean) / predictedStd;
        }

        /** |measured std / predicted std - 1|. */
        public double stdError() {
            return Math.abs(measuredStd / predictedStd - 1);
        }

        public boolean within(double tolerance) {
            return meanError() <= tolerance && stdError() <= tolerance;
        }
    }

    private StatisticsCheck() {
    }

    /** Runs the first {@code samples} samples of {@code x} through the initialized model and compares. */
    public static List<Row> compare(Model model, List<LayerPrediction> predicted, float[] x, int samples) {
        List<PreActivations.Moments> measured = PreActivations.measure(model, x, samples);
        if (measured.size() != predicted.size()) {
            throw new IllegalArgumentException("the model has " + measured.size() + " layers, the prediction "
                    + predicted.size() + ": not the model that was initialized");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            LayerPrediction p = predicted.get(i);
            PreActivations.Moments m = measured.get(i);
            rows.add(new Row(p.layer(), p.predictedMean(), m.mean(), p.predictedStd(), m.std()));
        }
        return rows;
    }
}
