package org.lps.nets.loss;

/** Per row, the mean over its {@code dim} outputs of (out - target)^2. */
final class MeanSquaredError implements Loss {

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double row(float[] out, int o, int dim, int label, float[] values, float[] grad, float scale) {
        if (values == null && (label < 0 || label >= dim)) {
            throw new IllegalArgumentException("mse needs target values or a label in 0.." + (dim - 1));
        }
        double row = 0;
        float g = 2f * scale / dim;
        for (int j = 0; j < dim; j++) {
            float t = values != null ? values[o + j] : (label == j ? 1f : 0f);
            float e = out[o + j] - t;
            row += (double) e * e;
            if (grad != null) {
                grad[o + j] = g * e;
            }
        }
        return row / dim;
    }
}
