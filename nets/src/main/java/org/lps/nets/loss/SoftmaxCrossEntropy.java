package org.lps.nets.loss;

/** -log softmax(out)[label], computed from the max-shifted logits so large logits do not overflow. */
final class SoftmaxCrossEntropy implements Loss {

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public double evaluate(float[] out, int rows, int dim, int[] labels, float[] values, float[] grad, float scale) {
        if (labels == null) {
            throw new IllegalArgumentException("cross-entropy needs class labels");
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            int label = labels[r];
            if (label < 0 || label >= dim) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (dim - 1));
            }
            float max = out[o];
            for (int j = 1; j < dim; j++) {
                max = Math.max(max, out[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                sum += Math.exp(out[o + j] - max);
            }
            total += Math.log(sum) + max - out[o + label];
            if (grad != null) {
                double inv = scale / sum;
                for (int j = 0; j < dim; j++) {
                    grad[o + j] = (float) (Math.exp(out[o + j] - max) * inv);
                }
                grad[o + label] -= scale;
            }
        }
        return total;
    }
}
