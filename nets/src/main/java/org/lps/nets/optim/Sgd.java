package org.lps.nets.optim;

final class Sgd extends Optimizer {
    private final float momentum;

    Sgd(double lr, double momentum, double weightDecay) {
        super(lr, weightDecay);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = (float) momentum;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    void update(float[] w, float[] g, float[] buf, float[] unused, int from, int to) {
        float m = momentum;
        float wd = weightDecay;
        float rate = lr;
        for (int i = from; i < to; i++) {
            float d = g[i] + wd * w[i];
            float b = m * buf[i] + d; // the first step has buf = 0, i.e. buf = d as PyTorch
            buf[i] = b;
            w[i] -= rate * b;
        }
    }
}
