package org.lps.nets.optim;

final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private int t;
    private float stepSize;
    private float invSqrtCorrection2;

    Adam(double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(lr, weightDecay);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0)) {
            throw new IllegalArgumentException("adam needs 0 <= beta1, beta2 < 1 and eps > 0");
        }
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    boolean usesSecondMoment() {
        return true;
    }

    @Override
    public void beginStep() {
        t++;
        stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        invSqrtCorrection2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
    }

    @Override
    void update(float[] w, float[] g, float[] m, float[] v, int from, int to) {
        float b1 = beta1;
        float b2 = beta2;
        for (int i = from; i < to; i++) {
            float d = g[i] + weightDecay * w[i];
            float mi = b1 * m[i] + (1 - b1) * d;
            float vi = b2 * v[i] + (1 - b2) * d * d;
            m[i] = mi;
            v[i] = vi;
            // PyTorch: w -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)
            w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtCorrection2 + eps);
        }
    }
}
