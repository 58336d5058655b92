package org.lps.init.lps.lift;

import org.lps.init.lps.LpsSettings;

/**
 * What the lift set up for one dense or conv layer and what it predicts (docs/design.md, LPS steps 5-6): the statistics of
 * the layer's input it centred and scaled with, and the mean and standard deviation of the layer's pre-activation
 * (its output), pooled over units, positions and samples.
 *
 * @param layer         layerN, as in weight files
 * @param kind          dense or conv2d
 * @param fanIn         inputs per unit
 * @param units         output units (channels for conv)
 * @param output        true for the last layer (LeCun-scaled and centred, no block)
 * @param inputMean     m_in
 * @param inputStd      s_in
 * @param predictedMean predicted pre-activation mean
 * @param predictedStd  predicted pre-activation standard deviation
 * @param gain          the factor on the units' prototypes (1 for the output layer, see {@link LpsSettings#gain})
 */
public record LayerPrediction(String layer, String kind, int fanIn, int units, boolean output, double inputMean,
                              double inputStd, double predictedMean, double predictedStd, double gain) {
}
