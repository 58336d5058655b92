package org.lps.init;

/**
 * What a scheme predicts for one layer's pre-activations (the output of a dense or conv2d layer, before its
 * activation) on standardized inputs, over all units and samples: {@code lps init --data} prints it next
 * to the measurement of {@link org.lps.nets.model.PreActivations#measure}.
 *
 * @param layer {@code layer0}, {@code layer1}, ... as in weight files
 */
public record PredictedMoments(String layer, double mean, double variance) {

    public double std() {
        return Math.sqrt(variance);
    }
}
