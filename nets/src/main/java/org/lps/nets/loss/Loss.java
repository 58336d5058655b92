package org.lps.nets.loss;

/**
 * A loss on a batch of network outputs. Targets are class labels ({@code labels}, one per row) or values
 * ({@code values}, {@code dim} per row); a loss uses the kind it needs.
 */
public interface Loss {

    String name();

    /**
     * The loss summed over {@code rows} rows of {@code dim} outputs (divide by the batch for PyTorch's mean);
     * when {@code grad} is non-null also writes {@code scale} times the gradient of that sum into it.
     */
    double evaluate(float[] out, int rows, int dim, int[] labels, float[] values, float[] grad, float scale);

    /** Softmax followed by the negative log-likelihood of the label (PyTorch's CrossEntropyLoss). */
    static Loss softmaxCrossEntropy() {
        return new SoftmaxCrossEntropy();
    }

    /** Mean over the outputs of the squared error, per row (PyTorch's MSELoss); labels become one-hot targets. */
    static Loss meanSquaredError() {
        return new MeanSquaredError();
    }

    /** cross-entropy (or ce) and mse. */
    static Loss parse(String name) {
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cross-entropy": case "ce": case "crossentropy": return softmaxCrossEntropy();
            case "mse": return meanSquaredError();
            default: throw new IllegalArgumentException("unknown loss '" + name + "' (expected cross-entropy or mse)");
        }
    }
}
