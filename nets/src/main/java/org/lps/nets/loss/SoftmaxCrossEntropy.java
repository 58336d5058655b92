package org.lps.nets.loss;

/** -log softmax(out)[label], computed from the max-shifted logits so large logits do not overflow. */
final class SoftmaxCrossEntropy implements Loss {

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public double row(float[] out, int o, int dim, int label, float[] values, float[] grad, float scale) {
        if (label < 0 || label >= dim) {
            throw new IllegalArgumentException("cross-entropy needs a class label in 0.." + (dim - 1) + ", got " + label);
        }
        float max = out[o];
        for (int j = 1; j < dim; j++) {
            max = Math.max(max, out[o + j]);
        }
        double sum = 0;
        for (int j = 0; j < dim; j++) {
            sum += Math.exp(out[o + j] - max);
        }
        if (grad != null) {
            double inv = scale / sum;
            for (int j = 0; j < dim; j++) {
                grad[o + j] = (float) (Math.exp(out[o + j] - max) * inv);
            }
            grad[o + label] -= scale;
        }
        return Math.log(sum) + max - out[o + label];
    }
}
