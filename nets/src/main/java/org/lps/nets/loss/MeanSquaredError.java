package org.lps.nets.loss;

/** Per row, the mean over its {@code dim} outputs of (out - target)^2. */
final class MeanSquaredError implements Loss {

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double evaluate(float[] out, int rows, int dim, int[] labels, float[] values, float[] grad, float scale) {
        if (labels == null && values == null) {
            throw new IllegalArgumentException("mse needs target values or labels");
        }
        double total = 0;
        float g = 2f * scale / dim;
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            double row = 0;
            for (int j = 0; j < dim; j++) {
                float t = values != null ? values[o + j] : (labels[r] == j ? 1f : 0f);
                float e = out[o + j] - t;
                row += (double) e * e;
                if (grad != null) {
                    grad[o + j] = g * e;
                }
            }
            total += row / dim;
        }
        return total;
    }
}
