package org.lps.nets.loss;

import java.util.Locale;

/**
 * A loss on network outputs, row by row. Targets are class labels (one per row) or values ({@code dim} per
 * row, laid out as the outputs); a loss uses the kind it needs.
 */
public interface Loss {

    String name();

    /**
     * The loss of the row {@code out[off, off + dim)} against {@code label} (or {@code values[off, off + dim)}
     * when {@code values} is non-null); when {@code grad} is non-null also writes {@code scale} times its
     * gradient into {@code grad[off, off + dim)}.
     */
    double row(float[] out, int off, int dim, int label, float[] values, float[] grad, float scale);

    /** The loss summed over {@code rows} rows (divide by the batch for PyTorch's mean), gradients as {@link #row}. */
    default double evaluate(float[] out, int rows, int dim, int[] labels, float[] values, float[] grad, float scale) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += row(out, r * dim, dim, labels == null ? -1 : labels[r], values, grad, scale);
        }
        return total;
    }

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
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "cross-entropy": case "ce": case "crossentropy": return softmaxCrossEntropy();
            case "mse": return meanSquaredError();
            default: throw new IllegalArgumentException("--loss '" + name + "': expected cross-entropy or mse");
        }
    }
}
